-- Payrail schema, version 4: expiry, the schedule on which orders and refunds with an unknown or
-- pending outcome are checked at their channel, the payer's page for payer-driven channels, and
-- platform-initiated refunds (a payment that arrived after its order was closed).

ALTER TABLE payment_order
    ADD COLUMN expires_at     DATETIME(6)  NULL,
    ADD COLUMN next_check_at  DATETIME(6)  NULL,
    ADD COLUMN check_attempts INT          NOT NULL DEFAULT 0,
    ADD COLUMN pay_url        VARCHAR(512) NULL;

UPDATE payment_order SET expires_at = DATE_ADD(created_at, INTERVAL 30 MINUTE) WHERE expires_at IS NULL;
ALTER TABLE payment_order MODIFY COLUMN expires_at DATETIME(6) NOT NULL;

-- the resolver's scans: orders due for a check, and unpaid orders past their expiry
CREATE INDEX ix_payment_order_next_check ON payment_order (next_check_at);
CREATE INDEX ix_payment_order_expiry ON payment_order (state, expires_at);

ALTER TABLE refund
    ADD COLUMN kind           VARCHAR(16) NOT NULL DEFAULT 'MERCHANT',
    ADD COLUMN next_check_at  DATETIME(6) NULL,
    ADD COLUMN check_attempts INT         NOT NULL DEFAULT 0,
    ADD CONSTRAINT ck_refund_kind CHECK (kind IN ('MERCHANT', 'LATE_PAYMENT'));

CREATE INDEX ix_refund_next_check ON refund (next_check_at);

-- every verified channel notification, once: the channel's id of it is unique per channel, so a
-- duplicate is recognised (and only acknowledged); the row is also the audit of what the channel said
CREATE TABLE channel_callback (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    channel_id  VARCHAR(32)  NOT NULL,
    event_id    VARCHAR(128) NOT NULL,
    sequence_no BIGINT       NOT NULL,
    order_id    VARCHAR(40)  NOT NULL,
    refund_id   VARCHAR(40)  NULL,
    status      VARCHAR(16)  NOT NULL,
    channel_txn_id VARCHAR(64) NULL,
    received_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_channel_callback_event UNIQUE (channel_id, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_channel_callback_order ON channel_callback (order_id);
