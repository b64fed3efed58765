DROP INDEX `stage_intervals_item`;--> statement-breakpoint
DROP INDEX `stage_intervals_project_stage`;--> statement-breakpoint
CREATE INDEX `stage_intervals_entered` ON `stage_intervals` (`project_id`,`entered_at`,`stage`,`item_id`);--> statement-breakpoint
CREATE INDEX `stage_intervals_left` ON `stage_intervals` (`project_id`,`left_at`,`stage`);--> statement-breakpoint
CREATE INDEX `stage_intervals_item` ON `stage_intervals` (`item_id`,`stage`,`entered_at`);--> statement-breakpoint
CREATE INDEX `stage_intervals_project_stage` ON `stage_intervals` (`project_id`,`stage`,`entered_at`);