package io.payrail.simulator.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.channel.Fees;
import io.payrail.simulator.channel.MutableClock;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.channel.StatementFile;
import io.payrail.simulator.fault.BankOperation;
import io.payrail.simulator.fault.FailurePlan;
import io.payrail.simulator.fault.FailureUpdate;
import io.payrail.simulator.fault.MoneyOverride;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SIMBANK's daily statement: what the book moved that day, its fee, and the differences a test injects. */
class BankStatementTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-01");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final FailurePlan failures = new FailurePlan(0);
    private final Bank bank = new Bank("SIMBANK", ChargeBook.open(ChargeLog.NONE, clock, TransactionIds.withPrefix("sb")),
            failures, new Fees(25), new StatementDiffs("sb"), new TransferBook(null, false, clock,
            TransactionIds.withPrefix("st")));

    private String statement(LocalDate day) {
        QueryAnswer<String> answer = bank.statement(day);
        assertThat(answer.failed()).isFalse();
        return answer.found().orElseThrow();
    }

    private List<String> lines(LocalDate day) {
        return List.of(statement(day).split("\n"));
    }

    @Test
    void listsEachChargeLessItsFeeAndEachRefundOnTheDayItWasDecided() {
        String txn = bank.pay(new PaymentRequest("pay_1", 10_000, "USD", "x", "BANK_CARD")).result().transactionId();
        bank.pay(new PaymentRequest("pay_D", 1013, "USD", "x", "BANK_CARD"));
        clock.advanceMillis(60_000);
        String refundId = bank.refund(new RefundRequest("pay_1", "rfd_1", 4_000, "USD")).result().refundId();
        clock.set(Instant.parse("2026-03-02T00:00:01Z"));
        bank.pay(new PaymentRequest("pay_2", 500, "EUR", "x", "BANK_CARD"));

        assertThat(lines(DAY)).containsExactly(StatementFile.HEADER,
                txn + ",pay_1,PAYMENT,10000,USD,25,2026-03-01T10:00:00.000Z,,",
                txn + ",pay_1,REFUND,4000,USD,0,2026-03-01T10:01:00.000Z,rfd_1," + refundId);
        assertThat(lines(DAY.plusDays(1))).hasSize(2).last().asString().contains(",pay_2,PAYMENT,500,EUR,1,");
        assertThat(lines(DAY.minusDays(1))).containsExactly(StatementFile.HEADER);
    }

    @Test
    void injectedDifferencesChangeTheStatementOfThatDayOnlyAndNeverTheBook() {
        bank.pay(new PaymentRequest("pay_1", 1000, "USD", "x", "BANK_CARD"));
        bank.pay(new PaymentRequest("pay_2", 1000, "USD", "x", "BANK_CARD"));
        bank.pay(new PaymentRequest("pay_3", 1000, "USD", "x", "BANK_CARD"));
        bank.statementDiffs().put(DAY, new StatementDiffs.DayDiff(Set.of("pay_1"),
                Map.of("pay_2", new MoneyOverride(900L, null)), Map.of("pay_3", 99L),
                List.of(new StatementDiffs.Extra("pay_GHOST", "PAYMENT", 700, "USD", 2, null, LocalTime.of(9, 0),
                        null, null))));

        String file = statement(DAY);
        assertThat(file).doesNotContain(",pay_1,")
                .contains(",pay_2,PAYMENT,900,USD,2,").contains(",pay_3,PAYMENT,1000,USD,99,")
                .containsPattern("sb_[0-9a-f]{32},pay_GHOST,PAYMENT,700,USD,2,2026-03-01T09:00:00.000Z,,\n");
        assertThat(file.indexOf("pay_GHOST")).as("oldest first").isLessThan(file.indexOf("pay_2"));
        assertThat(statement(DAY)).as("the extra line keeps its id").isEqualTo(file);
        assertThat(bank.book().tally("pay_1").charges()).isEqualTo(1);
        assertThat(bank.find("pay_2").orElseThrow().amount()).isEqualTo(1000);
        assertThat(lines(DAY.plusDays(1))).containsExactly(StatementFile.HEADER);

        bank.statementDiffs().put(DAY, StatementDiffs.DayDiff.NONE);
        assertThat(statement(DAY)).contains(",pay_1,").contains(",pay_2,PAYMENT,1000,USD,2,").doesNotContain("GHOST");
    }

    @Test
    void aStatementFailsOnlyWhenStatementsAreAmongTheOperationsToFail() {
        failures.update(new FailureUpdate(null, 1, 503, null, null, null));
        assertThat(bank.statement(DAY).failed()).as("default failOperations are PAY and REFUND").isFalse();
        failures.update(new FailureUpdate(null, 0, 500, null, null, Map.of(DAY.toString(), 1),
                Set.of(BankOperation.STATEMENT), null, null));
        QueryAnswer<String> failed = bank.statement(DAY);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.failStatus()).isEqualTo(500);
        assertThat(bank.statement(DAY).failed()).isFalse();
    }
}
