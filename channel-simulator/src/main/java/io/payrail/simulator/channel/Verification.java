package io.payrail.simulator.channel;

/**
 * What the channel made of a request's signature. Every answer says it in the
 * {@code Sim-Signature-Check} header.
 */
public enum Verification {
    /** The platform's key is configured and the signature is good. */
    VERIFIED("verified"),
    /** No platform key is configured: the request was accepted without checking its signature. */
    NOT_CHECKED("skipped; no platform public key configured for this channel");

    public static final String HEADER = "Sim-Signature-Check";

    private final String headerValue;

    Verification(String headerValue) {
        this.headerValue = headerValue;
    }

    public String headerValue() {
        return headerValue;
    }
}
