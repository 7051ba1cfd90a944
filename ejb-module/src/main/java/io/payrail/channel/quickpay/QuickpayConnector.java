package io.payrail.channel.quickpay;

import io.payrail.channel.AnswerNonces;
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
import io.payrail.common.Money;
import io.payrail.instrument.CardDetails;
import io.payrail.instrument.QuickPayCode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * QUICKPAY (channel-simulator/docs/quickpay.md). Our reference is QUICKPAY's {@code merchantRef}, our
 * refund id its {@code refundRef}. A payment carries the payer's agreement and one-time code
 * ({@link QuickPayCode}, from the cashier only). Binding a card (the card number goes to QUICKPAY in
 * the signed body and nowhere else) and asking QUICKPAY to text a payment code are here too.
 *
 * <p>What can be trusted of an answer: every answer but the front door's unsigned 503 must carry a
 * {@code sign} that verifies with QUICKPAY's key, a {@code timestamp} within {@value #MAX_SKEW_SECONDS}
 * seconds, and a signature not seen before (QUICKPAY's answers carry no nonce; an identical signed
 * answer is a copy). The signed fields name nothing of the request, so an answer is bound to this
 * exchange only by what it names: a 200 for our {@code merchantRef} (or {@code refundRef}) is; an
 * error names nothing and could be a copy of another request's answer within the window. As for
 * CARDGW, such an error is taken for a query, a close and a refund (where a copy cannot mislead) and
 * is UNKNOWN, settled by the query, when it answers a pay request.
 *
 * <p>Configuration: {@code payrail.channel.quickpay.url} ({@value #DEFAULT_URL}),
 * {@code ...connect-timeout-ms} (2000), {@code ...read-timeout-ms} (10000), {@value #PUBLIC_KEY_CONFIG}.
 */
@ApplicationScoped
public class QuickpayConnector implements ChannelConnector, ChannelStatementSource {

    public static final String CHANNEL_ID = "QUICKPAY";
    static final String DEFAULT_URL = "http://127.0.0.1:8290/sim/quickpay/v1";
    static final String PUBLIC_KEY_CONFIG = "payrail.channel.quickpay.public-key";
    static final long MAX_SKEW_SECONDS = 300;
    static final String STATEMENT_SIGN_HEADER = "Quickpay-Sign";

    private static final Logger LOG = Logger.getLogger(QuickpayConnector.class.getName());
    private static final int MAX_SUBJECT_CHARS = 256;
    /** The request fields QUICKPAY reads as integers; every other field is a string. */
    private static final Set<String> INTEGER_FIELDS = Set.of("amount");

    @Inject
    @ConfigProperty(name = "payrail.channel.quickpay.url", defaultValue = DEFAULT_URL)
    String baseUrl;

    @Inject
    @ConfigProperty(name = "payrail.channel.quickpay.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "payrail.channel.quickpay.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = PUBLIC_KEY_CONFIG)
    Optional<String> publicKeyPath;

    @Inject
    PlatformKeys platformKeys;

    @Inject
    Clock clock;

    private ChannelRequestSigner signer;
    private ChannelPublicKey quickpayKey;
    private final AnswerNonces copies = new AnswerNonces(MAX_SKEW_SECONDS);
    private URI base;
    private Client client;

    /** For CDI. */
    public QuickpayConnector() {
    }

    /** For tests: everything given, nothing injected; {@link #open()} must still be called. */
    QuickpayConnector(String baseUrl, long readTimeoutMillis, ChannelRequestSigner signer, ChannelPublicKey quickpayKey,
                      Clock clock) {
        this.baseUrl = baseUrl;
        this.connectTimeoutMillis = 1_000;
        this.readTimeoutMillis = readTimeoutMillis;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.quickpayKey = Objects.requireNonNull(quickpayKey, "quickpayKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostConstruct
    void open() {
        if (signer == null) {
            signer = data -> platformKeys.signForChannels(data);
        }
        if (quickpayKey == null) {
            quickpayKey = ChannelPublicKey.configured(CHANNEL_ID, PUBLIC_KEY_CONFIG, publicKeyPath);
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
        return Set.of(PaymentMethod.QUICK_PAY);
    }

    /** Only a payment with the payer's agreement and one-time code. */
    @Override
    public boolean accepts(ChannelSubmission submission) {
        return submission.instrument() instanceof QuickPayCode;
    }

    // ------------------------------------------------------------------------------ binding (no money)

    /**
     * What QUICKPAY said to a binding or code request: its fields on success, else its code and message
     * (or why there was no trustworthy answer, with code null).
     */
    public record Answer(boolean ok, Map<String, String> fields, String code, String message) {

        public String field(String name) {
            return fields == null ? null : fields.get(name);
        }
    }

    /** Binds a card (§3.1): QUICKPAY texts the payer a code; the answer has {@code bindId}, {@code cardLast4}, {@code phone}. */
    public Answer bind(String bindRef, CardDetails card, String phone) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bindRef", bindRef);
        fields.put("cardNumber", card.number().digits());
        fields.put("cardExpiry", card.expiry().mmYy());
        fields.put("holderName", card.holder());
        fields.put("phone", phone);
        return answer(call("bind", fields));
    }

    /** Confirms a binding with the payer's code (§3.2): the answer has {@code agreementId}. */
    public Answer confirmBind(String bindId, String otp) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bindId", bindId);
        fields.put("otp", otp);
        return answer(call("bind/confirm", fields));
    }

    /** Asks QUICKPAY to text the payer a code for one payment under {@code reference} (§4.1). */
    public Answer sendPaymentCode(String agreementId, String reference, Money amount) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("agreementId", agreementId);
        fields.put("merchantRef", reference);
        fields.put("amount", Long.toString(amount.minorUnits()));
        fields.put("currency", amount.currencyCode());
        return answer(call("pay/otp", fields));
    }

    private static Answer answer(Call call) {
        if (call.failure() != null) {
            return new Answer(false, null, null, call.failure());
        }
        boolean ok = call.status() == 200 && "SUCCESS".equals(call.fields().get("code"));
        return new Answer(ok, call.fields(), ok ? null : call.fields().get("code"), call.fields().get("message"));
    }

    // ------------------------------------------------------------------------------ payments

    @Override
    public ChannelOutcome pay(ChannelSubmission submission) {
        String ref = submission.reference();
        if (!(submission.instrument() instanceof QuickPayCode code)) {
            return ChannelOutcome.unavailable("QUICKPAY needs the payer's agreement and code, which only the cashier has;"
                    + " not sent");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("merchantRef", ref);
        fields.put("agreementId", code.agreementId());
        fields.put("otp", code.otp());
        fields.put("amount", Long.toString(submission.amount().minorUnits()));
        fields.put("currency", submission.amount().currencyCode());
        if (submission.subject() != null && !submission.subject().isBlank()) {
            fields.put("subject", ChannelWire.truncate(submission.subject(), MAX_SUBJECT_CHARS));
        }
        Exchange exchange = submission.resend() ? Exchange.RESEND : Exchange.SUBMIT;
        Reply reply = reply(call("pay", fields), ref, Kind.PAYMENT, exchange);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(exchange, Kind.PAYMENT, reply);
        return ChannelWire.logged(LOG, CHANNEL_ID, "pay", ref, meaning.queryInstead() ? query(ref) : meaning.outcome());
    }

    @Override
    public ChannelOutcome query(String reference) {
        Reply reply = reply(call("query", Map.of("merchantRef", reference)), reference, Kind.PAYMENT, Exchange.QUERY);
        return ChannelWire.logged(LOG, CHANNEL_ID, "query", reference,
                ChannelWire.plain(ChannelAnswers.meaning(Exchange.QUERY, Kind.PAYMENT, reply), reply));
    }

    @Override
    public ChannelOutcome close(String reference) {
        Reply reply = reply(call("close", Map.of("merchantRef", reference)), reference, Kind.PAYMENT, Exchange.CLOSE);
        return ChannelWire.logged(LOG, CHANNEL_ID, "close", reference,
                ChannelAnswers.closeOutcome(reply, () -> query(reference)));
    }

    /** An order as QUICKPAY answers it (§4.2), if it is one for our reference. */
    private static ChannelOutcome orderDecision(Map<String, String> order, String ref) {
        String txn = order.get("transactionId");
        String status = order.get("status");
        if (!ref.equals(order.get("merchantRef")) || status == null) {
            return null;
        }
        return switch (status) {
            case "PAID" -> Optional.ofNullable(money(order, "amount")).filter(m -> txn != null)
                    .map(money -> ChannelOutcome.succeeded(txn, money)).orElse(null);
            case "DECLINED" -> ChannelOutcome.declined(txn, Optional.ofNullable(order.get("declineCode")).orElse("DECLINED"),
                    order.get("declineMessage"));
            case "CLOSED" -> ChannelOutcome.closed(txn);
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------ refunds

    @Override
    public ChannelOutcome refund(RefundSubmission submission) {
        String ref = submission.refundId();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("merchantRef", submission.paymentReference());
        fields.put("refundRef", ref);
        fields.put("amount", Long.toString(submission.amount().minorUnits()));
        fields.put("currency", submission.amount().currencyCode());
        Exchange exchange = submission.resend() ? Exchange.RESEND : Exchange.SUBMIT;
        Reply reply = reply(call("refund", fields), ref, Kind.REFUND, exchange);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(exchange, Kind.REFUND, reply);
        return ChannelWire.logged(LOG, CHANNEL_ID, "refund", ref,
                meaning.queryInstead() ? queryRefund(submission) : meaning.outcome());
    }

    @Override
    public ChannelOutcome queryRefund(RefundSubmission submission) {
        String ref = submission.refundId();
        Reply reply = reply(call("refund/query", Map.of("refundRef", ref)), ref, Kind.REFUND, Exchange.QUERY);
        return ChannelWire.logged(LOG, CHANNEL_ID, "queryRefund", ref,
                ChannelWire.plain(ChannelAnswers.meaning(Exchange.QUERY, Kind.REFUND, reply), reply));
    }

    /** A refund as QUICKPAY answers it (§6), if it is one for our reference. */
    private static ChannelOutcome refundDecision(Map<String, String> refund, String ref) {
        String id = refund.get("refundId");
        String status = refund.get("refundStatus");
        if (!ref.equals(refund.get("refundRef")) || id == null || status == null) {
            return null;
        }
        return switch (status) {
            case "PROCESSING" -> ChannelOutcome.pending(id, null);
            case "SUCCEEDED" -> Optional.ofNullable(money(refund, "amount"))
                    .map(money -> ChannelOutcome.succeeded(id, money)).orElse(null);
            default -> null;
        };
    }

    /** QUICKPAY's error codes: the shared ones, and its own refusals. */
    private static ErrorKind errorKind(int status, String code) {
        return ChannelWire.errorKind(LOG, CHANNEL_ID, status, code, Set.of("INVALID_CARD", "AGREEMENT_NOT_FOUND", "OTP_INVALID", "OTP_EXPIRED"));
    }

    // ------------------------------------------------------------------------------ statements

    @Override
    public StatementDownload fetch(LocalDate day) throws StatementUnavailableException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("date", day.toString());
        query.put("timestamp", timestamp());
        String sign = signer.sign(QuickpaySignature.text(query));
        URI uri = URI.create(base + "/statements/" + day + "?timestamp=" + encode(query.get("timestamp"))
                + "&signType=" + QuickpaySignature.RSA2 + "&sign=" + encode(sign));
        try (Response response = client.target(uri).request().get()) {
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            if (response.getStatus() != 200) {
                throw new StatementUnavailableException("QUICKPAY statement of " + day + ": HTTP " + response.getStatus()
                        + " " + ChannelWire.abbreviate(body));
            }
            if (!ChannelWire.rsaSha256Verifies(quickpayKey.get(), body, response.getHeaderString(STATEMENT_SIGN_HEADER))) {
                throw new StatementUnavailableException("QUICKPAY statement of " + day + " not trusted: its "
                        + STATEMENT_SIGN_HEADER + " does not verify with QUICKPAY's key");
            }
            return new StatementDownload(CHANNEL_ID, day, body);
        } catch (RuntimeException e) {
            throw new StatementUnavailableException("QUICKPAY statement of " + day + " not fetched: "
                    + ChannelWire.describe(e), e);
        }
    }

    // ------------------------------------------------------------------------------ the wire

    /**
     * One signed request and its checked answer: the answer's fields (null when none could be read),
     * or why the exchange failed or cannot be trusted.
     */
    private record Call(Transport transport, int status, Map<String, String> fields, String failure) {
    }

    /** POSTs {@code fields} (plus timestamp, signType, sign) and checks the answer; never throws, never logs the body. */
    private Call call(String path, Map<String, String> fields) {
        PublicKey verifyWith;
        byte[] body;
        try {
            verifyWith = quickpayKey.get();
            Map<String, String> signed = new LinkedHashMap<>(fields);
            signed.put("timestamp", timestamp());
            signed.put(QuickpaySignature.SIGN_TYPE, QuickpaySignature.RSA2);
            signed.put(QuickpaySignature.SIGN, signer.sign(QuickpaySignature.text(signed)));
            JsonObjectBuilder json = Json.createObjectBuilder();
            signed.forEach((name, value) -> {
                if (value != null && INTEGER_FIELDS.contains(name)) {
                    // money is a JSON integer (§4.2); its signed text is the same digits
                    json.add(name, Long.parseLong(value));
                } else if (value != null) {
                    json.add(name, value);
                }
            });
            body = json.build().toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return new Call(Transport.NOT_SENT, 0, null, "QUICKPAY request not sent: " + e.getMessage());
        }
        int status;
        byte[] answer;
        try (Response response = client.target(base + "/" + path).request(MediaType.APPLICATION_JSON_TYPE)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            status = response.getStatus();
            answer = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        } catch (RuntimeException e) {
            boolean refused = ChannelWire.causedByRefusal(e);
            LOG.log(Level.FINE, () -> "QUICKPAY " + path + ": " + ChannelWire.describe(e));
            return new Call(refused ? Transport.REFUSED : Transport.LOST, 0, null,
                    "QUICKPAY " + (refused ? "connection refused: " : "no answer: ") + ChannelWire.describe(e));
        }
        JsonObject json = WireJson.object(answer);
        Map<String, String> answered = json == null ? null : QuickpaySignature.fields(json);
        if (status == 503 && (answered == null || answered.get(QuickpaySignature.SIGN) == null)) {
            // the front door's outage answer, unsigned by the protocol (§8)
            return new Call(Transport.ANSWERED, status, Map.of(), null);
        }
        String refusal = refusal(verifyWith, answered);
        if (refusal != null) {
            return new Call(Transport.UNTRUSTED, status, null, "QUICKPAY HTTP " + status + " answer not trusted: " + refusal);
        }
        return new Call(Transport.ANSWERED, status, answered, null);
    }

    /** @return null when the answer's fields can be trusted, else why not */
    private String refusal(PublicKey key, Map<String, String> fields) {
        if (fields == null) {
            return "it is not a flat JSON object";
        }
        if (!QuickpaySignature.verifies(key, fields)) {
            return "its sign is missing or does not verify with QUICKPAY's key";
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(fields.get("timestamp"));
        } catch (RuntimeException e) {
            return "its timestamp " + fields.get("timestamp") + " is not an ISO-8601 instant";
        }
        Instant now = clock.instant();
        long skew = Math.abs(now.getEpochSecond() - signedAt.getEpochSecond());
        if (skew > MAX_SKEW_SECONDS) {
            return "it was signed " + skew + " s " + (signedAt.isBefore(now) ? "ago" : "ahead") + " (at most "
                    + MAX_SKEW_SECONDS + " s)";
        }
        if (!copies.firstTime(fields.get(QuickpaySignature.SIGN), now)) {
            return "it is a copy of an answer already received";
        }
        return null;
    }

    /** A call as {@link ChannelAnswers} reads it. */
    private static Reply reply(Call call, String reference, Kind kind, Exchange exchange) {
        if (call.transport() != Transport.ANSWERED) {
            return Reply.failed(call.transport(), call.failure());
        }
        Map<String, String> f = call.fields();
        int status = call.status();
        String code = f.get("code");
        String detail = "QUICKPAY HTTP " + status + (code == null ? "" : " " + code)
                + Optional.ofNullable(f.get("message")).map(m -> ": " + ChannelWire.abbreviate(m)).orElse("");
        if (status == 200) {
            boolean success = "SUCCESS".equals(code);
            return Reply.decided(status, !success ? null
                    : kind == Kind.PAYMENT ? orderDecision(f, reference) : refundDecision(f, reference), detail);
        }
        boolean paymentSend = kind == Kind.PAYMENT && (exchange == Exchange.SUBMIT || exchange == Exchange.RESEND);
        if (paymentSend && status >= 400 && status < 500 && !"MERCHANT_REF_REUSED".equals(code)) {
            // names nothing of this request (see the class comment): settled by the query
            return Reply.failed(Transport.UNTRUSTED, detail + " (an error names no reference: settled by query)");
        }
        return Reply.error(status, errorKind(status, code), code, f.get("message"), false, detail);
    }

    private static Money money(Map<String, String> fields, String amountField) {
        try {
            return Money.ofMinor(Long.parseLong(fields.get(amountField)), fields.get("currency"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Now, in whole seconds, as QUICKPAY writes times. */
    private String timestamp() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
