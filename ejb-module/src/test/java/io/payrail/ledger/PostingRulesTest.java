package io.payrail.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each rule moves exactly the accounts the table in {@link PostingRules} names, by exactly that money. */
class PostingRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Money USD_1000 = Money.ofMinor(1000, "USD");

    /** "TYPE(owner)" → signed minor units. */
    private static Map<String, Long> legs(JournalEntry entry) {
        Map<String, Long> out = new TreeMap<>();
        for (Posting p : entry.postings()) {
            out.merge(p.accountType() + "(" + p.accountOwner() + ")", p.amountMinor(), Long::sum);
        }
        assertThat(out.values().stream().mapToLong(Long::longValue).sum()).as("balances").isZero();
        return out;
    }

    @Test
    void aCaptureOwesTheMerchantTheGrossAndTheFeeComesOutOfItSeparately() {
        assertThat(legs(PostingRules.paymentCaptured("pay_1", "SIMBANK", "M1", USD_1000, NOW)))
                .isEqualTo(Map.of("CHANNEL_RECEIVABLE(SIMBANK)", 1000L, "MERCHANT_PENDING(M1)", -1000L));
        JournalEntry fee = PostingRules.feeCharged("pay_1", "M1", Money.ofMinor(32, "USD"), NOW).orElseThrow();
        assertThat(fee.entryType()).isEqualTo("FEE_CHARGED");
        assertThat(fee.referenceId()).isEqualTo("pay_1");
        assertThat(legs(fee)).isEqualTo(Map.of("MERCHANT_PENDING(M1)", 32L, "PLATFORM_FEE_REVENUE(PLATFORM)", -32L));
        assertThat(PostingRules.feeCharged("pay_1", "M1", Money.ofMinor(0, "USD"), NOW)).isEmpty();
    }

    @Test
    void aRefundLeavesThePendingBalanceAndItsFeePartComesBack() {
        assertThat(legs(PostingRules.paymentRefunded("rfd_1", "SIMBANK", "M1", Money.ofMinor(400, "USD"), NOW)))
                .isEqualTo(Map.of("MERCHANT_PENDING(M1)", 400L, "CHANNEL_RECEIVABLE(SIMBANK)", -400L));
        assertThat(legs(PostingRules.feeRefunded("rfd_1", "M1", Money.ofMinor(13, "USD"), NOW).orElseThrow()))
                .isEqualTo(Map.of("PLATFORM_FEE_REVENUE(PLATFORM)", 13L, "MERCHANT_PENDING(M1)", -13L));
        assertThat(PostingRules.feeRefunded("rfd_1", "M1", Money.ofMinor(0, "USD"), NOW)).isEmpty();
    }

    @Test
    void moneyThatIsNotTheMerchantsGoesThroughSuspense() {
        assertThat(legs(PostingRules.latePaymentCaptured("pay_1:SIMBANK2", "SIMBANK2", USD_1000, NOW)))
                .isEqualTo(Map.of("CHANNEL_RECEIVABLE(SIMBANK2)", 1000L, "SUSPENSE(SIMBANK2)", -1000L));
        assertThat(legs(PostingRules.captureDiscrepancy("pay_1", "WALLET", USD_1000, NOW)))
                .isEqualTo(Map.of("CHANNEL_RECEIVABLE(WALLET)", 1000L, "SUSPENSE(WALLET)", -1000L));
        for (JournalEntry out : List.of(PostingRules.latePaymentRefunded("rfd_1", "WALLET", USD_1000, NOW),
                PostingRules.suspenseRefunded("rfd_1", "WALLET", USD_1000, NOW),
                PostingRules.refundDiscrepancy("rfd_1", "WALLET", USD_1000, NOW))) {
            assertThat(legs(out)).isEqualTo(Map.of("SUSPENSE(WALLET)", 1000L, "CHANNEL_RECEIVABLE(WALLET)", -1000L));
        }
    }

    @Test
    void aStatementLineSettlesTheReceivableIntoTheBankLessTheChannelsFee() {
        assertThat(legs(PostingRules.channelSettledPayment("mv_1", "CARDGW", USD_1000, Money.ofMinor(6, "USD"), NOW)))
                .isEqualTo(Map.of("PLATFORM_BANK(PLATFORM)", 994L, "CHANNEL_FEES(CARDGW)", 6L,
                        "CHANNEL_RECEIVABLE(CARDGW)", -1000L));
        assertThat(legs(PostingRules.channelSettledPayment("mv_2", "SIMBANK", USD_1000, Money.ofMinor(0, "USD"), NOW)))
                .as("no zero leg").isEqualTo(Map.of("PLATFORM_BANK(PLATFORM)", 1000L, "CHANNEL_RECEIVABLE(SIMBANK)", -1000L));
        assertThat(legs(PostingRules.channelSettledRefund("mv_3", "CARDGW", Money.ofMinor(400, "USD"), NOW)))
                .isEqualTo(Map.of("CHANNEL_RECEIVABLE(CARDGW)", 400L, "PLATFORM_BANK(PLATFORM)", -400L));
    }

    @Test
    void aSettlementMovesPendingToAvailableThenPaysItOutOfTheBank() {
        Money net = Money.ofMinor(9_500, "EUR");
        assertThat(legs(PostingRules.settlementApproved("stl_1", "M1", net, NOW)))
                .isEqualTo(Map.of("MERCHANT_PENDING(M1)", 9_500L, "MERCHANT_PAYABLE(M1)", -9_500L));
        assertThat(legs(PostingRules.settlementPaid("stl_1", "M1", net, NOW)))
                .isEqualTo(Map.of("MERCHANT_PAYABLE(M1)", 9_500L, "PLATFORM_BANK(PLATFORM)", -9_500L));
    }

    @Test
    void aResolutionMovesTheDeltaFromWhereItShowsToItsOwnerWhicheverItsSign() {
        LedgerAccount receivable = LedgerAccount.of(AccountType.CHANNEL_RECEIVABLE, "SIMBANK");
        LedgerAccount merchant = LedgerAccount.of(AccountType.MERCHANT_PENDING, "M1");
        // the platform booked 100 more than the channel has: the merchant bears it
        assertThat(legs(PostingRules.caseResolved(PostingRules.CASE_ACCEPTED, "case_1", Money.ofMinor(100, "USD"),
                receivable, merchant, NOW)))
                .isEqualTo(Map.of("MERCHANT_PENDING(M1)", 100L, "CHANNEL_RECEIVABLE(SIMBANK)", -100L));
        // the channel has 250 the platform never booked: parked in suspense
        assertThat(legs(PostingRules.caseResolved(PostingRules.CASE_PARKED, "case_2", Money.ofMinor(-250, "USD"),
                receivable, LedgerAccount.of(AccountType.SUSPENSE, "SIMBANK"), NOW)))
                .isEqualTo(Map.of("SUSPENSE(SIMBANK)", -250L, "CHANNEL_RECEIVABLE(SIMBANK)", 250L));
    }

    @Test
    void nonsenseIsRefusedBeforeAnythingIsBooked() {
        LedgerAccount suspense = LedgerAccount.of(AccountType.SUSPENSE, "SIMBANK");
        assertThatThrownBy(() -> PostingRules.paymentCaptured("p", "C", "M", Money.ofMinor(0, "USD"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingRules.feeCharged("p", "M", Money.ofMinor(-1, "USD"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingRules.channelSettledPayment("m", "C", USD_1000, Money.ofMinor(1, "EUR"), NOW))
                .isInstanceOf(Money.CurrencyMismatchException.class);
        assertThatThrownBy(() -> PostingRules.caseResolved(PostingRules.CASE_PARKED, "c", USD_1000, suspense, suspense,
                NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingRules.caseResolved(PostingRules.CASE_PARKED, "c", Money.ofMinor(0, "USD"),
                suspense, LedgerAccount.of(AccountType.WRITE_OFFS, Ledger.PLATFORM), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingRules.caseResolved(PostingRules.PAYMENT_CAPTURED, "c", USD_1000, suspense,
                LedgerAccount.of(AccountType.WRITE_OFFS, Ledger.PLATFORM), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
