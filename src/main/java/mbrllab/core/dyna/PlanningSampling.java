package mbrllab.core.dyna;

import mbrllab.core.Keyed;

/** How a planning update picks the previously experienced (x,u) it replays from the model. */
public enum PlanningSampling implements Keyed {
    /**
     * The book's and the lecture's step (f): a random previously observed state, then a random action
     * previously taken in it.
     */
    STATE_THEN_ACTION("state-then-action", "state, then action"),
    /** Uniformly over all previously observed (x,u) pairs: states with more tried actions come up more often. */
    UNIFORM_PAIRS("uniform-pairs", "uniform over pairs");

    private final String key;
    private final String label;

    PlanningSampling(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable key of sessions: "state-then-action" or "uniform-pairs". */
    @Override
    public String key() {
        return key;
    }

    /**
     * The sampling with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static PlanningSampling fromKey(String key) {
        return Keyed.fromKey(PlanningSampling.class, key);
    }

    @Override
    public String toString() {
        return label;
    }
}
