CREATE TABLE `schedule_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`environment_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`deployment_id` integer,
	`outcome` text NOT NULL,
	FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schedule_runs_slot` ON `schedule_runs` (`environment_id`,`due_at`);--> statement-breakpoint
DROP INDEX `deployments_environment`;--> statement-breakpoint
ALTER TABLE `deployments` ADD `purpose` text DEFAULT 'deploy' NOT NULL;--> statement-breakpoint
ALTER TABLE `deployments` ADD `phase` text;--> statement-breakpoint
ALTER TABLE `deployments` ADD `verify_status` text;--> statement-breakpoint
ALTER TABLE `deployments` ADD `switch_status` text;--> statement-breakpoint
ALTER TABLE `deployments` ADD `error` text;--> statement-breakpoint
ALTER TABLE `deployments` ADD `runner` text;--> statement-breakpoint
ALTER TABLE `deployments` ADD `pid` integer;--> statement-breakpoint
ALTER TABLE `deployments` ADD `heartbeat_at` integer;--> statement-breakpoint
ALTER TABLE `deployments` ADD `deadline_at` integer;--> statement-breakpoint
ALTER TABLE `deployments` ADD `cancel_requested_at` integer;--> statement-breakpoint
ALTER TABLE `deployments` ADD `callback_token_hash` text;--> statement-breakpoint
CREATE INDEX `deployments_active` ON `deployments` (`finished_at`,`status`);--> statement-breakpoint
CREATE INDEX `deployments_environment` ON `deployments` (`environment_id`,`slot`,`status`);--> statement-breakpoint
ALTER TABLE `environments` ADD `status` text DEFAULT 'ready' NOT NULL;--> statement-breakpoint
ALTER TABLE `environments` ADD `provision_log` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `auto_promote` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `projects` ADD `line_stopped_at` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `line_stopped_by` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `line_stopped_reason` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `freeze_windows` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `releases` ADD `pinned_at` integer;--> statement-breakpoint
ALTER TABLE `releases` ADD `pinned_reason` text;--> statement-breakpoint
ALTER TABLE `work_items` ADD `qa_sign_off_note` text;