ALTER TABLE "alerts" ADD COLUMN "annotations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "generator_url" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "alert_environment_label" text;--> statement-breakpoint
CREATE INDEX "alerts_firing" ON "alerts" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "alerts_environment" ON "alerts" USING btree ("environment_id","starts_at");