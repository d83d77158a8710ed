package mbrllab.core.pilco;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
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
 * @param explore        pilco-matlab's exploration parameter b ({@code cost.expl}): the policy search minimises
 *                       sum_t E[c_t] + b sqrt(Var[c_t]), in [-10, 10]; 0 is PILCO's expected cost
 */
public record PilcoSettings(SwingUpTask task, int centres, int maxEvaluations, Propagation propagation,
                            GpDynamics.Training training, double explore) {

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
        if (!(explore >= -10 && explore <= 10)) {
            throw new IllegalArgumentException("explore must be in [-10, 10], got " + explore);
        }
    }

    /** Default exploration parameter b: 0, pilco-matlab's cartPole (cost.expl = 0). */
    public static final double DEFAULT_EXPLORE = 0;

    /** pilco-matlab's cart-pole: the PILCO swing-up task (H = 40), 10 centres, 150 evaluations, moment matching. */
    public static PilcoSettings defaults() {
        return new PilcoSettings(SwingUpTask.pilco(), 10, 150, Propagation.MOMENT_MATCHING,
                GpDynamics.Training.defaults(), DEFAULT_EXPLORE);
    }

    /** H, the task's number of steps. */
    public int horizon() {
        return task.steps();
    }

    public PilcoSettings withHorizon(int steps) {
        return new PilcoSettings(task.withSteps(steps), centres, maxEvaluations, propagation, training, explore);
    }

    public PilcoSettings withCentres(int k) {
        return new PilcoSettings(task, k, maxEvaluations, propagation, training, explore);
    }

    public PilcoSettings withMaxEvaluations(int evaluations) {
        return new PilcoSettings(task, centres, evaluations, propagation, training, explore);
    }

    public PilcoSettings withPropagation(Propagation p) {
        return new PilcoSettings(task, centres, maxEvaluations, p, training, explore);
    }

    public PilcoSettings withExplore(double b) {
        return new PilcoSettings(task, centres, maxEvaluations, propagation, training, b);
    }

    /**
     * What {@code trials} trials (the random one included) cost at most on this machine. Trial k learns from n =
     * (k - 1) H transitions: the 4 GPs' training (2 starts of at most {@code training().maxIterations()} L-BFGS
     * iterations, taken as 2 likelihood evaluations each, {@link Rates#gpLikelihoodNs} in 6 dimensions) and the
     * policy search's {@code maxEvaluations} evaluations of H moment-matching steps with the gradient, each
     * {@link Rates#MOMENT_MATCHING_NS_PER_N2} n^2 + {@link Rates#MOMENT_MATCHING_NS_PER_N} n (the mean
     * propagation is taken to cost as much). The 4 GPs are shared by the workers.
     *
     * <p>Checked on this machine (2026-12-05): trial 3 of {@code pilco --trials 3 --evaluations 20 --threads 1}
     * (n = 80) took 1.9 s, estimated 2.7 s; the default 8 trials used 154 to 160 s of CPU time (README, "PILCO"),
     * estimated 309 s.
     *
     * @param trials  trials in all, >= 1
     * @param workers threads the work is shared by
     */
    public Cost cost(int trials, int workers) {
        int h = horizon();
        double ns = 0;
        double maxN = 0;
        for (int k = 2; k <= trials; k++) {
            double n = (double) (k - 1) * h;
            maxN = n;
            ns += 4.0 * 2 * training.maxIterations() * 2 * Rates.gpLikelihoodNs((int) n, 6);
            ns += (double) maxEvaluations * h * (Rates.MOMENT_MATCHING_NS_PER_N2 * n * n
                    + Rates.MOMENT_MATCHING_NS_PER_N * n);
        }
        double bytes = (4 * 3 * maxN * maxN + (double) h * 4 * maxN * 40) * Rates.DOUBLE
                + (double) trials * h * 120 * Rates.CHAR;
        return Cost.of(ns / 1e9, 4, workers, bytes, trials + " trials x " + h + " steps x " + maxEvaluations
                + " evaluations, GPs on up to " + Cost.count(maxN) + " points");
    }
}
