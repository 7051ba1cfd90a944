package io.payrail.simulator.channel.card;

import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.DeclineReason;
import io.payrail.simulator.channel.Decision;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card numbers that decide a test payment's outcome, shared by CARDGW and QUICKPAY. Any other
 * number that passes the Luhn check is approved; a number that fails it is refused as
 * {@link ChannelError#INVALID_CARD} before anything is recorded.
 *
 * <table>
 * <caption>test cards</caption>
 * <tr><th>number</th><th>outcome</th></tr>
 * <tr><td>4111 1111 1111 1111, 5555 5555 5555 4444</td><td>approved</td></tr>
 * <tr><td>4000 0000 0000 0051</td><td>declined INSUFFICIENT_FUNDS</td></tr>
 * <tr><td>4000 0000 0000 0002</td><td>declined DO_NOT_HONOR</td></tr>
 * <tr><td>4000 0000 0000 0069</td><td>declined EXPIRED_CARD</td></tr>
 * <tr><td>4000 0000 0000 0127</td><td>declined INCORRECT_CVV</td></tr>
 * <tr><td>4000 0000 0000 0085</td><td>declined LIMIT_EXCEEDED</td></tr>
 * <tr><td>4000 0000 0000 0101</td><td>declined RISK_REJECTED</td></tr>
 * <tr><td>4000 0000 0000 3204</td><td>needs the payer's confirmation (CARDGW: PENDING with a confirmUrl)</td></tr>
 * </table>
 */
public final class TestCards {

    public static final String APPROVED_VISA = "4111111111111111";
    public static final String APPROVED_MASTERCARD = "5555555555554444";
    public static final String INSUFFICIENT_FUNDS = "4000000000000051";
    public static final String DO_NOT_HONOR = "4000000000000002";
    public static final String EXPIRED_CARD = "4000000000000069";
    public static final String INCORRECT_CVV = "4000000000000127";
    public static final String LIMIT_EXCEEDED = "4000000000000085";
    public static final String RISK_REJECTED = "4000000000000101";
    public static final String NEEDS_CONFIRMATION = "4000000000003204";

    private static final Map<String, Decision> TABLE = Map.of(
            INSUFFICIENT_FUNDS, Decision.decline(DeclineReason.INSUFFICIENT_FUNDS),
            DO_NOT_HONOR, Decision.decline(DeclineReason.DO_NOT_HONOR),
            EXPIRED_CARD, Decision.decline(DeclineReason.EXPIRED_CARD),
            INCORRECT_CVV, Decision.decline(DeclineReason.INCORRECT_CVV),
            LIMIT_EXCEEDED, Decision.decline(DeclineReason.LIMIT_EXCEEDED),
            RISK_REJECTED, Decision.decline(DeclineReason.RISK_REJECTED),
            NEEDS_CONFIRMATION, Decision.awaitPayer());

    private static final Pattern NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/([0-9]{2})");

    private TestCards() {
    }

    /** What the issuer says about this card number (the number must be {@linkplain #requireNumber valid}). */
    public static Decision decisionFor(String number) {
        return TABLE.getOrDefault(number, Decision.approve());
    }

    /** Checks a card number: 12-19 digits passing the Luhn check. The message never repeats the number. */
    public static String requireNumber(String number) {
        if (number == null) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "card number is required");
        }
        if (!NUMBER.matcher(number).matches() || !luhn(number)) {
            throw new ChannelException(ChannelError.INVALID_CARD,
                    "the card number is not valid (12-19 digits with a correct check digit)");
        }
        return number;
    }

    /** Reads an expiry {@code MM/YY}, e.g. {@code 12/30} for December 2030. */
    public static YearMonth parseExpiry(String text) {
        if (text == null) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "card expiry is required");
        }
        Matcher m = EXPIRY.matcher(text);
        if (!m.matches()) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "card expiry must be MM/YY");
        }
        return YearMonth.of(2000 + Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }

    public static String last4(String number) {
        return number.substring(number.length() - 4);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
