package io.payrail.simulator.channel;

/**
 * A channel whose requests and answers carry their signature in HTTP headers (CARDGW, WALLET), as
 * opposed to QUICKPAY's signed form fields.
 */
public interface HeaderSignedChannel {

    /**
     * Checks the platform's signature on a request.
     *
     * @param credential the request's signature header as sent (null when absent)
     * @throws ChannelException SIGNATURE_INVALID
     */
    Verification verify(String method, String pathAndQuery, String credential, byte[] body);

    /** A reply signed by the channel. */
    WireReply signed(int status, String contentType, byte[] body, long delayMs);

    /** The channel's error answer: signed JSON, or the bare injected failure. */
    default WireReply error(ChannelException e, long delayMs) {
        if (e.injected()) {
            return Wire.injectedReply(e, "error", delayMs);
        }
        return signed(e.httpStatus(), Wire.JSON, Wire.json(Wire.errorFields("error", e)), delayMs);
    }
}
