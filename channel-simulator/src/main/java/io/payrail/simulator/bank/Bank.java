package io.payrail.simulator.bank;

import io.payrail.simulator.channel.Fees;
import io.payrail.simulator.channel.Money;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.channel.StatementFile;
import io.payrail.simulator.fault.BankOperation;
import io.payrail.simulator.fault.Directive;
import io.payrail.simulator.fault.FailurePlan;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulated bank (a channel): its book and its failure plan. Later channels (quick pay,
 * wallets) are further instances or siblings of this, each with its own book and plan, so that
 * breaking one channel in a test leaves the others healthy.
 *
 * <p>The decision is made and recorded when the request arrives; only the answer waits for the
 * delay. That is what a slow real bank looks like from outside: a caller that gives up on a slow
 * answer has still been charged, which is why a timeout means "unknown", never "declined". Refunds
 * go through the same failure plan (a per-reference failure is looked up by the refundRef): an
 * injected failure refunds nothing, a slow answer has refunded all the same.
 *
 * <p>The plan can also make the bank misbehave about money: for chosen references it takes (or
 * gives back) other money than asked and reports what it moved ({@code captureOverrides},
 * {@code refundOverrides}), so that a client's check of the reported money can be tested.
 *
 * <p>Status and refund queries go through the plan too, but only fail when the operator adds
 * {@code QUERY} to {@code failOperations}, and are never slowed down.
 *
 * <p>An injected failure, whatever its status, is answered in front of the bank: nothing reaches
 * the book. The protocol promises only that a 503 was not processed; a client must read other 5xx
 * as "unknown". A close ({@link #close(String)}) fences a reference that was not charged; it does
 * not go through the failure plan.
 *
 * <p>The bank publishes a daily statement of the money it moved (each charge less its fee, each
 * refund), which a test can make disagree with the book for one day ({@link StatementDiffs}), and
 * executes transfers (payouts) once per transfer reference ({@link TransferBook}).
 *
 * <p>Several banks (SIMBANK, SIMBANK2) are separate instances, each with its own book, log,
 * failure plan and id prefixes.
 */
public final class Bank {

    private final String channelId;
    private final ChargeBook book;
    private final FailurePlan failures;
    private final Fees fees;
    private final StatementDiffs statementDiffs;
    private final TransferBook transfers;

    /** A bank without fees and without a transfer journal (for tests). */
    public Bank(String channelId, ChargeBook book, FailurePlan failures) {
        this(channelId, book, failures, new Fees(0), new StatementDiffs("sb"),
                new TransferBook(null, false, Clock.systemUTC(), TransactionIds.withPrefix("st")));
    }

    public Bank(String channelId, ChargeBook book, FailurePlan failures, Fees fees, StatementDiffs statementDiffs,
                TransferBook transfers) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.book = Objects.requireNonNull(book, "book");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.fees = Objects.requireNonNull(fees, "fees");
        this.statementDiffs = Objects.requireNonNull(statementDiffs, "statementDiffs");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
    }

    /**
     * The statement of one UTC day as CSV (the format every channel shares), with the day's injected
     * differences; answered at once. Empty when the failure plan fails statements (its failure status).
     */
    public QueryAnswer<String> statement(LocalDate day) {
        Directive directive = failures.next(BankOperation.STATEMENT, day.toString());
        if (directive.fails()) {
            return QueryAnswer.failed(directive.failStatus());
        }
        return QueryAnswer.of(Optional.of(StatementFile.render(statementDiffs.apply(day,
                book.movements(day, charge -> fees.applyAsLong(new Money(charge.amount(), charge.currency())))))));
    }

    /** Sends money to a beneficiary once per transfer reference; retries answer the first decision. */
    public TransferAnswer transfer(TransferRequest request) {
        Directive directive = failures.next(BankOperation.TRANSFER, request.transferRef());
        if (directive.fails()) {
            transfers.countFailed(request.transferRef());
            return new TransferAnswer(Effect.INJECTED_FAILURE, null, directive.failStatus(), directive.delayMillis());
        }
        return transfers.transfer(request, directive.delayMillis());
    }

    /** The transfer query: the decision on a transferRef, unless the failure plan fails queries. */
    public QueryAnswer<TransferResult> queryTransfer(String transferRef) {
        Directive directive = failures.next(BankOperation.QUERY, transferRef);
        return directive.fails() ? QueryAnswer.failed(directive.failStatus()) : QueryAnswer.of(transfers.find(transferRef));
    }

    public BankAnswer pay(PaymentRequest request) {
        Directive directive = failures.next(BankOperation.PAY, request.merchantRef());
        if (directive.fails()) {
            // an outage in front of the bank: counted, never charged
            book.countUndecided(request.merchantRef(), Effect.INJECTED_FAILURE);
            return new BankAnswer(Effect.INJECTED_FAILURE, null, directive.failStatus(), directive.delayMillis());
        }
        Submission submission = book.submit(request, failures.captureOverride(request.merchantRef()).orElse(null));
        return new BankAnswer(submission.effect(), submission.result(), 0, directive.delayMillis());
    }

    /** Gives money back for an approved payment, or rejects; decided once per refundRef. */
    public RefundAnswer refund(RefundRequest request) {
        Directive directive = failures.next(BankOperation.REFUND, request.refundRef());
        if (directive.fails()) {
            // an outage in front of the bank: nothing reaches the book, nothing is refunded
            return new RefundAnswer(Effect.INJECTED_FAILURE, null, directive.failStatus(), directive.delayMillis());
        }
        RefundSubmission submission = book.refund(request, failures.refundOverride(request.refundRef()).orElse(null));
        return new RefundAnswer(submission.effect(), submission.result(), 0, directive.delayMillis());
    }

    /**
     * Closes a reference that was not charged, so that no pay request can charge it afterwards.
     * Not affected by the failure plan.
     *
     * @throws io.payrail.simulator.InvalidRequestException when the reference breaks the protocol's rule
     */
    public CloseResult close(String merchantRef) {
        return book.close(PaymentRequest.requireMerchantRef(merchantRef));
    }

    /**
     * The merchant's status query: the decision and whether the reference is closed, unless the
     * failure plan fails queries. A failed query changes and counts nothing.
     */
    public QueryAnswer<PaymentState> query(String merchantRef) {
        Directive directive = failures.next(BankOperation.QUERY, merchantRef);
        return directive.fails() ? QueryAnswer.failed(directive.failStatus()) : QueryAnswer.of(book.state(merchantRef));
    }

    /** The merchant's refund query: the decision on a refundRef, unless the failure plan fails queries. */
    public QueryAnswer<RefundResult> queryRefund(String refundRef) {
        Directive directive = failures.next(BankOperation.QUERY, refundRef);
        return directive.fails() ? QueryAnswer.failed(directive.failStatus())
                : QueryAnswer.of(book.findRefund(refundRef));
    }

    /** What the status query answers, without the failure plan (for tests and operators). */
    public Optional<PaymentState> state(String merchantRef) {
        return book.state(merchantRef);
    }

    /** The decision on a refundRef, without the failure plan (for tests and operators). */
    public Optional<RefundResult> findRefund(String refundRef) {
        return book.findRefund(refundRef);
    }

    /** The decision on a reference, for the merchant's status query. */
    public Optional<PaymentResult> find(String merchantRef) {
        return book.find(merchantRef);
    }

    public String channelId() {
        return channelId;
    }

    public ChargeBook book() {
        return book;
    }

    public FailurePlan failures() {
        return failures;
    }

    public StatementDiffs statementDiffs() {
        return statementDiffs;
    }

    public TransferBook transfers() {
        return transfers;
    }

    public Fees fees() {
        return fees;
    }
}
