package io.payrail.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.common.Currencies;
import io.payrail.common.Money;
import io.payrail.fee.FeeCalculator;
import io.payrail.fee.FeeTerms;
import io.payrail.fee.RefundPolicy;
import io.payrail.ledger.AccountType;
import io.payrail.ledger.JournalEntry;
import io.payrail.ledger.Ledger;
import io.payrail.ledger.LedgerAccount;
import io.payrail.ledger.Posting;
import io.payrail.ledger.PostingRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random days of payments, failures, refunds (with their fee shares under either refund policy),
 * channel statements (some with another fee than the channel's contract), channel-side discrepancies
 * and fee mismatches and their resolutions, settlements and payouts, in
 * USD (2 decimals), JPY (0) and BHD (3), booked through the real {@link PostingRules},
 * {@link FeeCalculator} and {@link SettlementRules}: every entry balances, the trial balance is zero
 * in every currency, each merchant's settled + available + pending equals its captures − refunds −
 * fees to the minor unit, what is left unsettled is exactly the net of its open settlement lines,
 * and suspense is back at zero once every case is resolved.
 */
class MoneyBooksPropertyTest {

    private static final List<String> MERCHANTS = List.of("M1", "M2");
    private static final List<String> CHANNELS = List.of("SIMBANK", "WALLET");
    private static final List<String> CURRENCIES = List.of("USD", "JPY", "BHD");
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    /** One random step: what it does is {@code op}; a, b and amount pick its subjects and money. */
    record Step(int op, int a, int b, long amount) {
    }

    @Provide
    Arbitrary<List<Step>> days() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 999),
                        Arbitraries.integers().between(0, 999), Arbitraries.longs().between(1, 5_000_000))
                .as(Step::new).list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void theBooksBalanceAndEveryMerchantIsOwedExactlyWhatItEarned(@ForAll("days") List<Step> steps) {
        Books books = new Books();
        steps.forEach(books::apply);
        books.checkInvariants();
        books.resolveEveryOpenCase();
        books.checkInvariants();
        for (String channel : CHANNELS) {
            for (String currency : CURRENCIES) {
                assertThat(books.balance(AccountType.SUSPENSE, channel, currency))
                        .as("suspense of %s in %s once every case is resolved", channel, currency).isZero();
            }
        }
    }

    /** The journal of one random day, and the figures an independent count expects of it. */
    private static final class Books {
        private final List<JournalEntry> journal = new ArrayList<>();
        private final Set<String> booked = new HashSet<>();
        private final List<Order> orders = new ArrayList<>();
        private final List<Held> cases = new ArrayList<>();
        private final List<FeeCase> feeCases = new ArrayList<>();
        private final List<Approved> approved = new ArrayList<>();
        /** merchant|currency → lines not yet in a settlement. */
        private final Map<String, List<SettlementLine>> open = new HashMap<>();
        /** merchant|currency → captures − refunds − fees, counted apart from the ledger. */
        private final Map<String, Long> earned = new HashMap<>();
        private int next;

        void apply(Step s) {
            switch (s.op()) {
                case 0, 1, 2, 3 -> pay(s);
                case 4 -> { } // a declined or failed payment: nothing moves
                case 5, 6 -> refund(s);
                case 7 -> statement(s);
                case 8 -> discrepancy(s);
                case 9 -> {
                    resolve(s.a(), s.b());
                    resolveFee(s.b(), s.a());
                }
                case 10, 11 -> settle(MERCHANTS.get(s.a() % MERCHANTS.size()), CURRENCIES.get(s.b() % CURRENCIES.size()));
                default -> payout(s.a());
            }
        }

        private void pay(Step s) {
            String merchant = MERCHANTS.get(s.a() % MERCHANTS.size());
            String currency = CURRENCIES.get((s.a() / 2) % CURRENCIES.size());
            Money amount = Money.ofMinor(s.amount(), currency);
            FeeTerms terms = new FeeTerms(s.b() % 500, s.b() % 50, s.b() % 20, s.b() % 3 == 0 ? null : 20L + s.b(),
                    s.b() % 2 == 0 ? RefundPolicy.PRO_RATA : RefundPolicy.KEEP);
            Money fee = FeeCalculator.fee(amount, terms);
            Order order = new Order("ord_" + next++, merchant, CHANNELS.get(s.b() % CHANNELS.size()), amount, fee,
                    terms.refundPolicy());
            orders.add(order);
            book(PostingRules.paymentCaptured(order.id, order.channel, merchant, amount, AT));
            book(PostingRules.feeCharged(order.id, merchant, fee, AT));
            line(merchant, new SettlementLine(SettlementLine.Kind.CAPTURE, order.id, amount, fee));
            earn(merchant, currency, amount.minorUnits() - fee.minorUnits());
        }

        private void refund(Step s) {
            if (orders.isEmpty()) {
                return;
            }
            Order order = orders.get(s.a() % orders.size());
            long left = order.amount.minorUnits() - order.refunded.minorUnits();
            if (left == 0) {
                return;
            }
            Money amount = Money.ofMinor(1 + s.amount() % left, order.amount.currency());
            Money feeBack = FeeCalculator.feeRefund(order.amount, order.fee, order.refunded, amount, order.policy);
            order.refunded = order.refunded.plus(amount);
            String refundId = "rfd_" + next++;
            book(PostingRules.paymentRefunded(refundId, order.channel, order.merchant, amount, AT));
            book(PostingRules.feeRefunded(refundId, order.merchant, feeBack, AT));
            line(order.merchant, new SettlementLine(SettlementLine.Kind.REFUND, refundId, amount, feeBack));
            earn(order.merchant, amount.currencyCode(), feeBack.minorUnits() - amount.minorUnits());
        }

        /** The channel's statement lists the capture: it pays our bank less its own fee (0.25 %, half even). */
        private void statement(Step s) {
            if (orders.isEmpty()) {
                return;
            }
            Order order = orders.get(s.a() % orders.size());
            if (order.onStatement) {
                return; // a movement is imported once, however often its statement is fetched
            }
            order.onStatement = true;
            long channelFee = BigDecimal.valueOf(order.amount.minorUnits()).multiply(BigDecimal.valueOf(25))
                    .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_EVEN).longValueExact();
            long deducted = channelFee;
            if (s.b() % 4 == 0 && order.amount.minorUnits() > channelFee) {
                deducted = channelFee + 1 + s.amount() % (order.amount.minorUnits() - channelFee); // more than agreed
            } else if (s.b() % 4 == 1 && channelFee > 0) {
                deducted = channelFee - 1; // less than agreed
            }
            book(PostingRules.channelSettledPayment("mv_" + order.id, order.channel, order.amount,
                    Money.ofMinor(deducted, order.amount.currency()), AT));
            if (deducted != channelFee) {
                // reconciliation's fee mismatch: the excess leaves the channel's fees for suspense
                FeeCase c = new FeeCase("case_" + next++, order.channel,
                        Money.ofMinor(deducted - channelFee, order.amount.currency()));
                feeCases.add(c);
                book(PostingRules.feeDifference(c.id + ":" + c.excess.currencyCode(), c.channel, c.excess, AT));
            }
        }

        /** An approved fee case: 0 accepts the channel's fee (a cost of ours), 1 writes the excess off. */
        private void resolveFee(int which, int how) {
            if (feeCases.isEmpty()) {
                return;
            }
            FeeCase c = feeCases.get(which % feeCases.size());
            if (c.resolved) {
                return;
            }
            c.resolved = true;
            LedgerAccount to = how % 2 == 0 ? LedgerAccount.of(AccountType.CHANNEL_FEES, c.channel)
                    : LedgerAccount.of(AccountType.WRITE_OFFS, Ledger.PLATFORM);
            book(PostingRules.caseResolved(how % 2 == 0 ? PostingRules.CASE_ACCEPTED : PostingRules.CASE_WRITTEN_OFF,
                    c.id + ":" + c.excess.currencyCode(), c.excess, LedgerAccount.of(AccountType.SUSPENSE, c.channel),
                    to, AT));
        }

        /** A channel took other money than an order asked: the order is held, the money waits in suspense. */
        private void discrepancy(Step s) {
            Held held = new Held("case_" + next++, "ord_" + next++, MERCHANTS.get(s.a() % MERCHANTS.size()),
                    CHANNELS.get(s.b() % CHANNELS.size()),
                    Money.ofMinor(s.amount(), CURRENCIES.get(s.b() % CURRENCIES.size())));
            cases.add(held);
            book(PostingRules.captureDiscrepancy(held.orderId, held.channel, held.reported, AT));
        }

        /** An approved resolution: 0 accepts the channel's figure, 1 writes it off, 2 refunds the payer. */
        private void resolve(int which, int how) {
            if (cases.isEmpty()) {
                return;
            }
            Held held = cases.get(which % cases.size());
            if (held.resolved) {
                return;
            }
            held.resolved = true;
            LedgerAccount suspense = LedgerAccount.of(AccountType.SUSPENSE, held.channel);
            // the platform booked nothing to anybody, the channel holds the reported money
            Money delta = held.reported.negate();
            switch (how % 3) {
                case 0 -> {
                    book(PostingRules.caseResolved(PostingRules.CASE_ACCEPTED, held.id, delta, suspense,
                            LedgerAccount.of(AccountType.MERCHANT_PENDING, held.merchant), AT));
                    line(held.merchant, new SettlementLine(SettlementLine.Kind.ADJUSTMENT_CREDIT, held.id,
                            held.reported, Money.zero(held.reported.currency())));
                    earn(held.merchant, held.reported.currencyCode(), held.reported.minorUnits());
                }
                case 1 -> book(PostingRules.caseResolved(PostingRules.CASE_WRITTEN_OFF, held.id, delta, suspense,
                        LedgerAccount.of(AccountType.WRITE_OFFS, Ledger.PLATFORM), AT));
                default -> book(PostingRules.suspenseRefunded("rfd_" + held.id, held.channel, held.reported, AT));
            }
        }

        private void settle(String merchant, String currency) {
            List<SettlementLine> lines = open.getOrDefault(merchant + "|" + currency, List.of());
            Money net = SettlementRules.net(Currencies.require(currency), lines);
            if (!SettlementRules.payable(net)) {
                return; // carried forward: the lines stay open
            }
            Approved settlement = new Approved("stl_" + next++, merchant, net);
            book(PostingRules.settlementApproved(settlement.id, merchant, net, AT));
            approved.add(settlement);
            open.remove(merchant + "|" + currency);
        }

        private void payout(int which) {
            if (approved.isEmpty()) {
                return;
            }
            Approved settlement = approved.get(which % approved.size());
            if (!settlement.paid) {
                settlement.paid = true;
                book(PostingRules.settlementPaid(settlement.id, settlement.merchant, settlement.net, AT));
            }
        }

        void resolveEveryOpenCase() {
            for (int i = 0; i < cases.size(); i++) {
                resolve(i, i);
            }
            for (int i = 0; i < feeCases.size(); i++) {
                resolveFee(i, i);
            }
        }

        void checkInvariants() {
            Map<String, Long> trial = new HashMap<>();
            for (JournalEntry entry : journal) {
                long sum = 0;
                for (Posting p : entry.postings()) {
                    assertThat(p.currency()).as("one currency per entry").isEqualTo(entry.currency());
                    sum += p.amountMinor();
                }
                assertThat(sum).as("%s %s balances", entry.entryType(), entry.referenceId()).isZero();
                trial.merge(entry.currency(), sum, Long::sum);
            }
            assertThat(trial.values()).as("trial balance").allMatch(v -> v == 0);
            for (String merchant : MERCHANTS) {
                for (String currency : CURRENCIES) {
                    long pending = -balance(AccountType.MERCHANT_PENDING, merchant, currency);
                    long available = -balance(AccountType.MERCHANT_PAYABLE, merchant, currency);
                    long settled = paidOut(merchant, currency);
                    String key = merchant + "|" + currency;
                    assertThat(settled + available + pending).as("settled + available + pending of %s", key)
                            .isEqualTo(earned.getOrDefault(key, 0L));
                    assertThat(pending).as("pending of %s is the net of its open settlement lines", key)
                            .isEqualTo(SettlementRules.net(Currencies.require(currency),
                                    open.getOrDefault(key, List.of())).minorUnits());
                }
            }
        }

        long balance(AccountType type, String owner, String currency) {
            return journal.stream().flatMap(e -> e.postings().stream())
                    .filter(p -> p.accountType() == type && p.accountOwner().equals(owner)
                            && p.currency().equals(currency))
                    .mapToLong(Posting::amountMinor).sum();
        }

        private long paidOut(String merchant, String currency) {
            return journal.stream().filter(e -> e.entryType().equals(PostingRules.SETTLEMENT_PAID))
                    .flatMap(e -> e.postings().stream())
                    .filter(p -> p.accountType() == AccountType.MERCHANT_PAYABLE && p.accountOwner().equals(merchant)
                            && p.currency().equals(currency))
                    .mapToLong(Posting::amountMinor).sum();
        }

        private void book(JournalEntry entry) {
            // the journal's unique key: an event is never booked twice
            assertThat(booked.add(entry.entryType() + "|" + entry.referenceId()))
                    .as("%s %s booked once", entry.entryType(), entry.referenceId()).isTrue();
            journal.add(entry);
        }

        private void book(Optional<JournalEntry> entry) {
            entry.ifPresent(this::book);
        }

        private void line(String merchant, SettlementLine line) {
            open.computeIfAbsent(merchant + "|" + line.gross().currencyCode(), k -> new ArrayList<>()).add(line);
        }

        private void earn(String merchant, String currency, long minor) {
            earned.merge(merchant + "|" + currency, minor, Long::sum);
        }
    }

    private static final class Order {
        final String id;
        final String merchant;
        final String channel;
        final Money amount;
        final Money fee;
        final RefundPolicy policy;
        Money refunded;
        boolean onStatement;

        Order(String id, String merchant, String channel, Money amount, Money fee, RefundPolicy policy) {
            this.id = id;
            this.merchant = merchant;
            this.channel = channel;
            this.amount = amount;
            this.fee = fee;
            this.policy = policy;
            this.refunded = Money.zero(amount.currency());
        }
    }

    private static final class Held {
        final String id;
        final String orderId;
        final String merchant;
        final String channel;
        final Money reported;
        boolean resolved;

        Held(String id, String orderId, String merchant, String channel, Money reported) {
            this.id = id;
            this.orderId = orderId;
            this.merchant = merchant;
            this.channel = channel;
            this.reported = reported;
        }
    }

    private static final class FeeCase {
        final String id;
        final String channel;
        /** What the channel deducted beyond its contract (negative: less). */
        final Money excess;
        boolean resolved;

        FeeCase(String id, String channel, Money excess) {
            this.id = id;
            this.channel = channel;
            this.excess = excess;
        }
    }

    private static final class Approved {
        final String id;
        final String merchant;
        final Money net;
        boolean paid;

        Approved(String id, String merchant, Money net) {
            this.id = id;
            this.merchant = merchant;
            this.net = net;
        }
    }
}
