package io.payrail.simulator.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.simulator.fault.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChannelFaultPlanTest {

    private final FaultPlan plan = new FaultPlan(ChannelId.WALLET, 20);

    @Test
    void startsWithNothingInjected() {
        assertThat(plan.before(Operation.PAY, "ord_1")).isEqualTo(new Directive(0, 20));
        assertThat(plan.loseCallback("ord_1")).isFalse();
        assertThat(plan.callbackCopies("ord_1")).isEqualTo(1);
        assertThat(plan.reorderHoldMs("ord_1")).isEmpty();
        assertThat(plan.paidAfterClose("ord_1")).isEmpty();
        assertThat(plan.decline("ord_1", new Money(1, "USD"))).isEmpty();
        assertThat(plan.settings().fault(FaultKind.FAIL).operations()).containsExactly(Operation.PAY);
    }

    @Test
    void failsExactlyTheNextNOfTheOperationsItIsAimedAt() {
        plan.update(update(FaultKind.FAIL, new FaultUpdate.Change(502L, Set.of(Operation.PAY, Operation.REFUND), 2,
                null)));

        assertThat(plan.before(Operation.QUERY, "a")).isEqualTo(new Directive(0, 20));
        assertThat(plan.before(Operation.REFUND, "a")).isEqualTo(new Directive(502, 20));
        assertThat(plan.before(Operation.PAY, "b")).isEqualTo(new Directive(502, 20));
        assertThat(plan.before(Operation.PAY, "c")).isEqualTo(new Directive(0, 20));
        assertThat(plan.settings().fault(FaultKind.FAIL).targets().next()).isZero();
    }

    @Test
    void aReferenceCountGoesFirstAndLeavesTheGlobalCountAlone() {
        plan.update(update(FaultKind.FAIL, new FaultUpdate.Change(null, null, 1, Map.of("ord_x", 2))));

        assertThat(List.of(plan.before(Operation.PAY, "ord_x"), plan.before(Operation.PAY, "ord_x"),
                plan.before(Operation.PAY, "ord_x"), plan.before(Operation.PAY, "ord_x")))
                .extracting(Directive::failStatus).containsExactly(503, 503, 503, 0);
        assertThat(plan.settings().fault(FaultKind.FAIL).targets()).isEqualTo(Targets.NONE);
    }

    @Test
    void aSlowAnswerComesAfterAFailureAndIsNotUsedUpByIt() {
        plan.update(new FaultUpdate(null, Map.of(
                FaultKind.FAIL, new FaultUpdate.Change(null, null, 1, null),
                FaultKind.TIMEOUT, new FaultUpdate.Change(5_000L, Set.of(Operation.PAY), 1, null)), null));

        assertThat(plan.before(Operation.PAY, "a")).isEqualTo(new Directive(503, 20));
        assertThat(plan.before(Operation.PAY, "b")).isEqualTo(new Directive(0, 5_000));
        assertThat(plan.before(Operation.PAY, "c")).isEqualTo(new Directive(0, 20));
    }

    @Test
    void callbackFailuresAreUsedUpOneCallbackAtATime() {
        plan.update(new FaultUpdate(null, Map.of(
                FaultKind.LOSE_CALLBACKS, new FaultUpdate.Change(null, null, 1, null),
                FaultKind.DUPLICATE_CALLBACKS, new FaultUpdate.Change(3L, null, null, Map.of("ord_d", 1)),
                FaultKind.REORDER_CALLBACKS, new FaultUpdate.Change(800L, null, 1, null),
                FaultKind.PAID_AFTER_CLOSE, new FaultUpdate.Change(-1L, null, null, Map.of("ord_p", 1))), null));

        assertThat(List.of(plan.loseCallback("a"), plan.loseCallback("a"))).containsExactly(true, false);
        assertThat(List.of(plan.callbackCopies("x"), plan.callbackCopies("ord_d"), plan.callbackCopies("ord_d")))
                .containsExactly(1, 3, 1);
        assertThat(List.of(plan.reorderHoldMs("a"), plan.reorderHoldMs("a")))
                .containsExactly(OptionalLong.of(800), OptionalLong.empty());
        assertThat(List.of(plan.paidAfterClose("x"), plan.paidAfterClose("ord_p"), plan.paidAfterClose("ord_p")))
                .containsExactly(Optional.empty(), Optional.of(-1L), Optional.empty());
    }

    @Test
    void declineRulesMatchEveryConditionGivenAndRunOut() {
        plan.update(new FaultUpdate(null, null, List.of(
                new DeclineRule(DeclineReason.LIMIT_EXCEEDED, 100_000L, null, null, null, null, null),
                new DeclineRule(DeclineReason.INSUFFICIENT_FUNDS, null, null, "13", "USD", null, 1),
                new DeclineRule(DeclineReason.RISK_REJECTED, null, null, null, null, Set.of("ord_r"), null))));

        assertThat(plan.decline("a", new Money(100_000, "EUR"))).contains(DeclineReason.LIMIT_EXCEEDED);
        assertThat(plan.decline("a", new Money(1013, "EUR"))).isEmpty();
        assertThat(plan.decline("a", new Money(1013, "USD"))).contains(DeclineReason.INSUFFICIENT_FUNDS);
        assertThat(plan.decline("a", new Money(1013, "USD"))).isEmpty();
        assertThat(plan.decline("ord_r", new Money(5, "USD"))).contains(DeclineReason.RISK_REJECTED);
        assertThat(plan.settings().declineRules()).hasSize(2);
    }

    @Test
    void anUpdateMergesReferenceCountsAndKeepsWhatItDoesNotName() {
        plan.update(update(FaultKind.FAIL, new FaultUpdate.Change(500L, null, 3, Map.of("a", 1, "b", 2))));

        FaultSettings s = plan.update(new FaultUpdate(5L, Map.of(FaultKind.FAIL,
                new FaultUpdate.Change(null, null, null, Map.of("a", 0, "c", 4))), null));

        assertThat(s.latencyMs()).isEqualTo(5);
        assertThat(s.fault(FaultKind.FAIL).setting()).isEqualTo(500);
        assertThat(s.fault(FaultKind.FAIL).targets()).isEqualTo(new Targets(3, Map.of("b", 2, "c", 4)));
    }

    @Test
    void anInvalidUpdateIsRefusedWholeAndChangesNothing() {
        FaultSettings before = plan.settings();

        assertThatThrownBy(() -> plan.update(new FaultUpdate(1L, Map.of(FaultKind.FAIL,
                new FaultUpdate.Change(200L, null, 1, null)), null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.update(update(FaultKind.LOSE_CALLBACKS,
                new FaultUpdate.Change(null, Set.of(Operation.PAY), 1, null))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.update(update(FaultKind.TIMEOUT,
                new FaultUpdate.Change(null, Set.of(), null, null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.update(update(FaultKind.DUPLICATE_CALLBACKS,
                new FaultUpdate.Change(1L, null, null, null)))).isInstanceOf(IllegalArgumentException.class);

        assertThat(plan.settings()).isEqualTo(before);
    }

    @Test
    void resetGoesBackToNothingInjected() {
        plan.update(update(FaultKind.FAIL, new FaultUpdate.Change(null, null, 9, null)));

        plan.reset();

        assertThat(plan.settings()).isEqualTo(FaultSettings.defaults(20));
    }

    @Test
    void failTheNextNFailsExactlyNUnderConcurrency() throws Exception {
        plan.update(update(FaultKind.FAIL, new FaultUpdate.Change(null, null, 25, null)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Directive>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return plan.before(Operation.PAY, "r");
            }));
        }
        start.countDown();
        int failed = 0;
        for (Future<Directive> f : results) {
            failed += f.get(10, TimeUnit.SECONDS).fails() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(failed).isEqualTo(25);
    }

    private static FaultUpdate update(FaultKind kind, FaultUpdate.Change change) {
        return new FaultUpdate(null, Map.of(kind, change), null);
    }
}
