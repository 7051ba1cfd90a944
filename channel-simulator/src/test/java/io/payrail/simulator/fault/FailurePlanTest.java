package io.payrail.simulator.fault;

import static io.payrail.simulator.fault.BankOperation.PAY;
import static io.payrail.simulator.fault.BankOperation.QUERY;
import static io.payrail.simulator.fault.BankOperation.REFUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailurePlanTest {

    private final FailurePlan plan = new FailurePlan(20);

    @Test
    void startsWithNothingInjected() {
        assertThat(plan.settings()).isEqualTo(new FailureSettings(20, 0, 503, 0, 30_000, Map.of()));
        assertThat(plan.next(PAY, "pay_1")).isEqualTo(new Directive(0, 20));
    }

    @Test
    void failsExactlyTheNextN() {
        plan.update(new FailureUpdate(null, 3, null, null, null, null));

        assertThat(List.of(plan.next(PAY, "a"), plan.next(PAY, "b"), plan.next(PAY, "c"), plan.next(PAY, "d")))
                .extracting(Directive::failStatus).containsExactly(503, 503, 503, 0);
        assertThat(plan.settings().failNextRequests()).isZero();
    }

    @Test
    void slowsExactlyTheNextNAndStillAnswers() {
        plan.update(new FailureUpdate(null, null, null, 2, 1_500L, null));

        assertThat(List.of(plan.next(PAY, "a"), plan.next(PAY, "b"), plan.next(PAY, "c")))
                .containsExactly(new Directive(0, 1_500), new Directive(0, 1_500), new Directive(0, 20));
    }

    @Test
    void aFailureGoesFirstAndDoesNotUseUpASlowAnswer() {
        plan.update(new FailureUpdate(null, 1, 500, 1, 1_000L, null));

        assertThat(plan.next(PAY, "a")).isEqualTo(new Directive(500, 20));
        assertThat(plan.next(PAY, "b")).isEqualTo(new Directive(0, 1_000));
        assertThat(plan.next(PAY, "c")).isEqualTo(new Directive(0, 20));
    }

    @Test
    void failsOneReferenceOnlyAndCountsItDown() {
        plan.update(new FailureUpdate(null, null, null, null, null, Map.of("pay_X", 2)));

        assertThat(plan.next(PAY, "pay_Y").fails()).isFalse();
        assertThat(plan.next(PAY, "pay_X").fails()).isTrue();
        assertThat(plan.settings().failRefs()).isEqualTo(Map.of("pay_X", 1));
        assertThat(plan.next(PAY, "pay_X").fails()).isTrue();
        assertThat(plan.settings().failRefs()).isEmpty();
        assertThat(plan.next(PAY, "pay_X").fails()).isFalse();
    }

    @Test
    void aReferenceFailureIsUsedBeforeAGlobalOne() {
        plan.update(new FailureUpdate(null, 1, null, null, null, Map.of("pay_X", 1)));

        assertThat(plan.next(PAY, "pay_X").fails()).isTrue();
        assertThat(plan.settings().failNextRequests()).isEqualTo(1);
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndMergesReferences() {
        plan.update(new FailureUpdate(50L, 1, 502, null, null, Map.of("pay_A", 1, "pay_B", 2)));
        plan.update(new FailureUpdate(null, null, null, null, null, Map.of("pay_A", 0, "pay_C", 3)));

        assertThat(plan.settings())
                .isEqualTo(new FailureSettings(50, 1, 502, 0, 30_000, Map.of("pay_B", 2, "pay_C", 3)));
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        plan.update(new FailureUpdate(null, 1, null, null, null, null));
        FailureSettings before = plan.settings();

        assertThatThrownBy(() -> plan.update(new FailureUpdate(null, 5, 200, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failStatus");
        assertThatThrownBy(() -> plan.update(new FailureUpdate(-1L, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latencyMs");
        assertThatThrownBy(() -> plan.update(new FailureUpdate(null, -1, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.update(new FailureUpdate(null, null, null, null, null, Map.of("x", -1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(plan.settings()).isEqualTo(before);
    }

    @Test
    void queriesAreNotFailedUnlessAskedForAndUseUpNothing() {
        plan.update(new FailureUpdate(null, 1, 500, 1, 1_000L, Map.of("pay_X", 1)));

        assertThat(plan.settings().failOperations()).containsExactlyInAnyOrder(PAY, REFUND);
        assertThat(plan.next(QUERY, "pay_X")).isEqualTo(new Directive(0, 0));
        assertThat(plan.next(QUERY, "pay_Y")).isEqualTo(new Directive(0, 0));
        assertThat(plan.settings().failNextRequests()).isEqualTo(1);
        assertThat(plan.settings().failRefs()).isEqualTo(Map.of("pay_X", 1));
        assertThat(plan.settings().timeoutNextRequests()).isEqualTo(1);
    }

    @Test
    void queriesInFailOperationsDrawOnTheSameCounters() {
        plan.update(new FailureUpdate(null, 1, 429, null, null, Map.of("rfd_X", 1), Set.of(PAY, REFUND, QUERY),
                null, null));

        assertThat(plan.next(QUERY, "rfd_X")).isEqualTo(new Directive(429, 0));
        assertThat(plan.next(QUERY, "pay_Y")).isEqualTo(new Directive(429, 0));
        assertThat(plan.next(PAY, "pay_Y")).isEqualTo(new Directive(0, 20));
        assertThat(plan.settings().failRefs()).isEmpty();
        assertThat(plan.settings().failNextRequests()).isZero();
    }

    @Test
    void failOperationsLeaveOutWhatTheyDoNotName() {
        plan.update(new FailureUpdate(null, 2, 401, null, null, null, Set.of(QUERY), null, null));

        assertThat(plan.next(PAY, "pay_1").fails()).isFalse();
        assertThat(plan.next(REFUND, "rfd_1").fails()).isFalse();
        assertThat(plan.next(QUERY, "pay_1")).isEqualTo(new Directive(401, 0));
        assertThat(plan.settings().failNextRequests()).isEqualTo(1);
    }

    @Test
    void aSlowAnswerNeverHitsAQuery() {
        plan.update(new FailureUpdate(null, null, null, 1, 5_000L, null, Set.of(QUERY), null, null));

        assertThat(plan.next(QUERY, "pay_1")).isEqualTo(new Directive(0, 0));
        assertThat(plan.next(PAY, "pay_1")).isEqualTo(new Directive(0, 5_000));
    }

    @Test
    void failOperationsMustNameSomething() {
        assertThatThrownBy(() -> plan.update(new FailureUpdate(null, null, null, null, null, null, Set.of(), null,
                null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failOperations");
        assertThat(plan.settings().failOperations()).containsExactlyInAnyOrder(PAY, REFUND);
    }

    @Test
    void resetReturnsToTheStartUpDefaults() {
        plan.update(new FailureUpdate(500L, 4, 500, 2, 10L, Map.of("pay_X", 1), Set.of(QUERY), null, null));

        assertThat(plan.reset()).isEqualTo(FailureSettings.defaults(20));
        assertThat(plan.settings().failOperations()).containsExactlyInAnyOrder(PAY, REFUND);
    }

    @Test
    void concurrentRequestsConsumeTheCountersExactly() throws Exception {
        plan.update(new FailureUpdate(null, 100, null, 50, 1_000L, null));
        int threads = 8;
        int perThread = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Directive>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Directive> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(plan.next(PAY, "pay_" + i));
                    }
                    return seen;
                }));
            }
            start.countDown();
            List<Directive> all = new ArrayList<>();
            for (Future<List<Directive>> future : futures) {
                all.addAll(future.get(30, TimeUnit.SECONDS));
            }

            assertThat(all.stream().filter(Directive::fails)).hasSize(100);
            assertThat(all.stream().filter(d -> !d.fails() && d.delayMillis() == 1_000)).hasSize(50);
            assertThat(all.stream().filter(d -> !d.fails() && d.delayMillis() == 20)).hasSize(threads * perThread - 150);
        } finally {
            pool.shutdownNow();
        }
    }
}
