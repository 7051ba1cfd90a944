-- Payrail schema, version 17: a discrepancy case resolved by accepting the channel's figure moves
-- money on the merchant's pending balance (CASE_ACCEPTED); that money is settled like a capture or
-- a refund, as an adjustment line (ADJUSTMENT_CREDIT or ADJUSTMENT_DEBIT, referenced by the case's
-- journal reference), and a batch shows the adjustments' net beside its gross, refunds and fees.
ALTER TABLE settlement ADD COLUMN adjustments_minor BIGINT NOT NULL DEFAULT 0;
