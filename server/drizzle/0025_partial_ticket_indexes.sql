DROP INDEX `tickets_hall_category_state_finished`;--> statement-breakpoint
DROP INDEX `tickets_slot_order`;--> statement-breakpoint
DROP INDEX `tickets_party`;--> statement-breakpoint
CREATE INDEX `tickets_hall_category_state_finished` ON `tickets` (`hall_id`,`category_id`,`state`,`finished_at`) WHERE "tickets"."finished_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_slot_order` ON `tickets` (`hall_id`,`category_id`,`state`,`priority`,`slot_start`,`day`) WHERE "tickets"."slot_start" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_party` ON `tickets` (`party_id`) WHERE "tickets"."party_id" IS NOT NULL;