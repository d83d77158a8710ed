package mbrllab.core.planning;

import java.util.Locale;

import mbrllab.core.Keyed;

/** The optimisers over action sequences. */
public enum PlannerKind implements Keyed {
    /** The cross-entropy method: a Gaussian over sequences refitted to its elites, iteration by iteration. */
    CEM("cem", "cross-entropy method"),
    /** Random shooting: uniform random sequences, the best one wins. */
    RANDOM_SHOOTING("rs", "random shooting");

    private final String id;
    private final String label;

    PlannerKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The command-line and session key: cem or rs. */
    public String id() {
        return id;
    }

    /** The same as {@link #id()}: the key of sessions. */
    @Override
    public String key() {
        return id;
    }

    /** A name to show, e.g. "cross-entropy method". */
    public String label() {
        return label;
    }

    /** The planner with this key (case-insensitive). */
    public static PlannerKind fromId(String id) {
        String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (PlannerKind k : values()) {
            if (k.id.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown planner '" + id + "'; expected cem or rs");
    }
}
