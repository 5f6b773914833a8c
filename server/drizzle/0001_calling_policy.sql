ALTER TABLE `tickets` ADD `slot_start` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `target_window_id` text;--> statement-breakpoint
ALTER TABLE `windows` ADD `normal_since_priority` integer DEFAULT 0 NOT NULL;