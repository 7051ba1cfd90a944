-- Payrail schema, version 20 (the payers' range, V20-V29): orders a payer pays at the cashier.
--
-- cashier_token: the secret part of the payment's cashierUrl. Every order has one; orders made before
-- this version get theirs here (RANDOM_BYTES is a cryptographic generator in MariaDB 10.10+ and MySQL 8).
-- return_url: where the cashier sends the payer back to the merchant.
-- payer_method: for a CASHIER order, the method the payer chose for the latest attempt.
-- channel_ref: the reference the holding channel knows the order by. A CASHIER order the payer tries
-- again after a decline needs a new one (a channel decides once per reference): its first attempt
-- uses the order id, the n-th "<order id>.<n>". NULL means the order id (orders made before).
-- payer_attempts: how many attempts the payer started at the cashier.
-- payer_id: the signed-in payer of the latest attempt ("my orders"); NULL for a guest.

ALTER TABLE payment_order
    ADD COLUMN cashier_token  VARCHAR(64)  NULL,
    ADD COLUMN return_url     VARCHAR(512) NULL,
    ADD COLUMN payer_method   VARCHAR(16)  NULL,
    ADD COLUMN channel_ref    VARCHAR(64)  NULL,
    ADD COLUMN payer_attempts INT          NOT NULL DEFAULT 0,
    ADD COLUMN payer_id       VARCHAR(40)  NULL;

UPDATE payment_order SET cashier_token = LOWER(HEX(RANDOM_BYTES(24))) WHERE cashier_token IS NULL;
ALTER TABLE payment_order MODIFY COLUMN cashier_token VARCHAR(64) NOT NULL;
ALTER TABLE payment_order ADD CONSTRAINT uq_payment_order_cashier_token UNIQUE (cashier_token);
CREATE INDEX ix_payment_order_payer ON payment_order (payer_id, created_at);

-- one row per attempt the payer started at the cashier: its channel and reference there (what the
-- fault run and reconciliation look up), what the payer used (never a card number: brand and last
-- four digits), and how it ended
CREATE TABLE payment_attempt (
    order_id        VARCHAR(40)  NOT NULL,
    attempt_no      INT          NOT NULL,
    payer_method    VARCHAR(16)  NOT NULL,
    channel_id      VARCHAR(32)  NULL,
    channel_ref     VARCHAR(64)  NOT NULL,
    instrument      VARCHAR(64)  NULL,
    payer_id        VARCHAR(40)  NULL,
    state           VARCHAR(16)  NOT NULL,
    failure_code    VARCHAR(64)  NULL,
    failure_message VARCHAR(255) NULL,
    created_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NULL,
    CONSTRAINT pk_payment_attempt PRIMARY KEY (order_id, attempt_no),
    CONSTRAINT uq_payment_attempt_ref UNIQUE (channel_ref),
    CONSTRAINT fk_payment_attempt_order FOREIGN KEY (order_id) REFERENCES payment_order (id),
    CONSTRAINT ck_payment_attempt_state CHECK (state IN ('PROCESSING', 'SUCCEEDED', 'DECLINED', 'UNAVAILABLE', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- a refund is sent to the channel under the reference its payment was charged with
ALTER TABLE refund ADD COLUMN payment_channel_ref VARCHAR(64) NULL;

-- the reference a channel's notification named (the order id, or an attempt's "<order id>.<n>")
ALTER TABLE channel_callback ADD COLUMN channel_ref VARCHAR(64) NULL;
