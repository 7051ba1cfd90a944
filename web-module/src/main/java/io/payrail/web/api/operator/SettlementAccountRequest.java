package io.payrail.web.api.operator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where and when a merchant is paid: T+delayDays, to its bank account. */
public record SettlementAccountRequest(
        @NotNull(message = DELAY_RULE) @Min(value = 0, message = DELAY_RULE) @Max(value = 30, message = DELAY_RULE)
        Integer delayDays,
        @NotBlank(message = ACCOUNT_RULE) @Pattern(regexp = "[A-Z0-9]{8,34}", message = ACCOUNT_RULE) String account,
        @NotBlank(message = "is required: the account holder's name")
        @Size(max = 128, message = "must be at most 128 characters") String name) {

    static final String DELAY_RULE = "must be 0 to 30: the merchant is settled T+delayDays";
    static final String ACCOUNT_RULE = "must be 8 to 34 characters of A-Z 0-9 (an IBAN without spaces)";
}
