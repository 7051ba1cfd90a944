package io.payrail.simulator.channel.wallet;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.CallbackEvent;
import io.payrail.simulator.channel.CallbackMessage;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.ChannelOrder;
import io.payrail.simulator.channel.Decision;
import io.payrail.simulator.channel.EventKind;
import io.payrail.simulator.channel.HeaderSignedChannel;
import io.payrail.simulator.channel.Operation;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.OrderStatus;
import io.payrail.simulator.channel.PayAttempt;
import io.payrail.simulator.channel.Refund;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.journal.JsonLine;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * WALLET, a third-party wallet: creating an order answers PENDING with a {@code payUrl} (the wallet's
 * page, where the payer approves or declines) and a {@code qrCode} (the same page, for a phone to
 * scan); the result comes by callback. JSON over HTTP, signed with a detached JWS in the
 * {@code Wallet-Signature} header ({@link DetachedJws}); each answer is bound to its request
 * ({@link Exchange}); callbacks are acknowledged by HTTP 200 with the JSON body
 * {@code {"code":"SUCCESS"}}.
 */
public final class Wallet extends Channel {

    public static final String PAGE_PATH = "pages/wallet/";
    public static final String QR_PREFIX = "simwallet://pay/";

    public Wallet(Context context) {
        super(context);
    }

    /** Creates an order for the payer to approve in the wallet. */
    public Answer<ChannelLedger.PayOutcome> createOrder(PayAttempt attempt) {
        return call(Operation.PAY, attempt.merchantRef(), () -> pay(attempt, Decision::awaitPayer));
    }

    // ---------------------------------------------------------------- signatures

    /**
     * One request to WALLET, to be verified and answered: its answer is signed bound to it.
     *
     * @param method       the request line's method
     * @param pathAndQuery the request line's path and query, e.g. {@code /sim/wallet/v1/orders}
     * @param references   the well-formed references the request names ({@code merchantRef},
     *                     {@code orderId}, {@code refundRef}), for its error answers; empty when none
     */
    public Exchange exchange(String method, String pathAndQuery, Map<String, String> references) {
        return new Exchange(method, pathAndQuery, references);
    }

    /**
     * A request and its answer (wallet.md §2). Every answer WALLET signs, errors included, carries
     * in its protected header the {@code htm} and {@code htu} of this request and the request's
     * {@code jti} once WALLET accepted it; an error answer also names the request's references.
     * Not thread-safe: one request, one thread.
     */
    public final class Exchange implements HeaderSignedChannel {

        private final String method;
        private final String pathAndQuery;
        private final Map<String, String> references;
        /** The request's id once WALLET accepted the request as the platform's; null until then, or without one. */
        private String jti;

        private Exchange(String method, String pathAndQuery, Map<String, String> references) {
            this.method = Objects.requireNonNull(method, "method");
            this.pathAndQuery = Objects.requireNonNull(pathAndQuery, "pathAndQuery");
            this.references = new LinkedHashMap<>(references);
        }

        /**
         * Checks the platform's detached JWS on this request: signature, {@code iat} within the
         * clock skew, {@code htm} and {@code htu} naming the request, a well-formed {@code jti} if
         * there is one. Without the platform's key nothing is checked and nothing is refused; a
         * well-formed {@code jti} in the (unverified) header is still echoed, so that the platform
         * can match answers against a simulator that cannot check it.
         */
        @Override
        public Verification verify(String requestMethod, String requestPathAndQuery, String jws, byte[] body) {
            if (!method.equals(requestMethod) || !pathAndQuery.equals(requestPathAndQuery)) {
                throw new IllegalArgumentException("an exchange verifies its own request, " + method + " "
                        + pathAndQuery);
            }
            Optional<PublicKey> key = platformKey.key();
            if (key.isEmpty()) {
                jti = DetachedJws.unverifiedHeader(jws).map(h -> h.get("jti")).filter(DetachedJws::isJti)
                        .map(String.class::cast).orElse(null);
                return Verification.NOT_CHECKED;
            }
            if (jws == null || jws.isBlank()) {
                throw new ChannelException(ChannelError.SIGNATURE_INVALID, DetachedJws.HEADER + " header is required");
            }
            Map<String, Object> header = DetachedJws.verify(key.get(), jws, body).orElseThrow(
                    () -> new ChannelException(ChannelError.SIGNATURE_INVALID, "signature does not verify"));
            if (!(header.get("iat") instanceof Long iat) || !fresh(Instant.ofEpochSecond(iat))) {
                throw new ChannelException(ChannelError.SIGNATURE_INVALID,
                        "iat missing or outside the allowed clock skew");
            }
            if (!method.equals(header.get("htm")) || !pathAndQuery.equals(header.get("htu"))) {
                throw new ChannelException(ChannelError.SIGNATURE_INVALID, "htm/htu do not name this request");
            }
            if (header.containsKey("jti") && !DetachedJws.isJti(header.get("jti"))) {
                throw new ChannelException(ChannelError.SIGNATURE_INVALID,
                        "jti must be 16-64 characters of A-Z a-z 0-9 _ - (a fresh random id per request)");
            }
            jti = (String) header.get("jti");
            return Verification.VERIFIED;
        }

        /** Signed with {@code alg, kid, iat, htm, htu} and the accepted {@code jti}, if any. */
        @Override
        public WireReply signed(int status, String contentType, byte[] body, long delayMs) {
            String jws = DetachedJws.sign(keys.privateKey(), DetachedJws.boundHeader(keys.keyId(),
                    clock.instant().getEpochSecond(), method, pathAndQuery, jti), body);
            return new WireReply(status, contentType, Map.of(DetachedJws.HEADER, jws), body, delayMs);
        }

        /**
         * A signed error names the references of the request it refuses, so that it cannot be taken
         * for the answer to a request about another reference. An injected outage comes from the
         * front door: unsigned, and it names nothing.
         */
        @Override
        public WireReply error(ChannelException e, long delayMs) {
            if (e.injected()) {
                return Wire.injectedReply(e, "error", delayMs);
            }
            Map<String, Object> fields = Wire.errorFields("error", e);
            references.forEach(fields::putIfAbsent);
            return signed(e.httpStatus(), Wire.JSON, Wire.json(fields), delayMs);
        }
    }

    // ---------------------------------------------------------------- wire bodies

    /** An order as WALLET answers it; {@code baseUrl} (ending in {@code /}) makes the pay URL. */
    public static Map<String, Object> orderFields(OrderSnapshot snapshot, String baseUrl, Boolean duplicate) {
        ChannelOrder o = snapshot.order();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("orderId", o.transactionId());
        f.put("merchantRef", o.merchantRef());
        f.put("status", o.status().name());
        if (o.money() != null) {
            f.put("amount", o.money().amount());
            f.put("currency", o.money().currency());
        }
        f.put("subject", o.isFence() ? null : o.subject());
        if (o.status() == OrderStatus.PENDING) {
            f.put("payUrl", baseUrl + PAGE_PATH + o.payerToken());
            f.put("qrCode", QR_PREFIX + o.payerToken());
        }
        if (o.declineReason() != null) {
            f.put("declineCode", o.declineReason().name());
            f.put("declineMessage", o.declineReason().message());
        }
        Wire.putOrderTimes(f, snapshot, duplicate);
        return f;
    }

    public static Map<String, Object> refundFields(Refund r, Boolean duplicate) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("refundId", r.refundId());
        f.put("refundRef", r.refundRef());
        f.put("orderId", r.transactionId());
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
        f.put("notificationId", e.eventId());
        f.put("type", e.kind() == EventKind.PAYMENT ? "ORDER" : "REFUND");
        f.put("seq", e.seq());
        f.put("occurredAt", e.occurredAt());
        f.put("orderId", e.transactionId());
        f.put("merchantRef", e.merchantRef());
        f.put("status", e.status());
        Wire.putCallbackOutcome(f, e);
        byte[] body = Wire.json(f);
        String jws = DetachedJws.sign(keys.privateKey(),
                DetachedJws.responseHeader(keys.keyId(), clock.instant().getEpochSecond()), body);
        return new CallbackMessage(Wire.JSON, Map.of(DetachedJws.HEADER, jws), body);
    }

    /** WALLET's rule: HTTP 200 with a JSON object whose {@code code} is {@code SUCCESS}. */
    @Override
    public boolean isAcknowledgement(int status, String body) {
        if (status != 200 || body == null || body.isBlank()) {
            return false;
        }
        try {
            return "SUCCESS".equals(JsonLine.parse(body.strip()).get("code"));
        } catch (IllegalArgumentException notFlatJson) {
            return false;
        }
    }
}
