package io.payrail.web.api.operator;

import io.payrail.fee.FeeTerms;
import io.payrail.fee.RefundPolicy;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.web.api.validation.PayableCurrency;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Define a rate plan: what {@code merchantId} ({@code "*"}: every merchant without a plan of its
 * own) pays for one payment method in one currency from {@code effectiveFrom} (a UTC day) on.
 * Amounts are minor units of that currency.
 */
public record RatePlanRequest(
        @NotBlank(message = MERCHANT_RULE) @Size(max = 32, message = MERCHANT_RULE)
        @Pattern(regexp = "\\*|[A-Za-z0-9_-]+", message = MERCHANT_RULE) String merchantId,
        @NotNull(message = "must be BANK_CARD, QUICK_PAY or WALLET") PaymentMethod paymentMethod,
        @NotNull(message = PayableCurrency.RULE) @PayableCurrency String currency,
        @NotNull(message = DAY_RULE) @Pattern(regexp = "[0-9]{4}-[0-9]{2}-[0-9]{2}", message = DAY_RULE)
        String effectiveFrom,
        @NotNull(message = BPS_RULE) @Min(value = 0, message = BPS_RULE) @Max(value = FeeTerms.MAX_RATE_BPS,
                message = BPS_RULE) Integer rateBps,
        @NotNull(message = MINOR_RULE) @PositiveOrZero(message = MINOR_RULE) Long fixedMinor,
        @PositiveOrZero(message = MINOR_RULE) Long minMinor,
        @PositiveOrZero(message = MINOR_RULE) Long maxMinor,
        RefundPolicy refundPolicy) {

    static final String MERCHANT_RULE = "must be a merchant id, or \"*\" for every merchant without a plan of its own";
    static final String DAY_RULE = "must be a day yyyy-MM-dd (UTC) from which the plan prices captures";
    static final String BPS_RULE = "must be a whole number of basis points from 0 to 10000 (100 %)";
    static final String MINOR_RULE = "must be a whole number of minor units, 0 or more";
}
