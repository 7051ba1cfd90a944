package io.payrail.web.api.operator;

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
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*") String id,
        @NotBlank @Size(max = 128) @Pattern(regexp = "[^\\p{Cntrl}]*") String name,
        @Size(max = 512) @Pattern(regexp = "https?://[^\\s]+") String notifyUrl,
        @NotNull @Min(1) @Max(1_000_000) Integer rateLimitPerMinute,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Limit> currencies) {

    /** A currency the merchant may take, and its largest single payment in minor units. */
    public record Limit(@NotNull @PayableCurrency String currency, @NotNull @Positive Long maxAmount) {
    }
}
