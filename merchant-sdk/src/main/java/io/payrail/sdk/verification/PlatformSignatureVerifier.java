package io.payrail.sdk.verification;

import io.payrail.sdk.signing.AuthorizationHeader;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Verifies a platform-signed response or notification: the four Payrail-* headers, the
 * certificate of the key id, the SHA256withRSA signature over
 * {@code timestamp + "\n" + nonce + "\n" + BODY + "\n"}, and a timestamp within
 * {@value #MAX_SKEW_SECONDS} seconds of the verifier's clock. Immutable and thread-safe.
 *
 * <p>Verify the body bytes exactly as received, before any JSON parsing or re-encoding: the
 * signature covers those bytes and nothing else.
 */
public final class PlatformSignatureVerifier {

    public static final String TIMESTAMP_HEADER = "Payrail-Timestamp";
    public static final String NONCE_HEADER = "Payrail-Nonce";
    public static final String KEY_ID_HEADER = "Payrail-Key-Id";
    public static final String SIGNATURE_HEADER = "Payrail-Signature";
    public static final long MAX_SKEW_SECONDS = 300;

    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final String DOCS = " (docs/authentication.md, 'Verifying responses')";

    private final PlatformCertificates certificates;
    private final Clock clock;

    public PlatformSignatureVerifier(PlatformCertificates certificates) {
        this(certificates, Clock.systemUTC());
    }

    public PlatformSignatureVerifier(PlatformCertificates certificates, Clock clock) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a body given as text; it is encoded as UTF-8, which is what the platform signed. */
    public VerifiedSignature verify(HeaderLookup headers, String body) throws SignatureVerificationException {
        return verify(headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param headers where to read the Payrail-* headers
     * @param body    the body bytes exactly as received; empty when there is none
     * @return who signed, when, and the nonce
     * @throws SignatureVerificationException when the message must not be trusted, saying why and what to do
     */
    public VerifiedSignature verify(HeaderLookup headers, byte[] body) throws SignatureVerificationException {
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
        if (!rsaSha256Verifies(certificate, signedBytes(timestampText, nonce, body), signature)) {
            throw new SignatureVerificationException(Reason.SIGNATURE_INVALID, "The Payrail-Signature does not match"
                    + " this body, timestamp and nonce for platform key '" + keyId + "'. Either the message was"
                    + " altered on its way, or the bytes verified are not the ones received (verify the raw body"
                    + " before parsing or re-encoding it). Do not act on it; retry the request with the same"
                    + " Idempotency-Key or look the result up." + DOCS);
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

    /** The bytes the platform signs: {@code timestamp\nnonce\n} + body + {@code \n}. */
    public static byte[] signedBytes(String timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        out.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.write('\n');
        return out.toByteArray();
    }

    private static boolean rsaSha256Verifies(X509Certificate certificate, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // a signature of the wrong length lands here: as untrustworthy as a wrong one
            return false;
        }
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
