package io.payrail.channel.cardgw;

import io.payrail.channel.ChannelAnswers;
import io.payrail.channel.ChannelAnswers.ErrorKind;
import io.payrail.channel.ChannelAnswers.Exchange;
import io.payrail.channel.ChannelAnswers.Kind;
import io.payrail.channel.ChannelAnswers.Reply;
import io.payrail.channel.ChannelAnswers.Transport;
import io.payrail.channel.ChannelConnector;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ChannelRequestSigner;
import io.payrail.channel.ChannelStatementSource;
import io.payrail.channel.ChannelWire;
import io.payrail.channel.WireJson;
import io.payrail.instrument.CardDetails;
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
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CARDGW (channel-simulator/docs/cardgw.md). Our reference is CARDGW's {@code merchantRef}, our refund
 * id its {@code refundRef}. A payment carries the payer's card ({@link CardDetails}, from the cashier
 * only); the number and security code go into the signed request body and nowhere else (never a log
 * line, never an outcome's message). A card that needs the payer's confirmation answers PENDING with
 * the {@code confirmUrl} as the payer's page.
 *
 * <p>What can be trusted of an answer: every answer but the front door's unsigned 503 must verify with
 * CARDGW's key, be fresh, and carry a nonce not seen before ({@link CardgwTrust}). CARDGW's signature
 * covers the answer alone, nothing of the request, so an answer is bound to this exchange only by
 * what its body names: a 200 for our {@code merchantRef} (or {@code refundRef}) is; an error body names
 * nothing, and could be a copy of the answer to another request within the freshness window. Such an
 * error is therefore taken only where a copy cannot mislead: for a query ("no such reference": the
 * resolver then closes or resends under the same reference, both safe) and a close or refund (whose
 * refusals are UNKNOWN anyway). An error answering a pay request is {@link Transport#UNTRUSTED}, i.e.
 * UNKNOWN, and settled by the query, whose 200 names the reference.
 *
 * <p>Configuration: {@code payrail.channel.cardgw.url} ({@value #DEFAULT_URL}),
 * {@code ...connect-timeout-ms} (2000), {@code ...read-timeout-ms} (10000), {@value #PUBLIC_KEY_CONFIG}
 * (CARDGW's public key, PEM; without it nothing is sent: UNAVAILABLE).
 */
@ApplicationScoped
public class CardgwConnector implements ChannelConnector, ChannelStatementSource {

    public static final String CHANNEL_ID = "CARDGW";
    static final String DEFAULT_URL = "http://127.0.0.1:8290/sim/cardgw/v1";
    static final String PUBLIC_KEY_CONFIG = "payrail.channel.cardgw.public-key";

    private static final Logger LOG = Logger.getLogger(CardgwConnector.class.getName());
    private static final byte[] NO_BODY = new byte[0];
    private static final int MAX_DESCRIPTION_CHARS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "payrail.channel.cardgw.url", defaultValue = DEFAULT_URL)
    String baseUrl;

    @Inject
    @ConfigProperty(name = "payrail.channel.cardgw.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "payrail.channel.cardgw.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = PUBLIC_KEY_CONFIG)
    Optional<String> publicKeyPath;

    @Inject
    PlatformKeys platformKeys;

    @Inject
    Clock clock;

    private ChannelRequestSigner signer;
    private ChannelPublicKey cardgwKey;
    private CardgwTrust trust;
    private URI base;
    private Client client;

    /** For CDI. */
    public CardgwConnector() {
    }

    /** For tests: everything given, nothing injected; {@link #open()} must still be called. */
    CardgwConnector(String baseUrl, long readTimeoutMillis, ChannelRequestSigner signer, ChannelPublicKey cardgwKey,
                    Clock clock) {
        this.baseUrl = baseUrl;
        this.connectTimeoutMillis = 1_000;
        this.readTimeoutMillis = readTimeoutMillis;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.cardgwKey = Objects.requireNonNull(cardgwKey, "cardgwKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostConstruct
    void open() {
        // nothing here may touch the keystore: the registry creates every connector at start-up
        if (signer == null) {
            signer = data -> platformKeys.signForChannels(data);
        }
        if (cardgwKey == null) {
            cardgwKey = ChannelPublicKey.configured(CHANNEL_ID, PUBLIC_KEY_CONFIG, publicKeyPath);
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        trust = new CardgwTrust(clock);
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
        return Set.of(PaymentMethod.BANK_CARD);
    }

    /** Only a payment with the payer's card: CARDGW charges the card it is given, and the platform has none. */
    @Override
    public boolean accepts(ChannelSubmission submission) {
        return submission.instrument() instanceof CardDetails;
    }

    // ------------------------------------------------------------------------------ payments

    @Override
    public ChannelOutcome pay(ChannelSubmission submission) {
        String ref = submission.reference();
        if (!(submission.instrument() instanceof CardDetails card)) {
            return ChannelOutcome.unavailable("CARDGW needs the payer's card, which only the cashier has; not sent");
        }
        JsonObjectBuilder cardJson = Json.createObjectBuilder()
                .add("number", card.number().digits())
                .add("expiry", card.expiry().mmYy())
                .add("cvv", card.cvv());
        if (card.holder() != null) {
            cardJson.add("holder", card.holder());
        }
        JsonObjectBuilder request = Json.createObjectBuilder()
                .add("merchantRef", ref)
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode())
                .add("card", cardJson);
        if (submission.subject() != null && !submission.subject().isBlank()) {
            request.add("description", ChannelWire.truncate(submission.subject(), MAX_DESCRIPTION_CHARS));
        }
        Exchange exchange = submission.resend() ? Exchange.RESEND : Exchange.SUBMIT;
        Reply reply = exchange("POST", "payments", json(request.build()), ref, Kind.PAYMENT, exchange);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(exchange, Kind.PAYMENT, reply);
        return ChannelWire.logged(LOG, CHANNEL_ID, "pay", ref, meaning.queryInstead() ? query(ref) : meaning.outcome());
    }

    @Override
    public ChannelOutcome query(String reference) {
        Reply reply = exchange("GET", "payments/by-ref/" + ChannelWire.segment(reference), null, reference, Kind.PAYMENT,
                Exchange.QUERY);
        return ChannelWire.logged(LOG, CHANNEL_ID, "query", reference,
                ChannelWire.plain(ChannelAnswers.meaning(Exchange.QUERY, Kind.PAYMENT, reply), reply));
    }

    @Override
    public ChannelOutcome close(String reference) {
        Reply reply = exchange("POST", "payments/by-ref/" + ChannelWire.segment(reference) + "/close", NO_BODY, reference,
                Kind.PAYMENT, Exchange.CLOSE);
        return ChannelWire.logged(LOG, CHANNEL_ID, "close", reference,
                ChannelAnswers.closeOutcome(reply, () -> query(reference)));
    }

    /** An order as CARDGW answers it (§3), if it is one for our reference. */
    private static ChannelOutcome orderDecision(JsonObject order, String ref) {
        String txn = WireJson.text(order, "transactionId");
        String status = WireJson.text(order, "status");
        if (!ref.equals(WireJson.text(order, "merchantRef")) || txn == null || status == null) {
            return null;
        }
        return switch (status) {
            case "PENDING" -> Optional.ofNullable(WireJson.text(order, "confirmUrl"))
                    .map(url -> ChannelOutcome.pending(txn, url)).orElse(null);
            // what the card was charged: compared with the order before anything is booked
            case "PAID" -> Optional.ofNullable(WireJson.money(order, "amount", "currency"))
                    .map(money -> ChannelOutcome.succeeded(txn, money)).orElse(null);
            case "DECLINED" -> ChannelOutcome.declined(txn, Optional.ofNullable(WireJson.text(order, "declineCode"))
                    .orElse("DECLINED"), WireJson.text(order, "declineMessage"));
            case "CLOSED" -> ChannelOutcome.closed(txn);
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
        Exchange exchange = submission.resend() ? Exchange.RESEND : Exchange.SUBMIT;
        Reply reply = exchange("POST", "refunds", json(request), ref, Kind.REFUND, exchange);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(exchange, Kind.REFUND, reply);
        return ChannelWire.logged(LOG, CHANNEL_ID, "refund", ref,
                meaning.queryInstead() ? queryRefund(submission) : meaning.outcome());
    }

    @Override
    public ChannelOutcome queryRefund(RefundSubmission submission) {
        String ref = submission.refundId();
        Reply reply = exchange("GET", "refunds/by-ref/" + ChannelWire.segment(ref), null, ref, Kind.REFUND,
                Exchange.QUERY);
        return ChannelWire.logged(LOG, CHANNEL_ID, "queryRefund", ref,
                ChannelWire.plain(ChannelAnswers.meaning(Exchange.QUERY, Kind.REFUND, reply), reply));
    }


    /** CARDGW's error codes: the shared ones, and its own refusals. */
    private static ErrorKind errorKind(int status, String code) {
        return ChannelWire.errorKind(LOG, CHANNEL_ID, status, code, Set.of("INVALID_CARD"));
    }

    // ------------------------------------------------------------------------------ statements

    @Override
    public StatementDownload fetch(LocalDate day) throws StatementUnavailableException {
        Signed answer;
        try {
            answer = signedCall("GET", "statements/" + day, null);
        } catch (RuntimeException e) {
            throw new StatementUnavailableException("CARDGW statement of " + day + " not fetched: "
                    + ChannelWire.describe(e), e);
        }
        if (answer.refusal() != null || answer.status() != 200) {
            throw new StatementUnavailableException("CARDGW statement of " + day + ": HTTP " + answer.status()
                    + (answer.refusal() == null ? " " + ChannelWire.abbreviate(answer.body()) : ", not trusted: "
                    + answer.refusal()));
        }
        return new StatementDownload(CHANNEL_ID, day, answer.body());
    }

    // ------------------------------------------------------------------------------ the wire

    /** An answer as it came back, and why it cannot be trusted (null when it can). */
    private record Signed(int status, byte[] body, String refusal) {
    }

    /**
     * One signed request and its answer, checked ({@link CardgwTrust}); the front door's unsigned 503 is
     * the one answer taken unsigned.
     *
     * @param body null for a GET (signed as the empty body)
     * @throws RuntimeException when the keys are missing (nothing was sent) or the call failed on the wire
     */
    private Signed signedCall(String method, String relativePath, byte[] body) {
        URI uri = URI.create(base + "/" + relativePath);
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        PublicKey verifyWith = cardgwKey.get();
        String authorization = CardgwSignature.authorization(method, pathAndQuery, clock.instant().getEpochSecond(),
                nonce(), body == null ? NO_BODY : body, signer);
        Invocation.Builder request = client.target(uri).request().header("Authorization", authorization);
        try (Response response = body == null ? request.get()
                : request.post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            int status = response.getStatus();
            byte[] answer = response.hasEntity() ? response.readEntity(byte[].class) : NO_BODY;
            boolean unsignedOutage = status == 503 && response.getHeaderString(CardgwSignature.SIGNATURE) == null;
            String refusal = unsignedOutage ? null : trust.refusal(verifyWith, response::getHeaderString, answer);
            return new Signed(status, answer, refusal);
        }
    }

    /** One exchange as {@link ChannelAnswers} reads it; never throws, never logs the request body. */
    private Reply exchange(String method, String relativePath, byte[] body, String reference, Kind kind,
                           Exchange exchange) {
        Signed answer;
        try {
            cardgwKey.get();
        } catch (RuntimeException e) {
            // keys missing or unreadable: nothing was sent, and an answer could not be trusted anyway
            return Reply.failed(Transport.NOT_SENT, "CARDGW request not sent: " + e.getMessage());
        }
        try {
            answer = signedCall(method, relativePath, body);
        } catch (RuntimeException e) {
            boolean refused = ChannelWire.causedByRefusal(e);
            LOG.log(Level.FINE, () -> "CARDGW " + method + " " + relativePath + " for " + reference + ": "
                    + ChannelWire.describe(e));
            return Reply.failed(refused ? Transport.REFUSED : Transport.LOST,
                    "CARDGW " + (refused ? "connection refused: " : "no answer: ") + ChannelWire.describe(e));
        }
        int status = answer.status();
        JsonObject json = WireJson.object(answer.body());
        String code = json == null ? null : WireJson.text(json, "error");
        String detail = "CARDGW HTTP " + status + (code != null
                ? " " + code + Optional.ofNullable(WireJson.text(json, "message")).map(m -> ": " + ChannelWire.abbreviate(m))
                .orElse("") : answer.body().length == 0 ? "" : ": " + ChannelWire.abbreviate(answer.body()));
        if (answer.refusal() != null) {
            return Reply.failed(Transport.UNTRUSTED, "CARDGW HTTP " + status + " answer not trusted: " + answer.refusal());
        }
        if (status == 200) {
            return Reply.decided(status, json == null ? null
                    : kind == Kind.PAYMENT ? orderDecision(json, reference) : ChannelWire.jsonRefundDecision(json, reference), detail);
        }
        boolean paymentSend = kind == Kind.PAYMENT && (exchange == Exchange.SUBMIT || exchange == Exchange.RESEND);
        if (paymentSend && status >= 400 && status < 500 && !"MERCHANT_REF_REUSED".equals(code)) {
            // bound to nothing of this request (see the class comment): a copy of another answer cannot
            // be told from it, so it is not taken as this payment's refusal; the query settles it
            return Reply.failed(Transport.UNTRUSTED, detail + " (an error names no reference: settled by query)");
        }
        return Reply.error(status, errorKind(status, code), code, json == null ? null : WireJson.text(json, "message"),
                false, detail);
    }

    /** A fresh request nonce: 32 hex digits from 16 random bytes. */
    private static String nonce() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static byte[] json(JsonObject object) {
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }
}
