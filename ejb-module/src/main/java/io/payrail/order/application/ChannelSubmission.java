package io.payrail.order.application;

import io.payrail.common.Money;
import io.payrail.instrument.PayerInstrument;
import io.payrail.order.domain.PaymentMethod;

/**
 * What a channel needs to charge one order; {@code reference} is the channel's idempotency key.
 *
 * @param channelId  the channel that already holds the order (an earlier dispatch sent it there), or
 *                   null when the router may choose
 * @param reference  the order's reference at the channel: its id, or for a cashier attempt after
 *                   the first {@code "<id>.<n>"}
 * @param instrument the payer's card or one-time code, for a payment the payer submits at the
 *                   cashier; null for one the platform submits on its own (it never has one)
 */
public record ChannelSubmission(String orderId, String merchantId, Money amount, String subject,
                                PaymentMethod paymentMethod, String channelId, String reference,
                                PayerInstrument instrument) {

    /** A payment the platform submits by itself, under the order's own id. */
    public ChannelSubmission(String orderId, String merchantId, Money amount, String subject,
                             PaymentMethod paymentMethod, String channelId) {
        this(orderId, merchantId, amount, subject, paymentMethod, channelId, orderId, null);
    }

    /** True when an earlier dispatch may have sent this very request: its refusal proves nothing. */
    public boolean resend() {
        return channelId != null;
    }

    /** The same submission with the payer's instrument (the cashier adds it; it is never stored). */
    public ChannelSubmission with(PayerInstrument payerInstrument) {
        return new ChannelSubmission(orderId, merchantId, amount, subject, paymentMethod, channelId, reference,
                payerInstrument);
    }

    /** Never shows the instrument: submissions end up in log lines and exception messages. */
    @Override
    public String toString() {
        return "ChannelSubmission[" + orderId + " as " + reference + ", " + amount + ", " + paymentMethod
                + (channelId == null ? "" : ", at " + channelId)
                + (instrument == null ? "" : ", with " + instrument.describe()) + "]";
    }
}
