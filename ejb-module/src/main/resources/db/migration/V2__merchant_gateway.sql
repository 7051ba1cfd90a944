-- Payrail schema, version 2: merchant credentials and limits, request nonces, idempotency keys,
-- rate-limit windows, refunds.

ALTER TABLE merchant
    ADD COLUMN notify_url            VARCHAR(512) NULL,
    ADD COLUMN rate_limit_per_minute INT          NOT NULL DEFAULT 600,
    ADD COLUMN updated_at            DATETIME(6)  NULL,
    ADD CONSTRAINT ck_merchant_rate_limit CHECK (rate_limit_per_minute > 0);

UPDATE merchant SET updated_at = created_at WHERE updated_at IS NULL;
ALTER TABLE merchant MODIFY COLUMN updated_at DATETIME(6) NOT NULL;

-- the currencies a merchant may take, each with its largest single payment
CREATE TABLE merchant_currency (
    merchant_id      VARCHAR(32) NOT NULL,
    currency         VARCHAR(3)  NOT NULL,
    max_amount_minor BIGINT      NOT NULL,
    CONSTRAINT pk_merchant_currency PRIMARY KEY (merchant_id, currency),
    CONSTRAINT fk_merchant_currency_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_merchant_currency_max CHECK (max_amount_minor > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- merchants' RSA public keys; at most two ACTIVE per merchant (rotation), enforced by the service
CREATE TABLE merchant_key (
    merchant_id    VARCHAR(32)  NOT NULL,
    key_id         VARCHAR(64)  NOT NULL,
    public_key_pem TEXT         NOT NULL,
    fingerprint    VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    revoked_at     DATETIME(6)  NULL,
    CONSTRAINT pk_merchant_key PRIMARY KEY (merchant_id, key_id),
    CONSTRAINT fk_merchant_key_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_merchant_key_status CHECK (status IN ('ACTIVE', 'REVOKED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- nonces seen within the timestamp window; the primary key refuses a replay on every server
CREATE TABLE request_nonce (
    merchant_id VARCHAR(32) NOT NULL,
    nonce       VARCHAR(64) NOT NULL,
    seen_at     DATETIME(6) NOT NULL,
    CONSTRAINT pk_request_nonce PRIMARY KEY (merchant_id, nonce)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_request_nonce_seen ON request_nonce (seen_at);

-- Idempotency-Key: the first request's fingerprint and, once finished, its response
CREATE TABLE idempotency_record (
    merchant_id         VARCHAR(32)  NOT NULL,
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    state               VARCHAR(16)  NOT NULL,
    response_status     INT          NULL,
    response_type       VARCHAR(100) NULL,
    response_body       MEDIUMTEXT   NULL,
    created_at          DATETIME(6)  NOT NULL,
    locked_at           DATETIME(6)  NOT NULL,
    completed_at        DATETIME(6)  NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (merchant_id, idempotency_key),
    CONSTRAINT ck_idempotency_state CHECK (state IN ('IN_FLIGHT', 'COMPLETED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);

-- requests per merchant per minute, counted on every server
CREATE TABLE rate_limit_window (
    merchant_id   VARCHAR(32) NOT NULL,
    window_start  DATETIME(6) NOT NULL,
    request_count INT         NOT NULL,
    CONSTRAINT pk_rate_limit_window PRIMARY KEY (merchant_id, window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE refund (
    id                  VARCHAR(40)  NOT NULL,
    payment_order_id    VARCHAR(40)  NOT NULL,
    merchant_id         VARCHAR(32)  NOT NULL,
    merchant_refund_no  VARCHAR(64)  NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    reason              VARCHAR(128) NULL,
    state               VARCHAR(16)  NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    channel_id          VARCHAR(32)  NULL,
    channel_refund_id   VARCHAR(64)  NULL,
    failure_code        VARCHAR(64)  NULL,
    failure_message     VARCHAR(255) NULL,
    version             BIGINT       NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    finished_at         DATETIME(6)  NULL,
    CONSTRAINT pk_refund PRIMARY KEY (id),
    CONSTRAINT uq_refund_merchant_refund_no UNIQUE (merchant_id, merchant_refund_no),
    CONSTRAINT fk_refund_order FOREIGN KEY (payment_order_id) REFERENCES payment_order (id),
    CONSTRAINT ck_refund_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_refund_state CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_refund_order ON refund (payment_order_id);
