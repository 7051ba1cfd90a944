package io.payrail.simulator.channel;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One kind of failure as it stands: its setting, the kinds of request it is aimed at (only for
 * {@link FaultKind#FAIL} and {@link FaultKind#TIMEOUT}) and what is left to inject.
 */
public record Fault(FaultKind kind, long setting, Set<Operation> operations, Targets targets) {

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targets, "targets");
        kind.checkSetting(setting);
        operations = operations == null || operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        if (kind.aimedAtOperations() && operations.isEmpty()) {
            throw new IllegalArgumentException(kind.jsonName() + ".operations must name at least one operation");
        }
    }

    /** Nothing to inject, the default setting; 5xx and slow answers aimed at pay requests. */
    public static Fault none(FaultKind kind) {
        return new Fault(kind, kind.defaultSetting(), kind.aimedAtOperations() ? Set.of(Operation.PAY) : Set.of(),
                Targets.NONE);
    }

    boolean aimsAt(Operation operation) {
        return !kind.aimedAtOperations() || operations.contains(operation);
    }

    Fault withTargets(Targets left) {
        return new Fault(kind, setting, operations, left);
    }
}
