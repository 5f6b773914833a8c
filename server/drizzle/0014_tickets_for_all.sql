ALTER TABLE `appointments` ADD `id_type` text DEFAULT 'resident' NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `inside` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `priority_reason` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `ahead_at_issue` integer;