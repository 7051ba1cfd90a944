-- Payrail schema, version 11: named operators. Maker-checker needs to know who proposed and who
-- approved, so beside the installation's operator token (the administrator, "admin") each operator
-- has a bearer token of their own, issued by the administrator. Only the token's SHA-256 is kept.

CREATE TABLE operator_account (
    id           VARCHAR(32) NOT NULL,
    token_sha256 VARCHAR(64) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    created_by   VARCHAR(32) NOT NULL,
    revoked_at   DATETIME(6) NULL,
    CONSTRAINT pk_operator_account PRIMARY KEY (id),
    CONSTRAINT uq_operator_account_token UNIQUE (token_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
