CREATE TABLE `ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`day` text NOT NULL,
	`window_id` text,
	`clerk_staff_id` text,
	`category_id` text NOT NULL,
	`level` integer NOT NULL,
	`reasons` text NOT NULL,
	`comment` text,
	`source` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket_id_unique` ON `ratings` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ratings_hall_day` ON `ratings` (`hall_id`,`day`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `rating` integer;--> statement-breakpoint
ALTER TABLE `tickets` ADD `clerk_staff_id` text;