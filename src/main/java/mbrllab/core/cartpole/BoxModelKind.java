package mbrllab.core.cartpole;

/** The two tabular models of the BOXES task. */
public enum BoxModelKind {
    /** The maze's deterministic model Model(x,u) &lt;- (x', r): the latest outcome replaces the previous one. */
    LAST_OUTCOME("last outcome"),
    /** Every outcome with its count; planning draws one by its frequency. */
    SAMPLE("sample model");

    private final String label;

    BoxModelKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A new, empty model of this kind over the 162 boxes and 2 actions. */
    public BoxModel create() {
        return this == LAST_OUTCOME ? new LastOutcomeModel() : new SampleModel();
    }

    @Override
    public String toString() {
        return label;
    }
}
