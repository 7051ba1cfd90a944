package io.payrail.systest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may never be stored or written anywhere: a full card number (a run of 13 to 19 digits that
 * passes the Luhn check and starts like a card: 2 to 6) and a security code (a {@code cvv}, {@code cvc}
 * or {@code securityCode} field with a value). A run counts only where it stands alone, between
 * characters that are neither letters nor digits: inside a hex id or a base64 signature digits run
 * together by chance, and a millisecond timestamp starts with 1. Nor does the random number JUnit
 * names a temporary directory with ({@code /tmp/junit-6608438186085928912/}, in the unit tests' log):
 * one in ten such names passes the Luhn check (seen in a full run).
 */
final class CardDataScan {

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])(?<!junit-)[0-9]{13,19}(?![0-9A-Za-z])");
    private static final Pattern SECURITY_CODE = Pattern.compile(
            "(?i)[\"']?\\b(cvv2?|cvc2?|csc|security[_-]?code)\\b[\"']?\\s*[:=]\\s*[\"']?[0-9]{3,4}(?![0-9])");

    private CardDataScan() {
    }

    /** The findings in {@code text}, each shown masked (first six and last four digits) so the report leaks nothing. */
    static List<String> findings(CharSequence text) {
        List<String> found = new ArrayList<>();
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String digits = run.group();
            char first = digits.charAt(0);
            if (first >= '2' && first <= '6' && luhnValid(digits)) {
                found.add("card number " + digits.substring(0, 6) + "*".repeat(digits.length() - 10)
                        + digits.substring(digits.length() - 4));
            }
        }
        Matcher code = SECURITY_CODE.matcher(text);
        while (code.find()) {
            found.add("security code field " + code.group(1) + " with a value");
        }
        return found;
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
