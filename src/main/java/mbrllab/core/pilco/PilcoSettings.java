package mbrllab.core.pilco;

import mbrllab.core.control.SwingUpTask;

/**
 * The settings of a PILCO run (pilco-matlab's scenarios/cartPole): the task (its horizon is the number of steps
 * the policy is optimised over and applied for), the policy's size, the policy search's budget, the propagation and
 * the GP training.
 *
 * @param task           the swing-up task: physics, start N(0, startStd^2 I), observation noise, cost, success
 * @param centres        K, the RBF policy's centres, in [1, 100]
 * @param maxEvaluations evaluations of J and its gradient per policy optimisation, in [1, 100,000]
 * @param propagation    moment matching (PILCO) or the GP mean alone
 * @param training       how the GP hyperparameters are fitted
 */
public record PilcoSettings(SwingUpTask task, int centres, int maxEvaluations, Propagation propagation,
                            GpDynamics.Training training) {

    public PilcoSettings {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        if (centres < 1 || centres > 100) {
            throw new IllegalArgumentException("centres must be in [1, 100], got " + centres);
        }
        if (maxEvaluations < 1 || maxEvaluations > 100_000) {
            throw new IllegalArgumentException("maxEvaluations must be in [1, 100000], got " + maxEvaluations);
        }
        if (propagation == null) {
            throw new IllegalArgumentException("propagation must not be null");
        }
        if (training == null) {
            throw new IllegalArgumentException("training must not be null");
        }
    }

    /** pilco-matlab's cart-pole: the PILCO swing-up task (H = 40), 10 centres, 150 evaluations, moment matching. */
    public static PilcoSettings defaults() {
        return new PilcoSettings(SwingUpTask.pilco(), 10, 150, Propagation.MOMENT_MATCHING,
                GpDynamics.Training.defaults());
    }

    /** H, the task's number of steps. */
    public int horizon() {
        return task.steps();
    }

    public PilcoSettings withHorizon(int steps) {
        return new PilcoSettings(task.withSteps(steps), centres, maxEvaluations, propagation, training);
    }

    public PilcoSettings withCentres(int k) {
        return new PilcoSettings(task, k, maxEvaluations, propagation, training);
    }

    public PilcoSettings withMaxEvaluations(int evaluations) {
        return new PilcoSettings(task, centres, evaluations, propagation, training);
    }

    public PilcoSettings withPropagation(Propagation p) {
        return new PilcoSettings(task, centres, maxEvaluations, p, training);
    }
}
