package mbrllab.core.dyna;

import java.util.List;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;

/**
 * A Figure 8.2 style experiment: for each n in {@code nValues}, {@code runs} independent Dyna-Q agents
 * learn for {@code episodes} episodes on {@code maze}; the result is the steps per episode.
 *
 * @param maze                the maze (its first layout; changes are ignored here)
 * @param params              alpha, gamma, epsilon and the choice rules (its n is replaced by each of nValues)
 * @param nValues             the planning steps to compare, e.g. 0, 5, 50; at least one, each in [0, 1,000,000]
 * @param runs                independent runs per n, in [1, 10,000]
 * @param episodes            episodes per run, in [1, 100,000]
 * @param seed                master seed: the whole result is a function of it
 * @param maxStepsPerEpisode  an episode longer than this is given up and counted as this many steps, >= 1
 */
public record LearningCurveSpec(Maze maze, DynaParams params, List<Integer> nValues, int runs, int episodes,
                                long seed, int maxStepsPerEpisode) {

    /** Largest number of runs accepted. */
    public static final int MAX_RUNS = 10_000;
    /** Largest number of episodes accepted. */
    public static final int MAX_EPISODES = 100_000;
    /** Default cap on one episode's length: far above what epsilon 0.1 needs on the shipped mazes. */
    public static final int DEFAULT_MAX_STEPS = 1_000_000;

    public LearningCurveSpec {
        if (maze == null || params == null) {
            throw new IllegalArgumentException("maze and params must not be null");
        }
        if (nValues == null || nValues.isEmpty()) {
            throw new IllegalArgumentException("nValues must list at least one n");
        }
        nValues = List.copyOf(nValues);
        for (int n : nValues) {
            if (n < 0 || n > DynaParams.MAX_N) {
                throw new IllegalArgumentException("each n must be in [0, " + DynaParams.MAX_N + "], got " + n);
            }
            if (nValues.indexOf(n) != nValues.lastIndexOf(n)) {
                throw new IllegalArgumentException("nValues lists n = " + n + " twice; each curve needs its own n");
            }
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in [1, " + MAX_RUNS + "], got " + runs);
        }
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in [1, " + MAX_EPISODES + "], got " + episodes);
        }
        if (maxStepsPerEpisode < 1) {
            throw new IllegalArgumentException("maxStepsPerEpisode must be >= 1, got " + maxStepsPerEpisode);
        }
    }

    /** The book's Figure 8.2: n = 0, 5, 50 on the given maze with the default parameters. */
    public static LearningCurveSpec figure82(Maze maze, int runs, int episodes, long seed) {
        return new LearningCurveSpec(maze, DynaParams.defaults(), List.of(0, 5, 50), runs, episodes, seed,
                DEFAULT_MAX_STEPS);
    }

    /**
     * What running this costs on {@code workers} threads (one piece per run), leaning high: each n's agent takes
     * {@link DynaCosts#stepsOfEpisodes} real steps with n planning updates each. The memory is the steps of every
     * episode of every run (kept until the end) plus an agent per worker, the means and the CSV text. With first-index
     * ties this is far too low: with Q = 0 everywhere the greedy action is "up", and on the Dyna-maze no run reached G
     * in 50 episodes of 1,000,000 steps (27.7 s per run of n = 0, 5, 50 against 0.18 s estimated for 30 runs). Counting
     * those episodes at the cap would refuse session files saved before (30 runs of 50 episodes on the 12x18 maze: 16
     * min), so the estimate stays, and the preset of first-index ties is small.
     */
    public Cost cost(int workers) {
        Layout layout = maze.layout();
        int cells = layout.cellCount();
        double steps = DynaCosts.stepsOfEpisodes(layout, episodes, maxStepsPerEpisode);
        double ns = 0;
        for (int n : nValues) {
            ns += steps * (Rates.dynaStepNs(cells) + n * Rates.dynaPlanningNs(cells));
        }
        double curves = nValues.size();
        double bytes = curves * runs * episodes * Rates.INT + workers * DynaCosts.agentBytes(cells)
                + curves * episodes * (4 * Rates.DOUBLE + 32 * Rates.CHAR + 100);
        return Cost.of(runs * ns / 1e9, runs, workers, bytes, runs + " runs x " + episodes + " episodes x n = "
                + DynaCosts.list(nValues) + " on " + layout.rows() + "x" + layout.cols() + " cells");
    }

    /** Seed of the real-step generator of run {@code run} (0-based); the same for every n (common random numbers). */
    public long realSeed(int run) {
        return mbrllab.core.random.SplitMix64.streamSeed(seed, 2L * run);
    }

    /** Seed of the planning generator of run {@code run} (0-based). */
    public long planSeed(int run) {
        return mbrllab.core.random.SplitMix64.streamSeed(seed, 2L * run + 1);
    }
}
