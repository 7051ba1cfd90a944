package io.payrail.simulator.channel.card;

import io.payrail.simulator.channel.ChannelError;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.PayAttempt;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A CARDGW pay request, checked: an instance exists only if every field is usable. It holds the
 * card number and security code only for the length of the request: neither is stored, logged or
 * printed ({@link #toString()} shows the last four digits).
 */
public final class CardPayment {

    private static final Pattern CVV = Pattern.compile("[0-9]{3,4}");
    private static final int MAX_HOLDER = 64;

    private final PayAttempt attempt;
    private final String number;
    private final YearMonth expiry;

    public CardPayment(String merchantRef, Money money, String description, String number, String expiry, String cvv,
                       String holder) {
        String valid = TestCards.requireNumber(number);
        this.expiry = TestCards.parseExpiry(expiry);
        if (cvv == null || !CVV.matcher(cvv).matches()) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "card cvv must be 3 or 4 digits");
        }
        if (holder != null && holder.length() > MAX_HOLDER) {
            throw new ChannelException(ChannelError.INVALID_REQUEST, "card holder must be at most " + MAX_HOLDER
                    + " characters");
        }
        this.number = valid;
        this.attempt = new PayAttempt(merchantRef, money, description, TestCards.last4(valid), null);
    }

    public PayAttempt attempt() {
        return attempt;
    }

    String number() {
        return number;
    }

    YearMonth expiry() {
        return expiry;
    }

    @Override
    public String toString() {
        return "CardPayment[" + attempt.merchantRef() + ", " + attempt.money() + ", card ****" + attempt.cardLast4() + "]";
    }
}
