-- P3: the installation's key for hashing ID and mobile numbers exists from the first start, created with the schema
-- (an installation that already has one keeps it), so a command never creates it and the server may keep it in memory.
INSERT OR IGNORE INTO `installation_secrets` (`name`, `value`) VALUES ('personal-data-key', lower(hex(randomblob(32))));
