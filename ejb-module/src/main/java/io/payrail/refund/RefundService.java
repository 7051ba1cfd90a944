package io.payrail.refund;

import io.payrail.audit.AuditTrail;
import io.payrail.audit.StateTransition;
import io.payrail.audit.TransitionSource;
import io.payrail.common.ErrorCode;
import io.payrail.discrepancy.Discrepancies;
import io.payrail.fee.FeeCalculator;
import io.payrail.fee.FeeSchedule;
import io.payrail.common.Ids;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.common.Persistence;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.PostingRules;
import io.payrail.notify.Notifications;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.RefundableOrder;
import io.payrail.outbox.Outbox;
import io.payrail.outbox.OutboxDestination;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The refund's transaction boundary. Creating a refund locks its payment's row, so the check
 * "at most what remains refundable" and the insert happen with no concurrent refund in between.
 */
@Stateless
public class RefundService {

    public static final String AGGREGATE = "REFUND";
    public static final String MESSAGE_SUBMIT = "REFUND_SUBMIT";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RefundService.class.getName());

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private Outbox outbox;

    @Inject
    private AuditTrail audit;

    @Inject
    private Ledger ledger;

    @Inject
    private Notifications notifications;

    @Inject
    private io.payrail.order.application.CheckSchedule checks;

    @Inject
    private Clock clock;

    @Inject
    private Discrepancies discrepancies;

    @Inject
    private FeeSchedule fees;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "payrail.resolve.safety-net-seconds",
            defaultValue = "60")
    long safetyNetSeconds;

    /**
     * @throws PayrailException PAYMENT_NOT_FOUND, REFUND_NOT_ALLOWED, REFUND_EXCEEDS_AVAILABLE, or
     *         {@link DuplicateMerchantRefundNoException} when the number is taken
     */
    public RefundResult createNew(CreateRefundCommand command) {
        RefundableOrder order = orders.lockForRefund(command.merchantId(), command.paymentOrderId());
        // under the order's lock, a concurrent request with this number has committed by now: it is
        // a retry of that refund (answered with it by the intake), not a new refund to cap
        if (byMerchantRefundNo(command.merchantId(), command.merchantRefundNo()).isPresent()) {
            throw new DuplicateMerchantRefundNoException(command.merchantId(), command.merchantRefundNo());
        }
        Money amount = Money.ofMinor(command.amountMinor(), order.captured().currency());
        Money available = order.captured().minus(committed(order.orderId()));
        if (amount.greaterThan(available)) {
            throw new PayrailException(ErrorCode.REFUND_EXCEEDS_AVAILABLE, "refund of " + amount.minorUnits()
                    + " is more than the " + available.minorUnits() + " " + available.currencyCode()
                    + " minor units that remain refundable on payment " + order.orderId());
        }
        Instant now = clock.instant();
        Refund refund = new Refund(Ids.next(Refund.ID_PREFIX), order.orderId(), order.merchantId(),
                command.merchantRefundNo(), amount, command.reason(), order.channelId(), order.channelRef(),
                command.fingerprint(), RefundKind.MERCHANT, now);
        // should its message never reach the dispatcher (dead-lettered, lost with a broker), the
        // resolver asks the channel about it; otherwise it would stay PENDING, its amount committed
        refund.checkNoLaterThan(now.plusSeconds(safetyNetSeconds));
        try {
            em.persist(refund);
            em.flush();
        } catch (PersistenceException e) {
            if (Persistence.isDuplicateKey(e)) {
                throw new DuplicateMerchantRefundNoException(command.merchantId(), command.merchantRefundNo());
            }
            throw e;
        }
        audit.record(new StateTransition(AGGREGATE, refund.id(), null, refund.state().name(), TransitionSource.API,
                "refund of " + amount + " for " + order.orderId(), now));
        outbox.enqueue(OutboxDestination.CHANNEL_REQUEST, MESSAGE_SUBMIT, refund.id(),
                Json.createObjectBuilder().add("refundId", refund.id()).build().toString());
        return new RefundResult(RefundView.of(refund), true);
    }

    /**
     * The earlier refund with this command's number, if any.
     *
     * @throws PayrailException MERCHANT_REFUND_NO_CONFLICT when it was made with other parameters
     */
    public Optional<RefundResult> replay(CreateRefundCommand command) {
        return byMerchantRefundNo(command.merchantId(), command.merchantRefundNo()).map(existing -> {
            if (!existing.requestFingerprint().equals(command.fingerprint())) {
                throw new PayrailException(ErrorCode.MERCHANT_REFUND_NO_CONFLICT, "merchant refund number "
                        + command.merchantRefundNo() + " is already used by refund " + existing.id()
                        + " with different parameters; use a new merchant refund number");
            }
            return new RefundResult(RefundView.of(existing), false);
        });
    }

    public Optional<RefundView> find(String merchantId, String refundId) {
        return Optional.ofNullable(em.find(Refund.class, refundId)).filter(r -> r.merchantId().equals(merchantId))
                .map(RefundView::of);
    }

    public Optional<RefundView> findByMerchantRefundNo(String merchantId, String merchantRefundNo) {
        return byMerchantRefundNo(merchantId, merchantRefundNo).map(RefundView::of);
    }

    /** The refunds of one of the merchant's payments, oldest first. */
    public List<RefundView> ofPayment(String merchantId, String paymentOrderId) {
        return em.createQuery("select r from Refund r where r.merchantId = :m and r.paymentOrderId = :o"
                        + " order by r.createdAt, r.id", Refund.class)
                .setParameter("m", merchantId).setParameter("o", paymentOrderId)
                .getResultList().stream().map(RefundView::of).toList();
    }

    /**
     * The refund for its channel, if it is still PENDING (a redelivered request finds it final).
     * Should this server die during the channel call, the resolver asks the channel after the
     * safety net ({@code payrail.resolve.safety-net-seconds}).
     */
    public Optional<RefundSubmission> startProcessing(String refundId) {
        Refund refund = em.find(Refund.class, refundId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (refund == null || refund.state() != RefundState.PENDING || refund.isHeld()) {
            return Optional.empty();
        }
        refund.checkNoLaterThan(clock.instant().plusSeconds(safetyNetSeconds));
        int attempt = refund.sent();
        return Optional.of(new RefundSubmission(refund.id(), refund.paymentOrderId(), refund.paymentChannelRef(),
                refund.amount(), refund.channelId(), attempt));
    }

    /**
     * The channel paid {@code refunded} back: the refund SUCCEEDED, the payment becomes
     * PARTIALLY_REFUNDED or REFUNDED, and the ledger moves the amount from the merchant back to the
     * channel. Idempotent for a refund already SUCCEEDED. Other money than the refund's (another
     * amount or currency) is booked to suspense and the refund held for an operator.
     */
    public RefundView recordSuccess(String refundId, String channelRefundId, Money refunded, TransitionSource source) {
        Refund refund = require(refundId);
        orders.lock(refund.paymentOrderId());
        em.refresh(refund);
        if (refund.state() == RefundState.SUCCEEDED) {
            return RefundView.of(refund);
        }
        Instant now = clock.instant();
        if (refund.state() == RefundState.FAILED) {
            // the money went back after all, but its amount may already be refunded again: never
            // guessed, never dropped; the audit row and the log put it in front of an operator
            audit.record(new StateTransition(AGGREGATE, refundId, refund.state().name(), refund.state().name(), source,
                    "channel reports refund " + channelRefundId + " SUCCEEDED after it FAILED: reconcile by hand", now));
            LOG.severe(() -> "refund " + refundId + " FAILED, but " + refund.channelId() + " now reports it SUCCEEDED ("
                    + channelRefundId + ", via " + source + "): an operator must reconcile it");
            return RefundView.of(refund);
        }
        if (refund.isHeld()) {
            return RefundView.of(refund);
        }
        if (!refunded.equals(refund.amount())) {
            String reason = refund.channelId() + " reported " + refunded + " given back for a refund of " + refund.amount();
            ledger.book(PostingRules.refundDiscrepancy(refundId, refund.channelId(), refunded, now));
            refund.hold(reason, now);
            audit.record(new StateTransition(AGGREGATE, refundId, refund.state().name(), refund.state().name(), source,
                    "held for an operator: " + reason + " (channel refund " + channelRefundId + ")", now));
            discrepancies.raise(refund.channelId(), AGGREGATE, refundId, channelRefundId, refund.amount(), refunded,
                    source.name(), reason);
            em.flush();
            return RefundView.of(refund);
        }
        if (refund.kind() == RefundKind.LATE_PAYMENT) {
            RefundState from = refund.succeed(channelRefundId, now);
            audit.record(new StateTransition(AGGREGATE, refundId, from.name(), refund.state().name(), source,
                    "channel refund " + channelRefundId, now));
            // the money sat in suspense (it never was the merchant's): it leaves from there
            ledger.book(PostingRules.latePaymentRefunded(refundId, refund.channelId(), refund.amount(), now));
            em.flush();
            return RefundView.of(refund);
        }
        PaymentOrderService.CapturedFee capture = orders.capturedFee(refund.paymentOrderId());
        Money refundedBefore = Money.ofMinor(succeeded(refund.paymentOrderId()), refund.amount().currency());
        Money feeShare = FeeCalculator.feeRefund(capture.captured(), capture.fee(), refundedBefore, refund.amount(),
                fees.refundPolicyOf(capture.ratePlanId()));
        RefundState from = refund.succeed(channelRefundId, now);
        refund.giveBackFee(feeShare);
        audit.record(new StateTransition(AGGREGATE, refundId, from.name(), refund.state().name(), source,
                "channel refund " + channelRefundId, now));
        ledger.book(PostingRules.paymentRefunded(refundId, refund.channelId(), refund.merchantId(), refund.amount(), now));
        ledger.book(PostingRules.feeRefunded(refundId, refund.merchantId(), feeShare, now));
        em.flush();
        orders.applyRefunds(refund.paymentOrderId(), succeeded(refund.paymentOrderId()), source);
        return notify(refund, "refund.succeeded");
    }

    /** The channel refused the refund: FAILED, and its amount is refundable again. Idempotent. */
    public RefundView recordFailure(String refundId, String code, String message, TransitionSource source) {
        Refund refund = require(refundId);
        if (refund.state() == RefundState.FAILED) {
            return RefundView.of(refund);
        }
        Instant now = clock.instant();
        RefundState from = refund.fail(code, message, now);
        audit.record(new StateTransition(AGGREGATE, refundId, from.name(), refund.state().name(), source,
                "refused: " + code, now));
        em.flush();
        if (refund.kind() == RefundKind.LATE_PAYMENT) {
            LOG.severe(() -> "the automatic refund " + refundId + " of a late payment was refused (" + code
                    + "); the money stays in suspense for an operator");
            return RefundView.of(refund);
        }
        return notify(refund, "refund.failed");
    }

    /**
     * Gives back a payment the merchant must not get (it arrived for an order already closed or
     * failed, or at a channel that does not hold the order, or under an earlier cashier attempt's
     * reference): a platform-initiated refund of what that channel took, sent to that channel under
     * the reference it was taken with, like any refund. Idempotent per order, channel and reference.
     */
    public void createLatePaymentRefund(String orderId, String merchantId, Money amount, String channelId,
                                        String channelRef) {
        // '~' is not allowed in merchants' refund numbers: this one can never collide with theirs (the
        // order id for the order's own reference keeps the numbers of refunds made before references)
        String number = "~late:" + channelId + ":" + channelRef;
        long existing = em.createQuery("select count(r) from Refund r where r.paymentOrderId = :o and r.kind = :k"
                        + " and r.merchantRefundNo = :n", Long.class)
                .setParameter("o", orderId).setParameter("k", RefundKind.LATE_PAYMENT).setParameter("n", number)
                .getSingleResult();
        if (existing > 0) {
            return;
        }
        Instant now = clock.instant();
        Refund refund = new Refund(Ids.next(Refund.ID_PREFIX), orderId, merchantId, number, amount,
                "payment the merchant must not get (after close, or at a channel not holding the order)", channelId,
                channelRef, "late-payment", RefundKind.LATE_PAYMENT, now);
        refund.checkNoLaterThan(now.plusSeconds(safetyNetSeconds));
        em.persist(refund);
        audit.record(new StateTransition(AGGREGATE, refund.id(), null, refund.state().name(), TransitionSource.CHANNEL_CALLBACK,
                "automatic refund of a payment of " + amount + " at " + channelId + " for " + orderId, now));
        outbox.enqueue(OutboxDestination.CHANNEL_REQUEST, MESSAGE_SUBMIT, refund.id(),
                Json.createObjectBuilder().add("refundId", refund.id()).build().toString());
    }

    /** The channel works on the refund (asynchronous) or its answer is unknown: ask again on the schedule. */
    public void scheduleCheck(String refundId) {
        Refund refund = require(refundId);
        if (refund.state() == RefundState.PENDING && !refund.isHeld()) {
            refund.scheduleCheck(clock.instant().plus(checks.after(refund.checkAttempts())));
        }
    }

    /** PENDING refunds whose check is due. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> dueForCheck(int limit) {
        return em.createQuery("select r.id from Refund r where r.state = :s and r.nextCheckAt <= :now"
                        + " order by r.nextCheckAt", String.class)
                .setParameter("s", RefundState.PENDING).setParameter("now", clock.instant())
                .setMaxResults(limit).getResultList();
    }

    /** The refund as a channel needs it, whatever its state (for a query). */
    public Optional<RefundSubmission> submission(String refundId) {
        return Optional.ofNullable(em.find(Refund.class, refundId)).map(r ->
                new RefundSubmission(r.id(), r.paymentOrderId(), r.paymentChannelRef(), r.amount(), r.channelId(), 0));
    }

    private RefundView notify(Refund refund, String eventType) {
        RefundView view = RefundView.of(refund);
        notifications.enqueue(refund.merchantId(), AGGREGATE, refund.id(), eventType, view.toJson());
        return view;
    }

    private Refund require(String refundId) {
        Refund refund = em.find(Refund.class, refundId);
        if (refund == null) {
            throw new PayrailException(ErrorCode.REFUND_NOT_FOUND, "no refund " + refundId);
        }
        return refund;
    }

    private Optional<Refund> byMerchantRefundNo(String merchantId, String merchantRefundNo) {
        return em.createQuery("select r from Refund r where r.merchantId = :m and r.merchantRefundNo = :n", Refund.class)
                .setParameter("m", merchantId).setParameter("n", merchantRefundNo)
                .getResultList().stream().findFirst();
    }

    /** Refunds that hold part of the captured amount: pending or succeeded. */
    private Money committed(String orderId) {
        return sum(orderId, List.of(RefundState.PENDING, RefundState.SUCCEEDED));
    }

    private long succeeded(String orderId) {
        return sum(orderId, List.of(RefundState.SUCCEEDED)).minorUnits();
    }

    private Money sum(String orderId, List<RefundState> states) {
        List<Refund> refunds = em.createQuery("select r from Refund r where r.paymentOrderId = :o and r.state in :s",
                Refund.class).setParameter("o", orderId).setParameter("s", states).getResultList();
        Money total = null;
        for (Refund r : refunds) {
            total = total == null ? r.amount() : total.plus(r.amount());
        }
        if (total != null) {
            return total;
        }
        String currency = em.createQuery("select o.currency from PaymentOrder o where o.id = :o", String.class)
                .setParameter("o", orderId).getSingleResult();
        return Money.ofMinor(0, currency);
    }

    /** The refund, and whether this call created it. */
    public record RefundResult(RefundView refund, boolean created) {
    }
}
