package mbrllab.core.models.transition;

import java.util.Locale;

import mbrllab.core.Keyed;

/** The kinds of {@link TransitionModel}: what a planner or a Dyna-style learner simulates with. */
public enum TransitionModelKind implements Keyed {
    /**
     * Probabilistic ensemble (PETS): M bootstrapped nets, each predicting a Gaussian over the state change,
     * trained by the Gaussian negative log-likelihood; epistemic uncertainty from the members' disagreement.
     */
    ENSEMBLE("ensemble", "probabilistic ensemble"),
    /** One deterministic net trained by mean squared error: no uncertainty (the model a planner exploits). */
    SINGLE("single", "single net"),
    /** The task's own physics: a perfect model, to separate planning error from model error. */
    TRUE("true", "true dynamics");

    private final String id;
    private final String label;

    TransitionModelKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The command-line and session key: ensemble, single or true (stable). */
    public String id() {
        return id;
    }

    /** The same as {@link #id()}: the key of sessions. */
    @Override
    public String key() {
        return id;
    }

    /** A name to show, e.g. "probabilistic ensemble". */
    public String label() {
        return label;
    }

    /** The kind with this key (case-insensitive). */
    public static TransitionModelKind fromId(String id) {
        String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (TransitionModelKind k : values()) {
            if (k.id.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "'; expected ensemble, single or true");
    }
}
