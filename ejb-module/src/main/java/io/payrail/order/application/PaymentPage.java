package io.payrail.order.application;

import java.util.List;

/** One page of orders; {@code hasMore} when another page follows the last item. */
public record PaymentPage(List<PaymentOrderView> items, boolean hasMore) {
}
