package mbrllab.app.changing;

import java.util.ArrayList;
import java.util.List;

import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.UpdatesToOptimalSpec;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;
import mbrllab.io.BundledMazes;

/**
 * The parameters of the Changing mazes lab: those of the agents (shared by Dyna-Q, Dyna-Q+ and prioritized
 * sweeping, plus kappa and theta), the size of the background experiment and the maze's slip. Checked when built:
 * every value is checked by the core's own records ({@link DynaParams}, {@link AgentSpec},
 * {@link CumulativeRewardSpec}), whose messages name the field and its range.
 *
 * @param alpha     step size, (0, 1]
 * @param gamma     discount, [0, 1]
 * @param epsilon   exploration, [0, 1]
 * @param n         planning updates per real step (prioritized sweeping: at most n)
 * @param kappa     Dyna-Q+'s bonus weight
 * @param theta     prioritized sweeping's threshold
 * @param runs      background runs R
 * @param steps     real time steps per run T
 * @param slip      slip probability of the maze
 * @param sweeping  true to add prioritized sweeping as a third agent
 */
public record ChangingSettings(double alpha, double gamma, double epsilon, int n, double kappa, double theta, int runs,
                               int steps, double slip, boolean sweeping) {

    /** The background runs by default (as the command line). */
    public static final int DEFAULT_RUNS = 30;

    /** Any maze, to let {@link CumulativeRewardSpec} check runs, steps and slip. */
    private static final Maze CHECK_MAZE = BundledMazes.dynaMaze();

    public ChangingSettings {
        // The core's records check every value and name it in their messages.
        DynaParams params = new DynaParams(alpha, gamma, epsilon, n, DynaParams.defaults().tieBreaking(),
                DynaParams.defaults().sampling());
        AgentSpec.dynaQPlus(params, kappa);
        AgentSpec.prioritizedSweeping(params, theta);
        new CumulativeRewardSpec(CHECK_MAZE, agentSpecs(params, kappa, theta, sweeping), runs, steps, 1,
                slip);
    }

    /** The agents' parameters (random tie-breaking and the book's planning sampling). */
    public DynaParams params() {
        return new DynaParams(alpha, gamma, epsilon, n, DynaParams.defaults().tieBreaking(),
                DynaParams.defaults().sampling());
    }

    /** Dyna-Q, Dyna-Q+ and, when chosen, prioritized sweeping, in that order. */
    public List<AgentSpec> agents() {
        return agentSpecs(params(), kappa, theta, sweeping);
    }

    private static List<AgentSpec> agentSpecs(DynaParams params, double kappa, double theta, boolean sweeping) {
        List<AgentSpec> agents = new ArrayList<>(List.of(AgentSpec.dynaQ(params), AgentSpec.dynaQPlus(params, kappa)));
        if (sweeping) {
            agents.add(AgentSpec.prioritizedSweeping(params, theta));
        }
        return agents;
    }

    /** The background experiment on {@code maze} with this master seed. */
    public CumulativeRewardSpec spec(Maze maze, long seed) {
        return new CumulativeRewardSpec(maze, agents(), runs, steps, seed, slip);
    }

    /** These settings with prioritized sweeping added or removed. */
    public ChangingSettings withSweeping(boolean on) {
        return new ChangingSettings(alpha, gamma, epsilon, n, kappa, theta, runs, steps, slip, on);
    }

    /**
     * The book's parameters for {@code maze}: Figure 8.4's for the blocking maze (alpha 1.0, n 10, kappa 1e-4,
     * 3000 steps), Figure 8.5's for the shortcut maze (n 50, kappa 1e-3, 6000 steps), and for any other maze
     * Figure 8.4's with three times the steps before its change (at least 3000); gamma 0.95, epsilon 0.1, theta
     * 1e-4, 30 runs, no slip, without prioritized sweeping.
     */
    public static ChangingSettings bookDefaults(Maze maze) {
        CumulativeRewardSpec book;
        if (sameMaze(maze, BundledMazes.load(BundledMazes.SHORTCUT_MAZE))) {
            book = CumulativeRewardSpec.figure85(maze, DEFAULT_RUNS, 1);
        } else {
            book = CumulativeRewardSpec.figure84(maze, DEFAULT_RUNS, 1);
            if (!sameMaze(maze, BundledMazes.load(BundledMazes.BLOCKING_MAZE))) {
                long change = maze.change().map(c -> (long) c.afterStep()).orElse(0L);
                int steps = (int) Math.min(CumulativeRewardSpec.MAX_STEPS, Math.max(3000, 3 * change));
                book = book.withSteps(steps);
            }
        }
        AgentSpec plus = book.agents().get(1);
        DynaParams p = plus.params();
        return new ChangingSettings(p.alpha(), p.gamma(), p.epsilon(), p.n(), plus.kappa(),
                UpdatesToOptimalSpec.EXAMPLE_84_THETA, book.runs(), book.steps(), 0.0, false);
    }

    /** True when two mazes have the same layouts and change step (names aside). */
    static boolean sameMaze(Maze a, Maze b) {
        if (!a.layout().equals(b.layout()) || a.change().isPresent() != b.change().isPresent()) {
            return false;
        }
        if (a.change().isEmpty()) {
            return true;
        }
        Layout after = a.change().get().layout();
        return after.equals(b.change().get().layout()) && a.change().get().afterStep() == b.change().get().afterStep();
    }
}
