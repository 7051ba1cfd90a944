package io.payrail.simulator.bank;

import io.payrail.simulator.journal.JsonLine;
import io.payrail.simulator.journal.JsonLinesFile;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The bank's record of transfers (payouts): per transfer reference, how often it was asked, what it
 * decided, and how many times money left (never more than once: the reference is the idempotency
 * key, decided under its own lock). Every request is journaled before it is answered, in a file of
 * its own ({@code simbank-transfers.jsonl}), so what a caller was told survives a restart and
 * {@code kill -9}.
 */
public final class TransferBook implements Closeable {

    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final JsonLinesFile<Map<String, Object>> journal;
    private final Clock clock;
    private final Supplier<String> transferIds;

    /** A book holding what {@code file} holds (replayed now), writing new requests to it; null: keeps nothing. */
    public TransferBook(Path file, boolean sync, Clock clock, Supplier<String> transferIds) {
        this.clock = Objects.requireNonNull(clock);
        this.transferIds = Objects.requireNonNull(transferIds);
        this.journal = file == null ? null : new JsonLinesFile<>(file, sync, JsonLine::format, JsonLine::parse);
        if (journal != null) {
            journal.replay(this::restore);
        }
    }

    /** Decides on a new reference, or answers a retry with the first decision; journaled first. */
    public TransferAnswer transfer(TransferRequest request, long delayMillis) {
        Slot slot = slots.computeIfAbsent(request.transferRef(), ref -> new Slot());
        synchronized (slot) {
            Instant now = clock.instant();
            if (slot.result == null) {
                TransferResult decided = TransferResult.decide(request, transferIds.get(), now);
                write(line(now, request.transferRef(), Effect.DECIDED, decided));
                slot.apply(Effect.DECIDED, decided);
                return new TransferAnswer(Effect.DECIDED, decided, 0, delayMillis);
            }
            Effect effect = request.sameAs(slot.result) ? Effect.DUPLICATE : Effect.REF_REUSED;
            write(line(now, request.transferRef(), effect, null));
            slot.apply(effect, null);
            return new TransferAnswer(effect, slot.result, 0, delayMillis);
        }
    }

    /** Counts a request answered by an injected failure: nothing moved. */
    public void countFailed(String transferRef) {
        Slot slot = slots.computeIfAbsent(transferRef, ref -> new Slot());
        synchronized (slot) {
            write(line(clock.instant(), transferRef, Effect.INJECTED_FAILURE, null));
            slot.apply(Effect.INJECTED_FAILURE, null);
        }
    }

    public Optional<TransferResult> find(String transferRef) {
        Slot slot = slots.get(transferRef);
        if (slot == null) {
            return Optional.empty();
        }
        synchronized (slot) {
            return Optional.ofNullable(slot.result);
        }
    }

    /** One reference's record: requests, executions (0 or 1) and the decision. */
    public Map<String, Object> record(String transferRef) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transferRef", transferRef);
        Slot slot = slots.get(transferRef);
        long requests = 0;
        long executions = 0;
        TransferResult result = null;
        if (slot != null) {
            synchronized (slot) {
                requests = slot.requests;
                executions = slot.executions;
                result = slot.result;
            }
        }
        out.put("requests", requests);
        out.put("executions", executions);
        out.put("status", result == null ? "NONE" : result.status());
        if (result != null) {
            out.put("transferId", result.transferId());
            out.put("amount", result.amount());
            out.put("currency", result.currency());
            out.put("beneficiaryAccount", result.beneficiaryAccount());
            out.put("beneficiaryName", result.beneficiaryName());
            if (result.reasonCode() != null) {
                out.put("reasonCode", result.reasonCode());
            }
        }
        return out;
    }

    /** Totals: what was paid to whom, and how many times; {@code refsExecutedMoreThanOnce} is always 0. */
    public Totals totals() {
        long requests = 0;
        long executions = 0;
        long twice = 0;
        Map<String, long[]> paid = new TreeMap<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot slot = e.getValue();
            synchronized (slot) {
                requests += slot.requests;
                executions += slot.executions;
                twice += slot.executions > 1 ? 1 : 0;
                if (slot.result != null && slot.result.executed()) {
                    long[] sum = paid.computeIfAbsent(slot.result.beneficiaryAccount() + " " + slot.result.currency(),
                            k -> new long[2]);
                    sum[0] += slot.executions;
                    sum[1] += slot.executions * slot.result.amount();
                }
            }
        }
        List<Beneficiary> beneficiaries = new ArrayList<>();
        paid.forEach((key, sum) -> {
            String[] parts = key.split(" ");
            beneficiaries.add(new Beneficiary(parts[0], parts[1], sum[0], sum[1]));
        });
        return new Totals(slots.size(), requests, executions, twice, beneficiaries);
    }

    /** Forgets every transfer, in memory and in the journal (an operator's reset of the records). */
    public synchronized void clear() {
        if (journal != null) {
            journal.clear();
        }
        slots.clear();
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }

    private void write(Map<String, Object> line) {
        if (journal != null) {
            journal.append(line);
        }
    }

    private static Map<String, Object> line(Instant at, String transferRef, Effect effect, TransferResult decided) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", 1L);
        fields.put("at", at.toString());
        fields.put("transferRef", transferRef);
        fields.put("effect", effect.name());
        if (decided != null) {
            fields.put("status", decided.status());
            fields.put("transferId", decided.transferId());
            fields.put("amount", decided.amount());
            fields.put("currency", decided.currency());
            fields.put("beneficiaryAccount", decided.beneficiaryAccount());
            fields.put("beneficiaryName", decided.beneficiaryName());
            fields.put("reasonCode", decided.reasonCode());
        }
        return fields;
    }

    private void restore(Map<String, Object> line) {
        String ref = (String) line.get("transferRef");
        Effect effect = Effect.valueOf((String) line.get("effect"));
        TransferResult decided = effect != Effect.DECIDED ? null : new TransferResult(ref,
                (String) line.get("transferId"), (String) line.get("status"), ((Number) line.get("amount")).longValue(),
                (String) line.get("currency"), (String) line.get("beneficiaryAccount"),
                (String) line.get("beneficiaryName"), (String) line.get("reasonCode"),
                Instant.parse((String) line.get("at")));
        Slot slot = slots.computeIfAbsent(ref, r -> new Slot());
        synchronized (slot) {
            slot.apply(effect, decided);
        }
    }

    /** One reference's state; guarded by its own monitor. */
    private static final class Slot {
        private long requests;
        private long executions;
        private TransferResult result;

        void apply(Effect effect, TransferResult decided) {
            requests++;
            if (effect == Effect.DECIDED && result == null) {
                result = decided;
                if (decided.executed()) {
                    executions++;
                }
            }
        }
    }

    /** What was paid into one account in one currency: how many transfers, how much in all. */
    public record Beneficiary(String account, String currency, long transfers, long amount) {
    }

    public record Totals(long refs, long requests, long executions, long refsExecutedMoreThanOnce,
                         List<Beneficiary> beneficiaries) {
    }
}
