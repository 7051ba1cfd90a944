package io.payrail.sdk;

import io.payrail.sdk.verification.VerifiedSignature;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response of the platform: status, headers and body. Returned by {@link PayrailClient}
 * only after its platform signature verified, unless verification was explicitly disabled, in
 * which case {@link #signature()} is empty. Error statuses are responses too: a 4xx carries an
 * {@code application/problem+json} body with a stable {@code code}.
 */
public final class PayrailResponse {

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final VerifiedSignature signature;

    PayrailResponse(int status, HttpHeaders headers, byte[] body, VerifiedSignature signature) {
        this.status = status;
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = body.clone();
        this.signature = signature;
    }

    PayrailResponse verified(VerifiedSignature verifiedSignature) {
        return new PayrailResponse(status, headers, body, Objects.requireNonNull(verifiedSignature));
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The first value of a header (names are case-insensitive). */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as text (UTF-8); the empty string when there is none. */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body bytes exactly as received, which are what the signature covers. */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** The verified platform signature; empty only when verification was disabled on the client. */
    public Optional<VerifiedSignature> signature() {
        return Optional.ofNullable(signature);
    }

    public boolean isSignatureVerified() {
        return signature != null;
    }

    @Override
    public String toString() {
        return "PayrailResponse[HTTP " + status + ", " + body.length + " bytes, "
                + (signature == null ? "signature not verified" : "signed by " + signature.keyId()) + "]";
    }
}
