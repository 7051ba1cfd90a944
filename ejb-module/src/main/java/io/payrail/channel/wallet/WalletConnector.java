package io.payrail.channel.wallet;

import io.payrail.channel.ChannelConnector;
import io.payrail.channel.ChannelOutcome;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.platform.signing.PlatformKeys;
import io.payrail.refund.RefundSubmission;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WALLET, the third-party wallet (channel-simulator/docs/wallet.md): an order is created
 * {@code PENDING} with a page where the payer approves it in the wallet; the result comes by
 * callback ({@link WalletCallbacks}) or by query. Our order id is WALLET's {@code merchantRef}, our
 * refund id its {@code refundRef}. Every request is signed with the platform key (detached JWS in
 * {@value DetachedJws#HEADER}, bound to method and path); every answer is checked with WALLET's key,
 * except the unsigned 503 of its front door.
 *
 * <p>Configuration (MicroProfile Config):
 * <ul>
 * <li>{@code payrail.channel.wallet.url}: base URL, default {@value #DEFAULT_URL};</li>
 * <li>{@code payrail.channel.wallet.connect-timeout-ms} (2000) and {@code ...read-timeout-ms} (10000);</li>
 * <li>{@value WalletPublicKey#CONFIG_KEY}: path of WALLET's public key (PEM). Without it nothing is
 *     sent (an answer could not be trusted): every request is UNAVAILABLE.</li>
 * </ul>
 */
@ApplicationScoped
public class WalletConnector implements ChannelConnector {

    public static final String CHANNEL_ID = "WALLET";
    static final String DEFAULT_URL = "http://127.0.0.1:8290/sim/wallet/v1";

    private static final Logger LOG = Logger.getLogger(WalletConnector.class.getName());
    private static final byte[] NO_BODY = new byte[0];
    private static final int MAX_SUBJECT_CHARS = 256;
    private static final int MAX_DETAIL_CHARS = 200;

    @Inject
    @ConfigProperty(name = "payrail.channel.wallet.url", defaultValue = DEFAULT_URL)
    String baseUrl;

    @Inject
    @ConfigProperty(name = "payrail.channel.wallet.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "payrail.channel.wallet.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = WalletPublicKey.CONFIG_KEY)
    Optional<String> walletPublicKeyPath;

    @Inject
    PlatformKeys platformKeys;

    @Inject
    Clock clock;

    private Signer signer;
    private WalletPublicKey walletKey;
    private URI base;
    private Client client;

    /** For CDI. */
    public WalletConnector() {
    }

    /** For tests: everything given, nothing injected; {@link #open()} must still be called. */
    WalletConnector(String baseUrl, long connectTimeoutMillis, long readTimeoutMillis, Signer signer,
                    WalletPublicKey walletKey, Clock clock) {
        this.baseUrl = baseUrl;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.walletKey = Objects.requireNonNull(walletKey, "walletKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostConstruct
    void open() {
        // nothing here may touch the keystore: the registry creates every connector at start-up
        if (signer == null) {
            signer = new PlatformKeysSigner(platformKeys);
        }
        if (walletKey == null) {
            walletKey = WalletPublicKey.configured(walletPublicKeyPath);
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        String url = baseUrl.strip();
        base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build();
    }

    @PreDestroy
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public String channelId() {
        return CHANNEL_ID;
    }

    @Override
    public Set<PaymentMethod> supportedMethods() {
        return Set.of(PaymentMethod.WALLET);
    }

    // ------------------------------------------------------------------------------ orders

    @Override
    public ChannelOutcome pay(ChannelSubmission submission) {
        String ref = submission.orderId();
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("merchantRef", ref)
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode());
        if (submission.subject() != null && !submission.subject().isBlank()) {
            request.add("subject", truncate(submission.subject()));
        }
        Reply reply = exchange("POST", "orders", json(request.build()), ref);
        ChannelOutcome outcome = switch (reply.kind()) {
            case NOT_SENT, REFUSED -> ChannelOutcome.unavailable(reply.detail());
            case LOST, UNTRUSTED -> ChannelOutcome.unknown(reply.detail());
            case ANSWERED -> {
                int status = reply.status();
                String error = reply.errorCode();
                if (status == 200) {
                    yield orderOutcome(reply, ref);
                } else if (status == 409 && "MERCHANT_REF_REUSED".equals(error)) {
                    yield afterReusedReference(submission);
                } else if (status == 409 && "ORDER_CLOSED".equals(error)) {
                    yield ChannelOutcome.closed(null);
                } else if (status == 503) {
                    yield ChannelOutcome.unavailable(reply.describe());
                } else if (status >= 400 && status < 500) {
                    // wallet.md §7: every 4xx is a refusal that recorded nothing
                    yield refusal(reply);
                } else {
                    yield ChannelOutcome.unknown(reply.describe());
                }
            }
        };
        return logged("pay", ref, outcome);
    }

    /**
     * The reference already has an order at WALLET with other money. Its state is what counts for
     * this reference (it may even be paid), so the answer is the query's; the mismatch is an anomaly
     * an operator should see.
     */
    private ChannelOutcome afterReusedReference(ChannelSubmission submission) {
        Reply reply = getOrder(submission.orderId());
        if (reply.kind() == Reply.Kind.ANSWERED && reply.status() == 200 && reply.json() != null) {
            JsonObject order = reply.json();
            LOG.warning(() -> "WALLET " + submission.orderId() + ": MERCHANT_REF_REUSED; WALLET holds "
                    + order.get("amount") + " " + text(order, "currency") + ", we asked "
                    + submission.amount().minorUnits() + " " + submission.amount().currencyCode());
        }
        ChannelOutcome queried = queryOutcome(reply, submission.orderId());
        return queried.status() == ChannelOutcome.Status.NOT_FOUND
                ? ChannelOutcome.unknown("WALLET said MERCHANT_REF_REUSED but holds no order for it")
                : queried;
    }

    @Override
    public ChannelOutcome query(String orderId) {
        return logged("query", orderId, queryOutcome(getOrder(orderId), orderId));
    }

    private Reply getOrder(String orderId) {
        return exchange("GET", "orders/by-ref/" + segment(orderId), null, orderId);
    }

    private ChannelOutcome queryOutcome(Reply reply, String orderId) {
        if (reply.kind() != Reply.Kind.ANSWERED) {
            // a query that could not be made or answered tells nothing, refused connection included
            return ChannelOutcome.unknown(reply.detail());
        }
        if (reply.status() == 200) {
            return orderOutcome(reply, orderId);
        }
        if (reply.status() == 404 && "ORDER_NOT_FOUND".equals(reply.errorCode())) {
            return ChannelOutcome.notFound();
        }
        return ChannelOutcome.unknown(reply.describe());
    }

    @Override
    public ChannelOutcome close(String orderId) {
        Reply reply = exchange("POST", "orders/by-ref/" + segment(orderId) + "/close", NO_BODY, orderId);
        ChannelOutcome outcome;
        if (reply.kind() != Reply.Kind.ANSWERED) {
            outcome = ChannelOutcome.unknown(reply.detail());
        } else if (reply.status() == 200) {
            ChannelOutcome order = orderOutcome(reply, orderId);
            outcome = order.status() == ChannelOutcome.Status.CLOSED || order.status() == ChannelOutcome.Status.SUCCEEDED
                    ? order
                    : ChannelOutcome.unknown("WALLET answered the close with " + order.status() + ": " + reply.describe());
        } else if (reply.status() == 409 && "ORDER_PAID".equals(reply.errorCode())) {
            // paid after all: the query gives WALLET's order id, which settlement matches on
            ChannelOutcome queried = queryOutcome(getOrder(orderId), orderId);
            outcome = queried.status() == ChannelOutcome.Status.SUCCEEDED
                    ? queried
                    : ChannelOutcome.unknown("WALLET refused the close as ORDER_PAID, but its query said "
                    + queried.status() + (queried.message() == null ? "" : " (" + queried.message() + ")"));
        } else {
            outcome = ChannelOutcome.unknown(reply.describe());
        }
        return logged("close", orderId, outcome);
    }

    /** An order as WALLET answers it (§3, §4), for our reference. */
    private static ChannelOutcome orderOutcome(Reply reply, String ref) {
        JsonObject order = reply.json();
        if (order == null) {
            return ChannelOutcome.unknown("WALLET answered HTTP " + reply.status() + " with no JSON object: "
                    + reply.abbreviatedBody());
        }
        String answeredRef = text(order, "merchantRef");
        if (!ref.equals(answeredRef)) {
            return ChannelOutcome.unknown("WALLET answered for merchantRef " + answeredRef + ", not " + ref);
        }
        String walletId = text(order, "orderId");
        String status = text(order, "status");
        if (walletId == null || status == null) {
            return ChannelOutcome.unknown("WALLET's order lacks orderId or status: " + reply.abbreviatedBody());
        }
        return switch (status) {
            case "PENDING" -> ChannelOutcome.pending(walletId, text(order, "payUrl"));
            case "PAID" -> ChannelOutcome.succeeded(walletId);
            case "DECLINED" -> ChannelOutcome.declined(walletId, Optional.ofNullable(text(order, "declineCode"))
                    .orElse("DECLINED"), text(order, "declineMessage"));
            case "CLOSED" -> ChannelOutcome.closed(walletId);
            default -> ChannelOutcome.unknown("WALLET order status " + status + " is not documented");
        };
    }

    // ------------------------------------------------------------------------------ refunds

    @Override
    public ChannelOutcome refund(RefundSubmission submission) {
        String ref = submission.refundId();
        JsonObject request = Json.createObjectBuilder()
                .add("merchantRef", submission.paymentOrderId())
                .add("refundRef", ref)
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode())
                .build();
        Reply reply = exchange("POST", "refunds", json(request), ref);
        ChannelOutcome outcome = switch (reply.kind()) {
            case NOT_SENT, REFUSED -> ChannelOutcome.unavailable(reply.detail());
            case LOST, UNTRUSTED -> ChannelOutcome.unknown(reply.detail());
            case ANSWERED -> {
                int status = reply.status();
                if (status == 200) {
                    yield refundOutcome(reply, ref);
                } else if (status == 503) {
                    yield ChannelOutcome.unavailable(reply.describe());
                } else if (status >= 400 && status < 500) {
                    // ORDER_NOT_FOUND, ORDER_NOT_PAID, REFUND_REF_REUSED, CURRENCY_MISMATCH,
                    // REFUND_EXCEEDS_CAPTURED, INVALID_REQUEST, SIGNATURE_INVALID: nothing recorded
                    yield refusal(reply);
                } else {
                    yield ChannelOutcome.unknown(reply.describe());
                }
            }
        };
        return logged("refund", ref, outcome);
    }

    @Override
    public ChannelOutcome queryRefund(RefundSubmission submission) {
        String ref = submission.refundId();
        Reply reply = exchange("GET", "refunds/by-ref/" + segment(ref), null, ref);
        ChannelOutcome outcome;
        if (reply.kind() != Reply.Kind.ANSWERED) {
            outcome = ChannelOutcome.unknown(reply.detail());
        } else if (reply.status() == 200) {
            outcome = refundOutcome(reply, ref);
        } else if (reply.status() == 404) {
            outcome = ChannelOutcome.notFound();
        } else {
            outcome = ChannelOutcome.unknown(reply.describe());
        }
        return logged("queryRefund", ref, outcome);
    }

    /** A refund as WALLET answers it (§6), for our reference. */
    private static ChannelOutcome refundOutcome(Reply reply, String ref) {
        JsonObject refund = reply.json();
        if (refund == null) {
            return ChannelOutcome.unknown("WALLET answered HTTP " + reply.status() + " with no JSON object: "
                    + reply.abbreviatedBody());
        }
        String answeredRef = text(refund, "refundRef");
        if (!ref.equals(answeredRef)) {
            return ChannelOutcome.unknown("WALLET answered for refundRef " + answeredRef + ", not " + ref);
        }
        String walletId = text(refund, "refundId");
        String status = text(refund, "status");
        if (walletId == null || status == null) {
            return ChannelOutcome.unknown("WALLET's refund lacks refundId or status: " + reply.abbreviatedBody());
        }
        return switch (status) {
            case "PROCESSING" -> ChannelOutcome.pending(walletId, null);
            case "SUCCEEDED" -> ChannelOutcome.succeeded(walletId);
            default -> ChannelOutcome.unknown("WALLET refund status " + status + " is not documented");
        };
    }

    // ------------------------------------------------------------------------------ the wire

    /**
     * One signed request and its checked answer; never throws.
     *
     * @param body null for a GET (signed as the empty body)
     */
    private Reply exchange(String method, String relativePath, byte[] body, String reference) {
        URI uri = URI.create(base + "/" + relativePath);
        String htu = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        PublicKey verifyWith;
        String signature;
        try {
            verifyWith = walletKey.get();
            signature = DetachedJws.sign(DetachedJws.requestHeader(signer.keyId(), clock.instant().getEpochSecond(),
                    method, htu), body == null ? NO_BODY : body, signer::sign);
        } catch (RuntimeException e) {
            // keys missing or unreadable: nothing was sent, and an answer could not be trusted anyway
            return Reply.failed(Reply.Kind.NOT_SENT, "not sent: " + e.getMessage());
        }
        Invocation.Builder request = client.target(uri).request(MediaType.APPLICATION_JSON_TYPE)
                .header(DetachedJws.HEADER, signature);
        int status;
        byte[] answer;
        String answerSignature;
        try (Response response = body == null ? request.get()
                : request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            status = response.getStatus();
            answer = response.hasEntity() ? response.readEntity(byte[].class) : NO_BODY;
            answerSignature = response.getHeaderString(DetachedJws.HEADER);
        } catch (RuntimeException e) {
            // ProcessingException and the like: refused before sending, or lost after
            boolean refused = causedByRefusal(e);
            LOG.log(Level.FINE, e, () -> "WALLET " + method + " " + htu + " for " + reference);
            return Reply.failed(refused ? Reply.Kind.REFUSED : Reply.Kind.LOST,
                    (refused ? "connection refused: " : "no answer: ") + describe(e));
        }
        if (status != 503) {
            try {
                DetachedJws.verify(answerSignature, answer, verifyWith);
            } catch (DetachedJws.InvalidJwsException e) {
                return Reply.failed(Reply.Kind.UNTRUSTED, "HTTP " + status + " answer not trusted: " + e.getMessage());
            }
        }
        return Reply.answered(status, answer);
    }

    /**
     * What came back from one exchange.
     *
     * @param json the answer's JSON object; null when the body is not one
     */
    private record Reply(Kind kind, int status, byte[] body, JsonObject json, String detail) {

        enum Kind {
            /** Our side failed before sending (keys): nothing reached WALLET. */
            NOT_SENT,
            /** The connection was refused (or the host unknown): nothing reached WALLET. */
            REFUSED,
            /** Timeout, reset, broken answer: WALLET may have acted. */
            LOST,
            /** An answer whose signature does not verify: it tells us nothing. */
            UNTRUSTED,
            /** A (verified, when a key is configured) HTTP answer. */
            ANSWERED
        }

        static Reply failed(Kind kind, String detail) {
            return new Reply(kind, 0, NO_BODY, null, detail);
        }

        static Reply answered(int status, byte[] body) {
            return new Reply(Kind.ANSWERED, status, body, parse(body), null);
        }

        /** WALLET's {@code error} code, when the answer is an error object. */
        String errorCode() {
            return json == null ? null : text(json, "error");
        }

        String abbreviatedBody() {
            return abbreviate(new String(body, StandardCharsets.UTF_8));
        }

        /** For an outcome's message: the status and WALLET's code and message, or the start of the body. */
        String describe() {
            if (kind != Kind.ANSWERED) {
                return detail;
            }
            String error = errorCode();
            return "WALLET HTTP " + status + (error != null
                    ? " " + error + Optional.ofNullable(text(json, "message")).map(m -> ": " + abbreviate(m)).orElse("")
                    : body.length == 0 ? "" : ": " + abbreviatedBody());
        }

        private static JsonObject parse(byte[] body) {
            if (body.length == 0) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                JsonValue value = reader.readValue();
                return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
            } catch (JsonException | IllegalStateException e) {
                return null;
            }
        }
    }

    /** A documented refusal (4xx): WALLET recorded nothing, so nothing moved. */
    private static ChannelOutcome refusal(Reply reply) {
        String code = Optional.ofNullable(reply.errorCode()).orElse("WALLET_HTTP_" + reply.status());
        if (reply.status() == 401) {
            LOG.severe(() -> "WALLET refused our signature (" + reply.describe() + "): check that WALLET holds the"
                    + " platform's current public key");
        }
        String message = reply.json() == null ? reply.abbreviatedBody() : text(reply.json(), "message");
        return ChannelOutcome.declined(null, code, message);
    }

    private static boolean causedByRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Every outcome is logged once, here, with its reason: UNKNOWN and UNAVAILABLE need an operator's eye. */
    private static ChannelOutcome logged(String operation, String reference, ChannelOutcome outcome) {
        Level level = switch (outcome.status()) {
            case UNKNOWN, UNAVAILABLE -> Level.WARNING;
            default -> Level.FINE;
        };
        LOG.log(level, () -> "WALLET " + operation + " " + reference + ": " + outcome.status()
                + (outcome.channelTxnId() == null ? "" : " " + outcome.channelTxnId())
                + (outcome.code() == null ? "" : " " + outcome.code())
                + (outcome.message() == null ? "" : " (" + outcome.message() + ")"));
        return outcome;
    }

    private static byte[] json(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A string field, or null when absent or not a string. */
    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : null;
    }

    /**
     * A path segment as it goes on the request line. Our references keep to WALLET's alphabet
     * ({@code A-Z a-z 0-9 _ . : -}); anything else is percent-encoded rather than trusted.
     */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** WALLET takes at most 256 characters of subject; a longer one would fail the payment for a label. */
    private static String truncate(String subject) {
        if (subject.length() <= MAX_SUBJECT_CHARS) {
            return subject;
        }
        int end = Character.isHighSurrogate(subject.charAt(MAX_SUBJECT_CHARS - 1)) ? MAX_SUBJECT_CHARS - 1 : MAX_SUBJECT_CHARS;
        return subject.substring(0, end);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= MAX_DETAIL_CHARS ? s : s.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
