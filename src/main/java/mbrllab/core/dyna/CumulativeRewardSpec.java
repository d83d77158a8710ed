package mbrllab.core.dyna;

import java.util.List;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.maze.Maze;
import mbrllab.core.random.SplitMix64;

/**
 * A Figure 8.4 / 8.5 style experiment: every agent of {@code agents} learns for {@code steps} real time steps on
 * {@code maze} (episodes follow each other: after G the agent starts again in S), the maze changing layout at its
 * {@code change-at} step; the result is the cumulative reward at every step, over {@code runs} independent runs.
 *
 * @param maze   the maze, with its layout change if it has one
 * @param agents the agents to compare, 1 to {@link #MAX_AGENTS}; in one run they share their seeds (common random
 *               numbers)
 * @param runs   independent runs, in [1, {@link #MAX_RUNS}]
 * @param steps  real time steps per run, in [1, {@link #MAX_STEPS}]
 * @param seed   master seed: the whole result is a function of it
 * @param slip   slip probability of the maze, in [0, 1] (0: deterministic, as in the book)
 */
public record CumulativeRewardSpec(Maze maze, List<AgentSpec> agents, int runs, int steps, long seed, double slip) {

    /** Largest number of runs accepted. */
    public static final int MAX_RUNS = 10_000;
    /** Largest number of time steps accepted. */
    public static final int MAX_STEPS = 1_000_000;
    /** Largest number of agents compared at once. */
    public static final int MAX_AGENTS = 8;
    /** Largest runs * steps * agents accepted (the per-step sums are kept, not the runs; this bounds the time). */
    public static final long MAX_WORK = 2_000_000_000L;

    /** Figure 8.4: Dyna-Q+'s kappa. */
    public static final double FIGURE_84_KAPPA = 1e-4;
    /** Figure 8.5: Dyna-Q+'s kappa. */
    public static final double FIGURE_85_KAPPA = 1e-3;

    public CumulativeRewardSpec {
        if (maze == null) {
            throw new IllegalArgumentException("maze must not be null");
        }
        if (agents == null || agents.isEmpty() || agents.size() > MAX_AGENTS) {
            throw new IllegalArgumentException("agents must list 1 to " + MAX_AGENTS + " agents, got "
                    + (agents == null ? "none" : agents.size()));
        }
        agents = List.copyOf(agents);
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in [1, " + MAX_RUNS + "], got " + runs);
        }
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be in [1, " + MAX_STEPS + "], got " + steps);
        }
        if ((long) runs * steps * agents.size() > MAX_WORK) {
            throw new IllegalArgumentException("runs * steps * agents must be at most " + MAX_WORK + ", got "
                    + (long) runs * steps * agents.size());
        }
        if (!(slip >= 0 && slip <= 1)) {
            throw new IllegalArgumentException("slip must be in [0, 1], got " + slip);
        }
    }

    /**
     * The book's Figure 8.4 on {@code maze} (the blocking maze): Dyna-Q and Dyna-Q+ with alpha 1.0, gamma 0.95,
     * epsilon 0.1, n 10, kappa 1e-4, 3000 steps.
     */
    public static CumulativeRewardSpec figure84(Maze maze, int runs, long seed) {
        DynaParams params = DynaParams.defaults().withAlpha(1.0).withN(10);
        return new CumulativeRewardSpec(maze, List.of(AgentSpec.dynaQ(params),
                AgentSpec.dynaQPlus(params, FIGURE_84_KAPPA)), runs, 3000, seed, 0.0);
    }

    /**
     * The book's Figure 8.5 on {@code maze} (the shortcut maze): Dyna-Q and Dyna-Q+ with alpha 1.0, gamma 0.95,
     * epsilon 0.1, n 50, kappa 1e-3, 6000 steps.
     */
    public static CumulativeRewardSpec figure85(Maze maze, int runs, long seed) {
        DynaParams params = DynaParams.defaults().withAlpha(1.0).withN(50);
        return new CumulativeRewardSpec(maze, List.of(AgentSpec.dynaQ(params),
                AgentSpec.dynaQPlus(params, FIGURE_85_KAPPA)), runs, 6000, seed, 0.0);
    }

    /** This experiment with another number of time steps. */
    public CumulativeRewardSpec withSteps(int newSteps) {
        return new CumulativeRewardSpec(maze, agents, runs, newSteps, seed, slip);
    }

    /** This experiment with another slip probability. */
    public CumulativeRewardSpec withSlip(double newSlip) {
        return new CumulativeRewardSpec(maze, agents, runs, steps, seed, newSlip);
    }

    /** The real step count after which the layout changes, or -1 when the maze does not change. */
    public long changeStep() {
        return maze.change().map(c -> (long) c.afterStep()).orElse(-1L);
    }

    /**
     * What running this costs on {@code workers} threads (one piece per run): every agent takes exactly
     * {@code steps} real steps with its planning updates. The memory is the sums and sums of squares of the
     * cumulative rewards (and their snapshot), each worker's goals per step, and the CSV text.
     */
    public Cost cost(int workers) {
        int cells = maze.layout().cellCount();
        double ns = 0;
        for (AgentSpec agent : agents) {
            ns += steps * DynaCosts.stepNs(agent, cells);
        }
        double a = agents.size();
        double bytes = 4 * a * steps * Rates.DOUBLE
                + workers * (a * steps * Rates.INT + a * DynaCosts.agentBytes(cells))
                + steps * (12 + 30 * a) * Rates.CHAR + a * steps * 100;
        return Cost.of(runs * ns / 1e9, runs, workers, bytes, runs + " runs x " + steps + " steps x " + agents.size()
                + " agents (n = " + DynaCosts.list(agents.stream().map(g -> g.params().n()).toList()) + ")");
    }

    /** Seed of the real-step generator of run {@code run} (0-based); the same for every agent. */
    public long realSeed(int run) {
        return SplitMix64.streamSeed(seed, 2L * run);
    }

    /** Seed of the planning generator of run {@code run} (0-based). */
    public long planSeed(int run) {
        return SplitMix64.streamSeed(seed, 2L * run + 1);
    }
}
