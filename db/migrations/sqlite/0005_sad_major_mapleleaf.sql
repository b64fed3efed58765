ALTER TABLE `projects` ADD `github_token` text;--> statement-breakpoint
ALTER TABLE `pull_requests` ADD `gates_status` text;