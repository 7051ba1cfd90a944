package io.payrail.order.application;

import io.payrail.order.domain.PaymentOrderState;
import java.time.Instant;

/**
 * A merchant's search of its own orders: optional state and creation-time range [from, to), a
 * page size, and the cursor (the last order of the previous page) to continue after.
 */
public record PaymentQuery(PaymentOrderState state, Instant createdFrom, Instant createdTo, int limit,
                           Instant afterCreatedAt, String afterId) {
}
