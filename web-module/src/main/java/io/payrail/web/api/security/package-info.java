/**
 * The gateway's guards, in the order a request meets them: merchant authentication (signature,
 * timestamp, nonce, rate limit) or the operator token; Idempotency-Key handling; and on the way
 * out, the platform's signature on every merchant-facing response.
 */
package io.payrail.web.api.security;
