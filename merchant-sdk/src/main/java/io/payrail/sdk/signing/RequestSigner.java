package io.payrail.sdk.signing;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs merchant requests with the merchant's private key: RSA (SHA256withRSA, that is
 * RSASSA-PKCS1-v1_5 with SHA-256) or EC P-256 (SHA256withECDSA, DER), the scheme of the header
 * naming which ({@link SignatureAlgorithm}). Immutable and safe to share between threads: a
 * {@link Signature} object is made per call because the JDK's are not thread-safe.
 */
public final class RequestSigner {

    /** The JCA name of the default algorithm, RSA's. */
    public static final String ALGORITHM = SignatureAlgorithm.RSA_2048.jcaName();
    public static final int MIN_KEY_BITS = SignatureAlgorithm.MIN_RSA_BITS;

    private final String merchantId;
    private final String keyId;
    private final PrivateKey privateKey;
    private final SignatureAlgorithm algorithm;
    private final Clock clock;
    private final Supplier<String> nonces;

    /** A signer on the system clock with {@link Nonces#next()} nonces. */
    public RequestSigner(String merchantId, String keyId, PrivateKey privateKey) {
        this(merchantId, keyId, privateKey, Clock.systemUTC(), Nonces::next);
    }

    /**
     * @param clock  where request timestamps come from (inject a fixed clock in tests)
     * @param nonces where nonces come from; each must be new, or the platform refuses the request
     */
    public RequestSigner(String merchantId, String keyId, PrivateKey privateKey, Clock clock,
            Supplier<String> nonces) {
        AuthorizationHeader.requireId("merchant id", merchantId);
        AuthorizationHeader.requireId("key id", keyId);
        Objects.requireNonNull(privateKey, "privateKey");
        this.algorithm = SignatureAlgorithm.of(privateKey);
        this.merchantId = merchantId;
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** Signs a request now, with a fresh nonce. */
    public AuthorizationHeader sign(String method, String requestTarget, String body) {
        return sign(stamp(method, requestTarget, body));
    }

    /** The canonical request for now and a fresh nonce: sign it, then send its method and body bytes. */
    public CanonicalRequest stamp(String method, String requestTarget, String body) {
        return CanonicalRequest.of(method, requestTarget, clock.instant().getEpochSecond(), nonces.get(), body);
    }

    /** Signs exactly this canonical request (a given timestamp and nonce: the documented example, tests). */
    public AuthorizationHeader sign(CanonicalRequest request) {
        return new AuthorizationHeader(algorithm, merchantId, keyId, request.timestamp(), request.nonce(),
                algorithm.sign(privateKey, request.bytes()));
    }

    public String merchantId() {
        return merchantId;
    }

    public String keyId() {
        return keyId;
    }

    /** The algorithm of the private key, which the key registered under {@link #keyId()} must have. */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        // never the key
        return "RequestSigner[merchant " + merchantId + ", key " + keyId + "]";
    }
}
