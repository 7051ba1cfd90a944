package io.payrail.ledger;

import io.payrail.common.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The posting rules: for every business event, which accounts move and by how much. Finance reads
 * them here (and in docs/settlement.md, which has the same table with a worked example); every
 * service books through these methods and nowhere else builds a journal entry. Each method returns
 * one balanced entry whose (entry type, reference) is unique in the journal, so an event can never
 * be booked twice.
 *
 * <pre>
 * event (entry type)        reference      debit                              credit
 * PAYMENT_CAPTURED          order          CHANNEL_RECEIVABLE(ch)   amount    MERCHANT_PENDING(m)        amount
 * FEE_CHARGED               order          MERCHANT_PENDING(m)      fee       PLATFORM_FEE_REVENUE       fee
 * PAYMENT_REFUNDED          refund         MERCHANT_PENDING(m)      amount    CHANNEL_RECEIVABLE(ch)     amount
 * FEE_REFUNDED              refund         PLATFORM_FEE_REVENUE     fee part  MERCHANT_PENDING(m)        fee part
 * LATE_PAYMENT_CAPTURED     order[:ch]     CHANNEL_RECEIVABLE(ch)   paid      SUSPENSE(ch)               paid
 * CAPTURE_DISCREPANCY       order          CHANNEL_RECEIVABLE(ch)   reported  SUSPENSE(ch)               reported
 * REFUND_DISCREPANCY        refund         SUSPENSE(ch)             reported  CHANNEL_RECEIVABLE(ch)     reported
 * LATE_PAYMENT_REFUNDED     refund         SUSPENSE(ch)             amount    CHANNEL_RECEIVABLE(ch)     amount
 * SUSPENSE_REFUNDED         refund         SUSPENSE(ch)             amount    CHANNEL_RECEIVABLE(ch)     amount
 * CHANNEL_SETTLED_PAYMENT   movement       PLATFORM_BANK  amount-fee,         CHANNEL_RECEIVABLE(ch)     amount
 *                                          CHANNEL_FEES(ch) fee
 * CHANNEL_SETTLED_REFUND    movement       CHANNEL_RECEIVABLE(ch)   amount    PLATFORM_BANK              amount
 * RECON_DIFFERENCE          case[:ccy]     SUSPENSE(ch)             residual  CHANNEL_RECEIVABLE(ch)     residual
 * FEE_DIFFERENCE            case[:ccy]     SUSPENSE(ch)             excess    CHANNEL_FEES(ch)           excess
 * CASE_CROSS_DAY            case[:ccy]     CHANNEL_RECEIVABLE(ch)   residual  SUSPENSE(ch)               residual
 * SETTLEMENT_APPROVED       settlement     MERCHANT_PENDING(m)      net       MERCHANT_PAYABLE(m)        net
 * SETTLEMENT_PAID           settlement     MERCHANT_PAYABLE(m)      net       PLATFORM_BANK              net
 * CASE_ACCEPTED             case           MERCHANT_PENDING(m)      delta     where the delta is         delta
 * CASE_WRITTEN_OFF          case           WRITE_OFFS               delta     where the delta is         delta
 * CASE_PARKED               case           SUSPENSE(ch)             delta     where the delta is         delta
 * CASE_REFUND_RESERVED      case           SUSPENSE(ch)             delta     where the delta is         delta
 * </pre>
 *
 * A case's delta is the platform's figure minus the channel's, on the account where it shows (the
 * channel's receivable, its fees, or suspense once parked); a negative delta swaps the two sides.
 * Reconciliation moves what a difference leaves on the channel's receivable (its residual) to
 * suspense at once (RECON_DIFFERENCE), so the receivable holds only what the channel confirmed and
 * every open case is in suspense; a resolution then moves it from suspense to its owner, and a
 * payment that was only late (on the next day's statement) moves it back (CASE_CROSS_DAY).
 * The cases' rules move that delta to its owner: the merchant (accept the channel's figure), the
 * platform (write off), suspense (book to suspense, or before the payer's money goes back).
 */
public final class PostingRules {

    public static final String PAYMENT_CAPTURED = "PAYMENT_CAPTURED";
    public static final String FEE_CHARGED = "FEE_CHARGED";
    public static final String PAYMENT_REFUNDED = "PAYMENT_REFUNDED";
    public static final String FEE_REFUNDED = "FEE_REFUNDED";
    public static final String LATE_PAYMENT_CAPTURED = "LATE_PAYMENT_CAPTURED";
    public static final String CAPTURE_DISCREPANCY = "CAPTURE_DISCREPANCY";
    public static final String REFUND_DISCREPANCY = "REFUND_DISCREPANCY";
    public static final String LATE_PAYMENT_REFUNDED = "LATE_PAYMENT_REFUNDED";
    public static final String SUSPENSE_REFUNDED = "SUSPENSE_REFUNDED";
    public static final String CHANNEL_SETTLED_PAYMENT = "CHANNEL_SETTLED_PAYMENT";
    public static final String CHANNEL_SETTLED_REFUND = "CHANNEL_SETTLED_REFUND";
    public static final String SETTLEMENT_APPROVED = "SETTLEMENT_APPROVED";
    public static final String SETTLEMENT_PAID = "SETTLEMENT_PAID";
    public static final String RECON_DIFFERENCE = "RECON_DIFFERENCE";
    public static final String FEE_DIFFERENCE = "FEE_DIFFERENCE";
    public static final String CASE_CROSS_DAY = "CASE_CROSS_DAY";
    public static final String CASE_ACCEPTED = "CASE_ACCEPTED";
    public static final String CASE_WRITTEN_OFF = "CASE_WRITTEN_OFF";
    public static final String CASE_PARKED = "CASE_PARKED";
    public static final String CASE_REFUND_RESERVED = "CASE_REFUND_RESERVED";

    private PostingRules() {
    }

    /** The order's channel took exactly the order's money: the merchant is owed it (gross, before the fee). */
    public static JournalEntry paymentCaptured(String orderId, String channelId, String merchantId, Money amount,
                                               Instant at) {
        return JournalEntry.of(PAYMENT_CAPTURED, orderId, at)
                .debit(AccountType.CHANNEL_RECEIVABLE, channelId, positive(amount))
                .credit(AccountType.MERCHANT_PENDING, merchantId, amount)
                .build();
    }

    /** The platform's fee on a capture, out of the merchant's pending balance; none when the fee is zero. */
    public static Optional<JournalEntry> feeCharged(String orderId, String merchantId, Money fee, Instant at) {
        return nonNegative(fee).isZero() ? Optional.empty() : Optional.of(JournalEntry.of(FEE_CHARGED, orderId, at)
                .debit(AccountType.MERCHANT_PENDING, merchantId, fee)
                .credit(AccountType.PLATFORM_FEE_REVENUE, Ledger.PLATFORM, fee)
                .build());
    }

    /** A merchant's refund left through the channel: out of the merchant's pending balance. */
    public static JournalEntry paymentRefunded(String refundId, String channelId, String merchantId, Money amount,
                                               Instant at) {
        return JournalEntry.of(PAYMENT_REFUNDED, refundId, at)
                .debit(AccountType.MERCHANT_PENDING, merchantId, positive(amount))
                .credit(AccountType.CHANNEL_RECEIVABLE, channelId, amount)
                .build();
    }

    /** The part of the capture's fee a refund gives back (rate plan's refund policy); none when zero. */
    public static Optional<JournalEntry> feeRefunded(String refundId, String merchantId, Money feePart, Instant at) {
        return nonNegative(feePart).isZero() ? Optional.empty() : Optional.of(JournalEntry.of(FEE_REFUNDED, refundId, at)
                .debit(AccountType.PLATFORM_FEE_REVENUE, Ledger.PLATFORM, feePart)
                .credit(AccountType.MERCHANT_PENDING, merchantId, feePart)
                .build());
    }

    /**
     * A payment the merchant must not get (after its order closed or failed, or at a channel not
     * holding the order): the channel holds it, it belongs to nobody yet.
     */
    public static JournalEntry latePaymentCaptured(String reference, String channelId, Money paid, Instant at) {
        return intoSuspense(LATE_PAYMENT_CAPTURED, reference, channelId, paid, at);
    }

    /** The order's channel took other money than the order's: held in suspense for an operator. */
    public static JournalEntry captureDiscrepancy(String orderId, String channelId, Money reported, Instant at) {
        return intoSuspense(CAPTURE_DISCREPANCY, orderId, channelId, reported, at);
    }

    /** The refund's channel gave back other money than the refund's: out of suspense until an operator decides. */
    public static JournalEntry refundDiscrepancy(String refundId, String channelId, Money reported, Instant at) {
        return outOfSuspense(REFUND_DISCREPANCY, refundId, channelId, reported, at);
    }

    /** The automatic refund of a late payment succeeded: the payer's money leaves suspense. */
    public static JournalEntry latePaymentRefunded(String refundId, String channelId, Money amount, Instant at) {
        return outOfSuspense(LATE_PAYMENT_REFUNDED, refundId, channelId, amount, at);
    }

    /** A refund an operator's resolution sent (money that was never the merchant's) succeeded. */
    public static JournalEntry suspenseRefunded(String refundId, String channelId, Money amount, Instant at) {
        return outOfSuspense(SUSPENSE_REFUNDED, refundId, channelId, amount, at);
    }

    /**
     * A payment on the channel's statement: the channel settles it to our bank account less its fee.
     * What the channel says, whatever the platform's books say: a difference stays on the channel's
     * receivable, where reconciliation finds it.
     */
    public static JournalEntry channelSettledPayment(String movementId, String channelId, Money amount, Money channelFee,
                                                     Instant at) {
        positive(amount);
        nonNegative(channelFee);
        JournalEntry.Builder entry = JournalEntry.of(CHANNEL_SETTLED_PAYMENT, movementId, at);
        Money toBank = amount.minus(channelFee);
        if (!toBank.isZero()) {
            entry.debit(AccountType.PLATFORM_BANK, Ledger.PLATFORM, toBank);
        }
        if (!channelFee.isZero()) {
            entry.debit(AccountType.CHANNEL_FEES, channelId, channelFee);
        }
        return entry.credit(AccountType.CHANNEL_RECEIVABLE, channelId, amount).build();
    }

    /** A refund on the channel's statement: the channel settles less to our bank account by that much. */
    public static JournalEntry channelSettledRefund(String movementId, String channelId, Money amount, Instant at) {
        return JournalEntry.of(CHANNEL_SETTLED_REFUND, movementId, at)
                .debit(AccountType.CHANNEL_RECEIVABLE, channelId, positive(amount))
                .credit(AccountType.PLATFORM_BANK, Ledger.PLATFORM, amount)
                .build();
    }

    /**
     * Reconciliation found a difference: what it leaves on the channel's receivable (positive: the
     * channel owes us more than it says; negative: it says more than we booked) waits in suspense
     * under the case until an operator resolves it.
     */
    public static JournalEntry reconciliationDifference(String reference, String channelId, Money residual,
                                                        Instant at) {
        if (residual.isZero()) {
            throw new IllegalArgumentException("a difference is never zero");
        }
        return JournalEntry.of(RECON_DIFFERENCE, reference, at)
                .debit(AccountType.SUSPENSE, channelId, residual)
                .credit(AccountType.CHANNEL_RECEIVABLE, channelId, residual)
                .build();
    }

    /**
     * Reconciliation found that the channel deducted another fee than its contract allows: the
     * excess (positive: it took more) leaves the channel's fees for suspense, a claim on the channel
     * under the case until an operator resolves it (the channel's figure accepted puts it back).
     */
    public static JournalEntry feeDifference(String reference, String channelId, Money excess, Instant at) {
        if (excess.isZero()) {
            throw new IllegalArgumentException("a difference is never zero");
        }
        return JournalEntry.of(FEE_DIFFERENCE, reference, at)
                .debit(AccountType.SUSPENSE, channelId, excess)
                .credit(AccountType.CHANNEL_FEES, channelId, excess)
                .build();
    }

    /** An approved settlement: its net leaves the merchant's pending balance for its available one. */
    public static JournalEntry settlementApproved(String settlementId, String merchantId, Money net, Instant at) {
        return JournalEntry.of(SETTLEMENT_APPROVED, settlementId, at)
                .debit(AccountType.MERCHANT_PENDING, merchantId, positive(net))
                .credit(AccountType.MERCHANT_PAYABLE, merchantId, net)
                .build();
    }

    /** The settlement's payout reached the merchant's bank: we owe it no more. */
    public static JournalEntry settlementPaid(String settlementId, String merchantId, Money net, Instant at) {
        return JournalEntry.of(SETTLEMENT_PAID, settlementId, at)
                .debit(AccountType.MERCHANT_PAYABLE, merchantId, positive(net))
                .credit(AccountType.PLATFORM_BANK, Ledger.PLATFORM, net)
                .build();
    }

    /**
     * A resolved case: the delta (the platform's figure minus the channel's) moves from the account
     * where it shows to the one the resolution names. {@code entryType} is one of the CASE_ types,
     * {@code reference} the case (with a suffix when one case books twice, e.g. per currency).
     */
    public static JournalEntry caseResolved(String entryType, String reference, Money delta, LedgerAccount from,
                                            LedgerAccount to, Instant at) {
        if (!entryType.startsWith("CASE_")) {
            throw new IllegalArgumentException("not a case resolution: " + entryType);
        }
        if (delta.isZero()) {
            throw new IllegalArgumentException("a resolution moves a non-zero delta");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a resolution moves the delta somewhere else than " + from);
        }
        return JournalEntry.of(entryType, reference, at)
                .debit(to.type(), to.owner(), delta)
                .credit(from.type(), from.owner(), delta)
                .build();
    }

    private static JournalEntry intoSuspense(String type, String reference, String channelId, Money money, Instant at) {
        return JournalEntry.of(type, reference, at)
                .debit(AccountType.CHANNEL_RECEIVABLE, channelId, positive(money))
                .credit(AccountType.SUSPENSE, channelId, money)
                .build();
    }

    private static JournalEntry outOfSuspense(String type, String reference, String channelId, Money money, Instant at) {
        return JournalEntry.of(type, reference, at)
                .debit(AccountType.SUSPENSE, channelId, positive(money))
                .credit(AccountType.CHANNEL_RECEIVABLE, channelId, money)
                .build();
    }

    private static Money positive(Money money) {
        Objects.requireNonNull(money, "money");
        if (!money.isPositive()) {
            throw new IllegalArgumentException("a movement of money is positive: " + money);
        }
        return money;
    }

    private static Money nonNegative(Money money) {
        Objects.requireNonNull(money, "money");
        if (money.isNegative()) {
            throw new IllegalArgumentException("a fee is never negative: " + money);
        }
        return money;
    }
}
