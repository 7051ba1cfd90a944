/**
 * Signing of merchant requests (PAYRAIL-SHA256-RSA2048 or PAYRAIL-SHA256-ECDSA-P256,
 * docs/authentication.md): the canonical string, the SHA256withRSA or SHA256withECDSA signature
 * over it, as the key is RSA or EC P-256, and the Authorization header that carries it.
 * Everything here is deterministic given the timestamp and nonce, so the documented worked example
 * can be reproduced byte for byte; {@link io.payrail.sdk.signing.Nonces} supplies fresh nonces.
 */
package io.payrail.sdk.signing;
