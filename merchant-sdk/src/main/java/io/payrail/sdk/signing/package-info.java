/**
 * Signing of merchant requests (PAYRAIL-SHA256-RSA2048, docs/authentication.md): the canonical
 * string, the SHA256withRSA signature over it and the Authorization header that carries it.
 * Everything here is deterministic given the timestamp and nonce, so the documented worked example
 * can be reproduced byte for byte; {@link io.payrail.sdk.signing.Nonces} supplies fresh nonces.
 */
package io.payrail.sdk.signing;
