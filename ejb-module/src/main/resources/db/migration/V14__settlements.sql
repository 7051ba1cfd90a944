-- Payrail schema, version 14: merchant settlement. A merchant is settled T+n (settlement_delay_days,
-- 1 by default) to its payout account. A settlement is one merchant's batch of one currency for
-- one settlement day: DRAFT (computed) → APPROVED (booked from pending to payable) → PAID (the
-- bank executed the transfer whose reference is the settlement id) or FAILED (rejected; the payout
-- can be tried again once the account is fixed). A settlement line is one capture, refund or
-- accepted adjustment; its primary key (kind, reference) makes sure nothing is settled twice.

ALTER TABLE merchant
    ADD COLUMN settlement_delay_days INT          NOT NULL DEFAULT 1,
    ADD COLUMN payout_account        VARCHAR(34)  NULL,
    ADD COLUMN payout_name           VARCHAR(128) NULL,
    ADD CONSTRAINT ck_merchant_settlement_delay CHECK (settlement_delay_days BETWEEN 0 AND 30);

CREATE TABLE settlement (
    id             VARCHAR(40)  NOT NULL,
    merchant_id    VARCHAR(32)  NOT NULL,
    currency       VARCHAR(3)   NOT NULL,
    settlement_day DATE         NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    gross_minor    BIGINT       NOT NULL,
    refunds_minor  BIGINT       NOT NULL,
    fees_minor     BIGINT       NOT NULL,
    net_minor      BIGINT       NOT NULL,
    line_count     INT          NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    approved_by    VARCHAR(64)  NULL,
    approved_at    DATETIME(6)  NULL,
    payout_account VARCHAR(34)  NULL,
    transfer_id    VARCHAR(64)  NULL,
    paid_at        DATETIME(6)  NULL,
    failure        VARCHAR(255) NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT pk_settlement PRIMARY KEY (id),
    CONSTRAINT uq_settlement_day UNIQUE (merchant_id, currency, settlement_day),
    CONSTRAINT fk_settlement_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_settlement_state CHECK (state IN ('DRAFT', 'APPROVED', 'PAID', 'FAILED')),
    CONSTRAINT ck_settlement_net CHECK (net_minor > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_settlement_merchant ON settlement (merchant_id, settlement_day);
CREATE INDEX ix_settlement_state ON settlement (state, settlement_day);

CREATE TABLE settlement_line (
    kind          VARCHAR(20)  NOT NULL,
    reference     VARCHAR(40)  NOT NULL,
    settlement_id VARCHAR(40)  NOT NULL,
    order_id      VARCHAR(40)  NULL,
    moved_at      DATETIME(6)  NOT NULL,
    gross_minor   BIGINT       NOT NULL,
    fee_minor     BIGINT       NOT NULL,
    net_minor     BIGINT       NOT NULL,
    CONSTRAINT pk_settlement_line PRIMARY KEY (kind, reference),
    CONSTRAINT fk_settlement_line_settlement FOREIGN KEY (settlement_id) REFERENCES settlement (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_settlement_line_settlement ON settlement_line (settlement_id, moved_at);
