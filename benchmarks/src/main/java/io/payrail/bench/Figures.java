package io.payrail.bench;

import java.util.Locale;

/**
 * How the bench writes numbers, in the table and in the CSV alike: a dot as the decimal separator
 * whatever the locale (a CSV read elsewhere must parse), and an empty cell, not "NaN", for a figure
 * that was not measured.
 */
final class Figures {

    private Figures() {
    }

    /** Milliseconds: three significant digits are all a latency percentile carries. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "";
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f" : "%.2f", millis);
    }

    /** A rate or a count per payment, with the decimals it is worth. */
    static String decimal(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
