ALTER TABLE "work_items" ADD COLUMN "source" text;--> statement-breakpoint
CREATE UNIQUE INDEX "work_items_project_source" ON "work_items" USING btree ("project_id","source");