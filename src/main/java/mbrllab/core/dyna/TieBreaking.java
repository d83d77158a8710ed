package mbrllab.core.dyna;

/** How the greedy choice picks among several actions with the same maximal Q(x,u). */
public enum TieBreaking {
    /** Uniformly at random among the maximal actions (the book's choice). */
    RANDOM("random"),
    /** The maximal action with the lowest index (up, down, left, right): shows why random matters. */
    FIRST_INDEX("first index");

    private final String label;

    TieBreaking(String label) {
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
