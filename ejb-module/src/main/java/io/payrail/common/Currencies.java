package io.payrail.common;

import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** ISO 4217 lookups for the currencies a payment can be made in. */
public final class Currencies {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    /**
     * ISO 4217 codes that name no money a payer can pay with: funds codes, precious metals,
     * SDR, test and "no currency" codes, and codes for currencies that no longer exist.
     */
    private static final Set<String> NOT_PAYABLE = Set.of(
            "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA", "XTS", "XXX",
            "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW",
            "ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "CSD", "CUC", "CYP", "DEM", "EEK", "ESP",
            "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF", "MRO",
            "MTL", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG", "STD", "TMM",
            "TPE", "TRL", "VEB", "VEF", "XEU", "XFO", "XFU", "YUM", "ZMK", "ZWD", "ZWN", "ZWR", "ZWL");

    private Currencies() {
    }

    /** The currency for an upper-case ISO 4217 code, if payments can be made in it. */
    public static Optional<Currency> payable(String code) {
        if (code == null || !CODE.matcher(code).matches() || NOT_PAYABLE.contains(code)) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(currency);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public static Currency require(String code) {
        return payable(code).orElseThrow(
                () -> new IllegalArgumentException("not an ISO 4217 currency of payment: " + code));
    }
}
