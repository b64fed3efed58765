ALTER TABLE "projects" ADD COLUMN "github_token" text;--> statement-breakpoint
ALTER TABLE "pull_requests" ADD COLUMN "gates_status" text;