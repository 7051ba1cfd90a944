package io.payrail.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Outbox ids committed on this server and not yet handed to the broker, worked off by at most one
 * worker at a time in batches: under load many transactions commit while one batch is being
 * published, and the next batch takes all of them in one transaction instead of one each.
 *
 * <p>Losing an id here (the server dies, a batch fails) loses nothing: the row stays unpublished in
 * MySQL and the sweeper sends it.
 */
@ApplicationScoped
public class PublishQueue {

    /** More than commit at once on one server under any load measured; one transaction's worth. */
    static final int BATCH = 200;

    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean working = new AtomicBoolean();
    private final int batchSize;

    public PublishQueue() {
        this(BATCH);
    }

    PublishQueue(int batchSize) {
        this.batchSize = batchSize;
    }

    /** @return true when no worker is running and the caller must start one */
    boolean offer(Collection<String> ids) {
        pending.addAll(ids);
        return working.compareAndSet(false, true);
    }

    /**
     * For the worker: the next batch, or an empty list when the queue is empty, after which the
     * worker must stop (an id offered meanwhile starts a new one).
     */
    List<String> nextBatch() {
        while (true) {
            List<String> batch = new ArrayList<>();
            for (String id; batch.size() < batchSize && (id = pending.poll()) != null; ) {
                batch.add(id);
            }
            if (!batch.isEmpty()) {
                return batch;
            }
            working.set(false);
            // an offer between the poll and the reset saw a worker running and started none
            if (pending.isEmpty() || !working.compareAndSet(false, true)) {
                return List.of();
            }
        }
    }

    /** The worker could not be started: let the next offer try again. */
    void workerNotStarted() {
        working.set(false);
    }
}
