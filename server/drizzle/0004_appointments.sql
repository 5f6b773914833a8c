CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`code` text NOT NULL,
	`category_id` text NOT NULL,
	`day` text NOT NULL,
	`slot_start` text NOT NULL,
	`slot_local` text NOT NULL,
	`name` text NOT NULL,
	`id_hash` text NOT NULL,
	`id_masked` text NOT NULL,
	`mobile_last4` text NOT NULL,
	`mobile_masked` text NOT NULL,
	`party_size` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_code_unique` ON `appointments` (`code`);--> statement-breakpoint
CREATE INDEX `appointments_slot` ON `appointments` (`hall_id`,`category_id`,`slot_start`);--> statement-breakpoint
CREATE INDEX `appointments_id_day` ON `appointments` (`id_hash`,`day`);--> statement-breakpoint
CREATE TABLE `installation_secrets` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
