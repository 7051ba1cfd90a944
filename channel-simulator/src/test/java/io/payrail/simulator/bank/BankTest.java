package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.fault.FailureUpdate;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankTest {

    private final FailurePlan failures = new FailurePlan(20);
    private final Bank bank = new Bank("SIMBANK",
            ChargeBook.open(ChargeLog.NONE, Clock.systemUTC(), TransactionIds.withPrefix("sb")), failures);

    @Test
    void answersAfterTheLatency() {
        BankAnswer answer = bank.pay(pay("pay_1", 1000));

        assertThat(answer.effect()).isEqualTo(Effect.DECIDED);
        assertThat(answer.result().transactionId()).startsWith("sb_");
        assertThat(answer.delayMillis()).isEqualTo(20);
    }

    @Test
    void anInjectedFailureIsCountedButChargesNothing() {
        failures.update(new FailureUpdate(null, 2, 502, null, null, null));

        BankAnswer first = bank.pay(pay("pay_1", 1000));
        BankAnswer second = bank.pay(pay("pay_1", 1000));
        BankAnswer third = bank.pay(pay("pay_1", 1000));

        assertThat(first.effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(first.failStatus()).isEqualTo(502);
        assertThat(second.effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(third.effect()).isEqualTo(Effect.DECIDED);
        assertThat(bank.book().tally("pay_1")).isEqualTo(new RefTally("pay_1", 3, 1, PaymentStatus.APPROVED));
    }

    @Test
    void aSlowAnswerStillCharges() {
        failures.update(new FailureUpdate(null, null, null, 1, 5_000L, null));

        BankAnswer slow = bank.pay(pay("pay_1", 1000));

        assertThat(slow.effect()).isEqualTo(Effect.DECIDED);
        assertThat(slow.delayMillis()).isEqualTo(5_000);
        assertThat(bank.find("pay_1")).isPresent();
        assertThat(bank.book().tally("pay_1").charges()).isEqualTo(1);
        assertThat(bank.pay(pay("pay_1", 1000)).delayMillis()).isEqualTo(20);
    }

    @Test
    void aFailureForOneReferenceLeavesOthersAlone() {
        failures.update(new FailureUpdate(null, null, null, null, null, Map.of("pay_X", 1)));

        assertThat(bank.pay(pay("pay_Y", 1000)).effect()).isEqualTo(Effect.DECIDED);
        assertThat(bank.pay(pay("pay_X", 1000)).effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(bank.pay(pay("pay_X", 1000)).effect()).isEqualTo(Effect.DECIDED);
    }

    @Test
    void anInjectedFailureRefundsNothing() {
        bank.pay(pay("pay_1", 1000));
        failures.update(new FailureUpdate(null, 1, 502, null, null, null));

        RefundAnswer failed = bank.refund(refund("pay_1", "rfd_1", 300));

        assertThat(failed.effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(failed.result()).isNull();
        assertThat(failed.failStatus()).isEqualTo(502);
        assertThat(failed.delayMillis()).isEqualTo(20);
        assertThat(bank.findRefund("rfd_1")).isEmpty();
        // a refund is no pay request, not even a failed one
        assertThat(bank.book().tally("pay_1")).isEqualTo(new RefTally("pay_1", 1, 1, PaymentStatus.APPROVED));

        RefundAnswer retried = bank.refund(refund("pay_1", "rfd_1", 300));
        assertThat(retried.effect()).isEqualTo(Effect.DECIDED);
        assertThat(retried.result().refundId()).startsWith("sr_").hasSize(35);
        assertThat(bank.book().tally("pay_1").refunded()).isEqualTo(300);
    }

    @Test
    void aFailureForOneReferenceIsMatchedOnTheRefundRef() {
        bank.pay(pay("pay_1", 1000));
        failures.update(new FailureUpdate(null, null, null, null, null, Map.of("rfd_X", 1, "pay_1", 5)));

        assertThat(bank.refund(refund("pay_1", "rfd_Y", 100)).effect()).isEqualTo(Effect.DECIDED);
        assertThat(bank.refund(refund("pay_1", "rfd_X", 100)).effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(bank.refund(refund("pay_1", "rfd_X", 100)).effect()).isEqualTo(Effect.DECIDED);
        assertThat(failures.settings().failRefs()).isEqualTo(Map.of("pay_1", 5));
        assertThat(bank.book().tally("pay_1").refunded()).isEqualTo(200);
    }

    @Test
    void aSlowRefundAnswerHasStillRefunded() {
        bank.pay(pay("pay_1", 1000));
        failures.update(new FailureUpdate(null, null, null, 1, 5_000L, null));

        RefundAnswer slow = bank.refund(refund("pay_1", "rfd_1", 1000));

        assertThat(slow.effect()).isEqualTo(Effect.DECIDED);
        assertThat(slow.delayMillis()).isEqualTo(5_000);
        assertThat(bank.findRefund("rfd_1")).map(RefundResult::status).contains(RefundStatus.REFUNDED);
        RefundAnswer retry = bank.refund(refund("pay_1", "rfd_1", 1000));
        assertThat(retry.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(retry.delayMillis()).isEqualTo(20);
        assertThat(bank.book().tally("pay_1").refunded()).isEqualTo(1000);
    }

    private static RefundRequest refund(String merchantRef, String refundRef, long amount) {
        return new RefundRequest(merchantRef, refundRef, amount, "USD");
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }
}
