-- Payrail schema, version 5: the close fence. Once a close (merchant or expiry) has begun for an
-- order that a channel holds, no other channel may be given the order: the close went to the
-- channel that held it, so only that channel can still charge. Also who asked for the close, so
-- the resolver can finish it with the right audit source.

ALTER TABLE payment_order
    ADD COLUMN close_requested_at DATETIME(6) NULL,
    ADD COLUMN close_source       VARCHAR(24) NULL;
