package mbrllab.core.models;

import mbrllab.core.Keyed;

/** The learned models of the models lab. */
public enum ModelKind implements Keyed {
    /** Gaussian process with a squared-exponential ARD kernel, one per output. */
    GP("gp", "Gaussian process"),
    /** Probabilistic ensemble: bootstrapped neural nets that each predict a mean and a variance. */
    ENSEMBLE("ensemble", "probabilistic ensemble");

    private final String key;
    private final String label;

    ModelKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** A name to show, e.g. "Gaussian process". */
    public String label() {
        return label;
    }

    /** The stable key of sessions and the command line: "gp" or "ensemble" ({@code models fit|rollout --model}). */
    @Override
    public String key() {
        return key;
    }

    /**
     * The model kind with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static ModelKind fromKey(String key) {
        return Keyed.fromKey(ModelKind.class, key);
    }
}
