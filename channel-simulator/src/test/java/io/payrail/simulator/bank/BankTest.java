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

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }
}
