package mbrllab.core.dyna;

import java.util.List;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.MazeDynamics;

/**
 * The book's Figure 8.3: the greedy policy of Dyna-Q halfway through the second episode. An agent runs
 * episode 1; episode 2 is then run once on a copy to learn its length L, and the agent itself takes
 * floor(L / 2) real steps of episode 2 (each with its n planning updates). Without planning only the last
 * step before the goal has a non-zero value; with planning the goal's value has spread back through the
 * model.
 */
public final class Figure83 {

    private Figure83() {
    }

    /**
     * The state of one agent at the figure's moment.
     *
     * @param agent           the agent, halfway through episode 2 (owned by the caller now)
     * @param episode1Steps   real steps of episode 1
     * @param episode2Steps   real steps episode 2 takes in full (on the copy)
     * @param stepsTaken      real steps taken of episode 2, floor(episode2Steps / 2)
     */
    public record Moment(DynaQ agent, int episode1Steps, int episode2Steps, int stepsTaken) {

        /**
         * The greedy action of every cell where exactly one action is strictly best, else -1 (also on walls and G).
         *
         * @return an array of length rows * cols, row-major
         */
        public int[] strictlyGreedyActions() {
            MazeDynamics world = agent.dynamics();
            double[] q = agent.qTable();
            int[] actions = new int[world.stateCount()];
            for (int x = 0; x < actions.length; x++) {
                int row = x / world.layout().cols();
                int col = x % world.layout().cols();
                actions[x] = world.layout().isWall(row, col) || world.isTerminal(x) ? -1
                        : DynaQ.strictlyBestAction(q, x);
            }
            return actions;
        }

        /** Number of cells with an arrow. */
        public int arrowCount() {
            int count = 0;
            for (int a : strictlyGreedyActions()) {
                if (a >= 0) {
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * What running one agent per n to the figure's moment costs, leaning high: the first episode, then the second
     * twice (on the copy, then half of it), each at {@link DynaCosts#firstEpisodeBound}.
     */
    public static Cost cost(Layout layout, List<Integer> nValues, int maxSteps) {
        int cells = layout.cellCount();
        double steps = 2.5 * DynaCosts.firstEpisodeBound(layout, maxSteps);
        double ns = 0;
        for (int n : nValues) {
            ns += steps * (Rates.dynaStepNs(cells) + n * Rates.dynaPlanningNs(cells));
        }
        return new Cost(ns / 1e9, 3 * DynaCosts.agentBytes(cells), "n = " + DynaCosts.list(nValues) + " on "
                + layout.rows() + "x" + layout.cols() + " cells, up to " + maxSteps + " steps an episode");
    }

    /**
     * Runs one agent to the figure's moment.
     *
     * @param params    Dyna-Q parameters (n included)
     * @param dynamics  the maze
     * @param realSeed  seed of the real-step generator (the same for every n: common random numbers)
     * @param planSeed  seed of the planning generator
     * @param maxSteps  cap on an episode's length (see {@link DynaQ#runEpisode(int)})
     */
    public static Moment run(DynaParams params, MazeDynamics dynamics, long realSeed, long planSeed, int maxSteps) {
        DynaQ agent = new DynaQ(params, dynamics, realSeed, planSeed);
        int first = agent.runEpisode(maxSteps);
        return halfwayThroughNextEpisode(agent, first, maxSteps);
    }

    /**
     * Takes an agent at the start of an episode to halfway through it (the length measured on a copy).
     *
     * @param agent          modified: steps forward
     * @param previousSteps  length of the episode before, reported in the result
     */
    public static Moment halfwayThroughNextEpisode(DynaQ agent, int previousSteps, int maxSteps) {
        int length = agent.copy().runEpisode(maxSteps);
        int half = length / 2;
        for (int i = 0; i < half; i++) {
            agent.step();
        }
        return new Moment(agent, previousSteps, length, half);
    }
}
