-- Payrail schema, version 13: discrepancies become cases an operator resolves under maker-checker.
-- Reconciliation raises them too (source RECONCILIATION, with the statement day and the movement);
-- one operator proposes a resolution with a reason, another approves (it is booked) or rejects it
-- (the case is open again). The same operator can never do both: proposed_by <> decided_by.
--
-- OPEN → PROPOSED → RESOLVED, or PARKED (booked to suspense, to be proposed again), or back to OPEN.

ALTER TABLE channel_discrepancy
    DROP CONSTRAINT ck_channel_discrepancy_state;

ALTER TABLE channel_discrepancy
    ADD COLUMN merchant_id       VARCHAR(32)  NULL,
    ADD COLUMN statement_day     DATE         NULL,
    ADD COLUMN movement_id       VARCHAR(40)  NULL,
    ADD COLUMN resolution        VARCHAR(24)  NULL,
    ADD COLUMN resolution_reason VARCHAR(255) NULL,
    ADD COLUMN proposed_by       VARCHAR(64)  NULL,
    ADD COLUMN proposed_at       DATETIME(6)  NULL,
    ADD COLUMN decided_by        VARCHAR(64)  NULL,
    ADD COLUMN decided_at        DATETIME(6)  NULL,
    ADD COLUMN decision_note     VARCHAR(255) NULL,
    ADD CONSTRAINT ck_channel_discrepancy_state CHECK (state IN ('OPEN', 'PROPOSED', 'PARKED', 'RESOLVED')),
    ADD CONSTRAINT ck_channel_discrepancy_checker CHECK (decided_by IS NULL OR decided_by <> proposed_by);

CREATE INDEX ix_channel_discrepancy_day ON channel_discrepancy (channel_id, statement_day);
