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
 * @param lineSearches   line searches per policy optimisation (pilco-matlab's opt.length), in [1, 100,000]; each
 *                       line search takes at most {@link #LINE_SEARCH_EVALUATIONS} evaluations, and all of them
 *                       together at most maxEvaluations
 */
public record PilcoSettings(SwingUpTask task, int centres, int maxEvaluations, Propagation propagation,
                            GpDynamics.Training training, int lineSearches) {

    /** Evaluations per line search (pilco-matlab's opt.MFEPLS). */
    public static final int LINE_SEARCH_EVALUATIONS = 30;
    /** The line search's curvature condition |slope| &lt;= 0.5 |initial slope| (pilco-matlab's minimize, SIG). */
    public static final double LINE_SEARCH_CURVATURE = 0.5;

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
        if (lineSearches < 1 || lineSearches > 100_000) {
            throw new IllegalArgumentException("lineSearches must be in [1, 100000], got " + lineSearches);
        }
    }

    /** The settings with pilco-matlab's 150 line searches. */
    public PilcoSettings(SwingUpTask task, int centres, int maxEvaluations, Propagation propagation,
                         GpDynamics.Training training) {
        this(task, centres, maxEvaluations, propagation, training, 150);
    }

    /**
     * pilco-matlab's cart-pole: the PILCO swing-up task (H = 40), 10 centres, moment matching, and its policy search
     * budget of 150 line searches (opt.length; about 1.8 evaluations each in our runs), capped at 300 evaluations.
     */
    public static PilcoSettings defaults() {
        return new PilcoSettings(SwingUpTask.pilco(), 10, 300, Propagation.MOMENT_MATCHING,
                GpDynamics.Training.defaults(), 150);
    }

    /** H, the task's number of steps. */
    public int horizon() {
        return task.steps();
    }

    public PilcoSettings withHorizon(int steps) {
        return new PilcoSettings(task.withSteps(steps), centres, maxEvaluations, propagation, training, lineSearches);
    }

    public PilcoSettings withCentres(int k) {
        return new PilcoSettings(task, k, maxEvaluations, propagation, training, lineSearches);
    }

    public PilcoSettings withMaxEvaluations(int evaluations) {
        return new PilcoSettings(task, centres, evaluations, propagation, training, lineSearches);
    }

    public PilcoSettings withPropagation(Propagation p) {
        return new PilcoSettings(task, centres, maxEvaluations, p, training, lineSearches);
    }

    public PilcoSettings withLineSearches(int l) {
        return new PilcoSettings(task, centres, maxEvaluations, propagation, training, l);
    }
}
