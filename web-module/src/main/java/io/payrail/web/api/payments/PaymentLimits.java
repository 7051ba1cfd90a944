package io.payrail.web.api.payments;

/** Platform-wide bounds; a merchant's own limits are narrower. */
final class PaymentLimits {

    /** 10^12 minor units: ten billion in a two-decimal currency; far above any single payment we take. */
    static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

    private PaymentLimits() {
    }
}
