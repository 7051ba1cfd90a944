-- Payrail schema, version 6: what keeps money safe when channels misbehave or race.
--
-- channel_attempt: every dispatch that sends an order to its channel takes a new attempt number
-- under the order's lock. A dispatch may give the order up to another channel only while its own
-- attempt is still the latest: a concurrent dispatch that re-asked the same channel has a newer one,
-- and then nobody fails over (the channel may be charging it).
--
-- held_at / held_reason: an order or refund whose channel reported other money than was asked (a
-- partial capture, another currency) is held for an operator: the reported money is booked to
-- suspense, checks stop, and a discrepancy is raised.
--
-- submit_attempts: how many times a refund was sent to its channel; a resend cannot trust a refusal.

ALTER TABLE payment_order
    ADD COLUMN channel_attempt INT          NOT NULL DEFAULT 0,
    ADD COLUMN held_at         DATETIME(6)  NULL,
    ADD COLUMN held_reason     VARCHAR(255) NULL;

ALTER TABLE refund
    ADD COLUMN submit_attempts INT          NOT NULL DEFAULT 0,
    ADD COLUMN held_at         DATETIME(6)  NULL,
    ADD COLUMN held_reason     VARCHAR(255) NULL;

-- what an operator must look at: a channel's word that does not agree with the platform's books
CREATE TABLE channel_discrepancy (
    id                VARCHAR(40)  NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    channel_id        VARCHAR(32)  NOT NULL,
    aggregate_type    VARCHAR(24)  NOT NULL,
    aggregate_id      VARCHAR(40)  NOT NULL,
    channel_txn_id    VARCHAR(64)  NULL,
    expected_minor    BIGINT       NOT NULL,
    expected_currency VARCHAR(3)   NOT NULL,
    reported_minor    BIGINT       NOT NULL,
    reported_currency VARCHAR(3)   NOT NULL,
    source            VARCHAR(24)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    detail            VARCHAR(255) NULL,
    detected_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    -- raised once, however many answers, callbacks and queries repeat it
    CONSTRAINT uq_channel_discrepancy UNIQUE (aggregate_type, aggregate_id, kind, channel_id),
    CONSTRAINT ck_channel_discrepancy_state CHECK (state IN ('OPEN', 'RESOLVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_channel_discrepancy_state ON channel_discrepancy (state, detected_at);
