package io.payrail.web.api.payments;

import java.util.List;

/** A page of results; {@code nextCursor} (absent on the last page) continues after its last item. */
public record Page<T>(List<T> items, String nextCursor) {
}
