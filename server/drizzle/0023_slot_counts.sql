CREATE TABLE `slot_counts` (
	`hall_id` text NOT NULL,
	`category_id` text NOT NULL,
	`day` text NOT NULL,
	`slot_start` text NOT NULL,
	`taken` integer NOT NULL,
	PRIMARY KEY(`hall_id`, `category_id`, `day`, `slot_start`)
);
--> statement-breakpoint
INSERT INTO `slot_counts` (`hall_id`, `category_id`, `day`, `slot_start`, `taken`)
  SELECT `hall_id`, `category_id`, `day`, `slot_start`, sum(`n`) FROM (
    SELECT `hall_id`, `category_id`, `day`, `slot_start`, count(*) AS `n` FROM `appointments` WHERE `status` IN ('booked', 'arrived') GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT `hall_id`, `category_id`, `day`, `slot_start`, count(*) AS `n` FROM `parties` WHERE `appointment_code` IS NULL AND `state` <> 'denied' AND `slot_start` IS NOT NULL GROUP BY 1, 2, 3, 4
  ) GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `slot_counts_booked` AFTER INSERT ON `appointments` WHEN new.`status` IN ('booked', 'arrived')
BEGIN
  INSERT OR IGNORE INTO `slot_counts` (`hall_id`, `category_id`, `day`, `slot_start`, `taken`) SELECT new.`hall_id`, new.`category_id`, new.`day`, new.`slot_start`, 0;
  UPDATE `slot_counts` SET `taken` = `taken` + 1 WHERE `hall_id` = new.`hall_id` AND `category_id` = new.`category_id` AND `day` = new.`day` AND `slot_start` = new.`slot_start`;
END;
--> statement-breakpoint
CREATE TRIGGER `slot_counts_rebooked` AFTER UPDATE OF `status`, `hall_id`, `category_id`, `day`, `slot_start` ON `appointments`
  WHEN old.`status` IN ('booked', 'arrived') OR new.`status` IN ('booked', 'arrived')
BEGIN
  UPDATE `slot_counts` SET `taken` = `taken` - 1 WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day` AND `slot_start` = old.`slot_start` AND old.`status` IN ('booked', 'arrived');
  INSERT OR IGNORE INTO `slot_counts` (`hall_id`, `category_id`, `day`, `slot_start`, `taken`) SELECT new.`hall_id`, new.`category_id`, new.`day`, new.`slot_start`, 0 WHERE new.`status` IN ('booked', 'arrived');
  UPDATE `slot_counts` SET `taken` = `taken` + 1 WHERE `hall_id` = new.`hall_id` AND `category_id` = new.`category_id` AND `day` = new.`day` AND `slot_start` = new.`slot_start` AND new.`status` IN ('booked', 'arrived');
END;
--> statement-breakpoint
CREATE TRIGGER `slot_counts_unbooked` AFTER DELETE ON `appointments` WHEN old.`status` IN ('booked', 'arrived')
BEGIN
  UPDATE `slot_counts` SET `taken` = `taken` - 1 WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day` AND `slot_start` = old.`slot_start`;
END;
--> statement-breakpoint
CREATE TRIGGER `slot_counts_walked_in` AFTER INSERT ON `parties` WHEN new.`appointment_code` IS NULL AND new.`state` <> 'denied' AND new.`slot_start` IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO `slot_counts` (`hall_id`, `category_id`, `day`, `slot_start`, `taken`) SELECT new.`hall_id`, new.`category_id`, new.`day`, new.`slot_start`, 0;
  UPDATE `slot_counts` SET `taken` = `taken` + 1 WHERE `hall_id` = new.`hall_id` AND `category_id` = new.`category_id` AND `day` = new.`day` AND `slot_start` = new.`slot_start`;
END;
--> statement-breakpoint
CREATE TRIGGER `slot_counts_walk_in_changed` AFTER UPDATE OF `state`, `appointment_code`, `hall_id`, `category_id`, `day`, `slot_start` ON `parties`
  WHEN (old.`appointment_code` IS NULL AND old.`state` <> 'denied' AND old.`slot_start` IS NOT NULL) OR (new.`appointment_code` IS NULL AND new.`state` <> 'denied' AND new.`slot_start` IS NOT NULL)
BEGIN
  UPDATE `slot_counts` SET `taken` = `taken` - 1 WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day` AND `slot_start` = old.`slot_start` AND old.`appointment_code` IS NULL AND old.`state` <> 'denied' AND old.`slot_start` IS NOT NULL;
  INSERT OR IGNORE INTO `slot_counts` (`hall_id`, `category_id`, `day`, `slot_start`, `taken`) SELECT new.`hall_id`, new.`category_id`, new.`day`, new.`slot_start`, 0 WHERE new.`appointment_code` IS NULL AND new.`state` <> 'denied' AND new.`slot_start` IS NOT NULL;
  UPDATE `slot_counts` SET `taken` = `taken` + 1 WHERE `hall_id` = new.`hall_id` AND `category_id` = new.`category_id` AND `day` = new.`day` AND `slot_start` = new.`slot_start` AND new.`appointment_code` IS NULL AND new.`state` <> 'denied' AND new.`slot_start` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `slot_counts_walk_in_removed` AFTER DELETE ON `parties` WHEN old.`appointment_code` IS NULL AND old.`state` <> 'denied' AND old.`slot_start` IS NOT NULL
BEGIN
  UPDATE `slot_counts` SET `taken` = `taken` - 1 WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day` AND `slot_start` = old.`slot_start`;
END;
