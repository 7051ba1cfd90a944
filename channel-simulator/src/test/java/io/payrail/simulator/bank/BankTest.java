package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.fault.BankOperation;
import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.fault.FailureUpdate;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Test
    void aCloseFencesTheReferenceAndIsNotAffectedByTheFailurePlan() {
        failures.update(new FailureUpdate(null, 1, 503, 1, 5_000L, null));

        CloseResult close = bank.close("pay_X");

        assertThat(close.outcome()).isEqualTo(CloseOutcome.CLOSED);
        assertThat(failures.settings().failNextRequests()).isEqualTo(1);
        assertThat(failures.settings().timeoutNextRequests()).isEqualTo(1);
        // the front door still answers first; behind it the fence refuses
        assertThat(bank.pay(pay("pay_X", 1000)).effect()).isEqualTo(Effect.INJECTED_FAILURE);
        BankAnswer fenced = bank.pay(pay("pay_X", 1000));
        assertThat(fenced.effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(fenced.delayMillis()).isEqualTo(5_000);
        assertThat(bank.state("pay_X")).contains(new PaymentState("pay_X", null, true));
        assertThat(bank.book().tally("pay_X")).isEqualTo(new RefTally("pay_X", 2, 0, null, 0, 0, true));
    }

    @Test
    void aPaidReferenceIsNotClosed() {
        PaymentResult approved = bank.pay(pay("pay_1", 1000)).result();

        assertThat(bank.close("pay_1")).isEqualTo(new CloseResult("pay_1", CloseOutcome.PAID, approved));
        assertThat(bank.state("pay_1")).contains(new PaymentState("pay_1", approved, false));
    }

    @Test
    void aCloseChecksTheReference() {
        assertThatThrownBy(() -> bank.close("pay/1")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("merchantRef must be 1-64");
        assertThatThrownBy(() -> bank.close("x".repeat(65))).isInstanceOf(InvalidRequestException.class);
        assertThat(bank.book().totals().refs()).isZero();
    }

    @Test
    void twoBanksShareNothing() {
        FailurePlan otherFailures = new FailurePlan(20);
        Bank other = new Bank("SIMBANK2", ChargeBook.open(ChargeLog.NONE, Clock.systemUTC(),
                TransactionIds.withPrefix("sb2"), TransactionIds.withPrefix("sr2")), otherFailures);
        failures.update(new FailureUpdate(null, 5, 503, null, null, null));

        BankAnswer paid = other.pay(pay("pay_1", 1000));
        RefundAnswer refunded = other.refund(refund("pay_1", "rfd_1", 100));

        assertThat(paid.effect()).isEqualTo(Effect.DECIDED);
        assertThat(paid.result().transactionId()).startsWith("sb2_").hasSize(36);
        assertThat(refunded.result().refundId()).startsWith("sr2_").hasSize(36);
        assertThat(bank.find("pay_1")).isEmpty();
        assertThat(bank.close("pay_1").outcome()).isEqualTo(CloseOutcome.CLOSED);
        assertThat(other.state("pay_1")).map(PaymentState::closed).contains(false);
        assertThat(bank.pay(pay("pay_1", 1000)).effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(failures.settings().failNextRequests()).isEqualTo(4);
        assertThat(otherFailures.settings().failNextRequests()).isZero();
    }

    @Test
    void queriesAreAnsweredByTheBookUnlessQueryFailuresAreAskedFor() {
        bank.pay(pay("pay_1", 1000));
        bank.refund(refund("pay_1", "rfd_1", 300));
        failures.update(new FailureUpdate(null, 5, 503, null, null, null));

        assertThat(bank.query("pay_1").found()).map(PaymentState::decision).map(PaymentResult::status)
                .contains(PaymentStatus.APPROVED);
        assertThat(bank.queryRefund("rfd_1").found()).map(RefundResult::status).contains(RefundStatus.REFUNDED);
        assertThat(bank.query("pay_never")).isEqualTo(new QueryAnswer<>(Optional.empty(), 0));
        assertThat(failures.settings().failNextRequests()).isEqualTo(5);
    }

    @Test
    void aFailedQueryAnswersTheFailureAndChangesNothing() {
        bank.pay(pay("pay_1", 1000));
        bank.refund(refund("pay_1", "rfd_1", 300));
        RefTally before = bank.book().tally("pay_1");
        failures.update(new FailureUpdate(null, 1, 500, null, null, Map.of("pay_1", 1, "rfd_1", 1),
                Set.of(BankOperation.QUERY), null, null));

        assertThat(bank.query("pay_1")).isEqualTo(new QueryAnswer<>(Optional.empty(), 500));
        assertThat(bank.queryRefund("rfd_1")).isEqualTo(new QueryAnswer<>(Optional.empty(), 500));
        assertThat(bank.query("pay_1").failStatus()).as("the global count").isEqualTo(500);
        assertThat(bank.query("pay_1").failed()).isFalse();
        assertThat(bank.queryRefund("rfd_1").found()).isPresent();
        assertThat(bank.book().tally("pay_1")).isEqualTo(before);
        // failOperations without PAY and REFUND: pay and refund requests go through
        assertThat(bank.pay(pay("pay_2", 1000)).effect()).isEqualTo(Effect.DECIDED);
    }

    private static RefundRequest refund(String merchantRef, String refundRef, long amount) {
        return new RefundRequest(merchantRef, refundRef, amount, "USD");
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }
}
