package io.payrail.simulator.channel.quickpay;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.CallbackEvent;
import io.payrail.simulator.channel.CallbackMessage;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.ChannelOrder;
import io.payrail.simulator.channel.Decision;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.Operation;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.PayAttempt;
import io.payrail.simulator.channel.Refund;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.channel.card.TestCards;
import io.payrail.simulator.crypto.Rsa;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * QUICKPAY: a card is bound once (card number and phone → an SMS code → confirm → agreement id),
 * then each payment is made with the agreement id and a one-time code sent for that payment.
 * Messages are flat JSON objects signed by a {@code sign} field ({@link SortedParams}); callbacks
 * are form posts, acknowledged by the body {@code success}.
 *
 * <p>The simulator does not send SMS: the codes are shown to tests by the admin API
 * ({@link #latestCode}). A code is valid for 5 minutes and 3 tries; the third wrong try uses it up
 * (and fails a binding).
 */
public final class QuickPay extends Channel {

    private static final Logger LOG = Logger.getLogger(QuickPay.class.getName());

    public static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
    public static final int CODE_TRIES = 3;
    public static final String FILE_SIGN = "Quickpay-Sign";

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern CODE = Pattern.compile("[0-9]{4,8}");
    private static final int MAX_HOLDER = 64;

    private final Supplier<String> codes;
    /** Serialises changes to one bind or agreement (keys are ids). */
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    public QuickPay(Context context) {
        this(context, randomCodes());
    }

    /** @param codes the SMS codes to hand out (tests pass predictable ones) */
    public QuickPay(Context context, Supplier<String> codes) {
        super(context);
        this.codes = codes;
    }

    private static Supplier<String> randomCodes() {
        SecureRandom random = new SecureRandom();
        return () -> String.format("%06d", random.nextInt(1_000_000));
    }

    // ---------------------------------------------------------------- binding

    /**
     * A bind request, checked. The card number is held only for the request: it is never stored,
     * logged or printed.
     */
    public static final class BindRequest {
        private final String bindRef;
        private final String number;
        private final YearMonth expiry;
        private final String phone;

        public BindRequest(String bindRef, String cardNumber, String cardExpiry, String holderName, String phone) {
            this.bindRef = PayAttempt.requireReference(bindRef, "bindRef");
            this.number = TestCards.requireNumber(cardNumber);
            this.expiry = TestCards.parseExpiry(cardExpiry);
            if (holderName != null && holderName.length() > MAX_HOLDER) {
                throw new ChannelException(ChannelError.INVALID_REQUEST,
                        "holderName must be at most " + MAX_HOLDER + " characters");
            }
            if (phone == null || !PHONE.matcher(phone).matches()) {
                throw new ChannelException(ChannelError.INVALID_REQUEST, "phone must be 6-15 digits, optionally after +");
            }
            this.phone = phone;
        }

        public String bindRef() {
            return bindRef;
        }

        @Override
        public String toString() {
            return "BindRequest[" + bindRef + ", card ****" + TestCards.last4(number) + "]";
        }
    }

    /** Starts a binding: sends an SMS code to the phone. A repeated bindRef answers the same binding. */
    public Answer<Bind> bind(BindRequest request) {
        return call(Operation.BIND, request.bindRef, () -> locked("bindRef:" + request.bindRef, () -> {
            Optional<Bind> existing = ledger.side(Bind.REF_KIND, request.bindRef)
                    .flatMap(f -> ledger.side(Bind.KIND, (String) f.get("bindId"))).map(Bind::of);
            String last4 = TestCards.last4(request.number);
            if (existing.isPresent()) {
                if (!existing.get().cardLast4().equals(last4)) {
                    throw new ChannelException(ChannelError.MERCHANT_REF_REUSED,
                            "bindRef " + request.bindRef + " was already used for another card");
                }
                return existing.get();
            }
            Instant now = clock.instant();
            if (request.expiry.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
                throw new ChannelException(ChannelError.CARD_EXPIRED, "the card has expired");
            }
            Bind bind = new Bind(id().prefix() + "b_" + Wire.randomHex(), request.bindRef, BindStatus.OTP_SENT, last4,
                    profile(TestCards.decisionFor(request.number)), mask(request.phone), codes.get(),
                    now.plus(CODE_VALIDITY), 0, null, now);
            ledger.putSide(Bind.KIND, bind.bindId(), bind.fields());
            ledger.putSide(Bind.REF_KIND, request.bindRef, Map.of("bindId", bind.bindId()));
            LOG.info(() -> id() + " bind " + bind.bindId() + ": SMS code sent to " + bind.phoneMasked());
            return bind;
        }));
    }

    /** Confirms a binding with its SMS code: the card is bound by a new agreement. Repeatable once bound. */
    public Answer<Bind> confirmBind(String bindId, String code) {
        return call(Operation.BIND, null, () -> locked(bindId, () -> {
            Bind bind = ledger.side(Bind.KIND, bindId == null ? "" : bindId).map(Bind::of).orElseThrow(
                    () -> new ChannelException(ChannelError.BIND_NOT_FOUND, "no binding " + bindId));
            switch (bind.status()) {
                case BOUND:
                    return bind;
                case FAILED:
                    throw new ChannelException(ChannelError.BIND_FAILED, "binding " + bindId
                            + " failed after too many wrong codes; start a new one");
                default:
                    break;
            }
            Instant now = clock.instant();
            if (!now.isBefore(bind.otpExpiresAt())) {
                throw new ChannelException(ChannelError.OTP_EXPIRED, "the code has expired; start a new binding");
            }
            if (!bind.otp().equals(code)) {
                int attempts = bind.otpAttempts() + 1;
                if (attempts >= CODE_TRIES) {
                    ledger.putSide(Bind.KIND, bindId, bind.withAttempts(attempts, BindStatus.FAILED).fields());
                    throw new ChannelException(ChannelError.BIND_FAILED, "wrong code, " + CODE_TRIES
                            + " times: binding " + bindId + " failed");
                }
                ledger.putSide(Bind.KIND, bindId, bind.withAttempts(attempts, BindStatus.OTP_SENT).fields());
                throw new ChannelException(ChannelError.OTP_INVALID, "wrong code",
                        Map.of("attemptsLeft", (long) (CODE_TRIES - attempts)));
            }
            Agreement agreement = new Agreement(id().prefix() + "a_" + Wire.randomHex(), bindId, bind.cardLast4(),
                    bind.profile(), bind.phoneMasked(), now, null, null, null, null, 0);
            ledger.putSide(Agreement.KIND, agreement.agreementId(), agreement.fields());
            Bind bound = bind.bound(agreement.agreementId());
            ledger.putSide(Bind.KIND, bindId, bound.fields());
            LOG.info(() -> id() + " bind " + bindId + ": card ****" + bind.cardLast4() + " bound as "
                    + agreement.agreementId());
            return bound;
        }));
    }

    /** The code sent for one payment. */
    public record PayCode(String agreementId, String merchantRef, Money money, String phoneMasked, Instant expiresAt) {
    }

    /** Sends an SMS code for one payment by agreement; replaces any earlier code of the agreement. */
    public Answer<PayCode> sendPayCode(String agreementId, String merchantRef, Money money) {
        PayAttempt.requireReference(merchantRef, "merchantRef");
        return call(Operation.BIND, merchantRef, () -> locked(agreementId, () -> {
            Agreement agreement = agreement(agreementId);
            Instant expires = clock.instant().plus(CODE_VALIDITY);
            Agreement next = agreement.withCode(codes.get(), merchantRef, money, expires);
            ledger.putSide(Agreement.KIND, agreementId, next.fields());
            LOG.info(() -> id() + " " + merchantRef + ": payment code sent to " + agreement.phoneMasked());
            return new PayCode(agreementId, merchantRef, money, agreement.phoneMasked(), expires);
        }));
    }

    // ---------------------------------------------------------------- paying

    /** A pay request by agreement and code, checked. */
    public record Payment(PayAttempt attempt, String code) {
        public Payment {
            if (attempt.agreementId() == null || attempt.agreementId().isEmpty()) {
                throw new ChannelException(ChannelError.INVALID_REQUEST, "agreementId is required");
            }
            if (code == null || !CODE.matcher(code).matches()) {
                throw new ChannelException(ChannelError.INVALID_REQUEST, "otp must be the digits of the SMS code");
            }
        }

        @Override
        public String toString() {
            return "Payment[" + attempt.merchantRef() + ", " + attempt.money() + ", " + attempt.agreementId() + "]";
        }
    }

    /**
     * Pays by agreement. A retry of a decided reference answers the decision without a new code;
     * a new reference needs the code sent for it, which it uses up.
     */
    public Answer<ChannelLedger.PayOutcome> pay(Payment payment) {
        PayAttempt attempt = payment.attempt();
        return call(Operation.PAY, attempt.merchantRef(), () -> pay(attempt, () -> decide(payment)));
    }

    /** Runs under the reference's lock: checks and uses up the code, then asks the card. */
    private Decision decide(Payment payment) {
        PayAttempt attempt = payment.attempt();
        Agreement agreement = locked(attempt.agreementId(), () -> {
            Agreement a = agreement(attempt.agreementId());
            if (a.payOtp() == null || !attempt.merchantRef().equals(a.payOtpRef())
                    || !attempt.money().equals(a.payOtpMoney())) {
                throw new ChannelException(ChannelError.OTP_INVALID,
                        "no code was sent for this payment (merchantRef and money must match the code request)");
            }
            if (!clock.instant().isBefore(a.payOtpExpiresAt())) {
                throw new ChannelException(ChannelError.OTP_EXPIRED, "the code has expired; request a new one");
            }
            if (!a.payOtp().equals(payment.code())) {
                int attempts = a.payOtpAttempts() + 1;
                Agreement next = attempts >= CODE_TRIES ? a.withoutCode() : a.withAttempts(attempts);
                ledger.putSide(Agreement.KIND, a.agreementId(), next.fields());
                throw new ChannelException(ChannelError.OTP_INVALID, "wrong code",
                        Map.of("attemptsLeft", (long) Math.max(0, CODE_TRIES - attempts)));
            }
            ledger.putSide(Agreement.KIND, a.agreementId(), a.withoutCode().fields());
            return a;
        });
        Decision card = decision(agreement.profile());
        if (card.kind() == Decision.Kind.DECLINE) {
            return card;
        }
        // the SMS code was the payer's confirmation
        return faults.decline(attempt.merchantRef(), attempt.money()).map(Decision::decline)
                .orElse(Decision.approve());
    }

    /** The latest SMS code of a binding or an agreement, for tests; empty when none is outstanding. */
    public record SentCode(String purpose, String code, String phoneMasked, String merchantRef, Money money,
                           Instant expiresAt) {
    }

    public Optional<SentCode> latestCode(String bindOrAgreementId) {
        Optional<SentCode> bindCode = ledger.side(Bind.KIND, bindOrAgreementId).map(Bind::of)
                .filter(b -> b.otp() != null)
                .map(b -> new SentCode("BIND", b.otp(), b.phoneMasked(), null, null, b.otpExpiresAt()));
        if (bindCode.isPresent()) {
            return bindCode;
        }
        return ledger.side(Agreement.KIND, bindOrAgreementId).map(Agreement::of).filter(a -> a.payOtp() != null)
                .map(a -> new SentCode("PAY", a.payOtp(), a.phoneMasked(), a.payOtpRef(), a.payOtpMoney(),
                        a.payOtpExpiresAt()));
    }

    public Optional<Agreement> findAgreement(String agreementId) {
        return ledger.side(Agreement.KIND, agreementId).map(Agreement::of);
    }

    private Agreement agreement(String agreementId) {
        return findAgreement(agreementId == null ? "" : agreementId).orElseThrow(
                () -> new ChannelException(ChannelError.AGREEMENT_NOT_FOUND, "no agreement " + agreementId));
    }

    static String profile(Decision decision) {
        return decision.kind() == Decision.Kind.DECLINE ? "DECLINE:" + decision.reason().name() : decision.kind().name();
    }

    static Decision decision(String profile) {
        if (profile.startsWith("DECLINE:")) {
            return Decision.decline(DeclineReason.valueOf(profile.substring("DECLINE:".length())));
        }
        return Decision.Kind.valueOf(profile) == Decision.Kind.AWAIT_PAYER ? Decision.awaitPayer()
                : Decision.approve();
    }

    static String mask(String phone) {
        String digits = phone.startsWith("+") ? phone.substring(1) : phone;
        return digits.substring(0, 3) + "*".repeat(Math.max(0, digits.length() - 7))
                + digits.substring(digits.length() - 4);
    }

    private <T> T locked(String key, Supplier<T> work) {
        Object lock = locks.computeIfAbsent(key == null ? "" : key, k -> new Object());
        synchronized (lock) {
            return work.get();
        }
    }

    // ---------------------------------------------------------------- signatures

    /**
     * Checks the platform's {@code sign} over a request's fields, and that its {@code timestamp}
     * (ISO-8601 UTC) is within the allowed clock skew.
     */
    public Verification verify(Map<String, String> fields) {
        Optional<PublicKey> key = platformKey.key();
        if (key.isEmpty()) {
            return Verification.NOT_CHECKED;
        }
        String timestamp = fields.get("timestamp");
        if (timestamp == null) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "timestamp is required in a signed request");
        }
        try {
            if (!fresh(Instant.parse(timestamp))) {
                throw new ChannelException(ChannelError.SIGNATURE_INVALID, "timestamp outside the allowed clock skew");
            }
        } catch (DateTimeParseException e) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "timestamp must be ISO-8601 UTC");
        }
        if (fields.get(SortedParams.SIGN) == null) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "sign is required");
        }
        if (!SortedParams.verify(key.get(), fields)) {
            throw new ChannelException(ChannelError.SIGNATURE_INVALID, "sign does not verify");
        }
        return Verification.VERIFIED;
    }

    /** A signed JSON reply: adds {@code timestamp}, {@code signType} and {@code sign} to the fields. */
    public WireReply signed(int status, Map<String, Object> fields, long delayMs) {
        Map<String, Object> all = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                all.put(k, v instanceof Instant i ? i.toString() : v);
            }
        });
        all.put("timestamp", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        all.put(SortedParams.SIGN_TYPE, SortedParams.RSA2);
        all.put(SortedParams.SIGN, SortedParams.sign(keys.privateKey(), texts(all)));
        return new WireReply(status, Wire.JSON, Map.of(), Wire.json(all), delayMs);
    }

    public WireReply error(ChannelException e, long delayMs) {
        if (e.injected()) {
            return Wire.injectedReply(e, "code", delayMs);
        }
        return signed(e.httpStatus(), Wire.errorFields("code", e), delayMs);
    }

    /** A statement file, signed in a header: RSA2 over the file's bytes. */
    public WireReply signedFile(byte[] body, long delayMs) {
        return new WireReply(200, Wire.CSV, Map.of(FILE_SIGN, Rsa.signBase64(keys.privateKey(), body),
                "Quickpay-Sign-Type", SortedParams.RSA2), body, delayMs);
    }

    static Map<String, String> texts(Map<String, Object> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, SortedParams.text(v)));
        return out;
    }

    // ---------------------------------------------------------------- wire bodies

    public static Map<String, Object> success() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("code", "SUCCESS");
        return f;
    }

    public static Map<String, Object> orderFields(OrderSnapshot snapshot, Boolean duplicate) {
        ChannelOrder o = snapshot.order();
        Map<String, Object> f = success();
        f.put("merchantRef", o.merchantRef());
        f.put("transactionId", o.transactionId());
        f.put("status", o.status().name());
        if (o.money() != null) {
            f.put("amount", o.money().amount());
            f.put("currency", o.money().currency());
        }
        f.put("agreementId", o.agreementId());
        f.put("cardLast4", o.cardLast4());
        if (o.declineReason() != null) {
            f.put("declineCode", o.declineReason().name());
            f.put("declineMessage", o.declineReason().message());
        }
        Wire.putOrderTimes(f, snapshot, duplicate);
        return f;
    }

    public static Map<String, Object> refundFields(Refund r, Boolean duplicate) {
        Map<String, Object> f = success();
        f.put("refundRef", r.refundRef());
        f.put("refundId", r.refundId());
        f.put("merchantRef", r.merchantRef());
        f.put("transactionId", r.transactionId());
        f.put("refundStatus", r.status().name());
        f.put("amount", r.money().amount());
        f.put("currency", r.money().currency());
        f.put("createdAt", r.createdAt());
        f.put("completedAt", r.completedAt());
        f.put("duplicate", duplicate);
        return f;
    }

    public static Map<String, Object> bindFields(Bind b) {
        Map<String, Object> f = success();
        f.put("bindId", b.bindId());
        f.put("bindRef", b.bindRef());
        f.put("bindStatus", b.status().name());
        f.put("cardLast4", b.cardLast4());
        f.put("phone", b.phoneMasked());
        f.put("agreementId", b.agreementId());
        f.put("otpExpiresAt", b.otpExpiresAt());
        return f;
    }

    public static Map<String, Object> payCodeFields(PayCode c) {
        Map<String, Object> f = success();
        f.put("agreementId", c.agreementId());
        f.put("merchantRef", c.merchantRef());
        f.put("amount", c.money().amount());
        f.put("currency", c.money().currency());
        f.put("phone", c.phoneMasked());
        f.put("otpExpiresAt", c.expiresAt());
        return f;
    }

    // ---------------------------------------------------------------- callbacks

    @Override
    public CallbackMessage encodeCallback(CallbackEvent e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("notifyId", e.eventId());
        f.put("notifyType", e.kind().name());
        f.put("seq", e.seq());
        f.put("notifyTime", e.occurredAt().toString());
        f.put("merchantRef", e.merchantRef());
        f.put("transactionId", e.transactionId());
        f.put("status", e.status());
        Wire.putCallbackOutcome(f, e);
        f.put(SortedParams.SIGN_TYPE, SortedParams.RSA2);
        f.put(SortedParams.SIGN, SortedParams.sign(keys.privateKey(), texts(f)));
        StringJoiner form = new StringJoiner("&");
        f.forEach((k, v) -> form.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8)));
        return new CallbackMessage(Wire.FORM, Map.of(), form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** QUICKPAY's rule: HTTP 200 with the body {@code success} (surrounding white space ignored). */
    @Override
    public boolean isAcknowledgement(int status, String body) {
        return status == 200 && body != null && body.strip().equals("success");
    }
}
