CREATE TABLE `entry_log` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`people` integer NOT NULL,
	`party_id` text,
	`batch_number` integer,
	`display_name` text,
	`ticket_number` text,
	`staff_id` text,
	`reason` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `entry_log_hall_at` ON `entry_log` (`hall_id`,`at`);--> statement-breakpoint
ALTER TABLE `halls` ADD `occupancy_adjustment` integer DEFAULT 0 NOT NULL;