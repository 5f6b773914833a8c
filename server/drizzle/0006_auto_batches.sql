PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`day` text NOT NULL,
	`number` integer NOT NULL,
	`admitted_at` text NOT NULL,
	`people` integer NOT NULL,
	`party_ids` text NOT NULL,
	`staff_id` text,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_batches`("id", "hall_id", "day", "number", "admitted_at", "people", "party_ids", "staff_id") SELECT "id", "hall_id", "day", "number", "admitted_at", "people", "party_ids", "staff_id" FROM `batches`;--> statement-breakpoint
DROP TABLE `batches`;--> statement-breakpoint
ALTER TABLE `__new_batches` RENAME TO `batches`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `batches_hall_day_number` ON `batches` (`hall_id`,`day`,`number`);