package io.payrail.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLineTest {

    @Test
    void roundTripsEveryKindOfValue() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "quote \" slash \\ newline \n tab \t bell \u0007 ünïcode }");
        fields.put("long", Long.MIN_VALUE);
        fields.put("yes", Boolean.TRUE);
        fields.put("no", Boolean.FALSE);
        fields.put("none", null);

        String line = JsonLine.format(fields);

        assertThat(line).doesNotContain("\n");
        assertThat(JsonLine.parse(line)).isEqualTo(fields);
    }

    @Test
    void readsSpacesAndEscapesItDoesNotWrite() {
        assertThat(JsonLine.parse(" { \"a\" : \"\\u0041\\/\" , \"b\" : -7 } "))
                .isEqualTo(Map.of("a", "A/", "b", -7L));
        assertThat(JsonLine.parse("{}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1", "{\"a\":1,", "{\"a\":\"open", "{\"a\":1}x", "[1]",
            "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":tru}", "{\"a\":1,\"a\":2}", "{a:1}", "{\"a\":-}"})
    void refusesAnythingButOneWholeFlatObject(String text) {
        assertThatThrownBy(() -> JsonLine.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPrefixOfALineIsRefused() {
        String line = JsonLine.format(Map.of("merchantRef", "pay_}1", "amount", 1000L));
        for (int cut = 0; cut < line.length(); cut++) {
            String prefix = line.substring(0, cut);
            assertThatThrownBy(() -> JsonLine.parse(prefix)).as(prefix).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
