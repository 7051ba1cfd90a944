package io.payrail.channel.cardgw;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbacks;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.WireJson;
import io.payrail.common.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CARDGW's callbacks (cardgw.md §8): JSON signed with the answer headers by CARDGW's key
 * ({@value CardgwConnector#PUBLIC_KEY_CONFIG}), fresh, never seen before. A copy sent again within the
 * freshness window is refused as a replay; CARDGW's own re-sends are signed anew, and a duplicate event
 * is recognised by its event id when it is stored. Acknowledged with HTTP 200.
 */
@ApplicationScoped
public class CardgwCallbacks implements ChannelCallbacks {

    private static final Acknowledgement ACK = new Acknowledgement(200, "text/plain", "OK");

    @Inject
    @ConfigProperty(name = CardgwConnector.PUBLIC_KEY_CONFIG)
    Optional<String> publicKeyPath;

    @Inject
    Clock clock;

    private ChannelPublicKey cardgwKey;
    private CardgwTrust trust;

    /** For CDI. */
    public CardgwCallbacks() {
    }

    /** For tests. */
    CardgwCallbacks(ChannelPublicKey cardgwKey, Clock clock) {
        this.cardgwKey = Objects.requireNonNull(cardgwKey, "cardgwKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostConstruct
    void init() {
        if (cardgwKey == null) {
            cardgwKey = ChannelPublicKey.configured(CardgwConnector.CHANNEL_ID, CardgwConnector.PUBLIC_KEY_CONFIG,
                    publicKeyPath);
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        trust = new CardgwTrust(clock);
    }

    @Override
    public String channelId() {
        return CardgwConnector.CHANNEL_ID;
    }

    /**
     * @throws InvalidCallbackException signature missing or wrong, stale, replayed, or not a CARDGW event
     * @throws IllegalStateException    CARDGW's key is not configured (our fault: answered 500, CARDGW retries)
     */
    @Override
    public CallbackEvent verify(Function<String, String> header, byte[] body) throws InvalidCallbackException {
        String refusal = trust.refusal(cardgwKey.get(), header, Objects.requireNonNull(body, "body"));
        if (refusal != null) {
            throw invalid(refusal);
        }
        return parse(body);
    }

    @Override
    public Acknowledgement acknowledgement() {
        return ACK;
    }

    /** The event's fields (§8). */
    static CallbackEvent parse(byte[] body) throws InvalidCallbackException {
        JsonObject n = WireJson.object(body);
        if (n == null) {
            throw invalid("the body is not a JSON object");
        }
        String eventId = required(n, "eventId");
        String type = required(n, "eventType");
        String ref = required(n, "merchantRef");
        String txn = required(n, "transactionId");
        Long seq = WireJson.wholeNumber(n, "seq");
        if (seq == null || seq < 0) {
            throw invalid("seq must be a non-negative whole number, got " + n.get("seq"));
        }
        ChannelOutcome outcome;
        String refundRef = null;
        switch (type) {
            case "PAYMENT.PENDING" -> outcome = ChannelOutcome.pending(txn, null);
            // the money the card was charged, compared with the order before anything is booked
            case "PAYMENT.PAID" -> outcome = ChannelOutcome.succeeded(txn, money(n, "amount"));
            case "PAYMENT.DECLINED" -> outcome = ChannelOutcome.declined(txn,
                    Optional.ofNullable(WireJson.text(n, "declineCode")).orElse("DECLINED"), null);
            case "REFUND.SUCCEEDED" -> {
                refundRef = required(n, "refundRef");
                outcome = ChannelOutcome.succeeded(required(n, "refundId"), money(n, "refundAmount"));
            }
            default -> throw invalid("eventType \"" + type + "\" is not one of PAYMENT.PENDING, PAYMENT.PAID,"
                    + " PAYMENT.DECLINED, REFUND.SUCCEEDED");
        }
        return new CallbackEvent(CardgwConnector.CHANNEL_ID, eventId, seq, ref, refundRef, outcome);
    }

    private static Money money(JsonObject n, String amountField) throws InvalidCallbackException {
        Money money = WireJson.money(n, amountField, "currency");
        if (money == null) {
            throw invalid("fields " + amountField + " and currency must be a whole number of minor units and an"
                    + " ISO 4217 code, got " + n.get(amountField) + " and " + n.get("currency"));
        }
        return money;
    }

    private static String required(JsonObject n, String field) throws InvalidCallbackException {
        String value = WireJson.text(n, field);
        if (value == null || value.isBlank()) {
            throw invalid(n.containsKey(field) ? "field " + field + " must be a non-empty string, got " + n.get(field)
                    : "field " + field + " is missing");
        }
        return value;
    }

    private static InvalidCallbackException invalid(String problem) {
        return new InvalidCallbackException("CARDGW notification refused: " + problem);
    }
}
