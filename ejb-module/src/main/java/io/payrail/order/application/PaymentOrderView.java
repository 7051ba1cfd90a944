package io.payrail.order.application;

import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrder;
import io.payrail.order.domain.PaymentOrderState;
import java.time.Instant;

/** What the outside world may know of a payment order. */
public record PaymentOrderView(String id, String merchantId, String merchantOrderNo, long amountMinor,
                               String currency, String subject, PaymentMethod paymentMethod,
                               PaymentOrderState state, String channelId, String failureCode,
                               String failureMessage, long version, Instant createdAt, Instant updatedAt,
                               Instant finishedAt) {

    static PaymentOrderView of(PaymentOrder o) {
        return new PaymentOrderView(o.id(), o.merchantId(), o.merchantOrderNo(), o.amount().minorUnits(),
                o.amount().currencyCode(), o.subject(), o.paymentMethod(), o.state(), o.channelId(),
                o.failureCode(), o.failureMessage(), o.version(), o.createdAt(), o.updatedAt(), o.finishedAt());
    }
}
