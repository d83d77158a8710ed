package mbrllab.core.cartpole;

import mbrllab.core.Keyed;

/** The agents of the BOXES learning experiment. */
public enum BoxesAgentKind implements Keyed {
    /** Pushes left or right at random: the baseline (about 22 steps per episode). */
    RANDOM("random", "random"),
    /** Tabular Dyna-Q on the boxes ({@link BoxesDynaQ}). */
    DYNA_Q("dynaq-boxes", "Dyna-Q on boxes");

    private final String key;
    private final String label;

    BoxesAgentKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable key of sessions and the command line: "random" or "dynaq-boxes" ({@code cartpole learn --agent}). */
    @Override
    public String key() {
        return key;
    }

    /**
     * The agent with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static BoxesAgentKind fromKey(String key) {
        return Keyed.fromKey(BoxesAgentKind.class, key);
    }

    @Override
    public String toString() {
        return label;
    }
}
