package mbrllab.core.pilco;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.control.Controller;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.optim.Bfgs;
import mbrllab.core.optim.DifferentiableFunction;
import mbrllab.core.optim.Lbfgs;
import mbrllab.core.random.SplitMix64;

/**
 * PILCO on the cart-pole swing-up (Deisenroth and Rasmussen 2011; pilco-matlab's cartPole_learn), trial by trial:
 * <ol>
 *   <li>trial 1: uniformly random forces in [-umax, umax] for the task's horizon;</li>
 *   <li>every later trial: train the GPs on all the observed transitions ({@link GpDynamics}, warm-started from the
 *       previous hyperparameters), optimise the policy on the model with the exact gradient of the expected total
 *       cost ({@link PolicyEvaluation}) by pilco-matlab's BFGS ({@link Bfgs}), at most
 *       {@link PilcoSettings#maxEvaluations()} evaluations, warm-started from the previous policy, then apply it on
 *       the real system for the horizon and add the observed transitions to the data.</li>
 * </ol>
 * The start of every trial is drawn from the task's start distribution N(0, startStd^2 I), the same distribution the
 * policy is optimised for. Randomness comes from the seed only, in separate streams (each trial's start and
 * observation noise, the random forces, the policy's initial parameters), and the parallel pieces are combined in a
 * fixed order, so a seed gives the same run to the bit on any executor.
 *
 * <p>Not thread-safe: one thread drives it (the lab from a background task); the heavy work runs on the executor.
 */
public final class PilcoLearner {

    /** pilco-matlab's opt.length: line searches per policy search (the evaluation budget binds first). */
    static final int LINE_SEARCHES = 150;
    /** pilco-matlab's opt.MFEPLS: evaluations per line search at most. */
    static final int EVALUATIONS_PER_LINE_SEARCH = 30;

    private static final long FORCES_STREAM = -1;
    private static final long POLICY_STREAM = -2;

    private final PilcoSettings settings;
    private final long seed;
    private final SplitMix64 forces;
    private final List<Trajectory> data = new ArrayList<>();
    private final List<TrialResult> trials = new ArrayList<>();
    private RbfPolicy policy;
    private GpDynamics dynamics;

    /**
     * @param settings what to learn and how
     * @param seed     the master seed
     */
    public PilcoLearner(PilcoSettings settings, long seed) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
        this.seed = seed;
        this.forces = new SplitMix64(SplitMix64.streamSeed(seed, FORCES_STREAM));
        SwingUpTask task = settings.task();
        double[] zMean = new double[RbfPolicy.FEATURES];
        double[] zCov = new double[RbfPolicy.FEATURES * RbfPolicy.FEATURES];
        startFeatures(task, zMean, zCov);
        this.policy = RbfPolicy.initial(settings.centres(), task.maxForce(), zMean, zCov,
                new SplitMix64(SplitMix64.streamSeed(seed, POLICY_STREAM)));
    }

    /**
     * Runs {@code count} trials from the start.
     *
     * @return the trials in order
     * @throws CancellationException if the observer cancels
     */
    public static List<TrialResult> run(PilcoSettings settings, long seed, int count, Executor executor,
                                        PilcoObserver observer) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("trials must be in [1, 1000], got " + count);
        }
        PilcoLearner learner = new PilcoLearner(settings, seed);
        for (int k = 0; k < count; k++) {
            learner.nextTrial(executor, observer);
        }
        return learner.trials();
    }

    public PilcoSettings settings() {
        return settings;
    }

    public long seed() {
        return seed;
    }

    /** The trials so far. */
    public List<TrialResult> trials() {
        return Collections.unmodifiableList(new ArrayList<>(trials));
    }

    /** The policy the next trial starts its search from (the last one optimised, or the initial one). */
    public RbfPolicy policy() {
        return policy;
    }

    /** The observed trajectories so far (the learner's data), oldest first. */
    public List<Trajectory> data() {
        return Collections.unmodifiableList(new ArrayList<>(data));
    }

    /** The dynamics model of the last learning trial, or null before the first. */
    public GpDynamics dynamics() {
        return dynamics;
    }

    /**
     * Runs the next trial: the random one first, then learning trials.
     *
     * @throws CancellationException if the observer cancels (the run can go on with another call)
     */
    public TrialResult nextTrial(Executor executor, PilcoObserver observer) {
        int k = trials.size() + 1;
        SwingUpTask task = settings.task();
        if (data.size() * (long) task.steps() + task.steps() > mbrllab.core.models.gp.GpSpec.MAX_POINTS) {
            throw new IllegalStateException("the data would exceed " + mbrllab.core.models.gp.GpSpec.MAX_POINTS
                    + " transitions");
        }
        TrialResult result;
        if (k == 1) {
            Controller random = (observation, t) -> task.maxForce() * (2 * forces.nextDouble() - 1);
            TaskEpisode episode = TaskEpisode.run(task, random, taskRandom(k));
            result = finish(k, episode, null, null, null, null);
        } else {
            checkCancelled(observer);
            observer.phase(k, PilcoObserver.Phase.TRAINING_DYNAMICS);
            GpDynamics model = GpDynamics.train(data, dynamics == null ? null : dynamics.hyperparameters(),
                    settings.training(), executor);
            checkCancelled(observer);
            observer.phase(k, PilcoObserver.Phase.OPTIMISING_POLICY);
            PolicyEvaluation evaluation = evaluation(model);
            Lbfgs.Result search = optimise(evaluation, policy.parameters(), k, executor, observer);
            RbfPolicy optimised = policy.withParameters(search.x());
            PolicyEvaluation.Prediction prediction = evaluation.predict(search.x(), executor);
            checkCancelled(observer);
            observer.phase(k, PilcoObserver.Phase.APPLYING_POLICY);
            TaskEpisode episode = TaskEpisode.run(task, optimised, taskRandom(k));
            dynamics = model;
            policy = optimised;
            result = finish(k, episode, optimised, model, prediction, search);
        }
        observer.trialFinished(result);
        return result;
    }

    /** The policy evaluation on a model from the task's start distribution. */
    public PolicyEvaluation evaluation(GpDynamics model) {
        return evaluation(settings, model, new double[4]);
    }

    /**
     * The policy evaluation on a model from the task's start distribution moved to {@code startMean}: N(startMean,
     * startStd^2 I). With the start mean 0 it is the evaluation a trial's policy was optimised on.
     *
     * @param startMean (x, x', theta, theta'); copied
     */
    public static PolicyEvaluation evaluation(PilcoSettings settings, GpDynamics model, double[] startMean) {
        SwingUpTask task = settings.task();
        double[] startCov = new double[16];
        for (int i = 0; i < 4; i++) {
            startCov[i * 4 + i] = task.startStd() * task.startStd();
        }
        return new PolicyEvaluation(model, task, task.steps(), settings.centres(), settings.propagation(),
                startMean, startCov, settings.explore());
    }

    private TrialResult finish(int k, TaskEpisode episode, RbfPolicy applied, GpDynamics model,
                               PolicyEvaluation.Prediction prediction, Lbfgs.Result search) {
        SwingUpTask task = settings.task();
        data.add(episode.observed());
        double[] states = episode.truth().states();
        TrialResult result = new TrialResult(k, episode, applied, model == null ? null : model.hyperparameters(),
                prediction, search, task.totalCost(states), task.isSuccess(states),
                k * task.steps() * task.controlPeriod());
        trials.add(result);
        return result;
    }

    private SplitMix64 taskRandom(int k) {
        return new SplitMix64(SplitMix64.streamSeed(seed, k));
    }

    /**
     * pilco-matlab's BFGS ({@link Bfgs}, its minimize.m) on J(theta) with its gradient, at most maxEvaluations
     * evaluations; a step that takes a log length-scale out of [-20, 20] counts as undefined (the line search steps
     * back).
     */
    private Lbfgs.Result optimise(PolicyEvaluation evaluation, double[] start, int trial, Executor executor,
                                  PilcoObserver observer) {
        int lOff = RbfPolicy.lengthScaleOffset(settings.centres());
        int[] count = {0};
        double[] best = {Double.POSITIVE_INFINITY};
        DifferentiableFunction j = (theta, gradient) -> {
            checkCancelled(observer);
            for (int i = 0; i < RbfPolicy.FEATURES; i++) {
                double l = theta[lOff + i];
                if (!(l >= -20 && l <= 20)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            double value = evaluation.valueAndGradient(theta, gradient, executor);
            count[0]++;
            if (value < best[0]) {
                best[0] = value;
            }
            observer.evaluation(trial, count[0], value, best[0]);
            return value;
        };
        return Bfgs.minimize(j, start, LINE_SEARCHES, EVALUATIONS_PER_LINE_SEARCH, settings.maxEvaluations());
    }

    private static void checkCancelled(PilcoObserver observer) {
        if (observer.isCancelled()) {
            throw new CancellationException("PILCO run cancelled");
        }
    }

    /** The mean and covariance of z = (x, x', theta', sin theta, cos theta) under the start N(0, startStd^2 I). */
    static void startFeatures(SwingUpTask task, double[] zMean, double[] zCov) {
        double[] s = new double[16];
        for (int i = 0; i < 4; i++) {
            s[i * 4 + i] = task.startStd() * task.startStd();
        }
        TrigAugmentation trig = new TrigAugmentation(4, CartPoleState.THETA);
        trig.forward(new double[4], s);
        int[] pick = {0, 1, 3, 4, 5};
        for (int i = 0; i < 5; i++) {
            zMean[i] = trig.mean[pick[i]];
            for (int j = 0; j < 5; j++) {
                zCov[i * 5 + j] = trig.cov[pick[i] * 6 + pick[j]];
            }
        }
    }
}
