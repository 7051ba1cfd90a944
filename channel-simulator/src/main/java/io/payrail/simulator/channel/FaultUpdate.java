package io.payrail.simulator.channel;

import io.payrail.simulator.fault.MoneyOverride;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change to a channel's failure plan. Null means "leave it": a test can say only
 * {@code {"fail":{"next":2}}}. Reference counts are merged into the current ones (0 removes one);
 * {@code declineRules}, when given, replace the list; {@code misreports} are merged by reference (a
 * null value removes one).
 */
public record FaultUpdate(Long latencyMs, Map<FaultKind, Change> changes, List<DeclineRule> declineRules,
                          Map<String, MoneyOverride> misreports) {

    /** A change to one failure: each field null to leave it. */
    public record Change(Long setting, Set<Operation> operations, Integer next, Map<String, Integer> refs) {
    }

    public FaultUpdate {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    /** A change that leaves the misreports as they are. */
    public FaultUpdate(Long latencyMs, Map<FaultKind, Change> changes, List<DeclineRule> declineRules) {
        this(latencyMs, changes, declineRules, null);
    }

    /** The plan after this change; throws {@link IllegalArgumentException} if it would be invalid. */
    FaultSettings applyTo(FaultSettings current) {
        EnumMap<FaultKind, Fault> faults = new EnumMap<>(current.faults());
        changes.forEach((kind, change) -> {
            Fault now = current.fault(kind);
            if (change.operations() != null && !kind.aimedAtOperations()) {
                throw new IllegalArgumentException(kind.jsonName() + " cannot be aimed at operations");
            }
            faults.put(kind, new Fault(kind,
                    change.setting() != null ? change.setting() : now.setting(),
                    change.operations() != null ? change.operations() : now.operations(),
                    now.targets().merge(change.next(), change.refs() == null ? null : new HashMap<>(change.refs()))));
        });
        return new FaultSettings(latencyMs != null ? latencyMs : current.latencyMs(), faults,
                declineRules != null ? declineRules : current.declineRules(),
                MoneyOverride.merged(current.misreports(), misreports));
    }
}
