package mbrllab.app.models;

import mbrllab.core.Keyed;
import mbrllab.core.models.ModelKind;

/** Which model the lab shows: one of the two, or both overlaid. */
enum ModelChoice implements Keyed {
    GP("GP", ModelKind.GP.key()),
    ENSEMBLE("Ensemble", ModelKind.ENSEMBLE.key()),
    BOTH("Both (overlay)", "both");

    private final String label;
    private final String key;

    ModelChoice(String label, String key) {
        this.label = label;
        this.key = key;
    }

    String label() {
        return label;
    }

    /** The stable key of sessions: gp, ensemble (as {@link ModelKind}'s) or both. */
    @Override
    public String key() {
        return key;
    }

    boolean shows(ModelKind kind) {
        return this == BOTH || (kind == ModelKind.GP ? this == GP : this == ENSEMBLE);
    }

    @Override
    public String toString() {
        return label;
    }
}
