package io.payrail.simulator.channel;

/**
 * The failures a channel can be told to inject, each with the name of its one setting, that
 * setting's default and range, and whether it can be aimed at kinds of request.
 */
public enum FaultKind {
    /** Answer with an HTTP 5xx and do nothing. Setting: the status. */
    FAIL("fail", "status", 503, 500, 599, true),
    /** Do the work at once but hold the answer back. Setting: how long, in ms. */
    TIMEOUT("timeout", "ms", 30_000, 0, FaultSettings.MAX_DELAY_MS, true),
    /** Never send the callback. */
    LOSE_CALLBACKS("loseCallbacks", null, 0, 0, 0, false),
    /** Deliver the callback several times (each copy until acknowledged). Setting: how many copies. */
    DUPLICATE_CALLBACKS("duplicateCallbacks", "copies", 2, 2, 10, false),
    /** Hold a callback back until the reference's next one was sent. Setting: the longest hold, in ms. */
    REORDER_CALLBACKS("reorderCallbacks", "holdMs", 3_000, 0, FaultSettings.MAX_DELAY_MS, false),
    /** A close answers CLOSED but the payer's payment lands anyway. Setting: ms until it lands by itself (-1: only when the payer approves or a pay request comes). */
    PAID_AFTER_CLOSE("paidAfterClose", "delayMs", 500, -1, FaultSettings.MAX_DELAY_MS, false);

    private final String jsonName;
    private final String settingName;
    private final long defaultSetting;
    private final long min;
    private final long max;
    private final boolean aimedAtOperations;

    FaultKind(String jsonName, String settingName, long defaultSetting, long min, long max,
              boolean aimedAtOperations) {
        this.jsonName = jsonName;
        this.settingName = settingName;
        this.defaultSetting = defaultSetting;
        this.min = min;
        this.max = max;
        this.aimedAtOperations = aimedAtOperations;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The name of the setting in JSON, or null when the failure has none. */
    public String settingName() {
        return settingName;
    }

    public long defaultSetting() {
        return defaultSetting;
    }

    public boolean aimedAtOperations() {
        return aimedAtOperations;
    }

    void checkSetting(long value) {
        if (settingName != null && (value < min || value > max)) {
            throw new IllegalArgumentException(jsonName + "." + settingName + " must be " + min + ".." + max);
        }
    }

    public static FaultKind fromJson(String name) {
        for (FaultKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown failure " + name);
    }
}
