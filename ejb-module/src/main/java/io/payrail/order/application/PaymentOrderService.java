package io.payrail.order.application;

import io.payrail.audit.AuditTrail;
import io.payrail.audit.StateTransition;
import io.payrail.audit.TransitionSource;
import io.payrail.common.ErrorCode;
import io.payrail.common.Ids;
import io.payrail.common.PayrailException;
import io.payrail.common.Persistence;
import io.payrail.ledger.AccountType;
import io.payrail.ledger.JournalEntry;
import io.payrail.ledger.Ledger;
import io.payrail.merchant.MerchantDirectory;
import io.payrail.notify.Notifications;
import io.payrail.order.domain.PaymentOrder;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.order.infrastructure.PaymentOrderRepository;
import io.payrail.outbox.Outbox;
import io.payrail.outbox.OutboxDestination;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The payment order's transaction boundary: each public method is one JTA transaction on MySQL
 * that changes the order, writes its audit row, books its ledger entry and enqueues its outbox
 * message together, or does none of these.
 */
@Stateless
public class PaymentOrderService {

    public static final String AGGREGATE = "PAYMENT_ORDER";
    public static final String MESSAGE_SUBMIT = "PAYMENT_SUBMIT";
    public static final String ENTRY_PAYMENT_CAPTURED = "PAYMENT_CAPTURED";

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

    /**
     * Stores a new order and its channel request.
     *
     * @throws DuplicateMerchantOrderNoException when the merchant order number is taken
     */
    public CreatePaymentResult createNew(CreatePaymentCommand command) {
        merchants.requireAllowed(command.merchantId(), command.amount());
        Instant now = clock.instant();
        PaymentOrder order = new PaymentOrder(Ids.next(PaymentOrder.ID_PREFIX), command.merchantId(),
                command.merchantOrderNo(), command.amount(), command.subject(), command.paymentMethod(),
                command.fingerprint(), now);
        try {
            orders.add(order);
        } catch (PersistenceException e) {
            if (Persistence.isDuplicateKey(e)) {
                throw new DuplicateMerchantOrderNoException(command.merchantId(), command.merchantOrderNo());
            }
            throw e;
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

    public Optional<PaymentOrderView> find(String orderId) {
        return orders.find(orderId).map(PaymentOrderView::of);
    }

    public Optional<PaymentOrderView> findByMerchantOrderNo(String merchantId, String merchantOrderNo) {
        return orders.findByMerchantOrderNo(merchantId, merchantOrderNo).map(PaymentOrderView::of);
    }

    /** The order if it belongs to {@code merchantId}; another merchant's order does not exist for this one. */
    public Optional<PaymentOrderView> findForMerchant(String merchantId, String orderId) {
        return orders.find(orderId).filter(o -> o.merchantId().equals(merchantId)).map(PaymentOrderView::of);
    }

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
                Instant now = clock.instant();
                PaymentOrderState from = order.transitionTo(PaymentOrderState.CLOSED, now);
                audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(), source,
                        "closed before payment", now));
                orders.flush();
                return notify(order, "payment.closed");
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
        return new RefundableOrder(order.id(), order.merchantId(), order.amount(), order.channelId(), order.state());
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
     * Marks the order as submitted to {@code channelId}. Idempotent: a CREATED order moves to
     * PROCESSING; a PROCESSING order is submitted again (the channel dedupes by order id); any
     * other state means there is nothing left to submit.
     */
    public Optional<ChannelSubmission> startProcessing(String orderId, String channelId) {
        PaymentOrder order = orders.find(orderId).orElse(null);
        if (order == null) {
            LOG.warning(() -> "channel request for unknown order " + orderId + "; ignored");
            return Optional.empty();
        }
        if (order.state() == PaymentOrderState.CREATED) {
            Instant now = clock.instant();
            PaymentOrderState from = order.startProcessing(channelId, now);
            audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(),
                    TransitionSource.CHANNEL_RESPONSE, "submitted to " + channelId, now));
        } else if (order.state() != PaymentOrderState.PROCESSING) {
            LOG.fine(() -> "order " + orderId + " is " + order.state() + "; nothing to submit");
            return Optional.empty();
        }
        return Optional.of(new ChannelSubmission(order.id(), order.merchantId(), order.amount(), order.subject(),
                order.paymentMethod(), order.channelId()));
    }

    /**
     * Records that the channel charged the payer: PROCESSING → SUCCEEDED, and the ledger entry
     * (channel receivable debited, merchant pending credited). Idempotent: an order already
     * SUCCEEDED is left as it is.
     */
    public PaymentOrderView recordSuccess(String orderId, String channelTxnId, TransitionSource source) {
        PaymentOrder order = require(orderId);
        if (order.state().isPaid()) {
            return PaymentOrderView.of(order);
        }
        Instant now = clock.instant();
        PaymentOrderState from = order.succeed(channelTxnId, now);
        audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(), source,
                "channel transaction " + channelTxnId, now));
        ledger.book(JournalEntry.of(ENTRY_PAYMENT_CAPTURED, orderId, now)
                .debit(AccountType.CHANNEL_RECEIVABLE, order.channelId(), order.amount())
                .credit(AccountType.MERCHANT_PENDING, order.merchantId(), order.amount())
                .build());
        orders.flush();
        return notify(order, "payment.succeeded");
    }

    /** Records that the channel declined: PROCESSING → FAILED. Idempotent for an order already FAILED. */
    public PaymentOrderView recordDecline(String orderId, String channelTxnId, String code, String message,
                                          TransitionSource source) {
        PaymentOrder order = require(orderId);
        if (order.state() == PaymentOrderState.FAILED) {
            return PaymentOrderView.of(order);
        }
        Instant now = clock.instant();
        PaymentOrderState from = order.fail(channelTxnId, code, message, now);
        audit.record(new StateTransition(AGGREGATE, orderId, from.name(), order.state().name(), source,
                "declined: " + code, now));
        orders.flush();
        return notify(order, "payment.failed");
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
