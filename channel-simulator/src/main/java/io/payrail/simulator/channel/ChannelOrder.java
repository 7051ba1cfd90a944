package io.payrail.simulator.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * One merchant reference's order at a channel, as an immutable snapshot: each change makes a new
 * one, which is written to the journal before it replaces the old.
 *
 * @param money          what the order is for and, once PAID, what was taken; null only for a reference
 *                       closed before any payment was seen (a "fence")
 * @param subject        what is paid for; empty for a fence
 * @param declineReason  set exactly when DECLINED
 * @param payerToken     the secret in the payer page's URL (confirm page, wallet page), or null
 * @param cardLast4      last four digits of the card, or null; the card number itself is never kept
 * @param agreementId    quick pay's agreement, or null
 * @param fee            the channel's fee in minor units, fixed when the money is taken
 * @param leaky          the platform closed it while the "paid after close" failure was armed:
 *                       the payer's payment still lands
 * @param landsAt        when that payment lands by itself, or null
 * @param requested      the money the pay request asked, when the payment took other money ("misreport"
 *                       failure); null when it took what was asked
 */
public record ChannelOrder(String merchantRef, String transactionId, OrderStatus status, Money money,
                           String subject, DeclineReason declineReason, String payerToken, String cardLast4,
                           String agreementId, Instant createdAt, Instant paidAt, Instant closedAt, long fee,
                           boolean leaky, Instant landsAt, Money requested) {

    public ChannelOrder {
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        subject = subject == null ? "" : subject;
        if ((status == OrderStatus.DECLINED) != (declineReason != null)) {
            throw new IllegalArgumentException("a decline reason comes with DECLINED and only with it");
        }
        if (money == null && status != OrderStatus.CLOSED) {
            throw new IllegalArgumentException("only a closed fence has no money");
        }
        if ((status == OrderStatus.PAID) != (paidAt != null)) {
            throw new IllegalArgumentException("paidAt is set exactly when PAID");
        }
        if (requested != null && (status != OrderStatus.PAID || requested.equals(money))) {
            throw new IllegalArgumentException("only a payment that took other money than asked names the money asked");
        }
    }

    /** A new order in its first status. */
    public static ChannelOrder create(String merchantRef, String transactionId, OrderStatus status, Money money,
                                      String subject, DeclineReason reason, String payerToken, String cardLast4,
                                      String agreementId, Instant at, long fee) {
        return new ChannelOrder(merchantRef, transactionId, status, money, subject, reason, payerToken, cardLast4,
                agreementId, at, status == OrderStatus.PAID ? at : null, null,
                status == OrderStatus.PAID ? fee : 0, false, null, null);
    }

    /** A reference closed before the channel saw a payment for it: later payments are refused. */
    public static ChannelOrder fence(String merchantRef, String transactionId, Instant at, boolean leaky) {
        return new ChannelOrder(merchantRef, transactionId, OrderStatus.CLOSED, null, "", null, null, null, null, at,
                null, at, 0, leaky, null, null);
    }

    /**
     * The order paid: {@code taken} is the money taken, normally the order's own; when it is other
     * money ("misreport"), the order reports it from now on and remembers what was asked.
     */
    public ChannelOrder paid(Instant at, Money taken, long fee) {
        return new ChannelOrder(merchantRef, transactionId, OrderStatus.PAID, taken, subject, null, payerToken,
                cardLast4, agreementId, createdAt, at, closedAt, fee, leaky, null, taken.equals(money) ? null : money);
    }

    public ChannelOrder declined(DeclineReason reason) {
        return new ChannelOrder(merchantRef, transactionId, OrderStatus.DECLINED, money, subject, reason, payerToken,
                cardLast4, agreementId, createdAt, null, closedAt, 0, leaky, null, null);
    }

    public ChannelOrder closed(Instant at, boolean leak, Instant landingAt) {
        return new ChannelOrder(merchantRef, transactionId, OrderStatus.CLOSED, money, subject, null, payerToken,
                cardLast4, agreementId, createdAt, null, at, 0, leak, landingAt, null);
    }

    /** A fence that finally meets its payment (paid after close, the order's details arrive with it). */
    public ChannelOrder withDetails(Money newMoney, String newSubject, String newCardLast4, String newAgreementId) {
        return new ChannelOrder(merchantRef, transactionId, status, newMoney, newSubject, declineReason, payerToken,
                newCardLast4, newAgreementId, createdAt, paidAt, closedAt, fee, leaky, landsAt, requested);
    }

    /** The money the pay request asked: what a retry is compared with, whatever was taken. */
    public Money requestedMoney() {
        return requested != null ? requested : money;
    }

    public boolean isFence() {
        return money == null;
    }
}
