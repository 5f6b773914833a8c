ALTER TABLE `tickets` ADD `priority_reason` text;--> statement-breakpoint
ALTER TABLE `tickets` ADD `ahead_at_issue` integer;