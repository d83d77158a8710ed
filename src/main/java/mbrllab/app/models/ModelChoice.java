package mbrllab.app.models;

import java.util.Locale;

import mbrllab.core.models.ModelKind;

/** Which model the lab shows: one of the two, or both overlaid. */
enum ModelChoice {
    GP("GP", "gp"),
    ENSEMBLE("Ensemble", "ensemble"),
    BOTH("Both (overlay)", "both");

    private final String label;
    private final String id;

    ModelChoice(String label, String id) {
        this.label = label;
        this.id = id;
    }

    String label() {
        return label;
    }

    /** The session name: gp, ensemble or both. */
    String id() {
        return id;
    }

    boolean shows(ModelKind kind) {
        return this == BOTH || (kind == ModelKind.GP ? this == GP : this == ENSEMBLE);
    }

    static ModelChoice fromId(String field, String id) {
        for (ModelChoice c : values()) {
            if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("\"" + field + "\" must be \"gp\", \"ensemble\" or \"both\", got \"" + id + "\"");
    }

    @Override
    public String toString() {
        return label;
    }
}
