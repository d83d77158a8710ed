package mbrllab.core.dyna;

import mbrllab.core.Keyed;

/** How the greedy choice picks among several actions with the same maximal Q(x,u). */
public enum TieBreaking implements Keyed {
    /** Uniformly at random among the maximal actions (the book's choice). */
    RANDOM("random", "random"),
    /** The maximal action with the lowest index (up, down, left, right): shows why random matters. */
    FIRST_INDEX("first-index", "first index");

    private final String key;
    private final String label;

    TieBreaking(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable key of sessions: "random" or "first-index". */
    @Override
    public String key() {
        return key;
    }

    /**
     * The rule with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static TieBreaking fromKey(String key) {
        return Keyed.fromKey(TieBreaking.class, key);
    }

    @Override
    public String toString() {
        return label;
    }
}
