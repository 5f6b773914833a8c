DROP INDEX `ratings_ticket_id_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket_window` ON `ratings` (`ticket_id`,`window_id`);