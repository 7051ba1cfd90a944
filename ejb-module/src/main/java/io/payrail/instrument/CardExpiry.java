package io.payrail.instrument;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * A card's expiry month. A card is valid through the last day of it (UTC), so it is refused only from
 * the first day of the following month; one more than 20 years ahead is a typing mistake.
 */
public record CardExpiry(YearMonth month) {

    private static final int MAX_YEARS_AHEAD = 20;

    /**
     * Reads {@code MM/YY} or {@code MM/YYYY} (spaces around the slash allowed).
     *
     * @throws InvalidCardException EXPIRY_INVALID, or EXPIRED when before the current month of {@code clock}
     */
    public static CardExpiry parse(String typed, Clock clock) throws InvalidCardException {
        if (typed == null) {
            throw invalid("no expiry date was given");
        }
        String[] parts = typed.strip().split("\\s*/\\s*");
        if (parts.length != 2 || !parts[0].matches("\\d{1,2}") || !parts[1].matches("\\d{2}|\\d{4}")) {
            throw invalid("the expiry date is written MM/YY");
        }
        int month = Integer.parseInt(parts[0]);
        int year = Integer.parseInt(parts[1]);
        if (month < 1 || month > 12) {
            throw invalid("the expiry month is 01 to 12");
        }
        YearMonth expiry = YearMonth.of(year < 100 ? 2000 + year : year, month);
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        if (expiry.isBefore(now)) {
            throw new InvalidCardException(InvalidCardException.Reason.EXPIRED, "the card expired in " + expiry);
        }
        if (expiry.isAfter(now.plusYears(MAX_YEARS_AHEAD))) {
            throw invalid("the expiry date is more than " + MAX_YEARS_AHEAD + " years ahead");
        }
        return new CardExpiry(expiry);
    }

    /** {@code MM/YY}, as card gateways take it. */
    public String mmYy() {
        return String.format("%02d/%02d", month.getMonthValue(), month.getYear() % 100);
    }

    private static InvalidCardException invalid(String message) {
        return new InvalidCardException(InvalidCardException.Reason.EXPIRY_INVALID, message);
    }
}
