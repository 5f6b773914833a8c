DROP INDEX `tickets_hall_state`;--> statement-breakpoint
DROP INDEX `tickets_call_order`;--> statement-breakpoint
CREATE INDEX `tickets_hall_state_day` ON `tickets` (`hall_id`,`state`,`day`);--> statement-breakpoint
CREATE INDEX `tickets_call_order_place` ON `tickets` (`hall_id`,`category_id`,`state`,`priority`,`queued_at`,`number`,`day`,`slot_start`);