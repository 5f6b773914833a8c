CREATE TABLE `queue_counts` (
	`hall_id` text NOT NULL,
	`category_id` text NOT NULL,
	`day` text NOT NULL,
	`waiting` integer NOT NULL,
	PRIMARY KEY(`hall_id`, `category_id`, `day`)
);
--> statement-breakpoint
INSERT INTO `queue_counts` (`hall_id`, `category_id`, `day`, `waiting`)
  SELECT `hall_id`, `category_id`, `day`, count(*) FROM `tickets` WHERE `state` = 'waiting' GROUP BY `hall_id`, `category_id`, `day`;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_issued` AFTER INSERT ON `tickets` WHEN new.`state` = 'waiting'
BEGIN
  INSERT OR IGNORE INTO `queue_counts` (`hall_id`, `category_id`, `day`, `waiting`) VALUES (new.`hall_id`, new.`category_id`, new.`day`, 0);
  UPDATE `queue_counts` SET `waiting` = `waiting` + 1 WHERE `hall_id` = new.`hall_id` AND `category_id` = new.`category_id` AND `day` = new.`day`;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_left` AFTER UPDATE OF `state`, `category_id`, `day`, `hall_id` ON `tickets`
  WHEN old.`state` = 'waiting' AND (new.`state` <> 'waiting' OR new.`category_id` <> old.`category_id` OR new.`day` <> old.`day` OR new.`hall_id` <> old.`hall_id`)
BEGIN
  UPDATE `queue_counts` SET `waiting` = `waiting` - 1 WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day`;
  DELETE FROM `queue_counts` WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day` AND `waiting` <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_joined` AFTER UPDATE OF `state`, `category_id`, `day`, `hall_id` ON `tickets`
  WHEN new.`state` = 'waiting' AND (old.`state` <> 'waiting' OR new.`category_id` <> old.`category_id` OR new.`day` <> old.`day` OR new.`hall_id` <> old.`hall_id`)
BEGIN
  INSERT OR IGNORE INTO `queue_counts` (`hall_id`, `category_id`, `day`, `waiting`) VALUES (new.`hall_id`, new.`category_id`, new.`day`, 0);
  UPDATE `queue_counts` SET `waiting` = `waiting` + 1 WHERE `hall_id` = new.`hall_id` AND `category_id` = new.`category_id` AND `day` = new.`day`;
END;
--> statement-breakpoint
CREATE TRIGGER `queue_counts_deleted` AFTER DELETE ON `tickets` WHEN old.`state` = 'waiting'
BEGIN
  UPDATE `queue_counts` SET `waiting` = `waiting` - 1 WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day`;
  DELETE FROM `queue_counts` WHERE `hall_id` = old.`hall_id` AND `category_id` = old.`category_id` AND `day` = old.`day` AND `waiting` <= 0;
END;
