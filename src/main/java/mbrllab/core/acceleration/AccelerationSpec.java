package mbrllab.core.acceleration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import mbrllab.core.control.BalanceTask;
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
}
