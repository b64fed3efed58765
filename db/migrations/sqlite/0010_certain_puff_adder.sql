DROP INDEX `stage_intervals_left`;--> statement-breakpoint
CREATE INDEX `stage_intervals_left` ON `stage_intervals` (`project_id`,`left_at`,`stage`,`entered_at`);