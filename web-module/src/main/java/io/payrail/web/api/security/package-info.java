/**
 * The gateway's guards, in the order a request meets them: HTTPS only; the body read once, at
 * most 64 KiB and strictly UTF-8; merchant authentication (signature, timestamp, nonce, rate
 * limit) or the operator token; Idempotency-Key handling; and on the way out, the platform's
 * signature on every merchant-facing response.
 */
package io.payrail.web.api.security;
