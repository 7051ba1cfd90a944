package io.payrail.web.api.operator;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Start a batch job: what ({@code kind}), for which UTC {@code day}, and for RECONCILIATION which channel. */
public record JobRequest(
        @NotNull(message = KIND_RULE) @Pattern(regexp = "RECONCILIATION|SETTLEMENT_DRAFT|SETTLEMENT_PAYOUT",
                message = KIND_RULE) String kind,
        @NotNull(message = DAY_RULE) String day,
        @Size(max = 32, message = "must be a channel id like SIMBANK") String channelId) {

    static final String KIND_RULE = "must be RECONCILIATION, SETTLEMENT_DRAFT or SETTLEMENT_PAYOUT";
    static final String DAY_RULE = "is required: a day yyyy-MM-dd (UTC)";
}
