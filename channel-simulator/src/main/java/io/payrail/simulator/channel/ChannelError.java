package io.payrail.simulator.channel;

/**
 * Every error a channel answers, with its HTTP status and whether the request certainly did
 * nothing. Only {@link #SYSTEM_ERROR} leaves the outcome unknown; everything else was refused before
 * any money moved (which is not the same as "the reference was never paid": see
 * {@link #MERCHANT_REF_REUSED}).
 */
public enum ChannelError {
    INVALID_REQUEST(400),
    INVALID_CARD(400),
    SIGNATURE_INVALID(401),
    ORDER_NOT_FOUND(404),
    REFUND_NOT_FOUND(404),
    AGREEMENT_NOT_FOUND(404),
    BIND_NOT_FOUND(404),
    /** The reference is known with other money (or another agreement): this request did nothing; the first stands. */
    MERCHANT_REF_REUSED(409),
    REFUND_REF_REUSED(409),
    ORDER_CLOSED(409),
    ORDER_PAID(409),
    ORDER_NOT_PAID(409),
    BIND_FAILED(409),
    CARD_EXPIRED(422),
    OTP_INVALID(422),
    OTP_EXPIRED(422),
    CURRENCY_MISMATCH(422),
    REFUND_EXCEEDS_CAPTURED(422),
    /** Refused at the door before any processing: nothing done, safe to retry or to go elsewhere. */
    SERVICE_UNAVAILABLE(503),
    /** Something broke while processing: the outcome is unknown, query. */
    SYSTEM_ERROR(500);

    private final int httpStatus;

    ChannelError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
