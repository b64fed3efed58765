ALTER TABLE `work_items` ADD `source` text;--> statement-breakpoint
CREATE UNIQUE INDEX `work_items_project_source` ON `work_items` (`project_id`,`source`);