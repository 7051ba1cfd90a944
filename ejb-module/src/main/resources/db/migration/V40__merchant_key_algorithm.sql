-- Payrail schema, version 40: a merchant key is RSA or EC P-256, and a request must name the
-- algorithm of the key it is signed with. Every key registered before was RSA.

ALTER TABLE merchant_key ADD COLUMN algorithm VARCHAR(32) NOT NULL DEFAULT 'RSA_2048';
ALTER TABLE merchant_key ADD CONSTRAINT ck_merchant_key_algorithm CHECK (algorithm IN ('RSA_2048', 'ECDSA_P256'));
