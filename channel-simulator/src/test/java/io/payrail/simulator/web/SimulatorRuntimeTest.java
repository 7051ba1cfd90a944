package io.payrail.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.bank.Bank;
import io.payrail.simulator.bank.BookTotals;
import io.payrail.simulator.bank.CloseOutcome;
import io.payrail.simulator.bank.Effect;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.PaymentState;
import io.payrail.simulator.bank.PaymentStatus;
import io.payrail.simulator.bank.RefundRequest;
import io.payrail.simulator.fault.FailureUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIMBANK and SIMBANK2 as the application builds them: two banks that share nothing. */
class SimulatorRuntimeTest {

    @TempDir
    Path dir;

    private SimulatorRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Test
    void theTwoBanksHaveTheirOwnIdsBooksPlansAndJournals() throws IOException {
        start();
        Bank one = runtime.simBank();
        Bank two = runtime.simBank2();

        assertThat(one.channelId()).isEqualTo("SIMBANK");
        assertThat(two.channelId()).isEqualTo("SIMBANK2");
        assertThat(runtime.bankAt("bank")).isSameAs(one);
        assertThat(runtime.bankAt("bank2")).isSameAs(two);
        PaymentResult paidOne = one.pay(pay("pay_1", 1000)).result();
        PaymentResult paidTwo = two.pay(pay("pay_1", 1000)).result();
        assertThat(paidOne.transactionId()).matches("sb_[0-9a-f]{32}");
        assertThat(paidTwo.transactionId()).matches("sb2_[0-9a-f]{32}");
        assertThat(one.refund(refund("pay_1", "rfd_1")).result().refundId()).matches("sr_[0-9a-f]{32}");
        assertThat(two.refund(refund("pay_1", "rfd_1")).result().refundId()).matches("sr2_[0-9a-f]{32}");

        // a reference paid in one bank is unknown to the other, which can fence it
        one.pay(pay("pay_2", 1000));
        assertThat(two.state("pay_2")).isEmpty();
        assertThat(two.close("pay_2").outcome()).isEqualTo(CloseOutcome.CLOSED);
        assertThat(one.state("pay_2")).map(PaymentState::closed).contains(false);

        // failures injected into one bank leave the other healthy
        two.failures().update(new FailureUpdate(null, 3, 503, null, null, null));
        assertThat(one.pay(pay("pay_3", 1000)).effect()).isEqualTo(Effect.DECIDED);
        assertThat(two.pay(pay("pay_3", 1000)).effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(one.failures().settings().failNextRequests()).isZero();

        // clearing one bank's records keeps the other's
        one.book().clear();
        assertThat(one.book().totals()).isEqualTo(new BookTotals(0, 0, 0, 0));
        assertThat(two.find("pay_1")).contains(paidTwo);

        assertThat(Files.readString(dir.resolve("simbank-journal.jsonl"), StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(dir.resolve("simbank2-journal.jsonl"), StandardCharsets.UTF_8))
                .contains(paidTwo.transactionId()).contains("\"effect\":\"CLOSED\"")
                .doesNotContain(paidOne.transactionId());
    }

    @Test
    void eachBankReplaysItsOwnJournalAfterARestart() {
        start();
        PaymentResult paid = runtime.simBank2().pay(pay("pay_1", 1000)).result();
        runtime.simBank2().close("pay_X");
        runtime.simBank().pay(pay("pay_9", 1013));
        runtime.stop();

        start();

        Bank one = runtime.simBank();
        Bank two = runtime.simBank2();
        assertThat(two.find("pay_1")).contains(paid);
        assertThat(two.state("pay_X")).contains(new PaymentState("pay_X", null, true));
        assertThat(two.pay(pay("pay_X", 1000)).effect()).isEqualTo(Effect.ORDER_CLOSED);
        assertThat(one.find("pay_1")).isEmpty();
        assertThat(one.state("pay_X")).isEmpty();
        assertThat(one.find("pay_9")).map(PaymentResult::status).contains(PaymentStatus.DECLINED);
        assertThat(two.find("pay_9")).isEmpty();
    }

    private void start() {
        runtime = new SimulatorRuntime();
        runtime.dataDir = Optional.of(dir.toString());
        runtime.latencyMs = 0;
        runtime.journalSync = false;
        runtime.start();
    }

    private static PaymentRequest pay(String ref, long amount) {
        return new PaymentRequest(ref, amount, "USD", "test", "BANK_CARD");
    }

    private static RefundRequest refund(String merchantRef, String refundRef) {
        return new RefundRequest(merchantRef, refundRef, 100, "USD");
    }
}
