-- Payrail schema, version 1: merchants, payment orders, the outbox, the ledger, the audit trail.
-- Portable to MySQL 8 and MariaDB 10.6+. Amounts are BIGINT minor units; times are UTC DATETIME(6).
-- utf8mb4_bin: identifiers compare byte for byte ('A1' and 'a1' are different order numbers).

CREATE TABLE merchant (
    id          VARCHAR(32)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_merchant PRIMARY KEY (id),
    CONSTRAINT ck_merchant_status CHECK (status IN ('ACTIVE', 'SUSPENDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE payment_order (
    id                  VARCHAR(40)  NOT NULL,
    merchant_id         VARCHAR(32)  NOT NULL,
    merchant_order_no   VARCHAR(64)  NOT NULL,
    amount_minor        BIGINT       NOT NULL,
    currency            VARCHAR(3)   NOT NULL,
    subject             VARCHAR(128) NOT NULL,
    payment_method      VARCHAR(16)  NOT NULL,
    state               VARCHAR(24)  NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    channel_id          VARCHAR(32)  NULL,
    channel_txn_id      VARCHAR(64)  NULL,
    failure_code        VARCHAR(64)  NULL,
    failure_message     VARCHAR(255) NULL,
    version             BIGINT       NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    finished_at         DATETIME(6)  NULL,
    CONSTRAINT pk_payment_order PRIMARY KEY (id),
    -- the last line of defence for create-payment idempotency
    CONSTRAINT uq_payment_order_merchant_order_no UNIQUE (merchant_id, merchant_order_no),
    CONSTRAINT fk_payment_order_merchant FOREIGN KEY (merchant_id) REFERENCES merchant (id),
    CONSTRAINT ck_payment_order_amount CHECK (amount_minor > 0),
    CONSTRAINT ck_payment_order_state CHECK (state IN
        ('CREATED', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CLOSED', 'PARTIALLY_REFUNDED', 'REFUNDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_payment_order_merchant_created ON payment_order (merchant_id, created_at);
CREATE INDEX ix_payment_order_state_updated ON payment_order (state, updated_at);

CREATE TABLE outbox_message (
    id               VARCHAR(40)  NOT NULL,
    destination      VARCHAR(40)  NOT NULL,
    message_type     VARCHAR(40)  NOT NULL,
    aggregate_id     VARCHAR(40)  NOT NULL,
    payload          TEXT         NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    published_at     DATETIME(6)  NULL,
    publish_attempts INT          NOT NULL DEFAULT 0,
    last_error       VARCHAR(255) NULL,
    CONSTRAINT pk_outbox_message PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the sweeper's scan: unpublished rows, oldest first
CREATE INDEX ix_outbox_message_unpublished ON outbox_message (published_at, created_at);
CREATE INDEX ix_outbox_message_aggregate ON outbox_message (aggregate_id);

CREATE TABLE journal_entry (
    id           VARCHAR(40) NOT NULL,
    entry_type   VARCHAR(40) NOT NULL,
    reference_id VARCHAR(40) NOT NULL,
    currency     VARCHAR(3)  NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    CONSTRAINT pk_journal_entry PRIMARY KEY (id),
    -- one movement is booked once
    CONSTRAINT uq_journal_entry_type_reference UNIQUE (entry_type, reference_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE posting (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    journal_entry_id VARCHAR(40) NOT NULL,
    account_type     VARCHAR(32) NOT NULL,
    account_owner    VARCHAR(40) NOT NULL,
    amount_minor     BIGINT      NOT NULL,
    currency         VARCHAR(3)  NOT NULL,
    CONSTRAINT pk_posting PRIMARY KEY (id),
    CONSTRAINT fk_posting_entry FOREIGN KEY (journal_entry_id) REFERENCES journal_entry (id),
    CONSTRAINT ck_posting_nonzero CHECK (amount_minor <> 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_posting_account ON posting (account_type, account_owner, currency);

CREATE TABLE state_transition (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    aggregate_type VARCHAR(24)  NOT NULL,
    aggregate_id   VARCHAR(40)  NOT NULL,
    from_state     VARCHAR(24)  NULL,
    to_state       VARCHAR(24)  NOT NULL,
    source         VARCHAR(24)  NOT NULL,
    detail         VARCHAR(255) NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_state_transition PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_state_transition_aggregate ON state_transition (aggregate_type, aggregate_id, id);
