-- Payrail schema, version 26 (the payers' range): a signed-in payer's saved payment methods.
--
-- kind CARD: a card in the vault (vault_token); removing the method deletes the vault row in the
-- same transaction. kind QUICK_PAY: an agreement QUICKPAY gave when the payer bound a card there
-- (agreement_id; QUICKPAY keeps the card, we keep only what may be shown of it).
-- description: what the payer sees ("Visa •••• 1111"); is_default: the method the cashier offers first.

CREATE TABLE payer_method (
    id           VARCHAR(40)  NOT NULL,
    payer_id     BIGINT       NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    vault_token  VARCHAR(40)  NULL,
    agreement_id VARCHAR(64)  NULL,
    brand        VARCHAR(32)  NOT NULL,
    issuer       VARCHAR(64)  NULL,
    last4        CHAR(4)      NOT NULL,
    is_default   BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_payer_method PRIMARY KEY (id),
    CONSTRAINT uq_payer_method_vault UNIQUE (vault_token),
    CONSTRAINT fk_payer_method_vault FOREIGN KEY (vault_token) REFERENCES card_vault (token),
    CONSTRAINT ck_payer_method_kind CHECK ((kind = 'CARD' AND vault_token IS NOT NULL AND agreement_id IS NULL)
        OR (kind = 'QUICK_PAY' AND agreement_id IS NOT NULL AND vault_token IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_payer_method_payer ON payer_method (payer_id, created_at);

-- payer_id references the payer accounts' table (V21). Flyway runs V21 first wherever both exist; a
-- database migrated before the accounts' version was merged (a developer's own) gets the key when
-- this script is run again on a fresh schema.
SET @payer_table = (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'payer');
SET @payer_fk = IF(@payer_table > 0,
    'ALTER TABLE payer_method ADD CONSTRAINT fk_payer_method_payer FOREIGN KEY (payer_id) REFERENCES payer (id)',
    'DO 0');
PREPARE add_payer_fk FROM @payer_fk;
EXECUTE add_payer_fk;
DEALLOCATE PREPARE add_payer_fk;
