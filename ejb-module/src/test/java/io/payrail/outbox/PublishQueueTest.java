package io.payrail.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** After-commit ids: one worker at a time, every id in exactly one batch, none stranded. */
class PublishQueueTest {

    @Test
    void commitsDuringABatchGoTogetherIntoTheNextOne() {
        PublishQueue queue = new PublishQueue(200);
        assertThat(queue.offer(List.of("a"))).isTrue();
        // two more commits while the worker publishes "a": no second worker
        List<String> first = queue.nextBatch();
        assertThat(queue.offer(List.of("b"))).isFalse();
        assertThat(queue.offer(List.of("c", "d"))).isFalse();

        assertThat(first).containsExactly("a");
        assertThat(queue.nextBatch()).containsExactly("b", "c", "d");
        assertThat(queue.nextBatch()).isEmpty();
        // the worker stopped: the next commit starts one again
        assertThat(queue.offer(List.of("e"))).isTrue();
    }

    @Test
    void batchesAreCappedAtTheirSize() {
        PublishQueue queue = new PublishQueue(2);
        queue.offer(List.of("a", "b", "c"));
        assertThat(queue.nextBatch()).containsExactly("a", "b");
        assertThat(queue.nextBatch()).containsExactly("c");
        assertThat(queue.nextBatch()).isEmpty();
    }

    @Test
    void aWorkerThatCouldNotStartLetsTheNextOfferStartOne() {
        PublishQueue queue = new PublishQueue(10);
        assertThat(queue.offer(List.of("a"))).isTrue();
        queue.workerNotStarted();
        assertThat(queue.offer(List.of("b"))).isTrue();
        assertThat(queue.nextBatch()).containsExactly("a", "b");
    }

    @Test
    void underConcurrentCommitsEveryIdIsPublishedExactlyOnceAndNeverTwoWorkersAtOnce() throws Exception {
        PublishQueue queue = new PublishQueue(7);
        Set<String> published = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger workersRunning = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService workers = Executors.newCachedThreadPool();
        ExecutorService committers = Executors.newFixedThreadPool(8);
        CountDownLatch done = new CountDownLatch(8);
        for (int c = 0; c < 8; c++) {
            int committer = c;
            committers.execute(() -> {
                for (int i = 0; i < 5_000; i++) {
                    if (queue.offer(List.of(committer + "-" + i))) {
                        workers.execute(() -> {
                            mostAtOnce.accumulateAndGet(workersRunning.incrementAndGet(), Math::max);
                            for (List<String> b = queue.nextBatch(); !b.isEmpty(); b = queue.nextBatch()) {
                                b.forEach(id -> {
                                    if (!published.add(id)) {
                                        duplicates.add(id);
                                    }
                                });
                            }
                            workersRunning.decrementAndGet();
                        });
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        committers.shutdown();
        workers.shutdown();
        assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(duplicates).isEmpty();
        assertThat(published).hasSize(40_000);
        // a worker decrements after its last nextBatch: two may overlap by that instant, never more
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);
    }
}
