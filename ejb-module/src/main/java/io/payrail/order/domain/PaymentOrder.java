package io.payrail.order.domain;

import io.payrail.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant's request to collect an amount from a payer. The aggregate guards its own state: it
 * only moves along {@link PaymentOrderState}'s transitions, and {@link Version} makes concurrent
 * writers (an MDB, a callback, an expiry timer) conflict instead of overwriting each other.
 */
@Entity
@Table(name = "payment_order")
public class PaymentOrder {

    public static final String ID_PREFIX = "pay";
    /** The close source of the payer's close of one attempt at the cashier (TransitionSource.PAYER). */
    public static final String PAYER_CLOSE = "PAYER";

    @Id
    private String id;

    @Column(name = "merchant_id", nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "merchant_order_no", nullable = false, updatable = false)
    private String merchantOrderNo;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;

    @Column(name = "subject", nullable = false, updatable = false)
    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, updatable = false)
    private PaymentMethod paymentMethod;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private PaymentOrderState state;

    /** SHA-256 of the create request's business fields: tells a retry from a conflicting reuse. */
    @Column(name = "request_fingerprint", nullable = false, updatable = false)
    private String requestFingerprint;

    @Column(name = "channel_id")
    private String channelId;

    @Column(name = "channel_txn_id")
    private String channelTxnId;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** An unpaid order is closed at this time (at the channel first, if it was submitted). */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** When the resolver next asks the channel about this order (unknown or pending outcome). */
    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "check_attempts", nullable = false)
    private int checkAttempts;

    /** Where the payer completes a payment the channel holds as pending (wallet page). */
    @Column(name = "pay_url")
    private String payUrl;

    /** When a close began for an order a channel held (the close fence): no other channel may take it. */
    @Column(name = "close_requested_at")
    private Instant closeRequestedAt;

    /** Who asked for that close (API or EXPIRY), for the audit row when it completes. */
    @Column(name = "close_source")
    private String closeSource;

    /**
     * Counts the dispatches that sent the order to a channel (see {@link #assignChannel} and
     * {@link #resendTo}): a dispatch may give the order up only while its attempt is the latest.
     */
    @Column(name = "channel_attempt", nullable = false)
    private int channelAttempt;

    /** Set when the channel reported other money than was asked: held for an operator, no more checks. */
    @Column(name = "held_at")
    private Instant heldAt;

    @Column(name = "held_reason")
    private String heldReason;

    /** The platform's fee, computed once at capture (minor units of the order's currency). */
    @Column(name = "fee_minor")
    private Long feeMinor;

    /** The rate plan that priced the fee (null: none did, the fee is zero). */
    @Column(name = "fee_rate_plan_id")
    private String feeRatePlanId;

    /** The secret part of the cashier URL: whoever has it may pay the order (and only see it). */
    @Column(name = "cashier_token", nullable = false, updatable = false)
    private String cashierToken;

    /** Where the cashier sends the payer back to the merchant, or null. */
    @Column(name = "return_url", updatable = false)
    private String returnUrl;

    /** A CASHIER order: the method the payer chose for the latest attempt. */
    @Enumerated(EnumType.STRING)
    @Column(name = "payer_method")
    private PaymentMethod payerMethod;

    /** The reference the holding channel knows the order by; null means the order id. */
    @Column(name = "channel_ref")
    private String channelRef;

    /** How many attempts the payer started at the cashier. */
    @Column(name = "payer_attempts", nullable = false)
    private int payerAttempts;

    /** The signed-in payer of the latest cashier attempt, or null (a guest, or not paid at the cashier). */
    @Column(name = "payer_id")
    private String payerId;

    protected PaymentOrder() {
    }

    /** With a fresh cashier token and no return URL (tests). */
    public PaymentOrder(String id, String merchantId, String merchantOrderNo, Money amount, String subject,
                        PaymentMethod paymentMethod, String requestFingerprint, Instant expiresAt, Instant now) {
        this(id, merchantId, merchantOrderNo, amount, subject, paymentMethod, requestFingerprint, expiresAt, now,
                CashierTokens.next(), null);
    }

    public PaymentOrder(String id, String merchantId, String merchantOrderNo, Money amount, String subject,
                        PaymentMethod paymentMethod, String requestFingerprint, Instant expiresAt, Instant now,
                        String cashierToken, String returnUrl) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment amount must be positive: " + amount);
        }
        this.id = Objects.requireNonNull(id);
        this.merchantId = Objects.requireNonNull(merchantId);
        this.merchantOrderNo = Objects.requireNonNull(merchantOrderNo);
        this.amountMinor = amount.minorUnits();
        this.currency = amount.currencyCode();
        this.subject = Objects.requireNonNull(subject);
        this.paymentMethod = Objects.requireNonNull(paymentMethod);
        this.requestFingerprint = Objects.requireNonNull(requestFingerprint);
        this.state = PaymentOrderState.CREATED;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.cashierToken = Objects.requireNonNull(cashierToken);
        this.returnUrl = returnUrl;
    }

    /**
     * Moves to {@code next} if the state machine allows it.
     *
     * @return the state the order left
     * @throws IllegalStateTransitionException otherwise; the order is unchanged
     */
    public PaymentOrderState transitionTo(PaymentOrderState next, Instant now) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateTransitionException(id, state, next);
        }
        PaymentOrderState previous = state;
        state = next;
        updatedAt = now;
        if (next.isSettledOutcome() && finishedAt == null) {
            finishedAt = now;
        }
        if (next.isSettledOutcome()) {
            nextCheckAt = null;
            payUrl = null;
        }
        return previous;
    }

    /** On its way to a channel: from here the outcome lies with the channels the router tries. */
    public PaymentOrderState startProcessing(Instant now) {
        return transitionTo(PaymentOrderState.PROCESSING, now);
    }

    /**
     * The router is about to submit the order to {@code channel}. Only one channel holds an order
     * at a time, and it is given only to an order no channel holds, no close has begun for and no
     * operator must look at: the channel changes only through {@link #releaseChannel}, i.e. when
     * that channel certainly charged nothing.
     *
     * @return this dispatch's attempt number; 0 (and nothing changes) when the order may not go to
     *         {@code channel}
     */
    public int assignChannel(String channel, Instant now) {
        if (channelId != null || closeRequestedAt != null || heldAt != null) {
            return 0;
        }
        channelId = channel;
        updatedAt = now;
        return ++channelAttempt;
    }

    /**
     * A dispatch asks the channel that holds the order again (a redelivered request, a re-dispatch
     * after the channel said it never saw it). It takes a new attempt number, so that an older
     * dispatch still waiting for that channel's refusal can no longer give the order to another
     * channel while this one may be charging it.
     *
     * @return this dispatch's attempt number; 0 when {@code channel} does not hold the order, a close
     *         has begun, or the order is held
     */
    public int resendTo(String channel, Instant now) {
        if (!channel.equals(channelId) || closeRequestedAt != null || heldAt != null) {
            return 0;
        }
        updatedAt = now;
        return ++channelAttempt;
    }

    /**
     * A close has begun at the channel that holds the order: from now on no other channel may be
     * given it (the fence), whatever that channel answers. Idempotent; the first source is kept,
     * except that a close of the whole order (the merchant's, the expiry) overrides the payer's close
     * of one attempt ({@value #PAYER_CLOSE}): once closed there, the order must not go back to the payer.
     */
    public void requestClose(String source, Instant now) {
        if (closeRequestedAt == null || (PAYER_CLOSE.equals(closeSource) && !PAYER_CLOSE.equals(source))) {
            closeRequestedAt = closeRequestedAt == null ? now : closeRequestedAt;
            closeSource = source;
            updatedAt = now;
        }
    }

    /** Whether the close under way is the payer's close of one attempt (the order then goes back to the payer). */
    public boolean isAttemptClose() {
        return PAYER_CLOSE.equals(closeSource);
    }

    public boolean isCloseRequested() {
        return closeRequestedAt != null;
    }

    public String closeSource() {
        return closeSource;
    }

    /**
     * The channel certainly charged nothing for {@code attempt} (refused before processing): the order
     * may go elsewhere, unless a later dispatch has asked that channel since.
     *
     * @return false (and nothing changes) when {@code channel} no longer holds the order or a later
     *         attempt exists
     */
    public boolean releaseChannel(String channel, int attempt, Instant now) {
        if (!channel.equals(channelId) || attempt != channelAttempt) {
            return false;
        }
        channelId = null;
        updatedAt = now;
        return true;
    }

    /** The payer chooses the method at the cashier: the platform never routes this order by itself. */
    public boolean payerChooses() {
        return paymentMethod == PaymentMethod.CASHIER;
    }

    /**
     * Whether the payer may start an attempt now: a CASHIER order waiting for the payer (CREATED),
     * unexpired, not being closed, not held.
     */
    public boolean payableAtCashier(Instant now) {
        return payerChooses() && state == PaymentOrderState.CREATED && !isExpired(now) && closeRequestedAt == null
                && heldAt == null;
    }

    /**
     * The payer starts an attempt with {@code method}: the order goes to PROCESSING under a new
     * reference (the channel decides once per reference, and an earlier attempt's may be declined).
     *
     * @param payer the signed-in payer, or null for a guest
     * @return the attempt's number
     * @throws IllegalStateException when the order is not {@link #payableAtCashier payable} now
     */
    public int startPayerAttempt(PaymentMethod method, String payer, Instant now) {
        if (!payableAtCashier(now) || !method.payerSelectable()) {
            throw new IllegalStateException("order " + id + " (" + state + ", method " + paymentMethod
                    + ") cannot start a payer attempt with " + method);
        }
        payerAttempts++;
        channelRef = ChannelReferences.of(id, payerAttempts);
        payerMethod = method;
        payerId = payer;
        transitionTo(PaymentOrderState.PROCESSING, now);
        return payerAttempts;
    }

    /**
     * The payer's attempt did not go through and nothing was charged for it (declined, closed at its
     * channel, or no channel could take it): the order waits for the payer again, free of any channel,
     * until its expiry.
     */
    public PaymentOrderState returnToPayer(Instant now) {
        if (!payerChooses()) {
            throw new IllegalStateException("order " + id + " is not paid at the cashier; it cannot go back to the payer");
        }
        PaymentOrderState previous = transitionTo(PaymentOrderState.CREATED, now);
        channelId = null;
        channelTxnId = null;
        payUrl = null;
        nextCheckAt = null;
        checkAttempts = 0;
        closeRequestedAt = null;
        closeSource = null;
        return previous;
    }

    /**
     * The channel holds the payment as pending: the payer completes it at {@code url}. A report
     * without a page (a callback) keeps the page already known.
     */
    public void awaitPayer(String channelTransactionId, String url, Instant now) {
        if (channelTransactionId != null) {
            channelTxnId = channelTransactionId;
        }
        if (url != null) {
            payUrl = url;
        }
        updatedAt = now;
    }

    /**
     * Ask the channel again at {@code at} (an unknown or pending outcome), or at the expiry if that
     * comes first.
     */
    public void scheduleCheck(Instant at, Instant now) {
        nextCheckAt = notAfterExpiry(at, now);
        checkAttempts++;
    }

    /**
     * A safety net while the order is with the router: if nothing is recorded by {@code at} (the
     * server died during the call), the resolver asks the channel. Not a scheduled check: the
     * schedule's attempts are not counted.
     */
    public void checkNoLaterThan(Instant at, Instant now) {
        nextCheckAt = notAfterExpiry(at, now);
    }

    /**
     * The expiry is known in advance: an order still unpaid is looked at when it falls due, not at the
     * first check after it (the resolver then closes it). Past the expiry, the schedule rules alone
     * (a close whose answer was unknown is asked again on it).
     */
    private Instant notAfterExpiry(Instant at, Instant now) {
        return now.isBefore(expiresAt) && at.isAfter(expiresAt) ? expiresAt : at;
    }

    /**
     * The channel reported other money than this order's: an operator decides. No more checks, no
     * expiry, no other channel.
     */
    public void hold(String reason, Instant now) {
        if (heldAt == null) {
            heldAt = now;
            heldReason = reason == null || reason.length() <= 255 ? reason : reason.substring(0, 255);
            nextCheckAt = null;
            updatedAt = now;
        }
    }

    public boolean isHeld() {
        return heldAt != null;
    }

    public String heldReason() {
        return heldReason;
    }

    public int channelAttempt() {
        return channelAttempt;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public PaymentOrderState succeed(String channelTransactionId, Instant now) {
        PaymentOrderState previous = transitionTo(PaymentOrderState.SUCCEEDED, now);
        this.channelTxnId = channelTransactionId;
        return previous;
    }

    /** Keeps the fee charged at capture and the plan that priced it; set once. */
    public void chargeFee(Money fee, String ratePlanId) {
        if (feeMinor != null) {
            throw new IllegalStateException("order " + id + " was already charged a fee");
        }
        if (!fee.currency().getCurrencyCode().equals(currency)) {
            throw new IllegalArgumentException("a fee is in the order's currency " + currency + ": " + fee);
        }
        feeMinor = fee.minorUnits();
        feeRatePlanId = ratePlanId;
    }

    /** The fee charged at capture; empty before the capture. */
    public Optional<Money> fee() {
        return Optional.ofNullable(feeMinor).map(f -> Money.ofMinor(f, currency));
    }

    public String feeRatePlanId() {
        return feeRatePlanId;
    }

    public PaymentOrderState fail(String channelTransactionId, String code, String message, Instant now) {
        PaymentOrderState previous = transitionTo(PaymentOrderState.FAILED, now);
        this.channelTxnId = channelTransactionId;
        this.failureCode = code;
        this.failureMessage = message == null || message.length() <= 255 ? message : message.substring(0, 255);
        return previous;
    }

    public String id() {
        return id;
    }

    public String merchantId() {
        return merchantId;
    }

    public String merchantOrderNo() {
        return merchantOrderNo;
    }

    public Money amount() {
        return Money.ofMinor(amountMinor, currency);
    }

    public String subject() {
        return subject;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public PaymentOrderState state() {
        return state;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public String channelId() {
        return channelId;
    }

    public String channelTxnId() {
        return channelTxnId;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    public int checkAttempts() {
        return checkAttempts;
    }

    public String payUrl() {
        return payUrl;
    }

    public String cashierToken() {
        return cashierToken;
    }

    public String returnUrl() {
        return returnUrl;
    }

    public PaymentMethod payerMethod() {
        return payerMethod;
    }

    /** The method the order is routed by: the payer's choice for a CASHIER order, else the merchant's. */
    public PaymentMethod routedMethod() {
        return payerChooses() ? payerMethod : paymentMethod;
    }

    /** The reference the holding channel knows the order by. */
    public String channelRef() {
        return channelRef != null ? channelRef : id;
    }

    public int payerAttempts() {
        return payerAttempts;
    }

    public String payerId() {
        return payerId;
    }
}
