-- Payrail schema, version 31: refunds staff give on a merchant's behalf. Up to a threshold they are
-- issued at once; above it they wait as PROPOSED until a FINANCE member other than the proposer
-- approves (then ISSUED) or rejects them (maker-checker). The refund itself is an ordinary refund
-- whose merchant refund number is "staff-<id>".

CREATE TABLE staff_refund (
    id               VARCHAR(40)  NOT NULL,
    payment_order_id VARCHAR(40)  NOT NULL,
    merchant_id      VARCHAR(32)  NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    reason           VARCHAR(128) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    proposed_by      VARCHAR(32)  NOT NULL,
    proposed_at      DATETIME(6)  NOT NULL,
    decided_by       VARCHAR(32)  NULL,
    decided_at       DATETIME(6)  NULL,
    refund_id        VARCHAR(40)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_staff_refund PRIMARY KEY (id),
    CONSTRAINT ck_staff_refund_state CHECK (state IN ('PROPOSED', 'ISSUED', 'REJECTED')),
    INDEX ix_staff_refund_state (state, proposed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
