CREATE TABLE `batches` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`day` text NOT NULL,
	`number` integer NOT NULL,
	`admitted_at` text NOT NULL,
	`people` integer NOT NULL,
	`party_ids` text NOT NULL,
	`staff_id` text NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_hall_day_number` ON `batches` (`hall_id`,`day`,`number`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`prefix` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_hall_prefix` ON `categories` (`hall_id`,`prefix`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_hash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE TABLE `events` (
	`hall_id` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`hall_id`, `seq`),
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `halls` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`timezone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`floor_area_m2` real NOT NULL,
	`area_per_person_m2` real NOT NULL,
	`max_occupancy` integer,
	`staff_on_floor` integer DEFAULT 0 NOT NULL,
	`holding_capacity` integer NOT NULL,
	`batch_size` integer NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `parties` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`day` text NOT NULL,
	`lead_name` text NOT NULL,
	`display_name` text NOT NULL,
	`size` integer NOT NULL,
	`state` text NOT NULL,
	`category_id` text NOT NULL,
	`appointment_code` text,
	`slot_start` text,
	`arrived_at` text NOT NULL,
	`screened_at` text,
	`admitted_at` text,
	`exited_at` text,
	`batch_id` text,
	`batch_number` integer,
	`ticket_id` text,
	`denial_reasons` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parties_hall_state` ON `parties` (`hall_id`,`state`);--> statement-breakpoint
CREATE INDEX `parties_hall_day` ON `parties` (`hall_id`,`day`);--> statement-breakpoint
CREATE TABLE `screenings` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`party_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`at` text NOT NULL,
	`readings` text,
	`admitted` integer NOT NULL,
	`reasons` text NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screenings_hall_at` ON `screenings` (`hall_id`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`hall_id` text,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`disabled_at` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`day` text NOT NULL,
	`category_id` text NOT NULL,
	`prefix` text NOT NULL,
	`counter` integer NOT NULL,
	`number` text NOT NULL,
	`state` text NOT NULL,
	`priority` integer DEFAULT false NOT NULL,
	`window_id` text,
	`party_id` text,
	`party_size` integer DEFAULT 1 NOT NULL,
	`public_token` text NOT NULL,
	`queued_at` text NOT NULL,
	`issued_at` text NOT NULL,
	`called_at` text,
	`call_count` integer DEFAULT 0 NOT NULL,
	`service_started_at` text,
	`finished_at` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_public_token_unique` ON `tickets` (`public_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_hall_day_prefix_counter` ON `tickets` (`hall_id`,`day`,`prefix`,`counter`);--> statement-breakpoint
CREATE INDEX `tickets_hall_state` ON `tickets` (`hall_id`,`state`);--> statement-breakpoint
CREATE TABLE `windows` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`number` integer NOT NULL,
	`category_ids` text NOT NULL,
	`state` text DEFAULT 'closed' NOT NULL,
	`current_ticket_id` text,
	`clerk_staff_id` text,
	`clerk_name` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `windows_hall_number` ON `windows` (`hall_id`,`number`);