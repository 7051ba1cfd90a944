package io.payrail.simulator.channel;

import io.payrail.simulator.journal.JsonLine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers the three wire protocols share. */
public final class Wire {

    public static final String JSON = "application/json";
    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Wire() {
    }

    /** A flat JSON object, fields in the order given; null values are left out. */
    public static byte[] json(Map<String, ?> fields) {
        Map<String, Object> present = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                present.put(k, v instanceof Instant i ? i.toString() : v);
            }
        });
        return JsonLine.format(present).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The end of every channel's order object: when it was created, paid and closed, how much of
     * a paid order is refunded, and whether the answer repeats an earlier request.
     */
    public static void putOrderTimes(Map<String, Object> f, OrderSnapshot snapshot, Boolean duplicate) {
        ChannelOrder o = snapshot.order();
        f.put("createdAt", o.createdAt());
        f.put("paidAt", o.paidAt());
        f.put("closedAt", o.closedAt());
        if (o.status() == OrderStatus.PAID) {
            f.put("refundedAmount", snapshot.refundedAmount());
        }
        f.put("duplicate", duplicate);
    }

    /** The part of every channel's callback that says what moved: amount, decline, refund. */
    public static void putCallbackOutcome(Map<String, Object> f, CallbackEvent e) {
        if (e.money() != null) {
            f.put("amount", e.money().amount());
            f.put("currency", e.money().currency());
        }
        if (e.declineReason() != null) {
            f.put("declineCode", e.declineReason().name());
        }
        if (e.kind() == EventKind.REFUND) {
            f.put("refundRef", e.refundRef());
            f.put("refundId", e.refundId());
            f.put("refundAmount", e.refundMoney().amount());
        }
    }

    /** 32 random hex digits (128 bits): nonces, tokens, id suffixes. */
    public static String randomHex() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The common error fields: {@code error}, {@code message} and the refusal's details. */
    public static Map<String, Object> errorFields(String codeField, ChannelException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(codeField, e.error().name());
        fields.put("message", e.getMessage());
        fields.putAll(e.details());
        return fields;
    }

    /** The reply to an injected failure: plain JSON, unsigned (it comes from the front door, not the channel). */
    public static WireReply injectedReply(ChannelException e, String codeField, long delayMs) {
        return new WireReply(e.httpStatus(), JSON, Map.of(), json(errorFields(codeField, e)), delayMs);
    }
}
