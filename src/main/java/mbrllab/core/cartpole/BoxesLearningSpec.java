package mbrllab.core.cartpole;

import java.util.List;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.random.SplitMix64;

/**
 * A learning-curve experiment on the BOXES task: for each n in {@code nValues} (Dyna-Q) or once (random agent),
 * {@code runs} independent agents balance for {@code episodes} episodes; the result is the steps balanced per
 * episode ({@link BoxesEpisode#run}).
 *
 * <p>Seeds: run r draws its start states from {@link #envSeed(int)}, its real-step choices from
 * {@link #realSeed(int)} and its planning from {@link #planSeed(int)}, the same for every n: episode e of run r
 * starts in the same state for every n, and the agents act alike until their Q tables differ (common random
 * numbers).
 *
 * @param system   the balance system (its maxSteps truncates the episodes)
 * @param agent    random or Dyna-Q
 * @param params   alpha, gamma, epsilon (the n is replaced by each of nValues); ignored by the random agent
 * @param model    the tabular model of Dyna-Q; ignored by the random agent
 * @param nValues  the planning steps to compare, e.g. 0, 5, 50: at least one, each in [0, 1,000,000]; the random
 *                 agent has a single curve whatever this says
 * @param runs     independent runs, in [1, 10,000]
 * @param episodes episodes per run, in [1, 100,000]
 * @param seed     master seed: the whole result is a function of it
 */
public record BoxesLearningSpec(BalanceSystem system, BoxesAgentKind agent, BoxesDynaParams params, BoxModelKind model,
                                List<Integer> nValues, int runs, int episodes, long seed) {

    /** Largest number of runs accepted. */
    public static final int MAX_RUNS = 10_000;
    /** Largest number of episodes accepted. */
    public static final int MAX_EPISODES = 100_000;

    public BoxesLearningSpec {
        if (system == null || agent == null || params == null || model == null) {
            throw new IllegalArgumentException("system, agent, params and model must not be null");
        }
        if (nValues == null || nValues.isEmpty()) {
            throw new IllegalArgumentException("nValues must list at least one n");
        }
        nValues = List.copyOf(nValues);
        for (int n : nValues) {
            if (n < 0 || n > BoxesDynaParams.MAX_N) {
                throw new IllegalArgumentException("each n must be in [0, " + BoxesDynaParams.MAX_N + "], got " + n);
            }
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in [1, " + MAX_RUNS + "], got " + runs);
        }
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in [1, " + MAX_EPISODES + "], got " + episodes);
        }
    }

    /**
     * What running this costs on {@code workers} threads (one piece per run), a worst case: every episode runs to
     * the system's truncation ({@code system.maxSteps()}, 500 for CartPole-v1). The memory is the steps of every
     * episode of every run plus the means and the CSV text.
     */
    public Cost cost(int workers) {
        double steps = (double) episodes * system.maxSteps();
        double ns = 0;
        for (int n : curveNs()) {
            ns += steps * (Rates.BOXES_STEP_NS + (agent == BoxesAgentKind.RANDOM ? 0 : n * Rates.BOXES_PLANNING_NS));
        }
        double curves = curveNs().size();
        double bytes = curves * runs * episodes * Rates.INT + curves * episodes * (4 * Rates.DOUBLE + 32 * Rates.CHAR
                + 100) + workers * 1e6;
        return Cost.of(runs * ns / 1e9, runs, workers, bytes, runs + " runs x " + episodes + " episodes of up to "
                + system.maxSteps() + " steps" + (agent == BoxesAgentKind.RANDOM ? ""
                : " x n = " + curveNs().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "))));
    }

    /** Dyna-Q on CartPole-v1 boxes with the given model and parameters. */
    public static BoxesLearningSpec dynaQ(BoxModelKind model, BoxesDynaParams params, List<Integer> nValues, int runs,
                                          int episodes, long seed) {
        return new BoxesLearningSpec(BalanceSystem.cartPoleV1(), BoxesAgentKind.DYNA_Q, params, model, nValues, runs,
                episodes, seed);
    }

    /** The random agent on CartPole-v1. */
    public static BoxesLearningSpec random(int runs, int episodes, long seed) {
        return new BoxesLearningSpec(BalanceSystem.cartPoleV1(), BoxesAgentKind.RANDOM, BoxesDynaParams.defaults(),
                BoxModelKind.SAMPLE, List.of(0), runs, episodes, seed);
    }

    /** The n of each curve: nValues for Dyna-Q, a single 0 for the random agent. */
    public List<Integer> curveNs() {
        return agent == BoxesAgentKind.RANDOM ? List.of(0) : nValues;
    }

    /** The name of each curve for files and legends: "n0", "n5", ... for Dyna-Q, "random" for the random agent. */
    public List<String> curveNames() {
        if (agent == BoxesAgentKind.RANDOM) {
            return List.of("random");
        }
        return nValues.stream().map(n -> "n" + n).toList();
    }

    /** Seed of the real-step generator of run {@code run} (0-based); the same for every n. */
    public long realSeed(int run) {
        return SplitMix64.streamSeed(seed, 3L * run);
    }

    /** Seed of the planning generator of run {@code run} (0-based). */
    public long planSeed(int run) {
        return SplitMix64.streamSeed(seed, 3L * run + 1);
    }

    /** Seed of the start-state generator of run {@code run} (0-based); the same for every n. */
    public long envSeed(int run) {
        return SplitMix64.streamSeed(seed, 3L * run + 2);
    }
}
