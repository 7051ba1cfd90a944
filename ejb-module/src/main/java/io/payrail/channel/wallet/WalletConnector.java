package io.payrail.channel.wallet;

import io.payrail.channel.ChannelAnswers;
import io.payrail.channel.ChannelAnswers.ErrorKind;
import io.payrail.channel.ChannelAnswers.Exchange;
import io.payrail.channel.ChannelAnswers.Kind;
import io.payrail.channel.ChannelAnswers.Reply;
import io.payrail.channel.ChannelAnswers.Transport;
import io.payrail.channel.ChannelConnector;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelStatementSource;
import io.payrail.channel.ChannelWire;
import io.payrail.channel.WireJson;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.platform.signing.PlatformKeys;
import io.payrail.refund.RefundSubmission;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    /** How far the time in WALLET's signature may be from ours (wallet.md §2). */
    static final long MAX_SKEW_SECONDS = 300;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A statement is CSV; an error about it is JSON. */
    private static final String[] CSV_OR_JSON = {"text/csv", MediaType.APPLICATION_JSON};
    private static final String[] JSON = {MediaType.APPLICATION_JSON};

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
        base = ChannelWire.baseUri(baseUrl);
        client = ChannelWire.client(connectTimeoutMillis, readTimeoutMillis);
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
        String ref = submission.reference();
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("merchantRef", ref)
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode());
        if (submission.subject() != null && !submission.subject().isBlank()) {
            request.add("subject", ChannelWire.truncate(submission.subject(), MAX_SUBJECT_CHARS));
        }
        Reply reply = exchange("POST", "orders", json(request.build()), ref, Kind.PAYMENT);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(submission.resend() ? Exchange.RESEND : Exchange.SUBMIT,
                Kind.PAYMENT, reply);
        return ChannelWire.logged(LOG, CHANNEL_ID, "pay", ref, meaning.queryInstead() ? afterReusedReference(submission) : meaning.outcome());
    }

    /**
     * The reference already has an order at WALLET with other money. Its state is what counts for
     * this reference (it may even be paid), so the answer is the query's; the mismatch is an anomaly
     * an operator should see.
     */
    private ChannelOutcome afterReusedReference(ChannelSubmission submission) {
        LOG.warning(() -> "WALLET " + submission.reference() + ": MERCHANT_REF_REUSED (we asked "
                + submission.amount() + "); taking WALLET's own record of the reference");
        ChannelOutcome queried = query(submission.reference());
        return queried.status() == ChannelOutcome.Status.NOT_FOUND
                ? ChannelOutcome.unknown("WALLET said MERCHANT_REF_REUSED but holds no order for it")
                : queried;
    }

    @Override
    public ChannelOutcome query(String orderId) {
        Reply reply = exchange("GET", "orders/by-ref/" + ChannelWire.segment(orderId), null, orderId, Kind.PAYMENT);
        return ChannelWire.logged(LOG, CHANNEL_ID, "query", orderId, ChannelWire.plain(ChannelAnswers.meaning(Exchange.QUERY, Kind.PAYMENT, reply), reply));
    }

    @Override
    public ChannelOutcome close(String orderId) {
        Reply reply = exchange("POST", "orders/by-ref/" + ChannelWire.segment(orderId) + "/close", NO_BODY, orderId, Kind.PAYMENT);
        // ORDER_PAID: paid after all; the query gives WALLET's order id, which settlement matches on
        return ChannelWire.logged(LOG, CHANNEL_ID, "close", orderId, ChannelAnswers.closeOutcome(reply, () -> query(orderId)));
    }

    /** An order as WALLET answers it (§3, §4), if it is one for our reference. */
    private static ChannelOutcome orderDecision(JsonObject order, String ref) {
        String walletId = WireJson.text(order, "orderId");
        String status = WireJson.text(order, "status");
        if (!ref.equals(WireJson.text(order, "merchantRef")) || walletId == null || status == null) {
            return null;
        }
        return switch (status) {
            case "PENDING" -> ChannelOutcome.pending(walletId, WireJson.text(order, "payUrl"));
            // what the payer paid: compared with the order before anything is booked
            case "PAID" -> Optional.ofNullable(WireJson.money(order, "amount", "currency"))
                    .map(money -> ChannelOutcome.succeeded(walletId, money)).orElse(null);
            case "DECLINED" -> ChannelOutcome.declined(walletId, Optional.ofNullable(WireJson.text(order, "declineCode"))
                    .orElse("DECLINED"), WireJson.text(order, "declineMessage"));
            case "CLOSED" -> ChannelOutcome.closed(walletId);
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------ refunds

    @Override
    public ChannelOutcome refund(RefundSubmission submission) {
        String ref = submission.refundId();
        JsonObject request = Json.createObjectBuilder()
                .add("merchantRef", submission.paymentReference())
                .add("refundRef", ref)
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode())
                .build();
        Reply reply = exchange("POST", "refunds", json(request), ref, Kind.REFUND);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(submission.resend() ? Exchange.RESEND : Exchange.SUBMIT,
                Kind.REFUND, reply);
        return ChannelWire.logged(LOG, CHANNEL_ID, "refund", ref, meaning.queryInstead() ? queryRefund(submission) : meaning.outcome());
    }

    @Override
    public ChannelOutcome queryRefund(RefundSubmission submission) {
        String ref = submission.refundId();
        Reply reply = exchange("GET", "refunds/by-ref/" + ChannelWire.segment(ref), null, ref, Kind.REFUND);
        return ChannelWire.logged(LOG, CHANNEL_ID, "queryRefund", ref, ChannelWire.plain(ChannelAnswers.meaning(Exchange.QUERY, Kind.REFUND, reply), reply));
    }


    /** WALLET's error codes: the shared ones, and its own refusals. */
    private static ErrorKind errorKind(int status, String code) {
        return ChannelWire.errorKind(LOG, CHANNEL_ID, status, code, Set.of());
    }

    // ------------------------------------------------------------------------------ the wire

    /**
     * One signed request and its checked answer, as {@link ChannelAnswers} reads it; never throws.
     *
     * @param body null for a GET (signed as the empty body)
     */
    private Reply exchange(String method, String relativePath, byte[] body, String reference, Kind kind) {
        Signed signed = signedExchange(method, relativePath, body, JSON, reference);
        if (signed.failure() != null) {
            return signed.failure();
        }
        int status = signed.status();
        byte[] answer = signed.body();
        JsonObject json = WireJson.object(answer);
        String detail = describe(status, json, answer);
        if (status == 200) {
            return Reply.decided(status, json == null ? null
                    : kind == Kind.PAYMENT ? orderDecision(json, reference) : ChannelWire.jsonRefundDecision(json, reference), detail);
        }
        String code = json == null ? null : WireJson.text(json, "error");
        boolean names = json != null && reference.equals(WireJson.text(json, kind == Kind.PAYMENT ? "merchantRef" : "refundRef"));
        return Reply.error(status, errorKind(status, code), code, json == null ? null : WireJson.text(json, "message"),
                names, detail);
    }

    /**
     * The statement of one UTC day (wallet.md §9): a signed GET whose answer is the file itself,
     * signed over its exact bytes and bound to this request like every answer.
     *
     * @throws ChannelStatementSource.StatementUnavailableException when WALLET could not give it now
     *         or its answer cannot be trusted (nothing unverified is ever returned)
     */
    public byte[] statement(LocalDate day) throws ChannelStatementSource.StatementUnavailableException {
        Signed signed = signedExchange("GET", "statements/" + day, null, CSV_OR_JSON, day.toString());
        if (signed.failure() != null) {
            throw new ChannelStatementSource.StatementUnavailableException(signed.failure().detail());
        }
        if (signed.status() != 200) {
            throw new ChannelStatementSource.StatementUnavailableException("WALLET answered the statement of " + day
                    + " with " + describe(signed.status(), WireJson.object(signed.body()), signed.body()));
        }
        return signed.body();
    }

    /**
     * Sends one signed request and checks its answer. An answer is trusted only when its signature
     * verifies with WALLET's key, it was signed within {@value #MAX_SKEW_SECONDS} s of our clock, and
     * it names this very request (its {@code htm}, {@code htu} and our fresh {@code jti}): an answer
     * captured from another exchange, or an old one, tells nothing about this one. The front door's
     * unsigned 503 is the one exception (§7).
     */
    private Signed signedExchange(String method, String relativePath, byte[] body, String[] accept, String reference) {
        URI uri = URI.create(base + "/" + relativePath);
        String htu = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String jti = jti();
        PublicKey verifyWith;
        String signature;
        try {
            verifyWith = walletKey.get();
            signature = DetachedJws.sign(DetachedJws.requestHeader(signer.keyId(), clock.instant().getEpochSecond(),
                    method, htu, jti), body == null ? NO_BODY : body, signer::sign);
        } catch (RuntimeException e) {
            // keys missing or unreadable: nothing was sent, and an answer could not be trusted anyway
            return Signed.failed(Reply.failed(Transport.NOT_SENT, "WALLET request not sent: " + e.getMessage()));
        }
        Invocation.Builder request = client.target(uri).request(accept).header(DetachedJws.HEADER, signature);
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
            boolean refused = ChannelWire.causedByRefusal(e);
            LOG.log(Level.FINE, e, () -> "WALLET " + method + " " + htu + " for " + reference);
            return Signed.failed(Reply.failed(refused ? Transport.REFUSED : Transport.LOST,
                    "WALLET " + (refused ? "connection refused: " : "no answer: ") + ChannelWire.describe(e)));
        }
        if (status != 503) {
            try {
                checkBinding(DetachedJws.verify(answerSignature, answer, verifyWith), status, method, htu, jti);
            } catch (DetachedJws.InvalidJwsException e) {
                return Signed.failed(Reply.failed(Transport.UNTRUSTED, "WALLET HTTP " + status + " answer not trusted: "
                        + e.getMessage()));
            }
        }
        return new Signed(null, status, answer);
    }

    /** A verified answer (status and exact body), or the transport failure in its place. */
    private record Signed(Reply failure, int status, byte[] body) {
        static Signed failed(Reply failure) {
            return new Signed(failure, 0, NO_BODY);
        }
    }

    /** The answer is fresh and answers this request (wallet.md §2). */
    private void checkBinding(JsonObject header, int status, String method, String htu, String jti)
            throws DetachedJws.InvalidJwsException {
        long iat = DetachedJws.issuedAt(header);
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - iat) > MAX_SKEW_SECONDS) {
            throw new DetachedJws.InvalidJwsException("iat " + iat + " is " + Math.abs(now - iat) + " s "
                    + (iat < now ? "old" : "in the future") + " (at most " + MAX_SKEW_SECONDS + " s)");
        }
        String answeredMethod = WireJson.text(header, "htm");
        String answeredTarget = WireJson.text(header, "htu");
        String answeredJti = WireJson.text(header, "jti");
        // a 401 never echoes the jti (WALLET could not take the request as ours): it is bound to the
        // method and path only, and as an answer about one request it proves nothing (see ChannelAnswers)
        boolean jtiMatches = status == 401 ? answeredJti == null : jti.equals(answeredJti);
        if (!method.equals(answeredMethod) || !htu.equals(answeredTarget) || !jtiMatches) {
            throw new DetachedJws.InvalidJwsException("it answers " + answeredMethod + " " + answeredTarget + " (jti "
                    + answeredJti + "), not this " + method + " " + htu + " (jti " + jti + ")");
        }
    }

    /** For an outcome's message: the status and WALLET's code and message, or the start of the body. */
    private static String describe(int status, JsonObject json, byte[] body) {
        String error = json == null ? null : WireJson.text(json, "error");
        return "WALLET HTTP " + status + (error != null
                ? " " + error + Optional.ofNullable(WireJson.text(json, "message")).map(m -> ": " + ChannelWire.abbreviate(m)).orElse("")
                : body.length == 0 ? "" : ": " + ChannelWire.abbreviate(new String(body, StandardCharsets.UTF_8)));
    }

    /** A fresh request id for the answer to echo: 32 characters of base64url from 24 random bytes. */
    private static String jti() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return DetachedJws.base64Url(random);
    }

    private static byte[] json(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
