package mbrllab.app.models;

import mbrllab.core.Keyed;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.dynamics.PredictionMethod;

/** The multi-step predictions the cart-pole tab computes: a model and a method, with a colour. */
enum Rollout implements Keyed {
    GP_MOMENT_MATCHING("moment-matching", "GP, moment matching", ModelKind.GP, PredictionMethod.MOMENT_MATCHING,
            Look.GP),
    ENSEMBLE_TS1("ts1", "Ensemble, TS1", ModelKind.ENSEMBLE, PredictionMethod.TS1, Look.ENSEMBLE),
    ENSEMBLE_TS_INF("tsinf", "Ensemble, TS-infinity", ModelKind.ENSEMBLE, PredictionMethod.TS_INF, Look.TS_INF),
    GP_PARTICLES("gp-ts1", "GP, particles (TS1)", ModelKind.GP, PredictionMethod.TS1, Look.GP_PARTICLES);

    private final String key;
    private final String label;
    private final ModelKind kind;
    private final PredictionMethod method;
    private final int colour;

    Rollout(String key, String label, ModelKind kind, PredictionMethod method, int colour) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.method = method;
        this.colour = colour;
    }

    /** The stable key of sessions and of the exported CSV: moment-matching, ts1, tsinf or gp-ts1. */
    @Override
    public String key() {
        return key;
    }

    String label() {
        return label;
    }

    ModelKind kind() {
        return kind;
    }

    PredictionMethod method() {
        return method;
    }

    int colour() {
        return colour;
    }

    @Override
    public String toString() {
        return label;
    }
}
