-- Payrail schema, version 12: channels' daily statements. Every file fetched is kept as it came, with
-- its SHA-256: the same file again changes nothing; a different file for the same day (a channel
-- publishes today's file as it grows, or corrects one) is a new version. A refused file (malformed,
-- truncated) is kept too, with why, and none of its lines is imported.
--
-- A channel_movement is one money movement a channel reported, once, however many versions of the
-- file list it: unique by channel, type and the channel's own ids. Reconciliation classifies each
-- movement and books what the channel settles to the platform's bank for it.

CREATE TABLE statement_file (
    id            VARCHAR(40)   NOT NULL,
    channel_id    VARCHAR(32)   NOT NULL,
    statement_day DATE          NOT NULL,
    version       INT           NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    size_bytes    INT           NOT NULL,
    content       LONGBLOB      NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    line_count    INT           NOT NULL,
    new_movements INT           NOT NULL,
    error         VARCHAR(512)  NULL,
    fetched_at    DATETIME(6)   NOT NULL,
    CONSTRAINT pk_statement_file PRIMARY KEY (id),
    -- a re-import of the same bytes finds this row and changes nothing
    CONSTRAINT uq_statement_file_content UNIQUE (channel_id, statement_day, sha256),
    CONSTRAINT uq_statement_file_version UNIQUE (channel_id, statement_day, version),
    CONSTRAINT ck_statement_file_status CHECK (status IN ('IMPORTED', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE channel_movement (
    id                VARCHAR(40)  NOT NULL,
    channel_id        VARCHAR(32)  NOT NULL,
    movement_type     VARCHAR(8)   NOT NULL,
    channel_txn_id    VARCHAR(64)  NOT NULL,
    -- empty for a payment, so that the unique key below holds for payments too
    channel_refund_id VARCHAR(64)  NOT NULL,
    merchant_ref      VARCHAR(64)  NOT NULL,
    refund_ref        VARCHAR(64)  NULL,
    amount_minor      BIGINT       NOT NULL,
    currency          VARCHAR(3)   NOT NULL,
    fee_minor         BIGINT       NOT NULL,
    moved_at          DATETIME(6)  NOT NULL,
    statement_day     DATE         NOT NULL,
    statement_file_id VARCHAR(40)  NOT NULL,
    line_no           INT          NOT NULL,
    recon_class       VARCHAR(24)  NULL,
    recon_ref         VARCHAR(40)  NULL,
    case_id           VARCHAR(40)  NULL,
    reconciled_at     DATETIME(6)  NULL,
    CONSTRAINT pk_channel_movement PRIMARY KEY (id),
    CONSTRAINT uq_channel_movement UNIQUE (channel_id, movement_type, channel_txn_id, channel_refund_id),
    CONSTRAINT fk_channel_movement_file FOREIGN KEY (statement_file_id) REFERENCES statement_file (id),
    CONSTRAINT ck_channel_movement_type CHECK (movement_type IN ('PAYMENT', 'REFUND')),
    CONSTRAINT ck_channel_movement_amount CHECK (amount_minor > 0 AND fee_minor >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- reconciliation's scan: a day's movements not yet classified; and "is this order or refund matched?"
CREATE INDEX ix_channel_movement_day ON channel_movement (channel_id, statement_day, recon_class);
CREATE INDEX ix_channel_movement_ref ON channel_movement (recon_ref);

-- reconciliation's platform side: what a channel captured or refunded in a day
CREATE INDEX ix_payment_order_channel_finished ON payment_order (channel_id, finished_at);
CREATE INDEX ix_refund_channel_finished ON refund (channel_id, finished_at);
