DROP INDEX "stage_intervals_entered";--> statement-breakpoint
ALTER TABLE "stage_intervals" ADD COLUMN "from_stage" text;--> statement-breakpoint
ALTER TABLE "stage_intervals" ADD COLUMN "next_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stage_intervals" ADD COLUMN "live_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "stage_intervals_entered" ON "stage_intervals" USING btree ("project_id","entered_at","stage","item_id","from_stage","next_at","live_at");--> statement-breakpoint
UPDATE stage_intervals SET from_stage = (SELECT p.stage FROM stage_intervals p WHERE p.item_id = stage_intervals.item_id AND p.left_at = stage_intervals.entered_at AND p.id <> stage_intervals.id ORDER BY p.id DESC LIMIT 1);--> statement-breakpoint
UPDATE stage_intervals SET next_at = left_at WHERE EXISTS (SELECT 1 FROM stage_intervals n WHERE n.item_id = stage_intervals.item_id AND n.entered_at = stage_intervals.left_at AND n.id <> stage_intervals.id AND n.stage = (CASE stage_intervals.stage WHEN 'idea' THEN 'story' WHEN 'story' THEN 'code' WHEN 'code' THEN 'build' WHEN 'build' THEN 'test' WHEN 'test' THEN 'live' END));--> statement-breakpoint
UPDATE stage_intervals SET live_at = (SELECT min(l.entered_at) FROM stage_intervals l WHERE l.item_id = stage_intervals.item_id AND l.stage = 'live' AND l.entered_at >= stage_intervals.entered_at AND l.id <> stage_intervals.id);
