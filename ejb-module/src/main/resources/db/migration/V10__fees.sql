-- Payrail schema, version 10: fees. A rate plan says what the platform charges a merchant for one
-- payment method in one currency from a date on: basis points of the amount plus a fixed part, at
-- least a minimum and at most a maximum, all in minor units of that currency, and whether a refund
-- gives back its share of the fee. merchant_id '*' is the plan of every merchant without its own.
-- The fee is computed once, at capture, and kept on the order with the plan it came from; a
-- refund keeps the share of the fee it gave back.

CREATE TABLE rate_plan (
    id             VARCHAR(40) NOT NULL,
    merchant_id    VARCHAR(32) NOT NULL,
    payment_method VARCHAR(16) NOT NULL,
    currency       VARCHAR(3)  NOT NULL,
    effective_from DATE        NOT NULL,
    rate_bps       INT         NOT NULL,
    fixed_minor    BIGINT      NOT NULL,
    min_minor      BIGINT      NOT NULL,
    max_minor      BIGINT      NULL,
    refund_policy  VARCHAR(16) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    created_by     VARCHAR(64) NOT NULL,
    CONSTRAINT pk_rate_plan PRIMARY KEY (id),
    -- one plan per merchant, method and currency takes effect on a given day
    CONSTRAINT uq_rate_plan_effective UNIQUE (merchant_id, payment_method, currency, effective_from),
    CONSTRAINT ck_rate_plan_rate CHECK (rate_bps BETWEEN 0 AND 10000),
    CONSTRAINT ck_rate_plan_fixed CHECK (fixed_minor >= 0),
    CONSTRAINT ck_rate_plan_min CHECK (min_minor >= 0),
    CONSTRAINT ck_rate_plan_max CHECK (max_minor IS NULL OR max_minor >= min_minor),
    CONSTRAINT ck_rate_plan_refund_policy CHECK (refund_policy IN ('PRO_RATA', 'KEEP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE payment_order
    ADD COLUMN fee_minor        BIGINT      NULL,
    ADD COLUMN fee_rate_plan_id VARCHAR(40) NULL;

ALTER TABLE refund
    ADD COLUMN fee_refund_minor BIGINT NULL;
