package io.payrail.simulator.channel;

import java.util.List;

/** An order with its refunds, as a query answers it. */
public record OrderSnapshot(ChannelOrder order, List<Refund> refunds) {

    public OrderSnapshot {
        refunds = List.copyOf(refunds);
    }

    /** Money given back so far. */
    public long refundedAmount() {
        return refunds.stream().filter(r -> r.status() == RefundStatus.SUCCEEDED).mapToLong(r -> r.money().amount())
                .sum();
    }

    /** Money promised back by refunds still PROCESSING. */
    public long refundingAmount() {
        return refunds.stream().filter(r -> r.status() == RefundStatus.PROCESSING).mapToLong(r -> r.money().amount())
                .sum();
    }

    /** What can still be refunded: captured minus every refund accepted (processing or done). */
    public long refundableAmount() {
        if (order.status() != OrderStatus.PAID) {
            return 0;
        }
        return order.money().amount() - refundedAmount() - refundingAmount();
    }
}
