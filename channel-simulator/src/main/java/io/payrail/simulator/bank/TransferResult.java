package io.payrail.simulator.bank;

import java.time.Instant;
import java.util.Objects;

/**
 * The bank's decision on one transfer reference, made once and repeated to every retry.
 *
 * @param status     {@code EXECUTED} (the money left for the beneficiary) or {@code REJECTED} (nothing moved)
 * @param reasonCode null when executed
 */
public record TransferResult(String transferRef, String transferId, String status, long amount, String currency,
                             String beneficiaryAccount, String beneficiaryName, String reasonCode, Instant decidedAt) {

    public static final String EXECUTED = "EXECUTED";
    public static final String REJECTED = "REJECTED";
    /** The account was closed: the decline rule for tests, an account number ending in {@value #CLOSED_SUFFIX}. */
    public static final String ACCOUNT_CLOSED = "ACCOUNT_CLOSED";
    static final String CLOSED_SUFFIX = "13";

    public TransferResult {
        Objects.requireNonNull(transferRef, "transferRef");
        Objects.requireNonNull(transferId, "transferId");
        if (!EXECUTED.equals(status) && !REJECTED.equals(status)) {
            throw new IllegalArgumentException("a transfer is EXECUTED or REJECTED");
        }
        if (REJECTED.equals(status) == (reasonCode == null)) {
            throw new IllegalArgumentException("a reason code comes with REJECTED and only with it");
        }
    }

    static TransferResult decide(TransferRequest request, String transferId, Instant now) {
        boolean closed = request.beneficiaryAccount().endsWith(CLOSED_SUFFIX);
        return new TransferResult(request.transferRef(), transferId, closed ? REJECTED : EXECUTED, request.amount(),
                request.currency(), request.beneficiaryAccount(), request.beneficiaryName(),
                closed ? ACCOUNT_CLOSED : null, now);
    }

    public boolean executed() {
        return EXECUTED.equals(status);
    }

    /** The rejection's text, or null when executed. */
    public String message() {
        return reasonCode == null ? null : "The beneficiary's account is closed";
    }
}
