package io.payrail.simulator.bank;

import io.payrail.simulator.fault.MoneyOverride;
import java.util.Objects;

/**
 * The bank's decision on one merchant reference, made once and then repeated to every retry.
 *
 * <p>{@code amount} and {@code currency} are what the bank took and reports; for a decline, what was
 * asked. {@code requestedAmount} and {@code requestedCurrency} are what the pay request asked: a
 * later request with the same reference is compared with them. The two differ only when the
 * operator made the bank take other money on purpose ({@code captureOverrides}).
 *
 * @param declineCode null when approved
 */
public record PaymentResult(String merchantRef, String transactionId, PaymentStatus status, long amount,
                            String currency, DeclineCode declineCode, long requestedAmount,
                            String requestedCurrency) {

    public PaymentResult {
        Objects.requireNonNull(merchantRef, "merchantRef");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(requestedCurrency, "requestedCurrency");
        if ((status == PaymentStatus.DECLINED) != (declineCode != null)) {
            throw new IllegalArgumentException("a decline code comes with DECLINED and only with it");
        }
        if (status == PaymentStatus.DECLINED && (amount != requestedAmount || !currency.equals(requestedCurrency))) {
            throw new IllegalArgumentException("a decline takes nothing, so it reports the money asked");
        }
    }

    /** A decision on the money asked, as a well-behaved bank makes it. */
    public PaymentResult(String merchantRef, String transactionId, PaymentStatus status, long amount,
                         String currency, DeclineCode declineCode) {
        this(merchantRef, transactionId, status, amount, currency, declineCode, amount, currency);
    }

    /**
     * Applies {@link DeclineRule} to a request; an approval takes the override's money instead of
     * the money asked, when there is one.
     *
     * @param override null to take what was asked
     */
    static PaymentResult decide(PaymentRequest request, String transactionId, MoneyOverride override) {
        DeclineCode decline = DeclineRule.declineFor(request.amount()).orElse(null);
        if (decline != null || override == null) {
            PaymentStatus status = decline == null ? PaymentStatus.APPROVED : PaymentStatus.DECLINED;
            return new PaymentResult(request.merchantRef(), transactionId, status, request.amount(),
                    request.currency(), decline);
        }
        return new PaymentResult(request.merchantRef(), transactionId, PaymentStatus.APPROVED,
                override.amountOr(request.amount()), override.currencyOr(request.currency()), null,
                request.amount(), request.currency());
    }

    /** Whether money was taken: a decline takes none. */
    public boolean charged() {
        return status == PaymentStatus.APPROVED;
    }

    /** Whether the bank took other money than it was asked for (a failure injected on purpose). */
    public boolean overridden() {
        return amount != requestedAmount || !currency.equals(requestedCurrency);
    }

    /** The decline's text, or null when approved. */
    public String message() {
        return declineCode == null ? null : declineCode.message();
    }
}
