package mbrllab.core.pilco;

import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.optim.Lbfgs;

/**
 * One trial of a PILCO run: what was predicted before it, what happened.
 *
 * @param trial            1-based; trial 1 applies random forces
 * @param episode          the rollout on the real system: the true states (drawn and exported) and the observations
 *                         (the learner's data)
 * @param policy           the policy applied, or null for the random trial
 * @param hyperparameters  the GPs' hyperparameters the policy was optimised on (x, x', theta, theta'), or null
 * @param prediction       the predicted state and cost distribution of the policy from the start distribution, or
 *                         null for the random trial
 * @param search           the policy search's end (evaluations, value, why it stopped), or null
 * @param actualCost       the cost summed over the true states s_1 .. s_H
 * @param success          the tip within the success radius at every state of the success window
 * @param experienceSeconds real time on the system up to and including this trial [s]
 */
public record TrialResult(int trial, TaskEpisode episode, RbfPolicy policy, SeHyperparameters[] hyperparameters,
                          PolicyEvaluation.Prediction prediction, Lbfgs.Result search, double actualCost,
                          boolean success, double experienceSeconds) {

    public TrialResult {
        if (trial < 1) {
            throw new IllegalArgumentException("trial must be >= 1, got " + trial);
        }
        if (episode == null) {
            throw new IllegalArgumentException("episode must not be null");
        }
        hyperparameters = hyperparameters == null ? null : hyperparameters.clone();
    }

    /** Whether the forces were random (no policy, no prediction). */
    public boolean isRandom() {
        return policy == null;
    }

    /** The predicted expected total cost, or NaN for the random trial. */
    public double predictedCost() {
        return prediction == null ? Double.NaN : prediction.totalCost();
    }

    /** The square root of the summed predicted per-step cost variances, or NaN for the random trial. */
    public double predictedCostSd() {
        return prediction == null ? Double.NaN : prediction.totalCostSd();
    }

    @Override
    public SeHyperparameters[] hyperparameters() {
        return hyperparameters == null ? null : hyperparameters.clone();
    }
}
