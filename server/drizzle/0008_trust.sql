CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`hall_id` text,
	`staff_id` text NOT NULL,
	`staff_username` text NOT NULL,
	`staff_role` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_hall_at` ON `audit_log` (`hall_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_staff_at` ON `audit_log` (`staff_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`caller` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`caller`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_at` ON `idempotency_keys` (`at`);--> statement-breakpoint
ALTER TABLE `devices` ADD `window_id` text;--> statement-breakpoint
CREATE INDEX `events_hall_type_seq` ON `events` (`hall_id`,`type`,`seq`);--> statement-breakpoint
CREATE INDEX `tickets_hall_category_state_finished` ON `tickets` (`hall_id`,`category_id`,`state`,`finished_at`);--> statement-breakpoint
CREATE INDEX `tickets_party` ON `tickets` (`party_id`);--> statement-breakpoint
-- AU1: the audit log is append-only from the application. No entry is ever changed;
-- an entry is deleted only by the retention purge, and never while it is within
-- 180 days of the newest entry (the legal minimum for keeping such logs).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_early_delete` BEFORE DELETE ON `audit_log`
WHEN OLD.`at` > (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', max(`at`), '-180 days') FROM `audit_log`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log entries are kept at least 180 days');
END;
