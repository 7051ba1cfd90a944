-- Payrail schema, version 32: channels staff switch off. A channel listed here with enabled = FALSE
-- takes no new payments (the router skips it as if it were not configured); orders already with it
-- are still resolved there. No row: the channel is on.

CREATE TABLE channel_switch (
    channel_id VARCHAR(32) NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    changed_by VARCHAR(32) NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_channel_switch PRIMARY KEY (channel_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
