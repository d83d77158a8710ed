package mbrllab.core.models;

/** The learned models of the models lab. */
public enum ModelKind {
    /** Gaussian process with a squared-exponential ARD kernel, one per output. */
    GP("Gaussian process"),
    /** Probabilistic ensemble: bootstrapped neural nets that each predict a mean and a variance. */
    ENSEMBLE("probabilistic ensemble");

    private final String label;

    ModelKind(String label) {
        this.label = label;
    }

    /** A name to show, e.g. "Gaussian process". */
    public String label() {
        return label;
    }
}
