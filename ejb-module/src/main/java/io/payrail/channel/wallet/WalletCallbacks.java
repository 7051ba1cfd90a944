package io.payrail.channel.wallet;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbacks;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.WireJson;
import io.payrail.common.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * WALLET's notifications (wallet.md §8): a JSON body signed with {@value DetachedJws#HEADER} by
 * WALLET's key ({@value WalletPublicKey#CONFIG_KEY}, the same file as {@link WalletConnector}'s),
 * fresh within {@value #MAX_SKEW_SECONDS} seconds. Acknowledged with HTTP 200
 * {@code {"code":"SUCCESS"}}; anything else makes WALLET send it again.
 */
@ApplicationScoped
public class WalletCallbacks implements ChannelCallbacks {

    static final long MAX_SKEW_SECONDS = 300;

    private static final Acknowledgement ACK = new Acknowledgement(200, "application/json", "{\"code\":\"SUCCESS\"}");

    @Inject
    @ConfigProperty(name = WalletPublicKey.CONFIG_KEY)
    Optional<String> walletPublicKeyPath;

    @Inject
    Clock clock;

    private WalletPublicKey walletKey;

    /** For CDI. */
    public WalletCallbacks() {
    }

    /** For tests: the key (or none) and the clock given. */
    WalletCallbacks(WalletPublicKey walletKey, Clock clock) {
        this.walletKey = Objects.requireNonNull(walletKey, "walletKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @PostConstruct
    void init() {
        if (walletKey == null) {
            walletKey = WalletPublicKey.configured(walletPublicKeyPath);
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
    }

    @Override
    public String channelId() {
        return WalletConnector.CHANNEL_ID;
    }

    /**
     * @throws InvalidCallbackException signature missing, not verifying, stale or from the future, or
     *         a body that is not a WALLET notification
     * @throws IllegalStateException when WALLET's public key is not configured or cannot be read: our
     *         fault, not the sender's (answer 500; WALLET sends the notification again, and nothing
     *         unverified is ever taken)
     */
    @Override
    public CallbackEvent verify(Function<String, String> header, byte[] body) throws InvalidCallbackException {
        Objects.requireNonNull(body, "body");
        checkSignature(header.apply(DetachedJws.HEADER), body, walletKey.get());
        return parse(body);
    }

    @Override
    public Acknowledgement acknowledgement() {
        return ACK;
    }

    private void checkSignature(String jws, byte[] body, PublicKey key) throws InvalidCallbackException {
        long iat;
        try {
            iat = DetachedJws.issuedAt(DetachedJws.verify(jws, body, key));
        } catch (DetachedJws.InvalidJwsException e) {
            throw new InvalidCallbackException("WALLET notification refused: " + e.getMessage());
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - iat) > MAX_SKEW_SECONDS) {
            throw new InvalidCallbackException("WALLET notification refused: iat " + iat + " is "
                    + Duration.ofSeconds(Math.abs(now - iat)) + (iat < now ? " old" : " in the future")
                    + "; at most " + MAX_SKEW_SECONDS + " s of skew are accepted");
        }
    }

    /** The notification's fields (§8) as an event. */
    static CallbackEvent parse(byte[] body) throws InvalidCallbackException {
        JsonObject n = object(body);
        String notificationId = required(n, "notificationId");
        long seq = wholeNumber(n, "seq");
        String merchantRef = required(n, "merchantRef");
        String walletOrderId = required(n, "orderId");
        String type = required(n, "type");
        String status = required(n, "status");
        return switch (type) {
            case "ORDER" -> {
                ChannelOutcome outcome = switch (status) {
                    // the money the payer paid, compared with the order before anything is booked
                    case "PAID" -> ChannelOutcome.succeeded(walletOrderId, money(n, "amount"));
                    case "DECLINED" -> ChannelOutcome.declined(walletOrderId, optional(n, "declineCode"), null);
                    case "PENDING" -> ChannelOutcome.pending(walletOrderId, null);
                    case "CLOSED" -> ChannelOutcome.closed(walletOrderId);
                    default -> throw invalid("ORDER status \"" + status + "\" is not one of PAID, DECLINED, PENDING, CLOSED");
                };
                yield new CallbackEvent(WalletConnector.CHANNEL_ID, notificationId, seq, merchantRef, null, outcome);
            }
            case "REFUND" -> {
                String refundRef = required(n, "refundRef");
                String walletRefundId = required(n, "refundId");
                if (!"SUCCEEDED".equals(status)) {
                    throw invalid("REFUND status \"" + status + "\" is not SUCCEEDED");
                }
                yield new CallbackEvent(WalletConnector.CHANNEL_ID, notificationId, seq, merchantRef, refundRef,
                        ChannelOutcome.succeeded(walletRefundId, money(n, "refundAmount")));
            }
            default -> throw invalid("type \"" + type + "\" is not ORDER or REFUND");
        };
    }

    /** {@code amountField} with {@code currency}: a notification of money moved must say how much. */
    private static Money money(JsonObject n, String amountField) throws InvalidCallbackException {
        Money money = WireJson.money(n, amountField, "currency");
        if (money == null) {
            throw invalid("fields " + amountField + " and currency must be a whole number of minor units and an"
                    + " ISO 4217 code, got " + n.get(amountField) + " and " + n.get("currency"));
        }
        return money;
    }

    private static JsonObject object(byte[] body) throws InvalidCallbackException {
        if (body.length == 0) {
            throw invalid("the body is empty");
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("the body is JSON " + value.getValueType() + ", not an object");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the body is not JSON (" + e.getMessage() + ")");
        }
    }

    private static String required(JsonObject n, String field) throws InvalidCallbackException {
        String value = optional(n, field);
        if (value == null || value.isBlank()) {
            throw invalid(n.containsKey(field) ? "field " + field + " must be a non-empty string, got " + n.get(field)
                    : "field " + field + " is missing");
        }
        return value;
    }

    private static String optional(JsonObject n, String field) {
        JsonValue value = n.get(field);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? n.getString(field) : null;
    }

    private static long wholeNumber(JsonObject n, String field) throws InvalidCallbackException {
        JsonValue value = n.get(field);
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long result = number.longValueExact();
                if (result >= 0) {
                    return result;
                }
            } catch (ArithmeticException e) {
                // refused below
            }
        }
        throw invalid(value == null ? "field " + field + " is missing"
                : "field " + field + " must be a non-negative whole number, got " + value);
    }

    private static InvalidCallbackException invalid(String problem) {
        return new InvalidCallbackException("WALLET notification refused: " + problem);
    }
}
