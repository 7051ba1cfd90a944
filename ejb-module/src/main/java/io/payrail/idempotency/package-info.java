/**
 * The Idempotency-Key header (IETF draft "The Idempotency-Key HTTP Header Field"): a merchant's
 * retry of a POST with the same key and body gets the first response again, status included; the
 * same key with another body is refused (422); a key whose first request is still running gets
 * 409. Records live in MySQL, so the promise holds across servers.
 */
package io.payrail.idempotency;
