CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`rating_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`ticket_number` text NOT NULL,
	`day` text NOT NULL,
	`level` integer NOT NULL,
	`reasons` text NOT NULL,
	`comment` text,
	`window_id` text,
	`category_id` text NOT NULL,
	`opened_at` text NOT NULL,
	`due_at` text NOT NULL,
	`assignee_staff_id` text,
	`contact_name` text,
	`contact_phone` text,
	`status` text NOT NULL,
	`contacted_at` text,
	`contact_note` text,
	`finding` text,
	`justified` integer,
	`rectification` text,
	`closed_at` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_rating_id_unique` ON `follow_ups` (`rating_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_hall_status` ON `follow_ups` (`hall_id`,`status`);--> statement-breakpoint
CREATE INDEX `follow_ups_hall_day` ON `follow_ups` (`hall_id`,`day`);--> statement-breakpoint
ALTER TABLE `bundles` ADD `before` text;--> statement-breakpoint
ALTER TABLE `bundles` ADD `legal_days` integer;--> statement-breakpoint
ALTER TABLE `bundles` ADD `sort_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `bundles` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `service_items` ADD `before` text;--> statement-breakpoint
ALTER TABLE `service_items` ADD `legal_days` integer;--> statement-breakpoint
ALTER TABLE `service_items` ADD `sort_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `service_items` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `categories` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `halls` ADD `region_id` text;--> statement-breakpoint
ALTER TABLE `halls` ADD `sort_order` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `halls` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `case_number` text;--> statement-breakpoint
ALTER TABLE `windows` ADD `retired_at` text;