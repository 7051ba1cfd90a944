package io.payrail.simulator.channel.card;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.CallbackEvent;
import io.payrail.simulator.channel.CallbackMessage;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.ChannelOrder;
import io.payrail.simulator.channel.Decision;
import io.payrail.simulator.channel.HeaderSignedChannel;
import io.payrail.simulator.channel.Operation;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.OrderStatus;
import io.payrail.simulator.channel.Refund;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import java.security.PublicKey;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CARDGW, the bank-card gateway: JSON over HTTP, signatures in headers ({@link CardGwSignature}).
 * The test card decides the outcome ({@link TestCards}); a card that needs the payer's confirmation
 * answers PENDING with a {@code confirmUrl} where the payer approves or declines. Callbacks are JSON,
 * acknowledged by HTTP 200 or 204.
 */
public final class CardGateway extends Channel implements HeaderSignedChannel {

    /** The payer's confirmation page, relative to the simulator's base URL. */
    public static final String PAGE_PATH = "pages/cardgw/";

    private final SignedRequests signedRequests;

    public CardGateway(Context context) {
        super(context);
        signedRequests = new SignedRequests(CardGwSignature.AUTH_SCHEME, context.clock(), context.maxClockSkew());
    }

    /** Pay with a card: decided at once, or PENDING until the payer confirms. */
    public Answer<ChannelLedger.PayOutcome> pay(CardPayment payment) {
        String ref = payment.attempt().merchantRef();
        return call(Operation.PAY, ref, () -> pay(payment.attempt(), () -> decide(payment)));
    }

    private Decision decide(CardPayment payment) {
        if (payment.expiry().isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            return Decision.decline(io.payrail.simulator.channel.DeclineReason.EXPIRED_CARD);
        }
        Decision issuer = TestCards.decisionFor(payment.number());
        if (issuer.kind() != Decision.Kind.APPROVE) {
            // a confirmation card meets the decline rules when the payer approves
            return issuer;
        }
        return faults.decline(payment.attempt().merchantRef(), payment.attempt().money())
                .map(Decision::decline).orElse(issuer);
    }

    // ---------------------------------------------------------------- signatures

    /**
     * Checks the platform's signature on a request; {@link Verification#NOT_CHECKED} when no
     * platform key is configured. Refuses a missing or wrong signature, a stale timestamp and a
     * nonce seen before.
     */
    @Override
    public Verification verify(String method, String pathAndQuery, String authorization, byte[] body) {
        Optional<PublicKey> key = platformKey.key();
        if (key.isEmpty()) {
            return Verification.NOT_CHECKED;
        }
        signedRequests.verify(key.get(), method, pathAndQuery, authorization, body);
        return Verification.VERIFIED;
    }

    /** A signed JSON (or CSV) reply. */
    @Override
    public WireReply signed(int status, String contentType, byte[] body, long delayMs) {
        Map<String, String> headers = CardGwSignature.responseHeaders(keys.privateKey(), keys.keyId(),
                clock.instant().getEpochSecond(), Wire.randomHex(), body);
        return new WireReply(status, contentType, headers, body, delayMs);
    }

    // ---------------------------------------------------------------- wire bodies

    /** An order as CARDGW answers it; {@code baseUrl} (ending in {@code /}) makes the confirm URL. */
    public static Map<String, Object> orderFields(OrderSnapshot snapshot, String baseUrl, Boolean duplicate) {
        ChannelOrder o = snapshot.order();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("transactionId", o.transactionId());
        f.put("merchantRef", o.merchantRef());
        f.put("status", o.status().name());
        if (o.money() != null) {
            f.put("amount", o.money().amount());
            f.put("currency", o.money().currency());
        }
        f.put("cardLast4", o.cardLast4());
        if (o.declineReason() != null) {
            f.put("declineCode", o.declineReason().name());
            f.put("declineMessage", o.declineReason().message());
        }
        if (o.status() == OrderStatus.PENDING) {
            f.put("confirmUrl", baseUrl + PAGE_PATH + o.payerToken());
        }
        Wire.putOrderTimes(f, snapshot, duplicate);
        return f;
    }

    public static Map<String, Object> refundFields(Refund r, Boolean duplicate) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("refundId", r.refundId());
        f.put("refundRef", r.refundRef());
        f.put("transactionId", r.transactionId());
        f.put("merchantRef", r.merchantRef());
        f.put("status", r.status().name());
        f.put("amount", r.money().amount());
        f.put("currency", r.money().currency());
        f.put("createdAt", r.createdAt());
        f.put("completedAt", r.completedAt());
        f.put("duplicate", duplicate);
        return f;
    }

    // ---------------------------------------------------------------- callbacks

    @Override
    public CallbackMessage encodeCallback(CallbackEvent e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("eventId", e.eventId());
        f.put("eventType", e.kind().name() + "." + e.status());
        f.put("seq", e.seq());
        f.put("occurredAt", e.occurredAt());
        f.put("merchantRef", e.merchantRef());
        f.put("transactionId", e.transactionId());
        f.put("status", e.status());
        Wire.putCallbackOutcome(f, e);
        byte[] body = Wire.json(f);
        return new CallbackMessage(Wire.JSON, CardGwSignature.responseHeaders(keys.privateKey(), keys.keyId(),
                clock.instant().getEpochSecond(), Wire.randomHex(), body), body);
    }

    /** CARDGW's rule: HTTP 200 or 204 acknowledges, whatever the body. */
    @Override
    public boolean isAcknowledgement(int status, String body) {
        return status == 200 || status == 204;
    }
}
