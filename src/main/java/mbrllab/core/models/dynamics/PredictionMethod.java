package mbrllab.core.models.dynamics;

import mbrllab.core.Keyed;
import mbrllab.core.models.ModelKind;

/** How a learned dynamics model predicts several steps ahead from a known start. */
public enum PredictionMethod implements Keyed {
    /**
     * GP only: a Gaussian state distribution propagated by exact moment matching (PILCO); the next state is
     * s + delta with the joint moments of (s, delta).
     */
    MOMENT_MATCHING("moment-matching", "moment matching"),
    /**
     * Particles, each drawing a fresh model at every step (PETS' TS1): for an ensemble a member chosen
     * uniformly at random per particle and step; for a GP an independent draw of f at the particle's point
     * from the posterior marginal, at every step.
     */
    TS1("ts1", "TS1"),
    /** Ensemble only: particles that keep one member for the whole horizon (PETS' TS-infinity). */
    TS_INF("tsinf", "TS-infinity");

    private final String key;
    private final String label;

    PredictionMethod(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stable key of the command line ({@code models rollout --method}): moment-matching, ts1 or tsinf. */
    @Override
    public String key() {
        return key;
    }

    /** A name to show, e.g. "TS-infinity". */
    public String label() {
        return label;
    }

    /** Whether this method works with that kind of model. */
    public boolean supports(ModelKind kind) {
        return switch (this) {
            case MOMENT_MATCHING -> kind == ModelKind.GP;
            case TS1 -> true;
            case TS_INF -> kind == ModelKind.ENSEMBLE;
        };
    }

    /**
     * The method with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static PredictionMethod fromKey(String key) {
        return Keyed.fromKey(PredictionMethod.class, key);
    }
}
