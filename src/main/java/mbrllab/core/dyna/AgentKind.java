package mbrllab.core.dyna;

/** The tabular maze agents of the lab. */
public enum AgentKind {
    /** Dyna-Q, the lecture's steps (a) to (f) ({@link DynaQ}). */
    DYNA_Q("Dyna-Q", "dynaq"),
    /** Dyna-Q+ of Sutton and Barto, Section 8.3: exploration bonus kappa sqrt(tau) in planning ({@link DynaQ#plus}). */
    DYNA_Q_PLUS("Dyna-Q+", "dynaqplus"),
    /** Prioritized sweeping, Section 8.4 ({@link PrioritizedSweeping}). */
    PRIORITIZED_SWEEPING("Prioritized sweeping", "ps");

    private final String label;
    private final String key;

    AgentKind(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** Name shown on screen and in chart legends. */
    public String label() {
        return label;
    }

    /** Short lower-case name used in CSV headers: dynaq, dynaqplus, ps. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return label;
    }
}
