ALTER TABLE `appointments` ADD `item_id` text;--> statement-breakpoint
ALTER TABLE `appointments` ADD `bundle_id` text;