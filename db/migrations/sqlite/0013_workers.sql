CREATE TABLE `worker_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`deployment_id` integer,
	`environment_id` integer,
	`phase` text NOT NULL,
	`payload` text NOT NULL,
	`timeout_seconds` integer NOT NULL,
	`tags` text NOT NULL,
	`restricted` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`worker_id` integer,
	`claimed_at` integer,
	`started_at` integer,
	`heartbeat_at` integer,
	`finished_at` integer,
	`cancel_requested_at` integer,
	`exit_code` integer,
	`summary` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `worker_jobs_status` ON `worker_jobs` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `worker_jobs_deployment` ON `worker_jobs` (`deployment_id`,`phase`);--> statement-breakpoint
CREATE TABLE `workers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`tags` text NOT NULL,
	`project_ids` text NOT NULL,
	`built_in` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	`last_seen_at` integer,
	`version` text,
	`hostname` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workers_hash` ON `workers` (`hash`);