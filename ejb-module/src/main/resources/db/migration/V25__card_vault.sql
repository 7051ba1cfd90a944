-- Payrail schema, version 25 (the payers' range): the card vault.
--
-- One row per saved card. The card number and expiry month exist here only inside ciphertext:
-- AES-256-GCM under the key named by key_id (a MicroProfile Config key, never in the database), with
-- a random 96-bit iv per row and the token and key id as associated data; ciphertext holds the
-- encrypted "<digits>|<yyyy-MM>" and the 16-byte tag. key_id lets keys rotate: a row is opened with
-- its own key, new rows are sealed with the current one. brand, issuer and last4 are what may be shown.
-- No security code (CVV) is ever stored, here or anywhere.

CREATE TABLE card_vault (
    token      VARCHAR(40)   NOT NULL,
    key_id     VARCHAR(32)   NOT NULL,
    iv         VARBINARY(12) NOT NULL,
    ciphertext VARBINARY(64) NOT NULL,
    brand      VARCHAR(32)   NOT NULL,
    issuer     VARCHAR(64)   NOT NULL,
    last4      CHAR(4)       NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    CONSTRAINT pk_card_vault PRIMARY KEY (token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_card_vault_key ON card_vault (key_id);
