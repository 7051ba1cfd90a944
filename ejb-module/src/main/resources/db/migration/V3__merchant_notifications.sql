-- Payrail schema, version 3: merchant notifications. A notification row is written in the same
-- transaction as the state change that causes it (it is its own outbox) and delivered by the
-- dispatcher with retries until the merchant acknowledges it.

CREATE TABLE notification (
    id               VARCHAR(40)   NOT NULL,
    merchant_id      VARCHAR(32)   NOT NULL,
    aggregate_type   VARCHAR(24)   NOT NULL,
    aggregate_id     VARCHAR(40)   NOT NULL,
    -- per aggregate, 1, 2, 3...: lets a merchant put events about one payment in order
    sequence_no      INT           NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    payload          MEDIUMTEXT    NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)   NULL,
    delivered_at     DATETIME(6)   NULL,
    last_status      INT           NULL,
    last_error       VARCHAR(255)  NULL,
    created_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT uq_notification_sequence UNIQUE (aggregate_id, sequence_no),
    CONSTRAINT ck_notification_state CHECK (state IN ('PENDING', 'DELIVERED', 'GAVE_UP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- the dispatcher's scan: pending notifications whose next attempt is due
CREATE INDEX ix_notification_due ON notification (state, next_attempt_at);
CREATE INDEX ix_notification_merchant ON notification (merchant_id, created_at);

-- every delivery attempt, for the merchant's "list deliveries" and for operators
CREATE TABLE notification_attempt (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    notification_id VARCHAR(40)   NOT NULL,
    attempt_no      INT           NOT NULL,
    attempted_at    DATETIME(6)   NOT NULL,
    http_status     INT           NULL,
    error           VARCHAR(255)  NULL,
    duration_ms     BIGINT        NOT NULL,
    CONSTRAINT pk_notification_attempt PRIMARY KEY (id),
    CONSTRAINT fk_notification_attempt FOREIGN KEY (notification_id) REFERENCES notification (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_notification_attempt ON notification_attempt (notification_id, attempt_no);
