package io.payrail.audit;

/** What caused a state transition. */
public enum TransitionSource {
    /** A merchant's API call (create, close, refund). */
    API,
    /** The platform submitted the order to its channels. */
    DISPATCH,
    /** The channel's synchronous answer to our request. */
    CHANNEL_RESPONSE,
    /** An asynchronous, signed notification from the channel. */
    CHANNEL_CALLBACK,
    /** Our query of the channel for an order whose outcome was unknown. */
    CHANNEL_QUERY,
    /** The order reached its expiry time unpaid. */
    EXPIRY,
    /** The channel's statement file, during reconciliation. */
    RECONCILIATION,
    /** A back-office operator. */
    OPERATOR,
    /** The payer at the cashier (started an attempt, or gave one up for another method). */
    PAYER
}
