package io.payrail.simulator.channel;

import java.util.Map;
import java.util.Objects;

/**
 * One line of a channel's journal: the latest snapshot of one thing. Replay keeps the last line of
 * each thing, so a line never needs the ones before it.
 */
public sealed interface LedgerLine {

    /** A merchant reference: its counters and its order (null while it has none). */
    record RefLine(String merchantRef, Counters counters, ChannelOrder order) implements LedgerLine {
        public RefLine {
            Objects.requireNonNull(merchantRef, "merchantRef");
            Objects.requireNonNull(counters, "counters");
            if (order != null && !order.merchantRef().equals(merchantRef)) {
                throw new IllegalArgumentException("order belongs to " + order.merchantRef());
            }
        }
    }

    record RefundLine(Refund refund) implements LedgerLine {
        public RefundLine {
            Objects.requireNonNull(refund, "refund");
        }
    }

    record EventLine(CallbackEvent event) implements LedgerLine {
        public EventLine {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A channel's own record kept beside the orders (quick pay's binds and agreements): flat
     * string, integer, boolean or null fields.
     */
    record SideLine(String kind, String key, Map<String, Object> fields) implements LedgerLine {
        public SideLine {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(key, "key");
            fields = Map.copyOf(fields);
        }
    }
}
