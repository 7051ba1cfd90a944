package io.payrail.sdk.verification;

import io.payrail.sdk.signing.AuthorizationHeader;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.signing.SignatureAlgorithm;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies a platform-signed response or notification: the four Payrail-* signature headers, the
 * certificate of the key id, the signature over the signed text ({@link PlatformSignedText}) with
 * the algorithm of the certificate's key (SHA256withRSA for RSA, SHA256withECDSA for EC P-256; a
 * {@code Payrail-Signature-Algorithm} header naming another is refused), and a timestamp within {@value #MAX_SKEW_SECONDS} seconds of the
 * verifier's clock. Immutable and thread-safe.
 *
 * <p>The signed text binds a response to the merchant and the request it answers, and a
 * notification to its merchant. The verifier therefore takes the values YOU expect (your merchant
 * id, the nonce you signed the request with), never the ones the message brings along: a response
 * to another request or another merchant's notification does not verify.
 *
 * <p>Verify the body bytes exactly as received, before any JSON parsing or re-encoding: the
 * signature covers those bytes and nothing else.
 */
public final class PlatformSignatureVerifier {

    public static final String TIMESTAMP_HEADER = "Payrail-Timestamp";
    public static final String NONCE_HEADER = "Payrail-Nonce";
    public static final String KEY_ID_HEADER = "Payrail-Key-Id";
    public static final String SIGNATURE_HEADER = "Payrail-Signature";
    /** The algorithm's token; optional (older servers sent none), and must be that of the certificate's key. */
    public static final String SIGNATURE_ALGORITHM_HEADER = "Payrail-Signature-Algorithm";
    /** Informative echo of the merchant id a message was signed for; never used to verify. */
    public static final String MERCHANT_ID_HEADER = "Payrail-Merchant-Id";
    /** Informative echo of the request nonce a response was signed for; never used to verify. */
    public static final String REQUEST_NONCE_HEADER = "Payrail-Request-Nonce";
    public static final long MAX_SKEW_SECONDS = 300;

    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final String DOCS = " (docs/authentication.md, 'Verifying responses and notifications')";

    private final PlatformCertificates certificates;
    private final Clock clock;

    public PlatformSignatureVerifier(PlatformCertificates certificates) {
        this(certificates, Clock.systemUTC());
    }

    public PlatformSignatureVerifier(PlatformCertificates certificates, Clock clock) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@link #verifyResponse(HeaderLookup, byte[], String, String)} for a body given as text (UTF-8). */
    public VerifiedSignature verifyResponse(HeaderLookup headers, String body, String merchantId, String requestNonce)
            throws SignatureVerificationException {
        return verifyResponse(headers, utf8(body), merchantId, requestNonce);
    }

    /**
     * Verifies the answer to one of your requests.
     *
     * @param headers      where to read the Payrail-* headers
     * @param body         the body bytes exactly as received; empty when there is none
     * @param merchantId   your merchant id, as the request was signed; the empty string for a request
     *                     sent without credentials (the platform certificates)
     * @param requestNonce the nonce the request was signed with; the empty string for a request sent
     *                     without credentials
     * @return who signed, when, and the nonce
     * @throws SignatureVerificationException when the response must not be trusted, saying why and what to do;
     *                                        {@link Reason#WRONG_RECIPIENT} when it answers another request
     */
    public VerifiedSignature verifyResponse(HeaderLookup headers, byte[] body, String merchantId, String requestNonce)
            throws SignatureVerificationException {
        requireExpected(merchantId, requestNonce, true);
        Objects.requireNonNull(body, "body");
        return verify(headers, "response", (timestamp, nonce) ->
                PlatformSignedText.response(timestamp, nonce, merchantId, requestNonce, body),
                merchantId, requestNonce);
    }

    /** {@link #verifyNotification(HeaderLookup, byte[], String)} for a body given as text (UTF-8). */
    public VerifiedSignature verifyNotification(HeaderLookup headers, String body, String merchantId)
            throws SignatureVerificationException {
        return verifyNotification(headers, utf8(body), merchantId);
    }

    /**
     * Verifies a notification Payrail POSTed to your notify URL: the signature over your merchant
     * id, then that the body's top-level {@code merchantId} is yours too.
     *
     * @param headers    the request's headers (a servlet request fits as {@code request::getHeader})
     * @param body       the raw request body
     * @param merchantId your merchant id
     * @throws SignatureVerificationException when the notification must not be acted on; answer with
     *                                        an error and Payrail retries it
     */
    public VerifiedSignature verifyNotification(HeaderLookup headers, byte[] body, String merchantId)
            throws SignatureVerificationException {
        requireExpected(merchantId, null, false);
        Objects.requireNonNull(body, "body");
        VerifiedSignature verified = verify(headers, "notification", (timestamp, nonce) ->
                PlatformSignedText.notification(timestamp, nonce, merchantId, body), merchantId, null);
        String named = bodyMerchantId(body);
        if (!merchantId.equals(named)) {
            throw new SignatureVerificationException(Reason.WRONG_RECIPIENT, "The notification's body names merchant "
                    + (named == null ? "(none)" : "'" + named + "'") + ", not your merchant '" + merchantId
                    + "'. Do not act on it; answer with an error status." + DOCS);
        }
        return verified;
    }

    /** The signed text for a timestamp and a nonce. */
    @FunctionalInterface
    private interface SignedText {
        byte[] of(String timestamp, String nonce);
    }

    private VerifiedSignature verify(HeaderLookup headers, String kind, SignedText signedText,
            String merchantId, String requestNonce) throws SignatureVerificationException {
        String timestampText = required(headers, TIMESTAMP_HEADER);
        String nonce = required(headers, NONCE_HEADER);
        String keyId = required(headers, KEY_ID_HEADER);
        String signatureText = required(headers, SIGNATURE_HEADER);

        if (!UNIX_SECONDS.matcher(timestampText).matches()) {
            throw malformed(TIMESTAMP_HEADER + " is not Unix seconds");
        }
        if (!Nonces.isValid(nonce)) {
            throw malformed(NONCE_HEADER + " is not 16 to 64 characters of [A-Za-z0-9_-]");
        }
        if (!AuthorizationHeader.ID.matcher(keyId).matches()) {
            throw malformed(KEY_ID_HEADER + " is not a key id");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            throw malformed(SIGNATURE_HEADER + " is not standard Base64");
        }
        long timestamp = Long.parseLong(timestampText);
        Instant now = clock.instant();

        X509Certificate certificate = certificates.certificate(keyId).orElseThrow(() ->
                new SignatureVerificationException(Reason.UNKNOWN_KEY_ID, "Payrail signed with platform key '" + keyId
                        + "', but the verifier only has certificates for " + certificates.keyIds()
                        + ". Fetch the current certificates from GET /api/v1/platform/certificates (the platform"
                        + " may have rotated its key) and do not act on this message until it verifies." + DOCS));
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SignatureVerificationException(Reason.CERTIFICATE_NOT_VALID, "The platform certificate '" + keyId
                    + "' is valid from " + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ", and your clock says " + now
                    + ". Fetch the current certificates from GET /api/v1/platform/certificates and check your"
                    + " clock." + DOCS);
        }
        SignatureAlgorithm algorithm = algorithm(certificate, keyId, headers.first(SIGNATURE_ALGORITHM_HEADER));
        if (!algorithm.verifies(certificate.getPublicKey(), signedText.of(timestampText, nonce), signature)) {
            throw notVerified(headers, kind, keyId, merchantId, requestNonce);
        }
        long skew = Math.abs(now.getEpochSecond() - timestamp);
        if (skew > MAX_SKEW_SECONDS) {
            throw new SignatureVerificationException(Reason.TIMESTAMP_SKEW, "The message was signed at "
                    + Instant.ofEpochSecond(timestamp) + ", " + skew + " s away from your clock (" + now + "); at most "
                    + MAX_SKEW_SECONDS + " s are accepted. It is a replay, or a clock is wrong: synchronise this"
                    + " machine's clock (NTP) and retry the request with the same Idempotency-Key." + DOCS);
        }
        return new VerifiedSignature(keyId, Instant.ofEpochSecond(timestamp), nonce);
    }

    /**
     * Why a signature failed. The echo headers are unauthenticated, so they only choose the
     * explanation: when they name another merchant or request, the message was most likely made
     * for someone else and replayed or misrouted.
     */
    private static SignatureVerificationException notVerified(HeaderLookup headers, String kind, String keyId,
            String merchantId, String requestNonce) {
        String echoedMerchant = headers.first(MERCHANT_ID_HEADER);
        String echoedNonce = requestNonce == null ? null : headers.first(REQUEST_NONCE_HEADER);
        boolean otherMerchant = echoedMerchant != null && !echoedMerchant.strip().equals(merchantId);
        boolean otherRequest = echoedNonce != null && !echoedNonce.strip().equals(requestNonce);
        if (otherMerchant || otherRequest) {
            return new SignatureVerificationException(Reason.WRONG_RECIPIENT, "This " + kind + " says it was signed for "
                    + (otherMerchant ? "merchant '" + echoedMerchant.strip() + "'" : "")
                    + (otherMerchant && otherRequest ? " and " : "")
                    + (otherRequest ? "the request with nonce '" + echoedNonce.strip() + "'" : "")
                    + ", and its signature does not verify for merchant '" + merchantId + "'"
                    + (requestNonce == null ? "" : " and your request's nonce '" + requestNonce + "'")
                    + ": it was made for someone else and replayed or misrouted. Do not act on it"
                    + (requestNonce == null ? "; answer with an error status." : "; treat the outcome of your"
                    + " request as unknown and retry it with the same Idempotency-Key, or look the result up.")
                    + DOCS);
        }
        return new SignatureVerificationException(Reason.SIGNATURE_INVALID, "The Payrail-Signature does not match"
                + " this " + kind + "'s body, timestamp and nonce, signed for merchant '" + merchantId + "'"
                + (requestNonce == null ? "" : " and request nonce '" + requestNonce + "'") + ", with platform key '"
                + keyId + "'. Either the message was altered on its way, it was signed for another merchant or"
                + " request, or the bytes verified are not the ones received (verify the raw body before parsing"
                + " or re-encoding it). Do not act on it; retry the request with the same Idempotency-Key or look"
                + " the result up." + DOCS);
    }

    /** The top-level "merchantId" of a notification body, or null when it has none. */
    private static String bodyMerchantId(byte[] body) {
        try {
            return MinimalJson.parse(new String(body, StandardCharsets.UTF_8)) instanceof Map<?, ?> event
                    && event.get("merchantId") instanceof String id ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireExpected(String merchantId, String requestNonce, boolean response) {
        // "" stands for a request sent without credentials, which only a response can answer
        if (merchantId == null || !(response && merchantId.isEmpty() || AuthorizationHeader.ID.matcher(merchantId).matches())) {
            throw new IllegalArgumentException("give your merchant id (1 to 64 characters of [A-Za-z0-9_.-])"
                    + (response ? ", or the empty string for a request sent without credentials" : "") + ": "
                    + merchantId);
        }
        if (response && (requestNonce == null || !requestNonce.isEmpty() && !Nonces.isValid(requestNonce))) {
            throw new IllegalArgumentException("give the nonce your request was signed with (16 to 64 characters of"
                    + " [A-Za-z0-9_-]), or the empty string for a request sent without credentials: " + requestNonce);
        }
    }

    private static byte[] utf8(String body) {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    /** The algorithm of the certificate's key, which the header, when there is one, must name. */
    private static SignatureAlgorithm algorithm(X509Certificate certificate, String keyId, String named)
            throws SignatureVerificationException {
        SignatureAlgorithm algorithm;
        try {
            algorithm = SignatureAlgorithm.of(certificate.getPublicKey());
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException(Reason.SIGNATURE_INVALID, "The platform certificate '" + keyId
                    + "' holds a key Payrail never signs with (" + e.getMessage() + "). Fetch the certificates from"
                    + " GET /api/v1/platform/certificates over HTTPS with certificate checking on." + DOCS);
        }
        if (named != null && !named.strip().equals(algorithm.token())) {
            throw new SignatureVerificationException(Reason.SIGNATURE_INVALID, SIGNATURE_ALGORITHM_HEADER + " says '"
                    + named.strip() + "', but the certificate '" + keyId + "' holds a key of " + algorithm.token()
                    + ": the message was not signed with that key. Do not act on it; retry the request with the"
                    + " same Idempotency-Key or look the result up." + DOCS);
        }
        return algorithm;
    }

    private static String required(HeaderLookup headers, String name) throws SignatureVerificationException {
        String value = headers.first(name);
        if (value == null || value.isBlank()) {
            throw new SignatureVerificationException(Reason.MISSING_HEADER, "The message has no " + name
                    + " header, so it was not signed by Payrail: it may come from a proxy, a load balancer or"
                    + " another server than the Payrail API (check the base URL). Do not act on it; treat the"
                    + " outcome as unknown and retry the request with the same Idempotency-Key." + DOCS);
        }
        return value.strip();
    }

    private static SignatureVerificationException malformed(String what) {
        return new SignatureVerificationException(Reason.MALFORMED_HEADER, what + ": the message was not signed by"
                + " Payrail as documented. Do not act on it; treat the outcome as unknown." + DOCS);
    }
}
