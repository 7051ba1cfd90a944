-- Payrail schema, version 21 (the payers' range): payer accounts, their one-time codes and their
-- API tokens. A payer signs in with an email address or a phone number (the login, normalised:
-- lower-case email, or "+" and digits) and a password (PBKDF2, Jakarta Security's
-- Pbkdf2PasswordHash format, like staff). An account is usable once the one-time code sent to
-- its login was typed back (verified_at).
--
-- payment_order.payer_id (V20) holds the payer's id in decimal for an order a signed-in payer paid.

CREATE TABLE payer (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    login         VARCHAR(254) NOT NULL,
    -- EMAIL or PHONE: how the one-time codes reach the payer
    login_kind    VARCHAR(8)   NOT NULL,
    password_hash VARCHAR(400) NOT NULL,
    verified_at   DATETIME(6)  NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  DATETIME(6)  NULL,
    created_at    DATETIME(6)  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_payer PRIMARY KEY (id),
    CONSTRAINT uq_payer_login UNIQUE (login),
    CONSTRAINT ck_payer_login_kind CHECK (login_kind IN ('EMAIL', 'PHONE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One-time codes: never in clear (a PBKDF2 hash, like a password), single-use (used_at), with an
-- expiry and a number of wrong tries after which the code is spent. A new code of the same purpose
-- replaces the payer's earlier ones (they are marked used).
CREATE TABLE payer_code (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    payer_id    BIGINT       NOT NULL,
    -- VERIFY (registration) or RESET (forgotten password)
    purpose     VARCHAR(8)   NOT NULL,
    code_hash   VARCHAR(400) NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    wrong_tries INT          NOT NULL DEFAULT 0,
    used_at     DATETIME(6)  NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_payer_code PRIMARY KEY (id),
    CONSTRAINT fk_payer_code_payer FOREIGN KEY (payer_id) REFERENCES payer (id),
    CONSTRAINT ck_payer_code_purpose CHECK (purpose IN ('VERIFY', 'RESET')),
    INDEX ix_payer_code_payer (payer_id, purpose, used_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Payer API tokens (POST /api/payer/v1/sessions), kept as SHA-256 only, each with an expiry.
CREATE TABLE payer_token (
    token_sha256 VARCHAR(64) NOT NULL,
    payer_id     BIGINT      NOT NULL,
    issued_at    DATETIME(6) NOT NULL,
    expires_at   DATETIME(6) NOT NULL,
    revoked_at   DATETIME(6) NULL,
    CONSTRAINT pk_payer_token PRIMARY KEY (token_sha256),
    CONSTRAINT fk_payer_token_payer FOREIGN KEY (payer_id) REFERENCES payer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
