DROP INDEX `appointments_slot`;--> statement-breakpoint
CREATE INDEX `appointments_day_slot` ON `appointments` (`hall_id`,`category_id`,`day`,`status`,`slot_start`);--> statement-breakpoint
CREATE INDEX `parties_day_slot` ON `parties` (`hall_id`,`category_id`,`day`,`slot_start`,`appointment_code`,`state`);