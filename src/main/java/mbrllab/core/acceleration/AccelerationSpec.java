package mbrllab.core.acceleration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.dqn.DqnParams;
import mbrllab.core.models.transition.TransitionData;
import mbrllab.core.random.SplitMix64;

/**
 * A comparison of Dyna-style DQN settings on the balance task: for each setting, {@code runs} independent learners,
 * each running until it has finished {@code episodes} episodes or taken {@code maxRealSteps} real steps, whichever
 * comes first (an episode cut by the step cap is not counted).
 *
 * <p>Seeds: run r of every setting uses the same seed {@link #runSeed(int)}, so the settings of one comparison share
 * their start states, initial Q-networks and exploration draws as far as their choices agree, and share the number
 * of Q updates per real step ({@code params}); only the data they learn from differs.
 *
 * @param task          the balance task (CartPole-v1)
 * @param params        what all settings share
 * @param settings      one or more distinct settings
 * @param runs          runs per setting, in [1, 10,000]
 * @param episodes      most episodes per run, in [1, 100,000]
 * @param maxRealSteps  most real steps per run, in [1, 10,000,000]
 * @param errorStarts   start states of the k-step model error measured at the end of each run, in [1, 100,000]
 * @param errorHorizon  largest k of that error, in [1, 500]
 * @param seed          master seed: the whole result is a function of it
 */
public record AccelerationSpec(BalanceTask task, AccelerationParams params, List<AccelerationSetting> settings,
                               int runs, int episodes, int maxRealSteps, int errorStarts, int errorHorizon, long seed) {

    /** The step cap of the command: 30,000 real steps. */
    public static final int DEFAULT_MAX_REAL_STEPS = 30_000;
    /** The horizons of the model-error target: 1, 5, 10 and 20 steps. */
    public static final List<Integer> ERROR_KS = List.of(1, 5, 10, 20);

    public AccelerationSpec {
        if (task == null || params == null) {
            throw new IllegalArgumentException("task and params must not be null");
        }
        if (settings == null || settings.isEmpty()) {
            throw new IllegalArgumentException("settings must list at least one setting");
        }
        settings = List.copyOf(settings);
        Set<AccelerationSetting> distinct = new HashSet<>();
        for (AccelerationSetting s : settings) {
            if (!distinct.add(s)) {
                throw new IllegalArgumentException("settings lists " + s.text(s.realRatio()) + " twice");
            }
        }
        if (runs < 1 || runs > 10_000) {
            throw new IllegalArgumentException("runs must be in [1, 10000], got " + runs);
        }
        if (episodes < 1 || episodes > 100_000) {
            throw new IllegalArgumentException("episodes must be in [1, 100000], got " + episodes);
        }
        if (maxRealSteps < 1 || maxRealSteps > 10_000_000) {
            throw new IllegalArgumentException("maxRealSteps must be in [1, 10000000], got " + maxRealSteps);
        }
        if (errorStarts < 1 || errorStarts > 100_000) {
            throw new IllegalArgumentException("errorStarts must be in [1, 100000], got " + errorStarts);
        }
        if (errorHorizon < 1 || errorHorizon > AccelerationSetting.MAX_K) {
            throw new IllegalArgumentException("errorHorizon must be in [1, " + AccelerationSetting.MAX_K + "], got "
                    + errorHorizon);
        }
    }

    /** CartPole-v1, the given settings, 30,000 real steps at most, the model error from 200 starts up to k = 20. */
    public static AccelerationSpec of(AccelerationParams params, List<AccelerationSetting> settings, int runs,
                                      int episodes, long seed) {
        return new AccelerationSpec(BalanceTask.cartPoleV1(), params, settings, runs, episodes, DEFAULT_MAX_REAL_STEPS,
                200, 20, seed);
    }

    /** The seed of run r, the same for every setting. */
    public long runSeed(int run) {
        return SplitMix64.streamSeed(seed, 2L * run);
    }

    /** The seed of the model-error measurement at the end of run r. */
    public long errorSeed(int run) {
        return SplitMix64.streamSeed(seed, 2L * run + 1);
    }

    /**
     * Mean length of an episode of CartPole-v1 pushed at random from its start (its pole falls or its cart leaves the
     * track), in steps: 22.24 over 100,000 episodes (2026-12-07); {@code AccelerationSpecTest} checks it. By Jensen's
     * inequality, min(k, this) bounds the mean length of k-step random-push rollouts from such starts.
     */
    public static final double RANDOM_PUSH_STEPS = 22.2;

    /**
     * What the comparison costs at most on this machine: every run takes its {@code maxRealSteps} (or 500 steps per
     * episode when that is fewer); per real step {@code updatesPerStep} DQN updates ({@link
     * Rates#DQN_UPDATE_NS_PER_WEIGHT}), an action choice and a physics step; with a model n x k rollout transitions
     * ({@link Rates#ROLLOUT_NS_PER_WEIGHT}, the true physics at {@link Rates#PHYSICS_STEP_NS}); a learned model's
     * refits (members x refit steps x its batch through its weights, {@link Rates#ENSEMBLE_TRAIN_NS_PER_WEIGHT});
     * the model error at the end. The runs (settings x runs) are shared by the workers. A rollout pushing at random
     * (rollout epsilon 1, the default) counts at most {@link #RANDOM_PUSH_STEPS} steps, the mean length of a
     * random-push episode from the start: the model's pole falls as the real one does (one run of
     * model:n=50:k=50, 2026-12-07: 16.7 transitions per rollout; counted at 50, the estimate was 5 times the 52 s the
     * run took).
     *
     * <p>Checked against whole runs of 30,000 real steps on one thread in a fresh JVM (2026-12-08), measured and
     * estimated: real 11.6 s and 12.4 s; model:n=10:k=1 18.1 s and 20.2 s; model:n=10:k=20 24.2 s and 33.1 s (12.9
     * transitions per rollout); true:n=10:k=1 8.6 s and 13.1 s; model:n=50:k=50 52 s and 95 s. The default comparison
     * over 10 runs on two threads: 240 s measured, 394 s estimated.
     */
    public Cost cost(int workers) {
        DqnParams dqn = params.dqn();
        double qWeights = Rates.mlpWeights(4, dqn.hidden(), 1); // 2 action values
        LearnedModelParams m = params.model();
        double modelWeights = Rates.mlpWeights(TransitionData.INPUT_DIM, m.hidden(), TransitionData.OUTPUT_DIM);
        double steps = Math.min(maxRealSteps, 500.0 * episodes);
        double perRunNs = 0;
        double pieces = (double) settings.size() * runs;
        double biggestBuffer = 0;
        for (AccelerationSetting s : settings) {
            double ns = steps * params.updatesPerStep() * dqn.batchSize() * qWeights * Rates.DQN_UPDATE_NS_PER_WEIGHT
                    + steps * (qWeights * Rates.ENSEMBLE_PREDICT_NS_PER_WEIGHT + Rates.PHYSICS_STEP_NS);
            double modelBuffer = 0;
            if (s.usesModel()) {
                double length = params.rolloutEpsilon() == 1 ? Math.min(s.k(), RANDOM_PUSH_STEPS) : s.k();
                double transitions = steps * s.n() * length;
                double modelStepNs = s.model().learned() ? modelWeights * Rates.ROLLOUT_NS_PER_WEIGHT
                        : Rates.PHYSICS_STEP_NS;
                ns += transitions * (modelStepNs + qWeights * Rates.ROLLOUT_NS_PER_WEIGHT);
                ns += (double) errorStarts * errorHorizon * (modelStepNs + Rates.PHYSICS_STEP_NS
                        + qWeights * Rates.ENSEMBLE_PREDICT_NS_PER_WEIGHT);
                if (s.model().learned()) {
                    int members = s.model() == ModelChoice.ENSEMBLE ? m.members() : 1;
                    ns += Math.floor(steps / params.refitPeriod()) * members * params.refitSteps() * m.batchSize()
                            * modelWeights * Rates.ENSEMBLE_TRAIN_NS_PER_WEIGHT;
                }
                modelBuffer = Math.min(params.modelBufferCapacity(), transitions);
            }
            biggestBuffer = Math.max(biggestBuffer, Math.min(dqn.bufferCapacity(), steps) + modelBuffer);
            perRunNs += ns * runs;
        }
        double recorded = Math.min(episodes, steps);
        double bytes = Math.min(workers, pieces) * biggestBuffer * 10 * Rates.DOUBLE
                + pieces * recorded * 3 * Rates.DOUBLE + recorded * settings.size() * 3 * 20 * Rates.CHAR;
        return Cost.of(perRunNs / 1e9, (long) pieces, workers, bytes, settings.size() + " settings x " + runs
                + " runs x " + Cost.count(steps) + " real steps");
    }
}
