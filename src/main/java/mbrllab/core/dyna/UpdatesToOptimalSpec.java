package mbrllab.core.dyna;

import java.util.List;

import mbrllab.core.budget.Cost;
import mbrllab.core.maze.Maze;
import mbrllab.core.random.SplitMix64;

/**
 * The comparison of Sutton and Barto's Example 8.4: how many Q updates each agent needs before its greedy policy
 * is optimal ({@link GreedyCheck}: every greedy policy reaches G in the shortest-path number of steps), on mazes
 * of growing size. The check is made at the end of every episode; the count is the agent's
 * {@link MazeAgent#updates()} then (Dyna-Q: real plus planning updates; prioritized sweeping: the updates of its
 * queue). A run that has not found an optimal policy after {@code maxRealSteps} real steps stops there; it is
 * reported as censored and left out of the means. (That happens when the greedy policy settles on a
 * route that is a little longer than the shortest one through pairs the agent has never tried: epsilon-greedy
 * exploration then needs a very long time to try them. The faster the values settle, the likelier it is: with the
 * defaults of {@link #example84} it happened to prioritized sweeping in about 7% of the runs on the shipped mazes
 * and to Dyna-Q in none of 360; with alpha = 1 to prioritized sweeping in about a quarter.)
 *
 * @param mazes      the mazes, in order of size (their first layouts; changes are ignored), 1 to {@link #MAX_MAZES}
 * @param agents     the agents, 1 to {@link CumulativeRewardSpec#MAX_AGENTS}; in one run they share their seeds
 * @param runs       independent runs per maze and agent, in [1, {@link #MAX_RUNS}]
 * @param seed       master seed: the whole result is a function of it
 * @param maxRealSteps cap on one run's real steps, in [1, {@link #MAX_REAL_STEPS}]
 */
public record UpdatesToOptimalSpec(List<Maze> mazes, List<AgentSpec> agents, int runs, long seed,
                                   long maxRealSteps) {

    /** Largest number of runs accepted. */
    public static final int MAX_RUNS = 10_000;
    /** Largest number of mazes accepted. */
    public static final int MAX_MAZES = 32;
    /** Largest cap on one run's real steps. */
    public static final long MAX_REAL_STEPS = 1_000_000_000L;
    /**
     * The default cap: about five times the most real steps any run that found an optimal policy needed on the
     * shipped mazes in our measurements (about 400,000, Dyna-Q on the 6x maze).
     */
    public static final long DEFAULT_MAX_REAL_STEPS = 2_000_000L;
    /** Example 8.4: prioritized sweeping's threshold theta. */
    public static final double EXAMPLE_84_THETA = 1e-4;
    /** Example 8.4: step size alpha of both agents (the book does not give it). */
    public static final double EXAMPLE_84_ALPHA = 0.5;

    public UpdatesToOptimalSpec {
        if (mazes == null || mazes.isEmpty() || mazes.size() > MAX_MAZES) {
            throw new IllegalArgumentException("mazes must list 1 to " + MAX_MAZES + " mazes, got "
                    + (mazes == null ? "none" : mazes.size()));
        }
        mazes = List.copyOf(mazes);
        if (agents == null || agents.isEmpty() || agents.size() > CumulativeRewardSpec.MAX_AGENTS) {
            throw new IllegalArgumentException("agents must list 1 to " + CumulativeRewardSpec.MAX_AGENTS
                    + " agents, got " + (agents == null ? "none" : agents.size()));
        }
        agents = List.copyOf(agents);
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in [1, " + MAX_RUNS + "], got " + runs);
        }
        if (maxRealSteps < 1 || maxRealSteps > MAX_REAL_STEPS) {
            throw new IllegalArgumentException("maxRealSteps must be in [1, " + MAX_REAL_STEPS + "], got "
                    + maxRealSteps);
        }
    }

    /**
     * Example 8.4 on {@code mazes}: Dyna-Q and prioritized sweeping, both with n = 5 (at most 5 planning updates
     * per real step), alpha {@value #EXAMPLE_84_ALPHA}, gamma 0.95, epsilon 0.1, random tie-breaking; theta
     * {@value #EXAMPLE_84_THETA}.
     */
    public static UpdatesToOptimalSpec example84(List<Maze> mazes, int runs, long seed) {
        DynaParams params = DynaParams.defaults().withAlpha(EXAMPLE_84_ALPHA).withN(5);
        return new UpdatesToOptimalSpec(mazes, List.of(AgentSpec.dynaQ(params),
                AgentSpec.prioritizedSweeping(params, EXAMPLE_84_THETA)), runs, seed, DEFAULT_MAX_REAL_STEPS);
    }

    /** Share of the runs that {@link #cost} counts as censored (measured: about 7% of prioritized sweeping's). */
    static final double CENSORED_SHARE = 0.15;

    /**
     * What running this costs on {@code workers} threads (one piece per maze and run), leaning high. A run's
     * updates until optimal grow with the free states F about as 500 F^1.04 for Dyna-Q (fitted to the 100-run
     * table of the README: 23,345 updates at F = 47, 959,869 at F = 1,692); both agents are charged the real steps
     * that many updates take at n planning updates per step, at their own cost per step. On top,
     * {@link #CENSORED_SHARE} of the runs run to {@code maxRealSteps}.
     */
    public Cost cost(int workers) {
        double ns = 0;
        long pieces = 0;
        for (Maze maze : mazes) {
            int cells = maze.layout().cellCount();
            double free = maze.layout().freeCellCount();
            for (AgentSpec agent : agents) {
                double realSteps = 500 * Math.pow(free, 1.04) / (1 + agent.params().n());
                double perStep = DynaCosts.stepNs(agent, cells);
                ns += runs * (Math.min(realSteps, maxRealSteps) + CENSORED_SHARE * maxRealSteps) * perStep;
            }
            pieces += runs;
        }
        double bytes = workers * 2 * DynaCosts.agentBytes(mazes.get(mazes.size() - 1).layout().cellCount())
                + (double) mazes.size() * agents.size() * runs * 64;
        return Cost.of(ns / 1e9, pieces, workers, bytes, runs + " runs x " + mazes.size() + " mazes x "
                + agents.size() + " agents, up to " + maxRealSteps + " real steps a run");
    }

    /** Seed of the real-step generator of run {@code run} (0-based); the same for every agent and maze. */
    public long realSeed(int run) {
        return SplitMix64.streamSeed(seed, 2L * run);
    }

    /** Seed of the planning generator of run {@code run} (0-based). */
    public long planSeed(int run) {
        return SplitMix64.streamSeed(seed, 2L * run + 1);
    }
}
