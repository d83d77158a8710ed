package mbrllab.core.cartpole;

/** The agents of the BOXES learning experiment. */
public enum BoxesAgentKind {
    /** Pushes left or right at random: the baseline (about 22 steps per episode). */
    RANDOM("random"),
    /** Tabular Dyna-Q on the boxes ({@link BoxesDynaQ}). */
    DYNA_Q("Dyna-Q on boxes");

    private final String label;

    BoxesAgentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
