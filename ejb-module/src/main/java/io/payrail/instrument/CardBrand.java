package io.payrail.instrument;

import java.util.Set;

/**
 * Card schemes by their issuer identification number ranges (ISO/IEC 7812), with the lengths each
 * issues. A number outside every range is {@link #OTHER}: accepted when its length and Luhn digit
 * are right, since a gateway may know schemes we do not.
 */
public enum CardBrand {
    VISA("Visa", Set.of(13, 16, 19)),
    MASTERCARD("Mastercard", Set.of(16)),
    AMEX("American Express", Set.of(15)),
    DISCOVER("Discover", Set.of(16, 17, 18, 19)),
    JCB("JCB", Set.of(16, 17, 18, 19)),
    UNIONPAY("UnionPay", Set.of(16, 17, 18, 19)),
    DINERS("Diners Club", Set.of(14, 15, 16, 17, 18, 19)),
    OTHER("Card", Set.of(13, 14, 15, 16, 17, 18, 19));

    private final String displayName;
    private final Set<Integer> lengths;

    CardBrand(String displayName, Set<Integer> lengths) {
        this.displayName = displayName;
        this.lengths = lengths;
    }

    public String displayName() {
        return displayName;
    }

    boolean allowsLength(int length) {
        return lengths.contains(length);
    }

    /** The scheme a number (digits only) belongs to, by its leading digits. */
    static CardBrand of(String digits) {
        int two = prefix(digits, 2);
        int three = prefix(digits, 3);
        int four = prefix(digits, 4);
        if (digits.startsWith("4")) {
            return VISA;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (four == 6011 || two == 65 || (three >= 644 && three <= 649)) {
            return DISCOVER;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return DINERS;
        }
        return OTHER;
    }

    private static int prefix(String digits, int length) {
        return digits.length() < length ? -1 : Integer.parseInt(digits.substring(0, length));
    }
}
