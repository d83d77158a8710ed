package mbrllab.core.models.dynamics;

import java.util.Locale;

import mbrllab.core.models.ModelKind;

/** How a learned dynamics model predicts several steps ahead from a known start. */
public enum PredictionMethod {
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

    private final String id;
    private final String label;

    PredictionMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The command-line and session name, e.g. "moment-matching". */
    public String id() {
        return id;
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

    /** The method with this id (case-insensitive). */
    public static PredictionMethod fromId(String id) {
        for (PredictionMethod m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + id + "'; expected moment-matching, ts1 or tsinf");
    }
}
