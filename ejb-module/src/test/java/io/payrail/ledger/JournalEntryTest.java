package io.payrail.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Money;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aBalancedEntryKeepsItsLegsWithSignedAmounts() {
        Money amount = Money.ofMinor(1999, "USD");
        JournalEntry entry = JournalEntry.of("PAYMENT_CAPTURED", "pay_1", NOW)
                .debit(AccountType.CHANNEL_RECEIVABLE, "SIMBANK", amount)
                .credit(AccountType.MERCHANT_PENDING, "M1", amount)
                .build();
        assertThat(entry.currency()).isEqualTo("USD");
        assertThat(entry.postings()).extracting(Posting::amountMinor).containsExactly(1999L, -1999L);
        assertThat(entry.postings()).extracting(Posting::accountType)
                .containsExactly(AccountType.CHANNEL_RECEIVABLE, AccountType.MERCHANT_PENDING);
        assertThat(entry.postings().stream().mapToLong(Posting::amountMinor).sum()).isZero();
    }

    @Test
    void anUnbalancedEntryIsNeverBuilt() {
        assertThatThrownBy(() -> JournalEntry.of("X", "r", NOW)
                .debit(AccountType.CHANNEL_RECEIVABLE, "C", Money.ofMinor(100, "USD"))
                .credit(AccountType.MERCHANT_PENDING, "M", Money.ofMinor(99, "USD"))
                .build()).isInstanceOf(JournalEntry.UnbalancedEntryException.class).hasMessageContaining("off by 1");
    }

    @Test
    void aSingleLegIsNotAnEntry() {
        assertThatThrownBy(() -> JournalEntry.of("X", "r", NOW)
                .debit(AccountType.CHANNEL_RECEIVABLE, "C", Money.ofMinor(0, "USD"))
                .build()).isInstanceOf(JournalEntry.UnbalancedEntryException.class);
    }

    @Test
    void oneEntryHoldsOneCurrency() {
        assertThatThrownBy(() -> JournalEntry.of("X", "r", NOW)
                .debit(AccountType.CHANNEL_RECEIVABLE, "C", Money.ofMinor(100, "USD"))
                .credit(AccountType.MERCHANT_PENDING, "M", Money.ofMinor(100, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anyMixOfLegsBuildsIfAndOnlyIfItSumsToZero() {
        Random random = new Random(42);
        for (int run = 0; run < 2_000; run++) {
            JournalEntry.Builder builder = JournalEntry.of("X", "r" + run, NOW);
            long sum = 0;
            int legs = 2 + random.nextInt(5);
            for (int i = 0; i < legs - 1; i++) {
                long amount = random.nextInt(2_000_001) - 1_000_000;
                sum += amount;
                builder.debit(AccountType.SUSPENSE, "o" + i, Money.ofMinor(amount, "EUR"));
            }
            boolean balance = random.nextBoolean();
            long last = balance ? -sum : -sum + 1 + random.nextInt(100);
            builder.debit(AccountType.SUSPENSE, "last", Money.ofMinor(last, "EUR"));
            if (balance) {
                assertThat(builder.build().postings().stream().mapToLong(Posting::amountMinor).sum()).isZero();
            } else {
                assertThatThrownBy(builder::build).isInstanceOf(JournalEntry.UnbalancedEntryException.class);
            }
        }
    }
}
