CREATE TABLE `prevention_level_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`scope` text NOT NULL,
	`region_id` text,
	`from_level` text,
	`to_level` text NOT NULL,
	`reason` text NOT NULL,
	`staff_id` text NOT NULL,
	`staff_username` text NOT NULL,
	`created_at` text NOT NULL,
	`effective_at` text NOT NULL,
	`applied_at` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `level_changes_hall_created` ON `prevention_level_changes` (`hall_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `level_changes_pending` ON `prevention_level_changes` (`applied_at`,`effective_at`);--> statement-breakpoint
ALTER TABLE `halls` ADD `prevention_level` text DEFAULT 'strict' NOT NULL;