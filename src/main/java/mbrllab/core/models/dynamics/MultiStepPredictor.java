package mbrllab.core.models.dynamics;

import java.util.random.RandomGenerator;

import mbrllab.core.models.ModelKind;
import mbrllab.core.models.RegressionModel;
import mbrllab.core.models.ensemble.EnsembleModel;
import mbrllab.core.models.gp.GpModel;

/**
 * Predicts the cart-pole state H steps ahead with a learned model of state differences (inputs
 * (s, u), outputs s' - s, see {@link Transitions}) from a known start under a fixed open-loop force sequence
 * (no policy in the loop). Implementations are immutable and may serve several threads.
 */
public interface MultiStepPredictor {

    /**
     * The predicted state distribution at steps 0 .. H.
     *
     * @param start   s_0, 4 values, known exactly; not modified
     * @param actions u_0 .. u_{H-1}, H >= 1; not modified
     * @param rng     randomness of the particles (unused by moment matching); advanced
     */
    MultiStepPrediction predict(double[] start, double[] actions, RandomGenerator rng);

    /** The method this predictor uses. */
    PredictionMethod method();

    /**
     * The predictor for a fitted dynamics model and a method.
     *
     * @throws IllegalArgumentException if the model is not a dynamics model (5 inputs, 4 outputs), or the method
     *                                  does not work with that kind of model (moment matching needs a GP,
     *                                  TS-infinity an ensemble)
     */
    static MultiStepPredictor of(RegressionModel model, PredictionMethod method, RolloutSettings settings) {
        if (model.inputDim() != Transitions.INPUT_DIM || model.outputDim() != Transitions.OUTPUT_DIM) {
            throw new IllegalArgumentException("a cart-pole dynamics model has 5 inputs and 4 outputs, got "
                    + model.inputDim() + " and " + model.outputDim());
        }
        ModelKind kind = model instanceof GpModel ? ModelKind.GP : model instanceof EnsembleModel
                ? ModelKind.ENSEMBLE : null;
        if (kind == null) {
            throw new IllegalArgumentException("unknown model type " + model.getClass().getSimpleName());
        }
        if (!method.supports(kind)) {
            throw new IllegalArgumentException(method.label() + " does not work with a " + kind.label()
                    + (method == PredictionMethod.MOMENT_MATCHING ? " (moment matching needs a GP)"
                    : " (TS-infinity keeps one ensemble member per particle; a GP has no members)"));
        }
        return switch (method) {
            case MOMENT_MATCHING -> new MomentMatchingPredictor((GpModel) model, settings);
            case TS1, TS_INF -> kind == ModelKind.GP ? new GpParticlePredictor((GpModel) model, settings)
                    : new EnsembleParticlePredictor((EnsembleModel) model, method, settings);
        };
    }

    /** Checks the shapes of a call to {@link #predict}. */
    static void check(double[] start, double[] actions) {
        if (start.length != Trajectory.STATE_DIM) {
            throw new IllegalArgumentException("start must have 4 values, got " + start.length);
        }
        if (actions.length < 1) {
            throw new IllegalArgumentException("at least one action is needed");
        }
    }
}
