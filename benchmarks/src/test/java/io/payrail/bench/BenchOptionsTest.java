package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's command line: the defaults the README promises, and clear refusals. */
class BenchOptionsTest {

    private static final List<String> STACK = List.of("--base", "https://localhost:58181", "--tls-cert", "tls.crt",
            "--operator-token-file", "token", "--sim-url", "http://127.0.0.1:58290/sim", "--db-url",
            "jdbc:mysql://127.0.0.1:3356/payrail_test", "--out", "/tmp/run");

    private static BenchOptions parse(String... more) {
        List<String> args = new ArrayList<>(STACK);
        args.addAll(List.of(more));
        return BenchOptions.parse(args.toArray(String[]::new));
    }

    @Test
    void defaultsToTheIssuesRun() {
        BenchOptions o = parse();

        assertThat(o.mode()).isEqualTo(BenchOptions.Mode.CARD);
        assertThat(o.keys()).isEqualTo(MerchantKeys.Type.RSA);
        assertThat(o.clients()).containsExactly(1, 8, 32);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.openDuration()).isEqualTo(Duration.ofSeconds(120));
        assertThat(o.rate()).isNaN();
        assertThat(o.steps()).containsExactly(BenchOptions.Step.values());
        assertThat(o.csv()).hasToString("benchmarks/results/bench.csv");
    }

    @Test
    void takesTheChoicesOfARun() {
        BenchOptions o = parse("--mode", "refund", "--keys", "ec", "--clients", "4,16", "--rate", "12.5", "--steps",
                "open,baseline", "--warmup", "0", "--pid", "payara=/x/pid", "--no-csv");

        assertThat(o.mode()).isEqualTo(BenchOptions.Mode.REFUND);
        assertThat(o.keys()).isEqualTo(MerchantKeys.Type.EC);
        assertThat(o.clients()).containsExactly(4, 16);
        assertThat(o.rate()).isEqualTo(12.5);
        assertThat(o.steps()).containsExactly(BenchOptions.Step.OPEN, BenchOptions.Step.BASELINE);
        assertThat(o.warmup()).isZero();
        assertThat(o.pidFiles()).containsKey("payara");
        assertThat(o.csv()).isNull();
    }

    @Test
    void refusesWhatItCannotRunWithAMessageThatNamesTheChoices() {
        assertThatThrownBy(() -> parse("--mode", "quickpay")).isInstanceOf(Options.UsageException.class)
                .hasMessage("--mode is one of card, wallet, refund, not 'quickpay'");
        assertThatThrownBy(() -> parse("--clients", "1,0")).hasMessageContaining("--clients needs a positive");
        assertThatThrownBy(() -> parse("--rate", "-3")).hasMessageContaining("--rate needs a positive number");
        assertThatThrownBy(() -> parse("--pid", "postgres=/x")).hasMessageContaining("NAME one of");
        assertThatThrownBy(() -> parse("--fast", "yes")).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--mode", "card"}))
                .hasMessageContaining("--base is required");
    }
}
