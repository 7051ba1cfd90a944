package io.payrail.simulator.bank;

/**
 * What one pay request did to the bank's book. Every request has exactly one. A refund request has
 * one too, read for its refundRef: {@code DECIDED} (refunded or rejected), {@code DUPLICATE},
 * {@code REF_REUSED} or {@code INJECTED_FAILURE}; never {@code ORDER_CLOSED}.
 */
public enum Effect {
    /** The first request for its reference: the bank decided (and, if approved, charged). */
    DECIDED,
    /** A retry with the same reference and money: answered with the first decision, nothing charged. */
    DUPLICATE,
    /** The reference came back with other money: refused (409), nothing charged. */
    REF_REUSED,
    /** The failure plan answered for the bank (e.g. 503) before it looked at the request. */
    INJECTED_FAILURE,
    /** The reference was closed (fenced) before: refused (409), nothing charged. */
    ORDER_CLOSED
}
