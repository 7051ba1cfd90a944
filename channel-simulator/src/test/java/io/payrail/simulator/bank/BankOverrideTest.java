package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.fault.FailureUpdate;
import io.payrail.simulator.fault.MoneyOverride;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bank that takes or gives back other money than asked, for chosen references (PROTOCOL.md §8). */
class BankOverrideTest {

    private final FailurePlan failures = new FailurePlan(20);
    private final Bank bank = new Bank("SIMBANK",
            ChargeBook.open(ChargeLog.NONE, Clock.systemUTC(), TransactionIds.withPrefix("sb")), failures);

    @Test
    void anApprovalTakesAndReportsTheOverridesMoney() {
        capture("pay_P", new MoneyOverride(500L, null));
        capture("pay_C", new MoneyOverride(null, "EUR"));

        PaymentResult partial = bank.pay(pay("pay_P", 1000, "USD")).result();
        PaymentResult otherCurrency = bank.pay(pay("pay_C", 1000, "USD")).result();
        PaymentResult untouched = bank.pay(pay("pay_N", 1000, "USD")).result();

        assertThat(partial).extracting(PaymentResult::status, PaymentResult::amount, PaymentResult::currency,
                PaymentResult::requestedAmount, PaymentResult::requestedCurrency)
                .containsExactly(PaymentStatus.APPROVED, 500L, "USD", 1000L, "USD");
        assertThat(otherCurrency).extracting(PaymentResult::amount, PaymentResult::currency)
                .containsExactly(1000L, "EUR");
        assertThat(untouched.overridden()).isFalse();
        assertThat(bank.book().tally("pay_P").charges()).isEqualTo(1);
    }

    @Test
    void retriesAreComparedWithTheMoneyAskedAndAnsweredWithTheMoneyTaken() {
        capture("pay_1", new MoneyOverride(500L, "EUR"));
        PaymentResult first = bank.pay(pay("pay_1", 1000, "USD")).result();

        BankAnswer retry = bank.pay(pay("pay_1", 1000, "USD"));
        BankAnswer asTaken = bank.pay(pay("pay_1", 500, "EUR"));

        assertThat(retry.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(retry.result()).isEqualTo(first);
        assertThat(asTaken.effect()).isEqualTo(Effect.REF_REUSED);
        assertThat(bank.query("pay_1").found()).map(PaymentState::decision).contains(first);
        assertThat(bank.book().tally("pay_1")).isEqualTo(new RefTally("pay_1", 3, 1, PaymentStatus.APPROVED));
    }

    @Test
    void aDeclineTakesNothingWhateverTheOverride() {
        capture("pay_D", new MoneyOverride(500L, "EUR"));

        PaymentResult declined = bank.pay(pay("pay_D", 1013, "USD")).result();

        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.overridden()).isFalse();
    }

    @Test
    void refundsAreDecidedAgainstWhatWasTaken() {
        capture("pay_1", new MoneyOverride(500L, "EUR"));
        bank.pay(pay("pay_1", 1000, "USD"));

        assertThat(bank.refund(refund("pay_1", "rfd_1", 100, "USD")).result().reasonCode())
                .isEqualTo(RefundRejectCode.CURRENCY_MISMATCH);
        assertThat(bank.refund(refund("pay_1", "rfd_2", 600, "EUR")).result().reasonCode())
                .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(bank.refund(refund("pay_1", "rfd_3", 500, "EUR")).result().status())
                .isEqualTo(RefundStatus.REFUNDED);
    }

    @Test
    void aRefundGivesBackAndReportsTheOverridesMoney() {
        bank.pay(pay("pay_1", 1000, "USD"));
        refundOverride("rfd_1", new MoneyOverride(700L, null));

        RefundResult made = bank.refund(refund("pay_1", "rfd_1", 300, "USD")).result();
        RefundAnswer retry = bank.refund(refund("pay_1", "rfd_1", 300, "USD"));

        assertThat(made).extracting(RefundResult::status, RefundResult::amount, RefundResult::currency,
                RefundResult::requestedAmount).containsExactly(RefundStatus.REFUNDED, 700L, "USD", 300L);
        assertThat(retry.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(retry.result()).isEqualTo(made);
        assertThat(bank.refund(refund("pay_1", "rfd_1", 700, "USD")).effect()).isEqualTo(Effect.REF_REUSED);
        assertThat(bank.queryRefund("rfd_1").found()).contains(made);
        // what went back counts: 700 of 1000 are gone, whatever was asked
        assertThat(bank.book().tally("pay_1").refunded()).isEqualTo(700);
        assertThat(bank.refund(refund("pay_1", "rfd_2", 301, "USD")).result().reasonCode())
                .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
    }

    @Test
    void aRefundThatIsRejectedGivesNothingBackWhateverTheOverride() {
        bank.pay(pay("pay_1", 1000, "USD"));
        refundOverride("rfd_1", new MoneyOverride(100L, null));

        RefundResult rejected = bank.refund(refund("pay_1", "rfd_1", 5000, "USD")).result();

        assertThat(rejected.reasonCode()).isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(rejected.overridden()).isFalse();
        assertThat(bank.book().tally("pay_1").refunds()).isZero();
    }

    @Test
    void aRefundInAnotherCurrencyIsCountedButNotAddedToThePaymentsSum() {
        bank.pay(pay("pay_1", 1000, "USD"));
        refundOverride("rfd_1", new MoneyOverride(null, "EUR"));

        RefundResult made = bank.refund(refund("pay_1", "rfd_1", 300, "USD")).result();

        assertThat(made).extracting(RefundResult::amount, RefundResult::currency).containsExactly(300L, "EUR");
        assertThat(bank.book().tally("pay_1")).extracting(RefTally::refunds, RefTally::refunded)
                .containsExactly(1L, 0L);
    }

    @Test
    void anOverrideGivesBackMoreThanWasTakenWithoutWrappingTheSum() {
        bank.pay(pay("pay_1", 1000, "USD"));
        refundOverride("rfd_1", new MoneyOverride(Long.MAX_VALUE, null));
        refundOverride("rfd_2", new MoneyOverride(Long.MAX_VALUE, null));

        bank.refund(refund("pay_1", "rfd_1", 10, "USD"));

        assertThat(bank.book().tally("pay_1").refunded()).isEqualTo(Long.MAX_VALUE);
        assertThat(bank.refund(refund("pay_1", "rfd_2", 1, "USD")).result().reasonCode())
                .isEqualTo(RefundRejectCode.EXCEEDS_CAPTURED);
        assertThat(bank.book().tally("pay_1").refunded()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void overridesAreMergedRemovedByNullAndGoneAfterAReset() {
        capture("pay_1", new MoneyOverride(500L, null));
        capture("pay_2", new MoneyOverride(null, "EUR"));
        capture("pay_1", null);

        assertThat(failures.settings().captureOverrides()).isEqualTo(Map.of("pay_2", new MoneyOverride(null, "EUR")));
        assertThat(bank.pay(pay("pay_1", 1000, "USD")).result().overridden()).isFalse();

        refundOverride("rfd_1", new MoneyOverride(1L, null));
        failures.reset();
        assertThat(failures.settings().captureOverrides()).isEmpty();
        assertThat(failures.settings().refundOverrides()).isEmpty();
    }

    private void capture(String merchantRef, MoneyOverride override) {
        Map<String, MoneyOverride> change = new HashMap<>();
        change.put(merchantRef, override);
        failures.update(new FailureUpdate(null, null, null, null, null, null, null, change, null));
    }

    private void refundOverride(String refundRef, MoneyOverride override) {
        Map<String, MoneyOverride> change = new HashMap<>();
        change.put(refundRef, override);
        failures.update(new FailureUpdate(null, null, null, null, null, null, null, null, change));
    }

    private static PaymentRequest pay(String ref, long amount, String currency) {
        return new PaymentRequest(ref, amount, currency, "test", "BANK_CARD");
    }

    private static RefundRequest refund(String merchantRef, String refundRef, long amount, String currency) {
        return new RefundRequest(merchantRef, refundRef, amount, currency);
    }
}
