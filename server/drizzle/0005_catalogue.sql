CREATE TABLE `bundles` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`item_ids` text NOT NULL,
	`mode` text NOT NULL,
	`category_id` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_items` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`category_id` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`materials` text NOT NULL,
	`typical_minutes` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ticket_items` (
	`ticket_id` text NOT NULL,
	`item_id` text NOT NULL,
	`position` integer NOT NULL,
	`hall_id` text NOT NULL,
	`state` text NOT NULL,
	`done_at` text,
	`window_id` text,
	PRIMARY KEY(`ticket_id`, `item_id`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `service_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_items_hall` ON `ticket_items` (`hall_id`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `bundle_id` text;