package io.payrail.payer;

import io.payrail.audit.AuditTrail;
import io.payrail.order.application.AttemptView;
import io.payrail.order.application.PayerOrderQuery;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.application.PaymentPage;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundView;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "My orders": the orders a payer paid while signed in (payment_order.payer_id), their refunds and
 * their history. Another payer's order, or a guest's, does not exist for a payer: every lookup is
 * by payer and order together, never by order alone.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PayerOrders {

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundService refunds;

    @Inject
    private AuditTrail audit;

    /** One page of the payer's orders, newest first. */
    public PaymentPage search(long payerId, PayerOrderQuery query) {
        return orders.searchForPayer(String.valueOf(payerId), query);
    }

    /** The payer's order with its attempts, refunds and state changes; empty when it is not theirs. */
    public Optional<Detail> detail(long payerId, String orderId) {
        if (orderId == null) {
            return Optional.empty();
        }
        return orders.findForPayer(String.valueOf(payerId), orderId).map(order -> new Detail(order,
                orders.attempts(order.id()), refunds.ofPayment(order.merchantId(), order.id()),
                audit.of(PaymentOrderService.AGGREGATE, order.id()).stream()
                        .map(t -> new Change(t.occurredAt(), t.fromState(), t.toState())).toList()));
    }

    /** An order as its payer sees it. */
    public record Detail(PaymentOrderView order, List<AttemptView> attempts, List<RefundView> refunds,
                         List<Change> history) {
    }

    /** One state change of the order (from is null for its creation). */
    public record Change(Instant at, String from, String to) {
    }
}
