ALTER TABLE `alerts` ADD `annotations` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `alerts` ADD `generator_url` text;--> statement-breakpoint
ALTER TABLE `alerts` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `alerts_firing` ON `alerts` (`project_id`,`status`);--> statement-breakpoint
CREATE INDEX `alerts_environment` ON `alerts` (`environment_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `projects` ADD `alert_environment_label` text;