package mbrllab.core.dyna;

/** How a planning update picks the previously experienced (x,u) it replays from the model. */
public enum PlanningSampling {
    /**
     * The book's and the lecture's step (f): a random previously observed state, then a random action
     * previously taken in it.
     */
    STATE_THEN_ACTION("state, then action"),
    /** Uniformly over all previously observed (x,u) pairs: states with more tried actions come up more often. */
    UNIFORM_PAIRS("uniform over pairs");

    private final String label;

    PlanningSampling(String label) {
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
