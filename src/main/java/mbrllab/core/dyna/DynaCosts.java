package mbrllab.core.dyna;

import java.util.List;
import java.util.stream.Collectors;

import mbrllab.core.budget.Rates;
import mbrllab.core.maze.Layout;

/**
 * The pieces of the tabular experiments' {@link mbrllab.core.budget.Cost} estimates: how long episodes are
 * expected to be, and what one step of an agent costs.
 */
final class DynaCosts {

    /** Episodes counted at the first episode's length: the first is a random walk, the next few still explore. */
    static final int EXPLORING_EPISODES = 3;

    private DynaCosts() {
    }

    /**
     * An upper bound on the expected length of the first episode, a random walk from S to G (Q is all zero, ties
     * are broken at random): the commute time between S and G, which is the sum of the degrees (4 per free cell,
     * a bump into a wall being a loop) times the effective resistance, at most the shortest path's length. Capped
     * at {@code maxSteps}. The Dyna-maze gives 2,632 (about 900 measured).
     */
    static double firstEpisodeBound(Layout layout, int maxSteps) {
        double bound = 4.0 * layout.freeCellCount() * Math.max(1, layout.shortestPathLength());
        return Math.min(maxSteps, bound);
    }

    /**
     * Expected real steps of {@code episodes} episodes of one agent, leaning high: the first
     * {@link #EXPLORING_EPISODES} at {@link #firstEpisodeBound}, the rest at twice the shortest path plus 10.
     * (Figure 8.2, 30 episodes, mean of 20 runs: 4,424 steps for n = 0, 1,254 for n = 50; this gives 8,650.)
     */
    static double stepsOfEpisodes(Layout layout, int episodes, int maxSteps) {
        double first = firstEpisodeBound(layout, maxSteps);
        int exploring = Math.min(episodes, EXPLORING_EPISODES);
        double later = Math.min(maxSteps, 2.0 * Math.max(1, layout.shortestPathLength()) + 10);
        return exploring * first + (double) (episodes - exploring) * later;
    }

    /** CPU nanoseconds of one real step of {@code agent} with its planning updates, on a maze of {@code cells}. */
    static double stepNs(AgentSpec agent, int cells) {
        int n = agent.params().n();
        if (agent.kind() == AgentKind.PRIORITIZED_SWEEPING) {
            return psStepNs(n);
        }
        return Rates.dynaStepNs(cells) + n * Rates.dynaPlanningNs(cells);
    }

    /** Prioritized sweeping's real step with at most n queue updates: {@link Rates#PS_STEP_NS} at n = 5. */
    static double psStepNs(int n) {
        return Rates.PS_STEP_NS * (1 + n) / 6.0;
    }

    /**
     * Bytes of one agent on a maze of {@code cells}: Q, the model (next state, reward, visit and tau tables) and
     * the planning lists, about 64 bytes per (cell, action).
     */
    static double agentBytes(int cells) {
        return 4.0 * cells * 64;
    }

    /** "0, 5, 50". */
    static String list(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
