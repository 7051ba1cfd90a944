package io.payrail.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.channel.StatementDiffs;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A day's statement differences as a test writes them: read strictly, written back with the ids given. */
class StatementDiffJsonTest {

    @Test
    void readsEveryMemberAndWritesTheExtraLinesWithTheirIds() {
        StatementDiffs.DayDiff diff = StatementDiffJson.read("{\"missing\":[\"pay_1\"],\"amounts\":{\"pay_2\":"
                + "{\"amount\":900}},\"fees\":{\"pay_3\":55},\"extra\":[{\"merchantRef\":\"pay_4\",\"amount\":1000,"
                + "\"currency\":\"USD\",\"fee\":3,\"at\":\"23:59:59\"},{\"merchantRef\":\"pay_5\",\"type\":\"REFUND\","
                + "\"refundRef\":\"rfd_5\",\"amount\":100,\"currency\":\"USD\"}]}");
        StatementDiffs.DayDiff stored = new StatementDiffs("sb2").put(LocalDate.parse("2026-03-01"), diff);
        String json = StatementDiffJson.write(stored).toString();
        assertThat(json).contains("\"missing\":[\"pay_1\"]").contains("\"pay_2\":{\"amount\":900}")
                .contains("\"fees\":{\"pay_3\":55}").containsPattern("\"transactionId\":\"sb2_[0-9a-f]{32}\"")
                .containsPattern("\"refundId\":\"sb2r_[0-9a-f]{32}\"").contains("\"at\":\"23:59:59\"");
        assertThat(StatementDiffJson.read("").missing()).isEmpty();
    }

    @Test
    void aTypoOrAnImpossibleLineIsRefusedNotIgnored() {
        assertThatThrownBy(() -> StatementDiffJson.read("{\"mising\":[\"pay_1\"]}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("mising");
        assertThatThrownBy(() -> StatementDiffJson.read("{\"extra\":[{\"merchantRef\":\"p\",\"type\":\"REFUND\","
                + "\"amount\":1,\"currency\":\"USD\"}]}")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("refundRef");
        assertThatThrownBy(() -> StatementDiffJson.read("{\"fees\":{\"pay_1\":-1}}"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> StatementDiffJson.read("{\"extra\":[{\"merchantRef\":\"p\",\"amount\":1,"
                + "\"currency\":\"USD\",\"at\":\"noon\"}]}")).isInstanceOf(InvalidRequestException.class);
    }
}
