package io.payrail.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.reconciliation.StatementParser.StatementFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement every channel shares is read whole or refused whole, naming the first problem. */
class StatementParserTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-01");
    private static final String HEADER = String.join(",", StatementParser.COLUMNS) + "\n";
    private static final String PAYMENT = "sb_1,ord-1,PAYMENT,1000,USD,3,2026-03-01T10:00:00.000Z,,\n";
    private static final String REFUND = "sb_1,ord-1,REFUND,400,USD,0,2026-03-01T11:00:00.000Z,rfd_1,sr_1\n";

    private static byte[] file(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsPaymentsAndRefundsInFileOrder() {
        List<StatementLine> lines = StatementParser.parse(file(HEADER + PAYMENT + REFUND), DAY);
        assertThat(lines).containsExactly(
                new StatementLine(2, "sb_1", "ord-1", "PAYMENT", 1000, "USD", 3,
                        Instant.parse("2026-03-01T10:00:00Z"), null, null),
                new StatementLine(3, "sb_1", "ord-1", "REFUND", 400, "USD", 0,
                        Instant.parse("2026-03-01T11:00:00Z"), "rfd_1", "sr_1"));
        assertThat(StatementParser.parse(file(HEADER), DAY)).as("a day without movements").isEmpty();
    }

    @Test
    void aTruncatedFileIsRefusedWhole() {
        String whole = HEADER + PAYMENT + REFUND;
        assertThatThrownBy(() -> StatementParser.parse(file(whole.substring(0, whole.length() - 10)), DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> StatementParser.parse(new byte[0], DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void aMalformedLineRefusesTheFileAndNamesTheLine() {
        assertThatThrownBy(() -> StatementParser.parse(file(HEADER + PAYMENT + "sb_2,ord-2,PAYMENT,-5,USD,0,"
                + "2026-03-01T10:00:00.000Z,,\n"), DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageStartingWith("line 3: amount_minor");
        assertThatThrownBy(() -> StatementParser.parse(file(HEADER + "sb_2,ord-2,PAYMENT,5,USD\n"), DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("line 2 has 5 field(s)");
        assertThatThrownBy(() -> StatementParser.parse(file(HEADER + PAYMENT.replace("2026-03-01T", "2026-03-02T")),
                DAY)).isInstanceOf(StatementFormatException.class).hasMessageContaining("not in the statement's day");
        assertThatThrownBy(() -> StatementParser.parse(file(HEADER + REFUND.replace(",0,", ",2,")), DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("a refund carries no fee");
        assertThatThrownBy(() -> StatementParser.parse(file("a,b,c\n" + PAYMENT), DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageStartingWith("line 1: the header");
        assertThatThrownBy(() -> StatementParser.parse(file(HEADER + "\"sb_2,ord-2\n"), DAY))
                .isInstanceOf(StatementFormatException.class);
    }

    @Test
    void theSameMovementTwiceIsRefused() {
        assertThatThrownBy(() -> StatementParser.parse(file(HEADER + PAYMENT + PAYMENT), DAY))
                .isInstanceOf(StatementFormatException.class).hasMessageContaining("line 3 lists the PAYMENT sb_1");
    }
}
