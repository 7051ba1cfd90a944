package io.payrail.sdk.verification;

import java.time.Instant;

/**
 * A platform signature that verified: which platform key made it, when, and its nonce (a
 * notification receiver may keep nonces for 5 minutes to refuse an exact replay).
 */
public record VerifiedSignature(String keyId, Instant timestamp, String nonce) {
}
