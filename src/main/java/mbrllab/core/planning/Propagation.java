package mbrllab.core.planning;

import java.util.Locale;

import mbrllab.core.Keyed;

import mbrllab.core.models.transition.TransitionModelKind;

/**
 * How a planner propagates particles through a {@link mbrllab.core.models.transition.TransitionModel} to score an
 * action sequence (PETS, Chua et al. 2018): J(u_1..u_H) = 1/N sum_i sum_t r(x_t,i, u_t), x_{t+1,i} drawn from
 * member theta_i.
 */
public enum Propagation implements Keyed {
    /**
     * TS1: each particle picks a member uniformly at random at every step and samples its next state from that
     * member's Gaussian.
     */
    TS1("ts1", "TS1"),
    /** TS-infinity: particle i keeps member i mod M for the whole horizon and samples from it. */
    TS_INF("tsinf", "TS-infinity"),
    /**
     * Deterministic: one particle follows the model's mean prediction (for an ensemble the average of its members'
     * mean next states), no sampling; the only choice for the single net and the true physics.
     */
    MEAN("mean", "deterministic mean");

    private final String id;
    private final String label;

    Propagation(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The command-line and session key: ts1, tsinf or mean. */
    public String id() {
        return id;
    }

    /** The same as {@link #id()}: the key of sessions. */
    @Override
    public String key() {
        return id;
    }

    /** A name to show, e.g. "TS-infinity". */
    public String label() {
        return label;
    }

    /** Whether particles are drawn (TS1, TS-infinity) rather than one deterministic path. */
    public boolean sampled() {
        return this != MEAN;
    }

    /**
     * Whether this propagation applies to a kind of model: the sampled ones need the ensemble's members and
     * variances; the deterministic mean applies to every kind.
     */
    public boolean supports(TransitionModelKind kind) {
        return this == MEAN || kind == TransitionModelKind.ENSEMBLE;
    }

    /** The propagation with this key (case-insensitive). */
    public static Propagation fromId(String id) {
        String key = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (Propagation p : values()) {
            if (p.id.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown propagation '" + id + "'; expected ts1, tsinf or mean");
    }
}
