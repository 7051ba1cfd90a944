-- Payrail schema, version 30: staff identity and the staff audit log. Staff sign in to the back
-- office with a password (PBKDF2, Jakarta Security's Pbkdf2PasswordHash format) and optionally a
-- TOTP code; the operator API takes bearer tokens issued to a staff member, kept as SHA-256 only,
-- each with an expiry. The named operators of V11 (one token, no password, no roles) are replaced:
-- their tokens stop working.

DROP TABLE operator_account;

CREATE TABLE staff_account (
    id                   VARCHAR(32)  NOT NULL,
    display_name         VARCHAR(100) NOT NULL,
    -- comma-separated StaffRole names: ADMIN, OPERATIONS, FINANCE, SUPPORT, AUDITOR
    roles                VARCHAR(200) NOT NULL,
    password_hash        VARCHAR(400) NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    failed_logins        INT          NOT NULL DEFAULT 0,
    locked_until         DATETIME(6)  NULL,
    -- base32 RFC 6238 secret; NULL: no second factor
    totp_secret          VARCHAR(64)  NULL,
    disabled             BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)  NOT NULL,
    created_by           VARCHAR(32)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_staff_account PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE staff_token (
    token_sha256 VARCHAR(64) NOT NULL,
    staff_id     VARCHAR(32) NOT NULL,
    issued_at    DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    revoked_at   DATETIME(6) NULL,
    CONSTRAINT pk_staff_token PRIMARY KEY (token_sha256),
    CONSTRAINT fk_staff_token_staff FOREIGN KEY (staff_id) REFERENCES staff_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Append-only: the application only inserts, and the triggers refuse any UPDATE or DELETE, whoever
-- sends it (only dropping the table, a schema change, can remove rows).
CREATE TABLE staff_audit (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    at           DATETIME(6)   NOT NULL,
    staff_id     VARCHAR(32)   NOT NULL,
    action       VARCHAR(64)   NOT NULL,
    target       VARCHAR(200)  NULL,
    before_state VARCHAR(4000) NULL,
    after_state  VARCHAR(4000) NULL,
    address      VARCHAR(64)   NULL,
    CONSTRAINT pk_staff_audit PRIMARY KEY (id),
    INDEX ix_staff_audit_staff (staff_id, at),
    INDEX ix_staff_audit_action (action, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TRIGGER staff_audit_no_update BEFORE UPDATE ON staff_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'staff_audit is append-only';

CREATE TRIGGER staff_audit_no_delete BEFORE DELETE ON staff_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'staff_audit is append-only';
