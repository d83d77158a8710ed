package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.maze.MazeParser;

class GreedyCheckTest {

    static final int UP = 0;
    static final int DOWN = 1;
    static final int LEFT = 2;
    static final int RIGHT = 3;

    /** A 2x2 open room: S bottom-left (state 2), G top-right (state 1); two shortest paths of 2 steps. */
    static MazeDynamics room() throws Exception {
        return new MazeDynamics(MazeParser.parse("room", ".G\nS.\n").layout());
    }

    static void set(double[] q, int x, int u, double value) {
        q[x * 4 + u] = value;
    }

    @Test
    void tiesBetweenTwoShortestWaysAreOptimalTiesWithAWorseMoveAreNot() throws Exception {
        MazeDynamics world = room();
        GreedyCheck check = new GreedyCheck(world);
        assertEquals(2, check.shortestPath());
        double[] q = new double[16];
        assertFalse(check.isOptimal(q), "all zero: every move is greedy, including the useless ones");
        set(q, 2, UP, 0.95);
        set(q, 2, RIGHT, 0.95);
        set(q, 0, RIGHT, 1.0);
        set(q, 3, UP, 1.0);
        assertTrue(check.isOptimal(q), "up-then-right and right-then-up are both shortest");
        set(q, 3, LEFT, 1.0);
        assertFalse(check.isOptimal(q), "from (1,1) a tie with 'left' may walk away from G");
        set(q, 3, LEFT, 0.5);
        set(q, 2, DOWN, 0.95);
        assertFalse(check.isOptimal(q), "down from S bumps into the edge");
        assertEquals(2, check.firstIndexGreedyPathLength(q), "first index: up (0), then right");
        set(q, 2, DOWN, 0.0);
        set(q, 0, RIGHT, 0.0);
        assertEquals(-1, check.firstIndexGreedyPathLength(q), "up from S, then up forever from (0,0)");
    }

    @Test
    void aConvergedPrioritizedSweepingAgentIsOptimalOnTheDynaMaze() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        GreedyCheck check = new GreedyCheck(world);
        assertEquals(14, check.shortestPath());
        MazeAgent agent = AgentSpec.prioritizedSweeping(DynaParams.defaults().withAlpha(0.5).withN(5), 1e-4)
                .create(world, 1, 2);
        assertFalse(check.isOptimal(agent));
        UpdatesToOptimal.Outcome outcome = UpdatesToOptimalExperiment.runOne(agent, check, 1_000_000,
                ExperimentObserver.NONE);
        assertTrue(outcome.reached());
        assertTrue(check.isOptimal(agent));
        assertEquals(14, check.firstIndexGreedyPathLength(agent.qTable()));
        assertEquals(agent.updates(), outcome.updates());
        assertEquals(agent.episode() - 1, outcome.episodes());
    }
}
