package io.payrail.order.application;

import io.payrail.audit.AuditTrail;
import io.payrail.audit.StateTransition;
import io.payrail.audit.TransitionSource;
import io.payrail.discrepancy.Discrepancies;
import io.payrail.fee.FeeSchedule;
import io.payrail.common.ErrorCode;
import io.payrail.common.Ids;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.common.Persistence;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.PostingRules;
import io.payrail.merchant.MerchantDirectory;
import io.payrail.notify.Notifications;
import io.payrail.order.domain.CashierTokens;
import io.payrail.order.domain.ChannelReferences;
import io.payrail.order.domain.PaymentAttempt;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrder;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.order.infrastructure.PaymentOrderRepository;
import io.payrail.outbox.Outbox;
import io.payrail.outbox.OutboxDestination;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The payment order's transaction boundary: each public method is one JTA transaction on MySQL
 * that changes the order, writes its audit row, books its ledger entry and enqueues its outbox
 * message together, or does none of these.
 */
@Stateless
public class PaymentOrderService {

    public static final String AGGREGATE = "PAYMENT_ORDER";
    public static final String MESSAGE_SUBMIT = "PAYMENT_SUBMIT";

    private static final Logger LOG = Logger.getLogger(PaymentOrderService.class.getName());

    @Inject
    private PaymentOrderRepository orders;

    @Inject
    private MerchantDirectory merchants;

    @Inject
    private Outbox outbox;

    @Inject
    private AuditTrail audit;

    @Inject
    private Ledger ledger;

    @Inject
    private Notifications notifications;

    @Inject
    private Clock clock;

    @Inject
    private LatePaymentPolicy latePayments;

    @Inject
    private CheckSchedule checks;

    @Inject
    private Discrepancies discrepancies;

    @Inject
    private FeeSchedule fees;

    @Inject
    @ConfigProperty(name = "payrail.order.expiry-minutes", defaultValue = "30")
    long defaultExpiryMinutes;

    /** If nothing is recorded this long after an order went to the router, the resolver asks its channel. */
    @Inject
    @ConfigProperty(name = "payrail.resolve.safety-net-seconds", defaultValue = "60")
    long safetyNetSeconds;

    /**
     * Stores a new order and its channel request. A CASHIER order gets none: it waits for its payer,
     * who submits it from the cashier.
     *
     * @throws DuplicateMerchantOrderNoException when the merchant order number is taken
     */
    public CreatePaymentResult createNew(CreatePaymentCommand command) {
        merchants.requireAllowed(command.merchantId(), command.amount());
        Instant now = clock.instant();
        Duration expiresIn = command.expiresIn() != null ? command.expiresIn() : Duration.ofMinutes(defaultExpiryMinutes);
        PaymentOrder order = new PaymentOrder(Ids.next(PaymentOrder.ID_PREFIX), command.merchantId(),
                command.merchantOrderNo(), command.amount(), command.subject(), command.paymentMethod(),
                command.fingerprint(), now.plus(expiresIn), now, CashierTokens.next(), command.returnUrl());
        try {
            orders.add(order);
        } catch (PersistenceException e) {
            if (Persistence.isDuplicateKey(e)) {
                throw new DuplicateMerchantOrderNoException(command.merchantId(), command.merchantOrderNo());
            }
            throw e;
        }
        if (order.payerChooses()) {
            audit.record(new StateTransition(AGGREGATE, order.id(), null, order.state().name(), TransitionSource.API,
                    "created; waits for the payer at the cashier", now));
            return new CreatePaymentResult(PaymentOrderView.of(order), true);
        }
        audit.record(new StateTransition(AGGREGATE, order.id(), null, order.state().name(), TransitionSource.API,
                "created", now));
        outbox.enqueue(OutboxDestination.CHANNEL_REQUEST, MESSAGE_SUBMIT, order.id(),
                Json.createObjectBuilder().add("orderId", order.id()).build().toString());
        return new CreatePaymentResult(PaymentOrderView.of(order), true);
    }

    /**
     * The earlier order for this command's merchant order number, if there is one.
     *
     * @throws PayrailException MERCHANT_ORDER_NO_CONFLICT when that order was created with other parameters
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CreatePaymentResult> replay(CreatePaymentCommand command) {
        return orders.findByMerchantOrderNo(command.merchantId(), command.merchantOrderNo()).map(existing -> {
            if (!existing.requestFingerprint().equals(command.fingerprint())) {
                throw new PayrailException(ErrorCode.MERCHANT_ORDER_NO_CONFLICT, "merchant order number "
                        + command.merchantOrderNo() + " is already used by payment " + existing.id()
                        + " with different parameters; use a new merchant order number");
            }
            return new CreatePaymentResult(PaymentOrderView.of(existing), false);
        });
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentOrderView> find(String orderId) {
        return orders.find(orderId).map(PaymentOrderView::of);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentOrderView> findByMerchantOrderNo(String merchantId, String merchantOrderNo) {
        return orders.findByMerchantOrderNo(merchantId, merchantOrderNo).map(PaymentOrderView::of);
    }

    /** The order if it belongs to {@code merchantId}; another merchant's order does not exist for this one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentOrderView> findForMerchant(String merchantId, String orderId) {
        return orders.find(orderId).filter(o -> o.merchantId().equals(merchantId)).map(PaymentOrderView::of);
    }

    /**
     * The channel reference the payer's next cashier attempt of this order will go by: what a quick-pay
     * code must be asked for before the attempt starts (QUICKPAY's code pays one reference only).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String nextPayerReference(String orderId) {
        PaymentOrder order = orders.find(orderId).orElseThrow(() -> notFound(orderId));
        return ChannelReferences.of(orderId, order.payerAttempts() + 1);
    }

    /** The order a cashier URL names. */
    public Optional<PaymentOrderView> findByCashierToken(String token) {
        return orders.findByCashierToken(token).map(PaymentOrderView::of);
    }

    /** The order if the payer's latest cashier attempt was theirs; anyone else's does not exist for them. */
    public Optional<PaymentOrderView> findForPayer(String payerId, String orderId) {
        return orders.find(orderId).filter(o -> payerId.equals(o.payerId())).map(PaymentOrderView::of);
    }

    /** An order's cashier attempts, first first. */
    public List<AttemptView> attempts(String orderId) {
        return orders.attempts(orderId).stream().map(AttemptView::of).toList();
    }

    /** One page of a payer's orders, newest first. */
    public PaymentPage searchForPayer(String payerId, PayerOrderQuery query) {
        List<PaymentOrder> rows = orders.pageForPayer(payerId, query.state(), query.merchantIds(), query.text(),
                query.afterCreatedAt(), query.afterId(), query.limit() + 1);
        boolean more = rows.size() > query.limit();
        return new PaymentPage(rows.stream().limit(query.limit()).map(PaymentOrderView::of).toList(), more);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public PaymentPage search(String merchantId, PaymentQuery query) {
        List<PaymentOrder> rows = orders.page(merchantId, query.state(), query.createdFrom(), query.createdTo(),
                query.afterCreatedAt(), query.afterId(), query.limit() + 1);
        boolean more = rows.size() > query.limit();
        return new PaymentPage(rows.stream().limit(query.limit()).map(PaymentOrderView::of).toList(), more);
    }

    /**
     * Closes an unpaid order at the merchant's request. Idempotent for an order already CLOSED.
     *
     * @throws PayrailException PAYMENT_PROCESSING when the order is with the channel (its outcome is
     *         unknown: query it), ILLEGAL_STATE_TRANSITION when it is paid or failed
     */
    public PaymentOrderView close(String merchantId, String orderId, TransitionSource source) {
        PaymentOrder order = orders.lock(orderId).filter(o -> o.merchantId().equals(merchantId))
                .orElseThrow(() -> notFound(orderId));
        switch (order.state()) {
            case CLOSED -> {
                return PaymentOrderView.of(order);
            }
            case PROCESSING -> throw new PayrailException(ErrorCode.PAYMENT_PROCESSING, "payment " + orderId
                    + " was submitted to the channel and its outcome is not known yet; query it and close it if it"
                    + " stays unpaid");
            case CREATED -> {
                return closeLocked(order, source, "closed before payment");
            }
            default -> throw new PayrailException(ErrorCode.ILLEGAL_STATE_TRANSITION, "payment " + orderId + " is "
                    + order.state() + " and cannot be closed; refund it instead if it was paid");
        }
    }

    /**
     * Locks a merchant's paid order for a refund decision (the lock serialises concurrent refunds).
     *
     * @throws PayrailException PAYMENT_NOT_FOUND, or REFUND_NOT_ALLOWED when it is not paid or fully refunded
     */
    public RefundableOrder lockForRefund(String merchantId, String orderId) {
        PaymentOrder order = orders.lock(orderId).filter(o -> o.merchantId().equals(merchantId))
                .orElseThrow(() -> notFound(orderId));
        if (!order.state().isPaid() || order.state() == PaymentOrderState.REFUNDED) {
            throw new PayrailException(ErrorCode.REFUND_NOT_ALLOWED, "payment " + orderId + " is " + order.state()
                    + "; only a SUCCEEDED or PARTIALLY_REFUNDED payment can be refunded");
        }
        return new RefundableOrder(order.id(), order.merchantId(), order.amount(), order.channelId(), order.state(),
                order.channelRef());
    }

    /**
     * What a paid order took and was charged, for a refund's share of the fee. An order captured
     * before fees existed was charged none.
     */
    public CapturedFee capturedFee(String orderId) {
        PaymentOrder order = require(orderId);
        return new CapturedFee(order.amount(), order.fee().orElse(Money.zero(order.amount().currency())),
                order.feeRatePlanId());
    }

    /** A capture's money, its fee and the plan that priced the fee (null: none). */
    public record CapturedFee(Money captured, Money fee, String ratePlanId) {
    }

    /**
     * Takes the order's row lock for the rest of the caller's transaction: outcomes of refunds of
     * one payment are applied one at a time, so each sees the others' totals.
     */
    public void lock(String orderId) {
        orders.lock(orderId).orElseThrow(() -> notFound(orderId));
    }

    /**
     * Moves a paid order to PARTIALLY_REFUNDED or REFUNDED once refunds totalling
     * {@code refundedMinor} have succeeded at the channel.
     */
    public PaymentOrderView applyRefunds(String orderId, long refundedMinor, TransitionSource source) {
        PaymentOrder order = require(orderId);
        long captured = order.amount().minorUnits();
        if (refundedMinor <= 0 || refundedMinor > captured) {
            throw new IllegalStateException("refunds of " + refundedMinor + " cannot apply to " + order.amount());
        }
        PaymentOrderState target = refundedMinor == captured ? PaymentOrderState.REFUNDED
                : PaymentOrderState.PARTIALLY_REFUNDED;
        if (order.state() != target || target == PaymentOrderState.PARTIALLY_REFUNDED) {
            Instant now = clock.instant();
            PaymentOrderState from = order.transitionTo(target, now);
            audit.record(new StateTransition(AGGREGATE, orderId, from.name(), target.name(), source,
                    "refunded " + refundedMinor + " of " + captured, now));
        }
        orders.flush();
        return PaymentOrderView.of(order);
    }

    /**
     * Takes the order out of CREATED for the router. Idempotent: a PROCESSING order is handed back
     * (with the channel it is already with, if any: it never changes channel while that channel
     * may have charged); any other state means there is nothing to submit. An order already past
     * its expiry is closed instead.
     */
    public Optional<ChannelSubmission> startProcessing(String orderId) {
        PaymentOrder order = orders.lock(orderId).orElse(null);
        if (order == null) {
            LOG.warning(() -> "channel request for unknown order " + orderId + "; ignored");
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (order.payerChooses()) {
            // only the payer submits it, from the cashier, with the card or code it needs and the
            // platform never has; an attempt no channel holds any more goes back to the payer
            if (order.state() == PaymentOrderState.PROCESSING && order.channelId() == null && !order.isHeld()) {
                returnLocked(order, PaymentAttempt.State.UNAVAILABLE, "CHANNEL_UNAVAILABLE",
                        "no channel took the payment", TransitionSource.DISPATCH, now);
            }
            LOG.fine(() -> "order " + orderId + " is paid at the cashier; the platform does not submit it");
            return Optional.empty();
        }
        if (order.state() == PaymentOrderState.CREATED) {
            if (order.isExpired(now)) {
                closeLocked(order, TransitionSource.EXPIRY, "expired before it was submitted");
                return Optional.empty();
            }
            PaymentOrderState from = order.startProcessing(now);
            // should this server die during the channel call, the resolver takes over from here
            order.checkNoLaterThan(now.plusSeconds(safetyNetSeconds), now);
            audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(),
                    TransitionSource.DISPATCH, "handed to the router", now));
        } else if (order.state() != PaymentOrderState.PROCESSING) {
            LOG.fine(() -> "order " + orderId + " is " + order.state() + "; nothing to submit");
            return Optional.empty();
        }
        return Optional.of(submission(order));
    }

    /**
     * The payer starts an attempt at the cashier: under the order's lock the CASHIER order, waiting for
     * its payer and unexpired, goes to PROCESSING under a new reference with the payer's method, and the
     * safety net is set (should this server die during the channel call, the resolver asks the channel).
     * An order found expired is closed instead.
     *
     * @param payerId    the signed-in payer, or null for a guest
     * @param instrument what may be shown of what the payer uses (brand and last four digits), or null
     * @return the submission for the router (without the instrument, which the caller adds), or the
     *         order as it is when it cannot be paid now
     */
    public PayerAttempt startPayerAttempt(String orderId, PaymentMethod method, String payerId, String instrument) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        Instant now = clock.instant();
        if (order.payerChooses() && order.state() == PaymentOrderState.CREATED && order.isExpired(now)) {
            closeLocked(order, TransitionSource.EXPIRY, "expired before the payer paid");
        }
        if (!order.payableAtCashier(now)) {
            return new PayerAttempt(PaymentOrderView.of(order), null);
        }
        PaymentOrderState from = order.state();
        int attempt = order.startPayerAttempt(method, payerId, now);
        order.checkNoLaterThan(now.plusSeconds(safetyNetSeconds), now);
        orders.addAttempt(new PaymentAttempt(orderId, attempt, method, order.channelRef(), instrument, payerId, now));
        audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(), TransitionSource.PAYER,
                "attempt " + attempt + " by " + method + (instrument == null ? "" : " (" + instrument + ")")
                        + (payerId == null ? " as a guest" : " by payer " + payerId), now));
        orders.flush();
        return new PayerAttempt(PaymentOrderView.of(order), submission(order));
    }

    /** The order after a payer's request to start an attempt, and the submission when it started. */
    public record PayerAttempt(PaymentOrderView order, ChannelSubmission submission) {
        public boolean started() {
            return submission != null;
        }
    }

    /**
     * The payer's attempt under {@code reference} ended without a charge: the order waits for the payer
     * again. Nothing happens when the order has moved on (another attempt, or a final state).
     */
    public PaymentOrderView returnToPayer(String orderId, String reference, PaymentAttempt.State outcome, String code,
                                          String message, TransitionSource source) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.payerChooses() && order.state() == PaymentOrderState.PROCESSING && !order.isHeld()
                && order.channelRef().equals(reference)) {
            returnLocked(order, outcome, code, message, source, clock.instant());
        }
        return PaymentOrderView.of(order);
    }

    private void returnLocked(PaymentOrder order, PaymentAttempt.State outcome, String code, String message,
                              TransitionSource source, Instant now) {
        endAttempt(order, outcome, code, message, now);
        PaymentOrderState from = order.returnToPayer(now);
        audit.record(new StateTransition(AGGREGATE, order.id(), from.name(), order.state().name(), source,
                "attempt " + order.payerAttempts() + " " + outcome + (code == null ? "" : " (" + code + ")")
                        + "; waits for the payer again", now));
        orders.flush();
    }

    /** Ends the current cashier attempt of a CASHIER order (no-op for other orders). */
    private void endAttempt(PaymentOrder order, PaymentAttempt.State outcome, String code, String message, Instant now) {
        if (order.payerChooses() && order.payerAttempts() > 0) {
            orders.attempt(order.id(), order.payerAttempts()).ifPresent(a -> {
                a.at(order.channelId());
                a.end(outcome, code, message, now);
            });
        }
    }

    /**
     * Records that the order is about to go to {@code channelId}, before the call, so that whatever
     * happens next (a timeout, a crash) the platform knows which channel to ask. Under the order's
     * lock, and only for an order no channel holds: two dispatches of one order can never hold two
     * channels, so it can never be charged at two.
     *
     * @return this dispatch's attempt number, for {@link #releaseChannel}; 0 when the order is no
     *         longer PROCESSING, another dispatch gave it to a channel, a close has begun, or it is
     *         held: do not submit
     */
    public int assignChannel(String orderId, String channelId) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        int attempt = order.state() == PaymentOrderState.PROCESSING ? order.assignChannel(channelId, clock.instant()) : 0;
        if (attempt > 0 && order.payerChooses()) {
            orders.attempt(orderId, order.payerAttempts()).ifPresent(a -> a.at(channelId));
        }
        return attempt;
    }

    /**
     * A dispatch is about to ask the channel that holds the order again. Under the order's lock it
     * takes a new attempt, so no older dispatch can release the channel while this one is there.
     *
     * @return the attempt number; 0 when the order is not PROCESSING at {@code channelId} any more,
     *         a close has begun, or it is held: do not send
     */
    public int resendTo(String orderId, String channelId) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        return order.state() == PaymentOrderState.PROCESSING ? order.resendTo(channelId, clock.instant()) : 0;
    }

    /**
     * The channel refused attempt {@code attempt} before processing it (nothing charged): another
     * channel may take the order, unless a later dispatch asked the same channel since.
     *
     * @return true when the order is free for another channel
     */
    public boolean releaseChannel(String orderId, String channelId, int attempt) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        return order.state() == PaymentOrderState.PROCESSING && order.releaseChannel(channelId, attempt, clock.instant());
    }

    /**
     * The channel holds the payment as pending (the payer must act): remember the page, and check
     * on the schedule in case the channel's callback never comes. A pending callback only reports
     * what is known: it neither forgets the page nor moves the check schedule on.
     */
    public PaymentOrderView recordPending(String orderId, String reference, String channelTxnId, String payUrl,
                                          TransitionSource source) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.state() == PaymentOrderState.PROCESSING && order.channelRef().equals(reference)) {
            Instant now = clock.instant();
            order.awaitPayer(channelTxnId, payUrl, now);
            if (source != TransitionSource.CHANNEL_CALLBACK) {
                order.scheduleCheck(now.plus(checks.after(order.checkAttempts())), now);
            }
        }
        orders.flush();
        return PaymentOrderView.of(order);
    }

    /**
     * The outcome is unknown (or no channel could take the order yet): ask again on the schedule. A
     * cashier attempt no channel took goes back to the payer instead: only the payer can submit it again.
     */
    public void scheduleCheck(String orderId) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.payerChooses() && order.state() == PaymentOrderState.PROCESSING && order.channelId() == null
                && !order.isHeld()) {
            returnLocked(order, PaymentAttempt.State.UNAVAILABLE, "CHANNEL_UNAVAILABLE",
                    "no channel could take the payment now", TransitionSource.DISPATCH, clock.instant());
            return;
        }
        if (order.state() == PaymentOrderState.PROCESSING && !order.isHeld()) {
            Instant now = clock.instant();
            order.scheduleCheck(now.plus(checks.after(order.checkAttempts())), now);
        }
    }

    /**
     * Takes a due check for this server for {@code lease} (every server runs the resolver; only
     * one asks the channel about an order at a time).
     */
    public boolean claimCheck(String orderId, Duration lease) {
        Instant now = clock.instant();
        return orders.claimCheck(orderId, now, now.plus(lease));
    }

    /**
     * Begins a close, under the order's lock: an order no channel holds is closed at once; for one
     * a channel holds, the close fence goes up (no other channel may be given it from now on) and
     * the channel to close it at is returned. With source PAYER it is the payer's close of the
     * current cashier attempt only: the order goes back to the payer once the channel closed it.
     *
     * @return the channel that must close the order first; empty when it is closed (or was final)
     */
    public Optional<String> beginClose(String orderId, TransitionSource source, String detail) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.state() != PaymentOrderState.CREATED && order.state() != PaymentOrderState.PROCESSING) {
            return Optional.empty();
        }
        if (source == TransitionSource.PAYER) {
            // the payer's close of one attempt: never of the order itself
            if (!order.payerChooses() || order.state() != PaymentOrderState.PROCESSING || order.isHeld()) {
                return Optional.empty();
            }
            if (order.channelId() == null) {
                returnLocked(order, PaymentAttempt.State.UNAVAILABLE, "CHANNEL_UNAVAILABLE", detail, source,
                        clock.instant());
                return Optional.empty();
            }
        }
        if (order.channelId() == null) {
            closeLocked(order, source, detail);
            return Optional.empty();
        }
        order.requestClose(source.name(), clock.instant());
        return Optional.of(order.channelId());
    }

    /**
     * {@code channelId} closed the order (its answer to our close): the order is CLOSED, unless
     * another channel holds it, which the close fence rules out; that is logged and left to the
     * next check rather than trusted.
     */
    public PaymentOrderView recordClosedAt(String orderId, String channelId, TransitionSource source, String detail) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.state() != PaymentOrderState.CREATED && order.state() != PaymentOrderState.PROCESSING) {
            return PaymentOrderView.of(order);
        }
        if (order.channelId() != null && !order.channelId().equals(channelId)) {
            LOG.severe(() -> "order " + orderId + " was closed at " + channelId + " but " + order.channelId()
                    + " holds it; it stays PROCESSING and is checked there");
            Instant now = clock.instant();
            order.scheduleCheck(now.plus(checks.after(order.checkAttempts())), now);
            return PaymentOrderView.of(order);
        }
        if (order.isAttemptClose() && order.state() == PaymentOrderState.PROCESSING) {
            returnLocked(order, PaymentAttempt.State.CLOSED, "ATTEMPT_CLOSED", detail, source, clock.instant());
            return PaymentOrderView.of(order);
        }
        return closeLocked(order, source, detail);
    }

    /** Orders whose check is due (unknown or pending outcome), oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> dueForCheck(int limit) {
        return orders.dueForCheck(clock.instant(), limit);
    }

    /** Unpaid orders past their expiry. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> expired(int limit) {
        return orders.expired(clock.instant(), limit);
    }

    /**
     * Records that {@code channelId} charged the payer {@code paid}: PROCESSING → SUCCEEDED, and the
     * ledger entry (channel receivable debited, merchant pending credited). Idempotent: an order
     * already paid there is left as it is. The money is booked to the merchant only when it is the
     * order's own channel that reports exactly the order's amount and currency:
     * <ul>
     * <li>paid at a channel that does not hold the order (a channel it was taken from, or a second
     *     channel), or for an order already CLOSED or FAILED: the money is not the merchant's, and
     *     {@link LatePayments} books it to suspense and gives it back;</li>
     * <li>other money than the order's (a partial capture, another currency): the reported money goes
     *     to suspense, the order is held, and a discrepancy is raised for an operator.</li>
     * </ul>
     */
    public PaymentOrderView recordSuccess(String orderId, String channelId, String reference, String channelTxnId,
                                          Money paid, TransitionSource source) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        // an earlier cashier attempt's reference, even at the same channel, no longer holds the order
        boolean ownChannel = channelId.equals(order.channelId()) && reference.equals(order.channelRef());
        if (order.state().isPaid() && ownChannel) {
            return PaymentOrderView.of(order);
        }
        Instant now = clock.instant();
        if (!ownChannel || order.state() == PaymentOrderState.CLOSED || order.state() == PaymentOrderState.FAILED
                || order.state().isPaid()) {
            String why = ownChannel ? "paid after it became " + order.state()
                    : "paid at " + channelId + " as " + reference + ", which does not hold it (" + order.channelId()
                    + " as " + order.channelRef() + " does)";
            audit.record(new StateTransition(AGGREGATE, orderId, order.state().name(), order.state().name(), source,
                    why + " (channel transaction " + channelTxnId + ", " + paid + ")", now));
            if (!ownChannel) {
                LOG.severe(() -> "order " + orderId + " " + why + ": the money goes to suspense and back to the payer");
            }
            latePayments.arrived(PaymentOrderView.of(order), channelId, reference, channelTxnId, paid, source);
            return PaymentOrderView.of(order);
        }
        if (order.isHeld()) {
            LOG.warning(() -> "order " + orderId + " is held for an operator (" + order.heldReason() + "); " + channelId
                    + "'s report of " + paid + " via " + source + " is left to them");
            return PaymentOrderView.of(order);
        }
        if (!paid.equals(order.amount())) {
            return holdForOtherMoney(order, channelId, channelTxnId, paid, source, now);
        }
        endAttempt(order, PaymentAttempt.State.SUCCEEDED, null, null, now);
        PaymentOrderState from = order.succeed(channelTxnId, now);
        audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(), source,
                "channel transaction " + channelTxnId, now));
        ledger.book(PostingRules.paymentCaptured(orderId, order.channelId(), order.merchantId(), order.amount(), now));
        FeeSchedule.Quote fee = fees.quote(order.merchantId(), order.paymentMethod(), order.amount(), now);
        order.chargeFee(fee.fee(), fee.ratePlanId());
        ledger.book(PostingRules.feeCharged(orderId, order.merchantId(), fee.fee(), now));
        orders.flush();
        return notify(order, "payment.succeeded");
    }

    /**
     * The order's channel took other money than the order's: never the merchant's to keep, never
     * silently the order's amount. The money taken goes to suspense, the order is held (no checks,
     * no expiry, the merchant still sees it PROCESSING) and a discrepancy awaits an operator.
     */
    private PaymentOrderView holdForOtherMoney(PaymentOrder order, String channelId, String channelTxnId, Money paid,
                                               TransitionSource source, Instant now) {
        String reason = channelId + " reported " + paid + " for an order of " + order.amount();
        ledger.book(PostingRules.captureDiscrepancy(order.id(), channelId, paid, now));
        order.hold(reason, now);
        audit.record(new StateTransition(AGGREGATE, order.id(), order.state().name(), order.state().name(), source,
                "held for an operator: " + reason + " (channel transaction " + channelTxnId + ")", now));
        discrepancies.raise(channelId, AGGREGATE, order.id(), channelTxnId, order.amount(), paid, source.name(), reason);
        orders.flush();
        return PaymentOrderView.of(order);
    }

    /**
     * Records that the channel declined: PROCESSING → FAILED; for a CASHIER order the payer's attempt
     * failed and the order waits for the payer again. A final order is left as it is: a decline never
     * overrides a payment (a stale or out-of-order answer), nor a close; nor does a decline of an
     * earlier attempt's reference touch the current one.
     */
    public PaymentOrderView recordDecline(String orderId, String reference, String channelTxnId, String code,
                                          String message, TransitionSource source) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.state() == PaymentOrderState.PROCESSING && !order.channelRef().equals(reference)) {
            LOG.info(() -> "order " + orderId + ": a decline (" + code + ") of " + reference + ", which is not its current"
                    + " reference " + order.channelRef() + "; ignored");
            return PaymentOrderView.of(order);
        }
        if (order.state() == PaymentOrderState.PROCESSING && order.payerChooses()) {
            returnLocked(order, PaymentAttempt.State.DECLINED, code, message, source, clock.instant());
            return PaymentOrderView.of(order);
        }
        if (order.state() != PaymentOrderState.PROCESSING) {
            if (order.state().isPaid()) {
                LOG.warning(() -> "order " + orderId + " is " + order.state() + "; a later decline (" + code + ", via "
                        + source + ") is ignored: a final state is never overwritten");
            }
            return PaymentOrderView.of(order);
        }
        Instant now = clock.instant();
        PaymentOrderState from = order.fail(channelTxnId, code, message, now);
        audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(), source,
                "declined: " + code, now));
        orders.flush();
        return notify(order, "payment.failed");
    }

    /**
     * The channel closed (or fenced) the order under {@code reference}: nothing was or will be charged
     * there. Idempotent. A CASHIER order not being closed as a whole goes back to the payer (its attempt
     * is over, the order is not); a report about an earlier attempt's reference changes nothing.
     */
    public PaymentOrderView recordClosed(String orderId, String reference, TransitionSource source, String detail) {
        PaymentOrder order = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
        if (order.state() != PaymentOrderState.CREATED && order.state() != PaymentOrderState.PROCESSING) {
            return PaymentOrderView.of(order);
        }
        if (order.state() == PaymentOrderState.PROCESSING && !order.channelRef().equals(reference)) {
            return PaymentOrderView.of(order);
        }
        if (order.payerChooses() && order.state() == PaymentOrderState.PROCESSING
                && (!order.isCloseRequested() || order.isAttemptClose())) {
            returnLocked(order, PaymentAttempt.State.CLOSED, "ATTEMPT_CLOSED", detail, source, clock.instant());
            return PaymentOrderView.of(order);
        }
        return closeLocked(order, source, detail);
    }

    private PaymentOrderView closeLocked(PaymentOrder order, TransitionSource source, String detail) {
        Instant now = clock.instant();
        if (order.state() == PaymentOrderState.PROCESSING) {
            endAttempt(order, PaymentAttempt.State.CLOSED, "ORDER_CLOSED", detail, now);
        }
        PaymentOrderState from = order.transitionTo(PaymentOrderState.CLOSED, now);
        audit.record(new StateTransition(AGGREGATE, order.id(), from.name(), order.state().name(), source, detail, now));
        orders.flush();
        return notify(order, "payment.closed");
    }

    private static ChannelSubmission submission(PaymentOrder order) {
        return new ChannelSubmission(order.id(), order.merchantId(), order.amount(), order.subject(),
                order.routedMethod(), order.channelId(), order.channelRef(), null);
    }

    /** Tells the merchant, in this transaction, what the order became. */
    private PaymentOrderView notify(PaymentOrder order, String eventType) {
        PaymentOrderView view = PaymentOrderView.of(order);
        notifications.enqueue(order.merchantId(), AGGREGATE, order.id(), eventType, view.toJson());
        return view;
    }

    private PaymentOrder require(String orderId) {
        return orders.find(orderId).orElseThrow(() -> notFound(orderId));
    }

    private static PayrailException notFound(String orderId) {
        return new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment " + orderId);
    }
}
