package io.payrail.channel;

import static io.payrail.channel.ChannelAnswers.Exchange.CLOSE;
import static io.payrail.channel.ChannelAnswers.Exchange.QUERY;
import static io.payrail.channel.ChannelAnswers.Exchange.RESEND;
import static io.payrail.channel.ChannelAnswers.Exchange.SUBMIT;
import static io.payrail.channel.ChannelAnswers.Kind.PAYMENT;
import static io.payrail.channel.ChannelAnswers.Kind.REFUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.channel.ChannelAnswers.ErrorKind;
import io.payrail.channel.ChannelAnswers.Exchange;
import io.payrail.channel.ChannelAnswers.Kind;
import io.payrail.channel.ChannelAnswers.Reply;
import io.payrail.channel.ChannelAnswers.Transport;
import io.payrail.channel.ChannelOutcome.Status;
import io.payrail.common.Money;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The table of what a channel's answer means, row by row (docs/channels.md §2 prints the same
 * table). The rule under test: only an answer that proves nothing moved for this very request may
 * decline, close or report "never received"; everything else is UNKNOWN.
 */
class ChannelAnswersTest {

    private static final ChannelOutcome PAID = ChannelOutcome.succeeded("txn", Money.ofMinor(100, "USD"));

    private static Status meaning(Exchange exchange, Kind kind, Reply reply) {
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(exchange, kind, reply);
        return meaning.queryInstead() ? null : meaning.outcome().status();
    }

    private static Reply error(int status, ErrorKind kind, boolean names) {
        return Reply.error(status, kind, "CODE", "message", names, "HTTP " + status);
    }

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void aDecisionForOurReferenceIsTheOutcome(Exchange exchange) {
        for (Kind kind : Kind.values()) {
            assertThat(ChannelAnswers.meaning(exchange, kind, Reply.decided(200, PAID, "ok")).outcome()).isEqualTo(PAID);
        }
    }

    @ParameterizedTest
    @EnumSource(Exchange.class)
    void aTwoHundredWithoutADecisionOrALostOrUntrustedAnswerIsUnknown(Exchange exchange) {
        for (Kind kind : Kind.values()) {
            assertThat(meaning(exchange, kind, Reply.decided(200, null, "garbled"))).isEqualTo(Status.UNKNOWN);
            assertThat(meaning(exchange, kind, Reply.failed(Transport.LOST, "timeout"))).isEqualTo(Status.UNKNOWN);
            assertThat(meaning(exchange, kind, Reply.failed(Transport.UNTRUSTED, "bad signature"))).isEqualTo(Status.UNKNOWN);
            for (int status : new int[] {500, 502, 504, 599}) {
                assertThat(meaning(exchange, kind, error(status, ErrorKind.OTHER, true))).isEqualTo(Status.UNKNOWN);
            }
        }
    }

    @Test
    void nothingReachedTheChannelOrItRefusedAtTheDoor() {
        for (Kind kind : Kind.values()) {
            for (Exchange exchange : Exchange.values()) {
                Status expected = exchange == SUBMIT || exchange == RESEND ? Status.UNAVAILABLE : Status.UNKNOWN;
                assertThat(meaning(exchange, kind, Reply.failed(Transport.REFUSED, "refused"))).isEqualTo(expected);
                assertThat(meaning(exchange, kind, Reply.failed(Transport.NOT_SENT, "no key"))).isEqualTo(expected);
                assertThat(meaning(exchange, kind, error(503, ErrorKind.NONE, false))).isEqualTo(expected);
            }
        }
    }

    /**
     * Finding: a 4xx from SIMBANK on a query became a final decline (a refund then FAILED, its amount
     * refundable again: the payer paid twice). For a query only a 200 with a decision or the
     * protocol's NOT_FOUND is an outcome.
     */
    @ParameterizedTest
    @CsvSource({"400,REFUSED", "401,OTHER", "403,OTHER", "404,OTHER", "409,REFERENCE_REUSED", "409,PAID",
            "422,REFUSED", "429,THROTTLED", "404,NONE", "409,CLOSED"})
    void anyFourHundredToAQueryIsUnknownButTheProtocolsNotFound(int status, ErrorKind error) {
        for (Kind kind : Kind.values()) {
            for (boolean names : new boolean[] {true, false}) {
                assertThat(meaning(QUERY, kind, error(status, error, names))).as("%s %s %s", kind, status, error)
                        .isEqualTo(Status.UNKNOWN);
            }
            assertThat(meaning(QUERY, kind, error(404, ErrorKind.NOT_FOUND, false))).isEqualTo(Status.NOT_FOUND);
        }
    }

    /** A resend may be refused because its first copy was processed: no refusal of it is a decline. */
    @ParameterizedTest
    @CsvSource({"400,REFUSED", "401,OTHER", "403,OTHER", "404,NOT_FOUND", "422,REFUSED", "429,THROTTLED", "404,NONE"})
    void anyRefusalOfAResendIsUnknown(int status, ErrorKind error) {
        for (Kind kind : Kind.values()) {
            assertThat(meaning(RESEND, kind, error(status, error, true))).isEqualTo(Status.UNKNOWN);
        }
    }

    @Test
    void theFirstSubmissionOfAPaymentIsDeclinedByARefusal() {
        assertThat(meaning(SUBMIT, PAYMENT, error(400, ErrorKind.REFUSED, false))).isEqualTo(Status.DECLINED);
        assertThat(meaning(SUBMIT, PAYMENT, error(401, ErrorKind.OTHER, false))).isEqualTo(Status.DECLINED);
        assertThat(ChannelAnswers.meaning(SUBMIT, PAYMENT, error(400, ErrorKind.REFUSED, false)).outcome().code())
                .as("with the channel's own code").isEqualTo("CODE");
        assertThat(meaning(SUBMIT, PAYMENT, error(429, ErrorKind.THROTTLED, false))).isEqualTo(Status.UNAVAILABLE);
        assertThat(meaning(SUBMIT, PAYMENT, error(404, ErrorKind.NONE, false)))
                .as("a 4xx that is not the protocol's: a proxy, a wrong path").isEqualTo(Status.UNAVAILABLE);
        assertThat(meaning(SUBMIT, PAYMENT, error(404, ErrorKind.NOT_FOUND, false))).isEqualTo(Status.UNKNOWN);
    }

    /** A wrongly failed refund makes its amount refundable again: it must name the refund and be documented. */
    @Test
    void theFirstSubmissionOfARefundIsDeclinedOnlyByADocumentedRefusalNamingIt() {
        assertThat(meaning(SUBMIT, REFUND, error(422, ErrorKind.REFUSED, true))).isEqualTo(Status.DECLINED);
        assertThat(meaning(SUBMIT, REFUND, error(422, ErrorKind.REFUSED, false))).isEqualTo(Status.UNKNOWN);
        assertThat(meaning(SUBMIT, REFUND, error(401, ErrorKind.OTHER, true))).isEqualTo(Status.UNKNOWN);
        assertThat(meaning(SUBMIT, REFUND, error(409, ErrorKind.REFERENCE_REUSED, true))).isEqualTo(Status.UNKNOWN);
        assertThat(meaning(SUBMIT, REFUND, error(409, ErrorKind.CLOSED, true))).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void closedAndReusedReferencesAndPaidCloses() {
        for (Exchange exchange : EnumSet.of(SUBMIT, RESEND, CLOSE)) {
            assertThat(meaning(exchange, PAYMENT, error(409, ErrorKind.CLOSED, false))).isEqualTo(Status.CLOSED);
        }
        assertThat(ChannelAnswers.meaning(SUBMIT, PAYMENT, error(409, ErrorKind.REFERENCE_REUSED, false)).queryInstead())
                .as("the channel's own record of the reference decides").isTrue();
        assertThat(ChannelAnswers.meaning(RESEND, PAYMENT, error(409, ErrorKind.REFERENCE_REUSED, false)).queryInstead())
                .isTrue();
        assertThat(ChannelAnswers.meaning(CLOSE, PAYMENT, error(409, ErrorKind.PAID, false)).queryInstead()).isTrue();
        assertThat(meaning(SUBMIT, PAYMENT, error(409, ErrorKind.PAID, false))).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aCloseIsClosedOrPaidOrUnknown() {
        Reply paid = error(409, ErrorKind.PAID, false);
        assertThat(ChannelAnswers.closeOutcome(paid, () -> PAID)).isEqualTo(PAID);
        assertThat(ChannelAnswers.closeOutcome(paid, () -> ChannelOutcome.notFound()).status()).isEqualTo(Status.UNKNOWN);
        assertThat(ChannelAnswers.closeOutcome(Reply.decided(200, ChannelOutcome.closed("t"), "ok"), () -> PAID).status())
                .isEqualTo(Status.CLOSED);
        assertThat(ChannelAnswers.closeOutcome(Reply.decided(200, ChannelOutcome.pending("t", null), "ok"), () -> PAID)
                .status()).isEqualTo(Status.UNKNOWN);
        assertThat(ChannelAnswers.closeOutcome(error(403, ErrorKind.OTHER, true), () -> PAID).status())
                .isEqualTo(Status.UNKNOWN);
    }
}
