package io.payrail.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A channel notification as it was received and verified (table channel_callback). */
@Entity
@Table(name = "channel_callback")
public class ReceivedCallback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private String channelId;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "sequence_no", nullable = false, updatable = false)
    private long sequence;

    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;

    /** The reference the notification named at the channel (the order id, or a cashier attempt's). */
    @Column(name = "channel_ref", updatable = false)
    private String channelRef;

    @Column(name = "refund_id", updatable = false)
    private String refundId;

    @Column(name = "status", nullable = false, updatable = false)
    private String status;

    @Column(name = "channel_txn_id", updatable = false)
    private String channelTxnId;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected ReceivedCallback() {
    }

    ReceivedCallback(CallbackEvent event, Instant receivedAt) {
        this.channelId = event.channelId();
        this.eventId = event.eventId();
        this.sequence = event.sequence();
        this.orderId = event.orderId();
        this.channelRef = event.reference();
        this.refundId = event.refundId();
        this.status = event.outcome().status().name();
        this.channelTxnId = event.outcome().channelTxnId();
        this.receivedAt = receivedAt;
    }
}
