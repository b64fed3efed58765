CREATE TABLE "schedule_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"environment_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"deployment_id" integer,
	"outcome" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "deployments_environment";--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "purpose" text DEFAULT 'deploy' NOT NULL;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "phase" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "verify_status" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "switch_status" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "runner" text;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "pid" integer;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "cancel_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "callback_token_hash" text;--> statement-breakpoint
ALTER TABLE "environments" ADD COLUMN "status" text DEFAULT 'ready' NOT NULL;--> statement-breakpoint
ALTER TABLE "environments" ADD COLUMN "provision_log" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "auto_promote" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "line_stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "line_stopped_by" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "line_stopped_reason" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "freeze_windows" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "releases" ADD COLUMN "pinned_reason" text;--> statement-breakpoint
ALTER TABLE "work_items" ADD COLUMN "qa_sign_off_note" text;--> statement-breakpoint
ALTER TABLE "schedule_runs" ADD CONSTRAINT "schedule_runs_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_runs_slot" ON "schedule_runs" USING btree ("environment_id","due_at");--> statement-breakpoint
CREATE INDEX "deployments_active" ON "deployments" USING btree ("finished_at","status");--> statement-breakpoint
CREATE INDEX "deployments_environment" ON "deployments" USING btree ("environment_id","slot","status");