package io.payrail.order.application;

import io.payrail.order.domain.PaymentOrderState;
import java.time.Instant;
import java.util.List;

/**
 * A payer's search of their own orders ("my orders"): optional state, merchants and text (subject or
 * merchant order number), keyset-paginated after (afterCreatedAt, afterId).
 *
 * @param merchantIds the merchants to show (null: all)
 */
public record PayerOrderQuery(PaymentOrderState state, List<String> merchantIds, String text, int limit,
                              Instant afterCreatedAt, String afterId) {
}
