package mbrllab.core.cartpole;

import mbrllab.core.Keyed;

/** The two tabular models of the BOXES task. */
public enum BoxModelKind implements Keyed {
    /** The maze's deterministic model Model(x,u) &lt;- (x', r): the latest outcome replaces the previous one. */
    LAST_OUTCOME("last", "last outcome"),
    /** Every outcome with its count; planning draws one by its frequency. */
    SAMPLE("sample", "sample model");

    private final String key;
    private final String label;

    BoxModelKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable key of sessions and the command line: "last" or "sample" ({@code cartpole learn --model}). */
    @Override
    public String key() {
        return key;
    }

    /**
     * The model kind with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static BoxModelKind fromKey(String key) {
        return Keyed.fromKey(BoxModelKind.class, key);
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
