package io.payrail.sdk;

import io.payrail.sdk.signing.AuthorizationHeader;
import io.payrail.sdk.signing.CanonicalRequest;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.signing.RequestSigner;
import io.payrail.sdk.verification.HeaderLookup;
import io.payrail.sdk.verification.PlatformCertificates;
import io.payrail.sdk.verification.PlatformSignatureVerifier;
import io.payrail.sdk.verification.SignatureVerificationException;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import io.payrail.sdk.verification.VerifiedSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * A merchant's client of the Payrail API. Every request is signed (PAYRAIL-SHA256-RSA2048) and
 * sent with exactly the bytes that were signed; every response is returned only after its
 * platform signature verified for this client's merchant id and the nonce of the request it
 * answers (so an answer to another request or merchant is refused). Immutable apart from the fetched certificates, and thread-safe:
 * build one per merchant key and share it.
 *
 * <pre>{@code
 * PayrailClient client = PayrailClient.builder()
 *         .baseUri("https://localhost:8181")
 *         .merchantId("M100001").keyId("K1")
 *         .privateKey(Pem.readPrivateKey(Path.of("key.pem")))
 *         .fetchPlatformCertificates()
 *         .sslContext(TrustedCertificates.sslContextTrusting(Path.of("payrail-tls.crt")))
 *         .build();
 * PayrailResponse created = client.post("/api/v1/payments", json, "order-4711");
 * }</pre>
 *
 * <p>Methods throw {@link IOException} when no trustworthy answer arrived: a transport failure,
 * or an {@link UnverifiedResponseException}. In both cases the outcome is unknown; retry with the
 * same Idempotency-Key (or merchant order number), which the platform makes safe.
 */
public final class PayrailClient {

    public static final String CERTIFICATES_PATH = "/api/v1/platform/certificates";
    static final String USER_AGENT = "payrail-merchant-sdk-java";
    // a response from a key id we do not know triggers a new fetch, but not more often than this
    private static final Duration REFETCH_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(PayrailClient.class.getName());

    private enum Verification { PINNED, FETCHED, DISABLED }

    private final String origin;
    private final String basePath;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Verification verification;
    private final Object fetchLock = new Object();
    private volatile PlatformCertificates certificates;
    private volatile Instant fetchedAt = Instant.MIN;

    private PayrailClient(Builder b) {
        this.origin = b.baseUri.getScheme().toLowerCase(Locale.ROOT) + "://" + b.baseUri.getRawAuthority();
        String path = b.baseUri.getRawPath() == null ? "" : b.baseUri.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signer = new RequestSigner(b.merchantId, b.keyId, b.privateKey, b.clock, Nonces::next);
        HttpClient.Builder http = HttpClient.newBuilder()
                // HTTP/1.1: the request target on the wire is exactly the signed one, with no upgrade to negotiate
                .version(HttpClient.Version.HTTP_1_1)
                // a redirect would send the signed request elsewhere, under another target: never follow
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(b.connectTimeout);
        if (b.sslContext != null) {
            http.sslContext(b.sslContext);
        }
        this.http = http.build();
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        this.verification = b.verification;
        this.certificates = b.certificates;
    }

    public static Builder builder() {
        return new Builder();
    }

    public PayrailResponse get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, null, Map.of());
    }

    public PayrailResponse post(String pathAndQuery, String jsonBody) throws IOException, InterruptedException {
        return send("POST", pathAndQuery, jsonBody, Map.of());
    }

    /**
     * A POST with an Idempotency-Key (1 to 255 printable ASCII characters): the platform replays
     * the first response to a repeat with the same body, so a retry after an unknown outcome is safe.
     */
    public PayrailResponse post(String pathAndQuery, String jsonBody, String idempotencyKey)
            throws IOException, InterruptedException {
        requireIdempotencyKey(idempotencyKey);
        return send("POST", pathAndQuery, jsonBody, Map.of("Idempotency-Key", idempotencyKey));
    }

    /**
     * Signs and sends one request and verifies the response.
     *
     * @param method       an HTTP method (sent upper-cased, as it is signed)
     * @param pathAndQuery the path and query, percent-encoded as it must go on the request line,
     *                     e.g. {@code /api/v1/payments?state=SUCCEEDED&limit=10}
     * @param body         the exact body text (sent as UTF-8), or null for none; a non-empty body
     *                     is sent as {@code application/json} unless extraHeaders say otherwise
     * @param extraHeaders more headers (not Authorization, which the client writes)
     * @throws IllegalArgumentException when the request cannot be signed as it would be sent
     * @throws UnverifiedResponseException when the response's platform signature does not verify
     * @throws IOException when the platform cannot be reached or its certificates cannot be fetched
     */
    public PayrailResponse send(String method, String pathAndQuery, String body, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        Objects.requireNonNull(extraHeaders, "extraHeaders");
        String target = basePath + Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        URI uri = uriFor(target);
        // fetch before signing, so that a slow fetch cannot eat into the request's timestamp window
        PlatformSignatureVerifier verifier = verification == Verification.DISABLED ? null : verifier();
        CanonicalRequest signed = signer.stamp(method, target, body);
        AuthorizationHeader authorization = signer.sign(signed);
        byte[] bytes = signed.body();

        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .method(signed.method(), bytes.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Authorization", authorization.value())
                .header("User-Agent", USER_AGENT);
        boolean hasAccept = false;
        boolean hasContentType = false;
        for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Authorization")) {
                throw new IllegalArgumentException("the client writes the Authorization header itself");
            }
            hasAccept |= name.equalsIgnoreCase("Accept");
            hasContentType |= name.equalsIgnoreCase("Content-Type");
            request.header(name, header.getValue());
        }
        if (!hasAccept) {
            request.header("Accept", "application/json, application/problem+json");
        }
        if (bytes.length > 0 && !hasContentType) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> response = exchange(request.build());
        // the answer must be signed for this merchant and this request's nonce: another one's is a replay
        return verified(response, verifier, signer.merchantId(), signed.nonce());
    }

    /**
     * The platform certificates this client verifies with: the configured ones, or those fetched
     * (once) from {@value #CERTIFICATES_PATH}.
     */
    public PlatformCertificates platformCertificates() throws IOException, InterruptedException {
        if (verification == Verification.DISABLED) {
            throw new IllegalStateException("response verification is disabled on this client");
        }
        PlatformCertificates known = certificates;
        if (known != null) {
            return known;
        }
        synchronized (fetchLock) {
            if (certificates == null) {
                certificates = fetchCertificates();
            }
            return certificates;
        }
    }

    public String merchantId() {
        return signer.merchantId();
    }

    public String keyId() {
        return signer.keyId();
    }

    public URI baseUri() {
        return URI.create(origin + basePath);
    }

    private PlatformSignatureVerifier verifier() throws IOException, InterruptedException {
        return new PlatformSignatureVerifier(platformCertificates(), clock);
    }

    private PayrailResponse verified(HttpResponse<byte[]> response, PlatformSignatureVerifier verifier,
            String merchantId, String requestNonce) throws IOException, InterruptedException {
        PayrailResponse unverified = new PayrailResponse(response.statusCode(), response.headers(), response.body(),
                null);
        if (verifier == null) {
            return unverified;
        }
        try {
            return unverified.verified(verify(response, verifier, merchantId, requestNonce));
        } catch (SignatureVerificationException e) {
            if (e.reason() == Reason.UNKNOWN_KEY_ID && refetchAfterUnknownKeyId()) {
                try {
                    return unverified.verified(verify(response, verifier(), merchantId, requestNonce));
                } catch (SignatureVerificationException again) {
                    throw new UnverifiedResponseException(again, unverified);
                }
            }
            throw new UnverifiedResponseException(e, unverified);
        }
    }

    /** The platform may have rotated its key since the fetch: fetch again, at most once a minute. */
    private boolean refetchAfterUnknownKeyId() throws IOException, InterruptedException {
        if (verification != Verification.FETCHED) {
            return false;
        }
        synchronized (fetchLock) {
            if (clock.instant().isBefore(fetchedAt.plus(REFETCH_INTERVAL))) {
                return false;
            }
            LOG.info("a response names an unknown platform key id; fetching the platform certificates again");
            certificates = fetchCertificates();
            return true;
        }
    }

    private static VerifiedSignature verify(HttpResponse<byte[]> response, PlatformSignatureVerifier verifier,
            String merchantId, String requestNonce) throws SignatureVerificationException {
        for (String name : List.of(PlatformSignatureVerifier.TIMESTAMP_HEADER, PlatformSignatureVerifier.NONCE_HEADER,
                PlatformSignatureVerifier.KEY_ID_HEADER, PlatformSignatureVerifier.SIGNATURE_HEADER)) {
            // two values would leave the choice of which one counts to us; the platform sends one
            if (response.headers().allValues(name).size() > 1) {
                throw new SignatureVerificationException(Reason.MALFORMED_HEADER, "The response carries " + name
                        + " more than once, so it was not signed by Payrail as documented. Do not act on it.");
            }
        }
        HeaderLookup headers = name -> response.headers().firstValue(name).orElse(null);
        return verifier.verifyResponse(headers, response.body(), merchantId, requestNonce);
    }

    private PlatformCertificates fetchCertificates() throws IOException, InterruptedException {
        URI uri = uriFor(basePath + CERTIFICATES_PATH);
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .GET()
                .build());
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != 200) {
            throw new IOException("could not fetch the platform certificates: GET " + uri + " answered HTTP "
                    + response.statusCode() + "; check that the base URI is the Payrail API (" + excerpt(body) + ")");
        }
        PlatformCertificates fetched;
        try {
            fetched = PlatformCertificates.fromJson(body);
        } catch (IllegalArgumentException e) {
            throw new IOException("the platform certificates from " + uri + " cannot be read: " + e.getMessage(), e);
        }
        // TLS vouches for the document; its own signature at least proves the platform holds one of the keys
        try {
            // fetched without credentials: its answer is bound to the empty merchant id and request nonce
            verify(response, new PlatformSignatureVerifier(fetched, clock), "", "");
        } catch (SignatureVerificationException e) {
            throw new SignatureVerificationException(e.reason(), "the platform certificates from " + uri
                    + " do not verify their own response: " + e.getMessage());
        }
        fetchedAt = clock.instant();
        LOG.log(Level.FINE, "fetched platform certificates {0} from {1}", new Object[] {fetched.keyIds(), uri});
        return fetched;
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // the JDK's messages often name neither the address nor the cause ("null")
            throw new IOException(request.method() + " " + request.uri() + " failed: " + e, e);
        }
    }

    /**
     * The URI whose request line carries exactly {@code target}. java.net.http sends
     * {@code rawPath?rawQuery}; if the URI would change a character, the request is refused here
     * rather than failing the platform's signature check.
     */
    private URI uriFor(String target) {
        CanonicalRequest.requireRequestTarget(target);
        URI uri = URI.create(origin + target);
        String sent = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!sent.equals(target) || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the path and query would not be sent as given: " + target);
        }
        return uri;
    }

    static void requireIdempotencyKey(String key) {
        boolean valid = key != null && !key.isEmpty() && key.length() <= 255
                && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) && key.strip().equals(key);
        if (!valid) {
            throw new IllegalArgumentException("an Idempotency-Key is 1 to 255 printable ASCII characters,"
                    + " without leading or trailing spaces");
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.isEmpty() ? "empty body" : flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    @Override
    public String toString() {
        return "PayrailClient[" + origin + basePath + ", merchant " + signer.merchantId() + ", key " + signer.keyId()
                + ", verification " + verification + "]";
    }

    /** Builds a {@link PayrailClient}; choose exactly one way to get the platform certificates. */
    public static final class Builder {
        private URI baseUri;
        private String merchantId;
        private String keyId;
        private PrivateKey privateKey;
        private Verification verification;
        private PlatformCertificates certificates;
        private SSLContext sslContext;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** scheme, host and port, e.g. {@code https://api.payrail.example}; a path prefix is part of every target. */
        public Builder baseUri(String baseUri) {
            return baseUri(URI.create(baseUri));
        }

        public Builder baseUri(URI baseUri) {
            String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || baseUri.getRawAuthority() == null
                    || baseUri.getRawQuery() != null || baseUri.getRawFragment() != null
                    || baseUri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the base URI is scheme://host[:port], e.g. https://localhost:8181: "
                        + baseUri);
            }
            this.baseUri = baseUri;
            return this;
        }

        public Builder merchantId(String merchantId) {
            this.merchantId = merchantId;
            return this;
        }

        public Builder keyId(String keyId) {
            this.keyId = keyId;
            return this;
        }

        public Builder privateKey(PrivateKey privateKey) {
            this.privateKey = privateKey;
            return this;
        }

        /** Verify responses with these certificates only (pinned; no fetch). */
        public Builder platformCertificates(PlatformCertificates certificates) {
            choose(Verification.PINNED);
            this.certificates = Objects.requireNonNull(certificates, "certificates");
            return this;
        }

        /**
         * Fetch the platform certificates from {@value PayrailClient#CERTIFICATES_PATH} before the first request
         * (and again if the platform signs with a key id they do not hold). Trust in them comes from
         * TLS, so use https.
         */
        public Builder fetchPlatformCertificates() {
            choose(Verification.FETCHED);
            return this;
        }

        /**
         * Returns responses without checking their signatures. Only for tests of a verifier itself:
         * an unverified response is worth nothing as evidence of what the platform did.
         */
        public Builder disableResponseVerification() {
            choose(Verification.DISABLED);
            return this;
        }

        /** The TLS context, e.g. {@link io.payrail.sdk.tls.TrustedCertificates#sslContextTrusting}; default: the JDK's. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Time for the whole answer; after it the outcome is unknown (retry with the same Idempotency-Key). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** The clock for request timestamps and the response skew check. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        private void choose(Verification chosen) {
            if (verification != null && verification != chosen) {
                throw new IllegalStateException("choose one of platformCertificates(...), fetchPlatformCertificates()"
                        + " and disableResponseVerification()");
            }
            verification = chosen;
        }

        /** @throws IllegalStateException when a required setting is missing */
        public PayrailClient build() {
            if (baseUri == null || merchantId == null || keyId == null || privateKey == null) {
                throw new IllegalStateException("baseUri, merchantId, keyId and privateKey are required");
            }
            if (verification == null) {
                throw new IllegalStateException("say how to verify responses: platformCertificates(...) or"
                        + " fetchPlatformCertificates()");
            }
            return new PayrailClient(this);
        }
    }
}
