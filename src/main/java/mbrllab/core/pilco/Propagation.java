package mbrllab.core.pilco;

/** How the predicted state distribution is carried from step to step. */
public enum Propagation {

    /**
     * PILCO: the state is a Gaussian whose mean and covariance are matched exactly through sin/cos, the policy and
     * the GPs; the model's uncertainty (where it has no data) widens the prediction and raises the expected cost.
     */
    MOMENT_MATCHING("moment"),

    /**
     * The GP mean alone: one state, no covariance, the model's uncertainty ignored (certainty equivalence). It
     * trusts the model where it has no data, which is why PILCO propagates the uncertainty.
     */
    MEAN("mean");

    private final String label;

    Propagation(String label) {
        this.label = label;
    }

    /** The short name used on the command line: moment or mean. */
    public String label() {
        return label;
    }

    /** The propagation with this short name. */
    public static Propagation fromLabel(String label) {
        for (Propagation p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("propagation must be moment or mean, got '" + label + "'");
    }
}
