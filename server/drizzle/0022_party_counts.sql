CREATE TABLE `party_counts` (
	`hall_id` text NOT NULL,
	`state` text NOT NULL,
	`people` integer NOT NULL,
	PRIMARY KEY(`hall_id`, `state`)
);
--> statement-breakpoint
INSERT INTO `party_counts` (`hall_id`, `state`, `people`)
  SELECT `hall_id`, `state`, sum(`size`) FROM `parties` WHERE `state` IN ('admitted', 'holding') GROUP BY `hall_id`, `state`;
--> statement-breakpoint
CREATE TRIGGER `party_counts_added` AFTER INSERT ON `parties` WHEN new.`state` IN ('admitted', 'holding')
BEGIN
  INSERT OR IGNORE INTO `party_counts` (`hall_id`, `state`, `people`) VALUES (new.`hall_id`, new.`state`, 0);
  UPDATE `party_counts` SET `people` = `people` + new.`size` WHERE `hall_id` = new.`hall_id` AND `state` = new.`state`;
END;
--> statement-breakpoint
CREATE TRIGGER `party_counts_changed` AFTER UPDATE OF `state`, `size`, `hall_id` ON `parties`
  WHEN old.`state` IN ('admitted', 'holding') OR new.`state` IN ('admitted', 'holding')
BEGIN
  UPDATE `party_counts` SET `people` = `people` - old.`size` WHERE `hall_id` = old.`hall_id` AND `state` = old.`state`;
  INSERT OR IGNORE INTO `party_counts` (`hall_id`, `state`, `people`) SELECT new.`hall_id`, new.`state`, 0 WHERE new.`state` IN ('admitted', 'holding');
  UPDATE `party_counts` SET `people` = `people` + new.`size` WHERE `hall_id` = new.`hall_id` AND `state` = new.`state`;
END;
--> statement-breakpoint
CREATE TRIGGER `party_counts_removed` AFTER DELETE ON `parties` WHEN old.`state` IN ('admitted', 'holding')
BEGIN
  UPDATE `party_counts` SET `people` = `people` - old.`size` WHERE `hall_id` = old.`hall_id` AND `state` = old.`state`;
END;
