package io.payrail.channel.quickpay;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbacks;
import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.common.Money;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * QUICKPAY's callbacks (quickpay.md §7): form posts whose {@code sign} covers every other field,
 * by QUICKPAY's key ({@value QuickpayConnector#PUBLIC_KEY_CONFIG}). They carry no sending time, so
 * freshness cannot be checked and a copy cannot be told from QUICKPAY's own re-send: a copy is
 * recognised by its {@code notifyId} when it is stored, and changes nothing. Acknowledged with HTTP
 * 200 and the body {@code success}.
 */
@ApplicationScoped
public class QuickpayCallbacks implements ChannelCallbacks {

    private static final Acknowledgement ACK = new Acknowledgement(200, "text/plain", "success");

    @Inject
    @ConfigProperty(name = QuickpayConnector.PUBLIC_KEY_CONFIG)
    Optional<String> publicKeyPath;

    private ChannelPublicKey quickpayKey;

    /** For CDI. */
    public QuickpayCallbacks() {
    }

    /** For tests. */
    QuickpayCallbacks(ChannelPublicKey quickpayKey) {
        this.quickpayKey = Objects.requireNonNull(quickpayKey, "quickpayKey");
    }

    @PostConstruct
    void init() {
        if (quickpayKey == null) {
            quickpayKey = ChannelPublicKey.configured(QuickpayConnector.CHANNEL_ID, QuickpayConnector.PUBLIC_KEY_CONFIG,
                    publicKeyPath);
        }
    }

    @Override
    public String channelId() {
        return QuickpayConnector.CHANNEL_ID;
    }

    /**
     * @throws InvalidCallbackException sign missing or wrong, or not a QUICKPAY notification
     * @throws IllegalStateException    QUICKPAY's key is not configured (answered 500; QUICKPAY retries)
     */
    @Override
    public CallbackEvent verify(Function<String, String> header, byte[] body) throws InvalidCallbackException {
        Map<String, String> fields = form(Objects.requireNonNull(body, "body"));
        if (!QuickpaySignature.verifies(quickpayKey.get(), fields)) {
            throw invalid("its sign is missing or does not verify with QUICKPAY's key");
        }
        return parse(fields);
    }

    @Override
    public Acknowledgement acknowledgement() {
        return ACK;
    }

    /** The notification's fields (§7) as an event. */
    static CallbackEvent parse(Map<String, String> n) throws InvalidCallbackException {
        String notifyId = required(n, "notifyId");
        String type = required(n, "notifyType");
        String ref = required(n, "merchantRef");
        String status = required(n, "status");
        long seq;
        try {
            seq = Long.parseLong(required(n, "seq"));
        } catch (NumberFormatException e) {
            throw invalid("seq must be a whole number, got " + n.get("seq"));
        }
        return switch (type) {
            case "PAYMENT" -> {
                String txn = required(n, "transactionId");
                ChannelOutcome outcome = switch (status) {
                    case "PAID" -> ChannelOutcome.succeeded(txn, money(n, "amount"));
                    case "DECLINED" -> ChannelOutcome.declined(txn, Optional.ofNullable(n.get("declineCode"))
                            .orElse("DECLINED"), null);
                    default -> throw invalid("PAYMENT status \"" + status + "\" is not PAID or DECLINED");
                };
                yield new CallbackEvent(QuickpayConnector.CHANNEL_ID, notifyId, seq, ref, null, outcome);
            }
            case "REFUND" -> {
                if (!"SUCCEEDED".equals(status)) {
                    throw invalid("REFUND status \"" + status + "\" is not SUCCEEDED");
                }
                yield new CallbackEvent(QuickpayConnector.CHANNEL_ID, notifyId, seq, ref, required(n, "refundRef"),
                        ChannelOutcome.succeeded(required(n, "refundId"), money(n, "refundAmount")));
            }
            default -> throw invalid("notifyType \"" + type + "\" is not PAYMENT or REFUND");
        };
    }

    /** An {@code application/x-www-form-urlencoded} body (UTF-8), the last value of a repeated name winning. */
    static Map<String, String> form(byte[] body) throws InvalidCallbackException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the body is not UTF-8");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                fields.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid("the body is not a form (bad % escape)");
            }
        }
        return fields;
    }

    private static Money money(Map<String, String> n, String amountField) throws InvalidCallbackException {
        try {
            return Money.ofMinor(Long.parseLong(n.get(amountField)), n.get("currency"));
        } catch (RuntimeException e) {
            throw invalid("fields " + amountField + " and currency must be a whole number of minor units and an ISO 4217"
                    + " code, got " + n.get(amountField) + " and " + n.get("currency"));
        }
    }

    private static String required(Map<String, String> n, String field) throws InvalidCallbackException {
        String value = n.get(field);
        if (value == null || value.isBlank()) {
            throw invalid("field " + field + " is missing or empty");
        }
        return value;
    }

    private static InvalidCallbackException invalid(String problem) {
        return new InvalidCallbackException("QUICKPAY notification refused: " + problem);
    }
}
