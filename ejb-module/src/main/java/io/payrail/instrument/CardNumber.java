package io.payrail.instrument;

import java.util.Objects;

/**
 * A primary account number that passed the checks: 13 to 19 digits, a length its scheme issues, a
 * right Luhn check digit. Its {@code toString} shows the last four digits only, so a log line or an
 * exception message that prints one by mistake leaks nothing.
 */
public final class CardNumber {

    private final String digits;
    private final CardBrand brand;

    private CardNumber(String digits, CardBrand brand) {
        this.digits = digits;
        this.brand = brand;
    }

    /**
     * Reads what a payer typed: digits, with spaces or hyphens between groups allowed.
     *
     * @throws InvalidCardException NUMBER_INVALID
     */
    public static CardNumber parse(String typed) throws InvalidCardException {
        if (typed == null) {
            throw invalid("no card number was given");
        }
        StringBuilder digits = new StringBuilder(19);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                throw invalid("a card number has digits only");
            }
            if (digits.length() > 19) {
                throw invalid("a card number has at most 19 digits");
            }
        }
        String number = digits.toString();
        if (number.length() < 13) {
            throw invalid("a card number has at least 13 digits");
        }
        CardBrand brand = CardBrand.of(number);
        if (!brand.allowsLength(number.length())) {
            throw invalid(brand.displayName() + " cards have " + lengths(brand) + " digits, not " + number.length());
        }
        if (!luhnValid(number)) {
            throw invalid("the card number's check digit is wrong: check for a typing mistake");
        }
        return new CardNumber(number, brand);
    }

    /** The Luhn (mod 10) check over a string of digits. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }

    /** The full number, for the channel request and the vault only. */
    public String digits() {
        return digits;
    }

    public CardBrand brand() {
        return brand;
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    /** The issuer identification number (first six digits): what an issuer table is keyed by. */
    public String bin() {
        return digits.substring(0, 6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardNumber other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return brand.displayName() + " •••• " + last4();
    }

    private static String lengths(CardBrand brand) {
        StringBuilder out = new StringBuilder();
        for (int length = 13; length <= 19; length++) {
            if (brand.allowsLength(length)) {
                out.append(out.isEmpty() ? "" : "/").append(length);
            }
        }
        return out.toString();
    }

    private static InvalidCardException invalid(String message) {
        return new InvalidCardException(InvalidCardException.Reason.NUMBER_INVALID, message);
    }
}
