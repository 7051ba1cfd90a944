package io.payrail.web.api.payments;

/** Shapes and bounds shared by the API's fields. */
public final class ApiPatterns {

    /** Merchant order and refund numbers: letters, digits and {@code _ . : -}. */
    public static final String REFERENCE = "[A-Za-z0-9_.:-]*";

    /** Free text shown to people: no control characters (a subject with a newline breaks receipts and logs). */
    public static final String TEXT = "[^\\p{Cntrl}]*";

    /** 10^12 minor units: ten billion in a two-decimal currency; a merchant's own limit is far lower. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;

    private ApiPatterns() {
    }
}
