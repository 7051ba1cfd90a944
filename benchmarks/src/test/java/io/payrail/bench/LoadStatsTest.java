package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The counts the fault run reads from the load's summary: unsigned 404s (a check) and 5xx answers. */
class LoadStatsTest {

    private final List<String> firsts = new ArrayList<>();
    private final LoadStats stats = new LoadStats((kind, detail) -> firsts.add(kind));

    @Test
    void countsUnsigned404sApartFromSignedOnesAndOtherKinds() {
        stats.error("unsigned-http-404", "the server's own page");
        stats.error("unsigned-http-404", "the server's own page");
        stats.error("http-404", "a signed PAYMENT_NOT_FOUND");
        stats.error("connect-refused", "closed listener");

        assertThat(stats.errorsOf(LoadStats::isUnsigned404)).isEqualTo(2);
        assertThat(stats.errorTotal()).isEqualTo(4);
    }

    @Test
    void counts5xxSignedOrNotAndNothingElse() {
        stats.error("http-503", "SERVICE_UNAVAILABLE");
        stats.error("unsigned-http-502", "a proxy");
        stats.error("http-500", "INTERNAL_ERROR");
        stats.error("http-429", "rate limit");
        stats.error("unsigned-http-404", "not found page");
        stats.error("http-5000", "not a status");

        assertThat(stats.errorsOf(LoadStats::isStatus5xx)).isEqualTo(3);
    }

    @Test
    void reportsTheFirstOfEachKindOnce() {
        stats.error("timeout", "a");
        stats.error("timeout", "b");
        stats.error("http-503", "c");

        assertThat(firsts).containsExactly("timeout", "http-503");
        assertThat(stats.errorsText()).isEqualTo("http-503 1, timeout 2");
    }
}
