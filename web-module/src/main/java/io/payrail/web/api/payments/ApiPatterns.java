package io.payrail.web.api.payments;

/** Shapes, bounds and the messages that state them, shared by the API's fields (REST and SOAP). */
public final class ApiPatterns {

    /** Merchant order and refund numbers: letters, digits and {@code _ . : -}. */
    public static final String REFERENCE = "[A-Za-z0-9_.:-]*";
    public static final String REFERENCE_RULE = "must be 1 to 64 characters of A-Z a-z 0-9 _ . : -";

    /**
     * What free text may not hold: control characters (C0, DEL, C1 with U+0085 NEL) and the Unicode
     * line and paragraph separators. Each breaks a line somewhere (receipts, logs, JavaScript, the
     * SOAP binding's signed {@code name=value} lines) or is invisible; no payment text needs one.
     */
    private static final String CONTROLS = "\\p{Cc}\\u2028\\u2029";

    /** Free text shown to people. */
    public static final String TEXT = "[^" + CONTROLS + "]*";

    /** The rule of a required line of free text (a subject, a name). */
    public static final String LINE_RULE = "must be 1 to 128 characters, without control characters or line breaks";

    /** One character free text may not hold. */
    public static final String CONTROL = "[" + CONTROLS + "]";

    /** 10^12 minor units: ten billion in a two-decimal currency; a merchant's own limit is far lower. */
    public static final long MAX_AMOUNT_MINOR = 1_000_000_000_000L;
    public static final String AMOUNT_RULE = "must be a whole number from 1 to 1000000000000 (10^12) minor units";

    private ApiPatterns() {
    }
}
