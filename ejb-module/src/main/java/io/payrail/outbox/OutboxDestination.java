package io.payrail.outbox;

/** Where an outbox row is published; each maps to a JMS queue resource in domain.xml. */
public enum OutboxDestination {
    /** Payments ready for a channel; consumed by the channel dispatch MDB. */
    CHANNEL_REQUEST("jms/payrail/ChannelRequestQueue");

    private final String jndiName;

    OutboxDestination(String jndiName) {
        this.jndiName = jndiName;
    }

    public String jndiName() {
        return jndiName;
    }
}
