package mbrllab.app.models;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import mbrllab.core.models.dynamics.CompoundingError;
import mbrllab.core.models.dynamics.MultiStepPrediction;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.ensemble.EnsembleModel;
import mbrllab.core.models.gp.GpModel;

/**
 * What the cart-pole tab has computed so far for one setting: the data, the fitted models, the one-step parity
 * data, and per rollout kind the predictions from every held-out start and their compounding error. Filled in
 * stages (each stage a new value); never modified.
 *
 * @param settings     what was computed, and what of it is shown (the held-out start and the rollouts drawn follow
 *                     the tab's choices, see {@link #showing})
 * @param seed         the seed
 * @param train        the training episodes
 * @param windows      the held-out windows (start, true forces, true states)
 * @param offsets      the step each window starts at in its held-out episode
 * @param gp           the GP, or null
 * @param ensemble     the ensemble, or null
 * @param parity       predicted and true one-step differences on the held-out transitions, or null
 * @param predictions  per rollout kind, one prediction per window
 * @param errors       per rollout kind, the compounding error over the windows
 * @param done         whether every stage has finished
 */
record DynamicsResult(DynamicsViewModel.Settings settings, long seed, List<Trajectory> train, List<Trajectory> windows,
                      int[] offsets, GpModel gp, EnsembleModel ensemble, Parity parity,
                      Map<Rollout, MultiStepPrediction[]> predictions, Map<Rollout, CompoundingError> errors,
                      boolean done) {

    /**
     * One-step predictions on held-out transitions: true differences (n x 4) and, per model, the predicted mean
     * and total variance (n x 4), null for a model not fitted.
     */
    record Parity(double[] truth, double[] gpMean, double[] gpVar, double[] ensembleMean, double[] ensembleVar) {
        int size() {
            return truth.length / 4;
        }
    }

    DynamicsResult with(GpModel newGp, EnsembleModel newEnsemble, Parity newParity) {
        return new DynamicsResult(settings, seed, train, windows, offsets, newGp, newEnsemble, newParity, predictions,
                errors, false);
    }

    DynamicsResult with(Rollout r, MultiStepPrediction[] p, CompoundingError e) {
        Map<Rollout, MultiStepPrediction[]> ps = new EnumMap<>(Rollout.class);
        ps.putAll(predictions);
        ps.put(r, p);
        Map<Rollout, CompoundingError> es = new EnumMap<>(Rollout.class);
        es.putAll(errors);
        es.put(r, e);
        return new DynamicsResult(settings, seed, train, windows, offsets, gp, ensemble, parity,
                java.util.Collections.unmodifiableMap(ps), java.util.Collections.unmodifiableMap(es), false);
    }

    /**
     * The same computation shown from another held-out start and with other rollouts drawn: what is drawn follows
     * these choices at once, with no new computation (a start beyond this result's windows shows its last one).
     */
    DynamicsResult showing(int start, java.util.Set<Rollout> shown) {
        DynamicsViewModel.Settings viewed = settings.withStart(Math.min(start, windows.size() - 1)).withShown(shown);
        return viewed.equals(settings) ? this : new DynamicsResult(viewed, seed, train, windows, offsets, gp, ensemble,
                parity, predictions, errors, done);
    }

    DynamicsResult finished() {
        return new DynamicsResult(settings, seed, train, windows, offsets, gp, ensemble, parity, predictions, errors,
                true);
    }
}
