package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.channel.Fees;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.fault.BankOperation;
import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.fault.FailureUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfers (payouts): once per reference, however often or concurrently asked, and across a restart. */
class TransferBookTest {

    @TempDir
    Path dir;

    private static TransferRequest payout(String ref, long amount, String account) {
        return new TransferRequest(ref, amount, "USD", account, "Merchant One");
    }

    private Bank bank(TransferBook transfers, FailurePlan failures) {
        return new Bank("SIMBANK", ChargeBook.open(ChargeLog.NONE, Clock.systemUTC(), TransactionIds.withPrefix("sb")),
                failures, new Fees(0), new StatementDiffs("sb"), transfers);
    }

    @Test
    void aReferenceIsExecutedOnceAndItsRetriesAnswerTheSameTransfer() throws Exception {
        TransferBook book = new TransferBook(dir.resolve("t.jsonl"), false, Clock.systemUTC(),
                TransactionIds.withPrefix("st"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<TransferAnswer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(pool.submit(() -> book.transfer(payout("stl_1", 9_500, "DE89370400440532013000"), 0)));
        }
        pool.shutdown();
        List<String> ids = new ArrayList<>();
        int decided = 0;
        for (Future<TransferAnswer> a : answers) {
            ids.add(a.get().result().transferId());
            decided += a.get().effect() == Effect.DECIDED ? 1 : 0;
        }
        assertThat(decided).isEqualTo(1);
        assertThat(ids).allMatch(ids.get(0)::equals);
        assertThat(book.record("stl_1")).containsEntry("requests", 40L).containsEntry("executions", 1L)
                .containsEntry("status", "EXECUTED");
        assertThat(book.transfer(payout("stl_1", 9_000, "DE89370400440532013000"), 0).effect())
                .isEqualTo(Effect.REF_REUSED);
        book.close();

        TransferBook reopened = new TransferBook(dir.resolve("t.jsonl"), false, Clock.systemUTC(),
                TransactionIds.withPrefix("st"));
        TransferAnswer after = reopened.transfer(payout("stl_1", 9_500, "DE89370400440532013000"), 0);
        assertThat(after.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(after.result().transferId()).isEqualTo(ids.get(0));
        assertThat(reopened.totals()).isEqualTo(new TransferBook.Totals(1, 42, 1, 0,
                List.of(new TransferBook.Beneficiary("DE89370400440532013000", "USD", 1, 9_500))));
        reopened.close();
    }

    @Test
    void anAccountEndingIn13IsClosedAndNothingMoves() {
        TransferBook book = new TransferBook(null, false, Clock.systemUTC(), TransactionIds.withPrefix("st"));
        TransferAnswer answer = book.transfer(payout("stl_2", 100, "GB00CLOSED0000000013"), 0);
        assertThat(answer.result().status()).isEqualTo("REJECTED");
        assertThat(answer.result().reasonCode()).isEqualTo("ACCOUNT_CLOSED");
        assertThat(book.record("stl_2")).containsEntry("executions", 0L);
        assertThat(book.totals().beneficiaries()).isEmpty();
    }

    @Test
    void injectedFailuresMoveNothingAndASlowAnswerHasStillPaid() {
        FailurePlan failures = new FailurePlan(20);
        TransferBook book = new TransferBook(null, false, Clock.systemUTC(), TransactionIds.withPrefix("st"));
        Bank bank = bank(book, failures);
        failures.update(new FailureUpdate(null, null, 503, null, null, Map.of("stl_3", 1),
                Set.of(BankOperation.TRANSFER), null, null));
        assertThat(bank.transfer(payout("stl_3", 100, "NL91ABNA0417164300")).effect()).isEqualTo(Effect.INJECTED_FAILURE);
        assertThat(book.record("stl_3")).containsEntry("requests", 1L).containsEntry("executions", 0L);
        failures.update(new FailureUpdate(null, null, null, 1, 30_000L, null));
        TransferAnswer slow = bank.transfer(payout("stl_3", 100, "NL91ABNA0417164300"));
        assertThat(slow.delayMillis()).isEqualTo(30_000);
        assertThat(bank.queryTransfer("stl_3").found().orElseThrow().executed()).isTrue();
        assertThat(bank.queryTransfer("stl_nope").found()).isEmpty();
    }

    @Test
    void aRequestThatBreaksTheRulesIsRefusedBeforeTheBook() {
        assertThatThrownBy(() -> payout("stl 4", 100, "NL91ABNA0417164300")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> payout("stl_4", 0, "NL91ABNA0417164300")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> payout("stl_4", 100, "nl91")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("beneficiaryAccount");
    }

    @Test
    void aTornLastLineIsDroppedAtReplay() throws Exception {
        Path file = dir.resolve("torn.jsonl");
        TransferBook book = new TransferBook(file, false, Clock.systemUTC(), TransactionIds.withPrefix("st"));
        book.transfer(payout("stl_5", 100, "NL91ABNA0417164300"), 0);
        book.close();
        Files.writeString(file, Files.readString(file) + "{\"v\":1,\"at\":\"2026-");
        TransferBook reopened = new TransferBook(file, false, Clock.systemUTC(), TransactionIds.withPrefix("st"));
        assertThat(reopened.record("stl_5")).containsEntry("executions", 1L);
        reopened.close();
    }
}
