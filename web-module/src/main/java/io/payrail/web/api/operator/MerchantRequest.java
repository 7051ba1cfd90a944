package io.payrail.web.api.operator;

import io.payrail.web.api.payments.ApiPatterns;
import io.payrail.web.api.validation.PayableCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Create or replace a merchant. */
public record MerchantRequest(
        @NotBlank(message = ID_RULE) @Size(max = 32, message = ID_RULE) @Pattern(regexp = "[A-Za-z0-9_-]*",
                message = ID_RULE) String id,
        @NotBlank(message = ApiPatterns.LINE_RULE) @Size(max = 128, message = ApiPatterns.LINE_RULE)
        @Pattern(regexp = ApiPatterns.TEXT, message = ApiPatterns.LINE_RULE) String name,
        @Size(max = 512, message = URL_RULE) @Pattern(regexp = "https?://[^\\s]+", message = URL_RULE) String notifyUrl,
        @NotNull(message = RATE_RULE) @Min(value = 1, message = RATE_RULE) @Max(value = 1_000_000, message = RATE_RULE)
        Integer rateLimitPerMinute,
        @NotEmpty(message = CURRENCIES_RULE) @Size(max = 50, message = CURRENCIES_RULE)
        List<@NotNull(message = "must be a currency limit, not null") @Valid Limit> currencies) {

    static final String ID_RULE = "must be 1 to 32 characters of A-Z a-z 0-9 _ -";
    static final String URL_RULE = "must be an http:// or https:// URL without spaces, at most 512 characters";
    static final String RATE_RULE = "must be a whole number from 1 to 1000000 requests per minute";
    static final String CURRENCIES_RULE = "must list 1 to 50 currencies";

    /** A currency the merchant may take, and its largest single payment in minor units. */
    public record Limit(@NotNull(message = PayableCurrency.RULE) @PayableCurrency String currency,
                        @NotNull(message = MAX_AMOUNT_RULE) @Positive(message = MAX_AMOUNT_RULE) Long maxAmount) {

        static final String MAX_AMOUNT_RULE = "must be a whole number of at least 1 (minor units)";
    }
}
