package io.payrail.simulator.channel;

import io.payrail.simulator.fault.MoneyOverride;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A channel's failure plan as it stands: the counters are what is left to inject.
 *
 * @param latencyMs    delay before every answer
 * @param faults       one entry per {@link FaultKind}
 * @param declineRules "decline by rule", tried in order; used-up rules are dropped
 * @param misreports   per merchant reference, the money the channel takes and reports instead of the
 *                     order's when that order is paid ("misreport")
 */
public record FaultSettings(long latencyMs, Map<FaultKind, Fault> faults, List<DeclineRule> declineRules,
                            Map<String, MoneyOverride> misreports) {

    /** Caps delays so a typo cannot park a request for days. */
    public static final long MAX_DELAY_MS = 600_000;

    public FaultSettings {
        if (latencyMs < 0 || latencyMs > MAX_DELAY_MS) {
            throw new IllegalArgumentException("latencyMs must be 0.." + MAX_DELAY_MS);
        }
        EnumMap<FaultKind, Fault> all = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            Fault fault = faults.get(kind);
            all.put(kind, fault == null ? Fault.none(kind) : fault);
        }
        all.forEach((kind, fault) -> {
            if (fault.kind() != kind) {
                throw new IllegalArgumentException("fault filed under the wrong kind");
            }
        });
        faults = java.util.Collections.unmodifiableMap(all);
        declineRules = declineRules.stream().filter(r -> r.remaining() == null || r.remaining() > 0).toList();
        misreports = MoneyOverride.byReference(misreports, "misreport.refs");
    }

    public static FaultSettings defaults(long latencyMs) {
        return new FaultSettings(latencyMs, Map.of(), List.of(), Map.of());
    }

    public Fault fault(FaultKind kind) {
        return faults.get(kind);
    }

    FaultSettings with(Fault fault) {
        EnumMap<FaultKind, Fault> next = new EnumMap<>(faults);
        next.put(fault.kind(), Objects.requireNonNull(fault));
        return new FaultSettings(latencyMs, next, declineRules, misreports);
    }

    FaultSettings withRules(List<DeclineRule> rules) {
        return new FaultSettings(latencyMs, faults, rules, misreports);
    }

    /** Only what is armed, e.g. {@code latency 20 ms; fail(503 [PAY]) next 2; loseCallbacks {ord_1=1}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("latency ").append(latencyMs).append(" ms");
        faults.forEach((kind, f) -> {
            if (f.targets().isEmpty()) {
                return;
            }
            out.append("; ").append(kind.jsonName());
            if (kind.settingName() != null || kind.aimedAtOperations()) {
                out.append('(');
                if (kind.settingName() != null) {
                    out.append(kind.settingName()).append(' ').append(f.setting());
                }
                if (kind.aimedAtOperations()) {
                    out.append(' ').append(f.operations().stream().sorted().toList());
                }
                out.append(')');
            }
            if (f.targets().next() > 0) {
                out.append(" next ").append(f.targets().next());
            }
            if (!f.targets().refs().isEmpty()) {
                out.append(' ').append(new java.util.TreeMap<>(f.targets().refs()));
            }
        });
        declineRules.forEach(r -> out.append("; decline ").append(r.reason())
                .append(r.remaining() == null ? "" : " x" + r.remaining()));
        if (!misreports.isEmpty()) {
            out.append("; misreport ").append(misreports);
        }
        return out.toString();
    }
}
