package io.payrail.payer;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A payer's login as typed, made canonical so that one person cannot hold two accounts by typing
 * it differently: an e-mail address in lower case, or a phone number as "+" and its digits (spaces,
 * dashes, dots and brackets dropped). The codes go to that address or number.
 */
public record PayerLogin(String value, Kind kind) {

    /** How the one-time codes reach the payer. */
    public enum Kind {
        EMAIL, PHONE
    }

    static final int MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().-]");

    /**
     * @throws PayrailException VALIDATION_FAILED when it is neither an e-mail address nor a phone number
     */
    public static PayerLogin of(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.length() <= MAX_LENGTH && EMAIL.matcher(s).matches()) {
            return new PayerLogin(s.toLowerCase(Locale.ROOT), Kind.EMAIL);
        }
        String digits = PHONE_PUNCTUATION.matcher(s).replaceAll("");
        if (PHONE.matcher(digits).matches()) {
            return new PayerLogin(digits.startsWith("+") ? digits : "+" + digits, Kind.PHONE);
        }
        throw new PayrailException(ErrorCode.VALIDATION_FAILED, "type an e-mail address (name@example.com) or a"
                + " phone number with its country code (+86 138 0000 8000)");
    }

    /** The login with most of it hidden, for logs and audit lines. */
    public String masked() {
        if (kind == Kind.EMAIL) {
            int at = value.indexOf('@');
            return value.charAt(0) + "***" + value.substring(at);
        }
        return value.substring(0, 3) + "***" + value.substring(value.length() - 2);
    }
}
