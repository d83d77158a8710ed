package mbrllab.core.acceleration;

/** Where a Dyna-style DQN gets its model data from, if anywhere. */
public enum ModelChoice {
    /** No model: the DQN learns from real transitions only. */
    NONE("real", "real data only"),
    /** A probabilistic ensemble learned from the real buffer (the lecture's learned model). */
    ENSEMBLE("model", "learned ensemble"),
    /** One deterministic net learned from the real buffer. */
    SINGLE("single", "single learned net"),
    /** The task's own physics: a perfect model, the upper bound of what a model can give. */
    TRUE("true", "true physics");

    private final String key;
    private final String label;

    ModelChoice(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The word of the setting syntax and of column names: real, model, single or true. */
    public String key() {
        return key;
    }

    /** A name to show, e.g. "learned ensemble". */
    public String label() {
        return label;
    }

    /** Whether this is a model learned from data (and refitted). */
    public boolean learned() {
        return this == ENSEMBLE || this == SINGLE;
    }

    /** The choice with this key, or null. */
    public static ModelChoice ofKey(String key) {
        for (ModelChoice c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        return null;
    }
}
