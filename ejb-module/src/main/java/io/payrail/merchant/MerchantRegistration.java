package io.payrail.merchant;

import java.util.Map;

/** What an operator says a merchant is: the input of creating or updating one. */
public record MerchantRegistration(String id, String name, String notifyUrl, int rateLimitPerMinute,
                                   Map<String, Long> currencyLimits) {
    public MerchantRegistration {
        currencyLimits = Map.copyOf(currencyLimits);
    }
}
