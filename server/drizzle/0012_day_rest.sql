ALTER TABLE `appointments` ADD `mobile_hash` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `demo_token` text;--> statement-breakpoint
ALTER TABLE `halls` ADD `address` text DEFAULT '' NOT NULL;