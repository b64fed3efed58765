CREATE TABLE "worker_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"deployment_id" integer,
	"environment_id" integer,
	"phase" text NOT NULL,
	"payload" text NOT NULL,
	"timeout_seconds" integer NOT NULL,
	"tags" jsonb NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"worker_id" integer,
	"claimed_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested_at" timestamp with time zone,
	"exit_code" integer,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"tags" jsonb NOT NULL,
	"project_ids" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	"version" text,
	"hostname" text
);
--> statement-breakpoint
ALTER TABLE "worker_jobs" ADD CONSTRAINT "worker_jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_jobs_status" ON "worker_jobs" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "worker_jobs_deployment" ON "worker_jobs" USING btree ("deployment_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_hash" ON "workers" USING btree ("hash");