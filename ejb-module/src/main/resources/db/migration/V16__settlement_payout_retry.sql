-- Payrail schema, version 16.
-- A FAILED payout (the bank rejected it: a closed account, say) can be paid again once the
-- merchant's payout account is corrected. The bank decides once per transfer reference, so every
-- attempt has its own: the settlement id for the first, <id>-<n> after.
ALTER TABLE settlement ADD COLUMN payout_attempt INT NOT NULL DEFAULT 1;

-- the statistics read payments and refunds by creation day across merchants
CREATE INDEX ix_payment_order_created ON payment_order (created_at);
CREATE INDEX ix_refund_created ON refund (created_at);
