package io.payrail.instrument;

import java.time.Clock;
import java.util.Objects;

/**
 * A card as the payer entered it (or as the vault gave it back, with the CVV the payer entered for
 * this payment), checked. In memory for one request only; {@link #toString()} never shows the number
 * or the security code.
 *
 * @param holder the name on the card, or null
 */
public record CardDetails(CardNumber number, CardExpiry expiry, String cvv, String holder) implements PayerInstrument {

    private static final int MAX_HOLDER_CHARS = 64;

    public CardDetails {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(cvv, "cvv");
    }

    /**
     * Checks what a payer typed. Each field is checked in turn and the first problem is reported.
     *
     * @throws InvalidCardException with the reason of the first field that fails
     */
    public static CardDetails of(String number, String expiry, String cvv, String holder, Clock clock)
            throws InvalidCardException {
        CardNumber pan = CardNumber.parse(number);
        CardExpiry month = CardExpiry.parse(expiry, clock);
        return new CardDetails(pan, month, checkedCvv(pan.brand(), cvv), checkedHolder(holder));
    }

    /**
     * A card to bind at a quick-pay channel: number and expiry checked, no security code (binding asks
     * for none; the code texted to the payer's phone confirms it).
     *
     * @throws InvalidCardException with the reason of the first field that fails
     */
    public static CardDetails forBinding(String number, String expiry, Clock clock) throws InvalidCardException {
        return new CardDetails(CardNumber.parse(number), CardExpiry.parse(expiry, clock), "", null);
    }

    /** A saved card (number and expiry from the vault) with the security code the payer entered now. */
    public static CardDetails saved(CardNumber number, CardExpiry expiry, String cvv, Clock clock)
            throws InvalidCardException {
        if (expiry.month().isBefore(java.time.YearMonth.now(clock.withZone(java.time.ZoneOffset.UTC)))) {
            throw new InvalidCardException(InvalidCardException.Reason.EXPIRED, "the saved card expired in " + expiry.month());
        }
        return new CardDetails(number, expiry, checkedCvv(number.brand(), cvv), null);
    }

    private static String checkedCvv(CardBrand brand, String cvv) throws InvalidCardException {
        String value = cvv == null ? "" : cvv.strip();
        int length = brand == CardBrand.AMEX ? 4 : 3;
        if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidCardException(InvalidCardException.Reason.CVV_INVALID,
                    "the security code of a " + brand.displayName() + " card is " + length + " digits");
        }
        return value;
    }

    private static String checkedHolder(String holder) throws InvalidCardException {
        if (holder == null || holder.isBlank()) {
            return null;
        }
        String value = holder.strip();
        if (value.length() > MAX_HOLDER_CHARS || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidCardException(InvalidCardException.Reason.HOLDER_INVALID,
                    "the name on the card is at most " + MAX_HOLDER_CHARS + " characters, on one line");
        }
        return value;
    }

    @Override
    public String describe() {
        return number.toString();
    }

    @Override
    public String toString() {
        return "CardDetails[" + number + ", expiry hidden, cvv hidden]";
    }
}
