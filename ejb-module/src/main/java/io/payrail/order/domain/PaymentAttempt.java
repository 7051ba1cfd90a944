package io.payrail.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One attempt a payer made at the cashier to pay an order: the method, the channel and the reference
 * it went under there, what the payer used (brand and last four digits, never a card number), and how
 * it ended. The order holds the current attempt's reference; these rows keep every one, for the
 * payer's history, for support, and for finding every charge an order could have at its channels.
 */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt {

    /** How an attempt ended. */
    public enum State {
        /** With its channel (or on its way there): the order is PROCESSING. */
        PROCESSING,
        /** Paid: the order is SUCCEEDED. */
        SUCCEEDED,
        /** The channel (or the payer, at the channel's page) declined it; nothing was charged. */
        DECLINED,
        /** No channel could take it (unavailable, or not configured); nothing was charged. */
        UNAVAILABLE,
        /** Closed at the channel before it was paid (the payer chose another method, or nothing came). */
        CLOSED
    }

    /** The attempt's key: its order and its number there (1, 2, ...). */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "order_id", nullable = false, updatable = false)
        private String orderId;

        @Column(name = "attempt_no", nullable = false, updatable = false)
        private int attemptNo;

        protected Key() {
        }

        public Key(String orderId, int attemptNo) {
            this.orderId = orderId;
            this.attemptNo = attemptNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && attemptNo == k.attemptNo && orderId.equals(k.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, attemptNo);
        }
    }

    @EmbeddedId
    private Key key;

    @Enumerated(EnumType.STRING)
    @Column(name = "payer_method", nullable = false, updatable = false)
    private PaymentMethod payerMethod;

    @Column(name = "channel_id")
    private String channelId;

    @Column(name = "channel_ref", nullable = false, updatable = false)
    private String channelRef;

    @Column(name = "instrument", updatable = false)
    private String instrument;

    @Column(name = "payer_id", updatable = false)
    private String payerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private State state;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected PaymentAttempt() {
    }

    /** @param instrument what may be shown of what the payer used ("Visa •••• 1111"), or null */
    public PaymentAttempt(String orderId, int attemptNo, PaymentMethod payerMethod, String channelRef,
                          String instrument, String payerId, Instant now) {
        this.key = new Key(orderId, attemptNo);
        this.payerMethod = Objects.requireNonNull(payerMethod);
        this.channelRef = Objects.requireNonNull(channelRef);
        this.instrument = instrument == null || instrument.length() <= 64 ? instrument : instrument.substring(0, 64);
        this.payerId = payerId;
        this.state = State.PROCESSING;
        this.createdAt = now;
    }

    /** The channel took (or was given) the attempt. */
    public void at(String channel) {
        if (channel != null) {
            channelId = channel;
        }
    }

    /** How the attempt ended; the first ending is kept. */
    public void end(State outcome, String code, String message, Instant now) {
        if (state != State.PROCESSING || outcome == State.PROCESSING) {
            return;
        }
        state = outcome;
        failureCode = code == null || code.length() <= 64 ? code : code.substring(0, 64);
        failureMessage = message == null || message.length() <= 255 ? message : message.substring(0, 255);
        finishedAt = now;
    }

    public String orderId() {
        return key.orderId;
    }

    public int attemptNo() {
        return key.attemptNo;
    }

    public PaymentMethod payerMethod() {
        return payerMethod;
    }

    public String channelId() {
        return channelId;
    }

    public String channelRef() {
        return channelRef;
    }

    public String instrument() {
        return instrument;
    }

    public String payerId() {
        return payerId;
    }

    public State state() {
        return state;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
