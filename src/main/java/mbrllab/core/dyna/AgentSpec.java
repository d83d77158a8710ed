package mbrllab.core.dyna;

import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;

/**
 * Which maze agent to build, with its parameters: the one value an experiment, a pane or a session needs to
 * create an agent.
 *
 * @param kind   the algorithm
 * @param params alpha, gamma, epsilon, n and the choice rules
 * @param kappa  Dyna-Q+'s bonus weight, in [0, {@link DynaQ#MAX_KAPPA}]; ignored by the other kinds
 * @param theta  prioritized sweeping's priority threshold, in [0, {@link PrioritizedSweeping#MAX_THETA}]; ignored
 *               by the other kinds
 */
public record AgentSpec(AgentKind kind, DynaParams params, double kappa, double theta) {

    public AgentSpec {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        if (!(kappa >= 0 && kappa <= DynaQ.MAX_KAPPA)) {
            throw new IllegalArgumentException("kappa must be in [0, " + DynaQ.MAX_KAPPA + "], got " + kappa);
        }
        if (!(theta >= 0 && theta <= PrioritizedSweeping.MAX_THETA)) {
            throw new IllegalArgumentException("theta must be in [0, " + PrioritizedSweeping.MAX_THETA + "], got "
                    + theta);
        }
    }

    /** Dyna-Q. */
    public static AgentSpec dynaQ(DynaParams params) {
        return new AgentSpec(AgentKind.DYNA_Q, params, 0.0, 0.0);
    }

    /** Dyna-Q+ with bonus weight kappa. */
    public static AgentSpec dynaQPlus(DynaParams params, double kappa) {
        return new AgentSpec(AgentKind.DYNA_Q_PLUS, params, kappa, 0.0);
    }

    /** Prioritized sweeping with threshold theta. */
    public static AgentSpec prioritizedSweeping(DynaParams params, double theta) {
        return new AgentSpec(AgentKind.PRIORITIZED_SWEEPING, params, 0.0, theta);
    }

    /** This spec with other parameters. */
    public AgentSpec withParams(DynaParams newParams) {
        return new AgentSpec(kind, newParams, kappa, theta);
    }

    /**
     * A fresh agent in S of the given maze layout.
     *
     * @param realSeed seed of the real steps (and of the slip); share it across agents for common random numbers
     * @param planSeed seed of the planning
     */
    public MazeAgent create(MazeDynamics dynamics, long realSeed, long planSeed) {
        return switch (kind) {
            case DYNA_Q -> new DynaQ(params, dynamics, realSeed, planSeed);
            case DYNA_Q_PLUS -> DynaQ.plus(params, kappa, dynamics, realSeed, planSeed);
            case PRIORITIZED_SWEEPING -> new PrioritizedSweeping(params, theta, dynamics, realSeed, planSeed);
        };
    }

    /**
     * A fresh agent in S of {@code maze}'s first layout, with the maze's layout change (if any) scheduled.
     *
     * @param slip slip probability of the maze, in [0, 1]
     */
    public MazeAgent create(Maze maze, double slip, long realSeed, long planSeed) {
        MazeAgent agent = create(new MazeDynamics(maze.layout(), slip), realSeed, planSeed);
        maze.change().ifPresent(agent::scheduleChange);
        return agent;
    }

    /** Legend label: "Dyna-Q", "Dyna-Q+", "Prioritized sweeping". */
    public String label() {
        return kind.label();
    }
}
