package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.maze.MazeParser;

class DynaQTest {

    /** A vertical corridor: G at the top, S at the bottom; "up" (index 0) is the way. */
    static MazeDynamics corridor() throws Exception {
        return new MazeDynamics(MazeParser.parse("corridor", "G\n.\nS\n").layout());
    }

    static final int UP = Action.UP.ordinal();
    static final double TOL = 1e-12;

    @Test
    void handWorkedQLearningWithoutPlanning() throws Exception {
        MazeDynamics world = corridor();
        // epsilon 0 and first-index ties: the agent always goes up.
        DynaParams params = new DynaParams(0.5, 0.9, 0.0, 0, TieBreaking.FIRST_INDEX,
                PlanningSampling.STATE_THEN_ACTION);
        DynaQ agent = new DynaQ(params, world, 1, 2);
        int s = 2; // cell (2,0)
        int m = 1; // cell (1,0)

        assertEquals(2, agent.runEpisode(100));
        // Q(m,up) = 0 + 0.5 (1 - 0) = 0.5; Q(s,up) = 0 + 0.5 (0 + 0.9 * 0 - 0) = 0
        assertEquals(0.5, agent.q(m, UP), TOL);
        assertEquals(0.0, agent.q(s, UP), TOL);

        assertEquals(2, agent.runEpisode(100));
        // Q(s,up) = 0 + 0.5 (0.9 * 0.5 - 0) = 0.225; Q(m,up) = 0.5 + 0.5 (1 - 0.5) = 0.75
        assertEquals(0.225, agent.q(s, UP), TOL);
        assertEquals(0.75, agent.q(m, UP), TOL);

        assertEquals(2, agent.runEpisode(100));
        // Q(s,up) = 0.225 + 0.5 (0.9 * 0.75 - 0.225) = 0.45; Q(m,up) = 0.75 + 0.5 (1 - 0.75) = 0.875
        assertEquals(0.45, agent.q(s, UP), TOL);
        assertEquals(0.875, agent.q(m, UP), TOL);
        assertEquals(4, agent.episode());
        assertEquals(6, agent.realSteps());
        assertEquals(6, agent.updates());
    }

    @Test
    void planningPropagatesTheGoalThroughTheModel() throws Exception {
        MazeDynamics world = corridor();
        DynaParams params = new DynaParams(0.5, 0.9, 0.0, 2000, TieBreaking.FIRST_INDEX,
                PlanningSampling.STATE_THEN_ACTION);
        DynaQ agent = new DynaQ(params, world, 1, 2);
        agent.runEpisode(100);
        // After one episode and 2 x 2000 planning updates on a deterministic model, Q is the model's fixed point:
        // Q(m,up) = 1, Q(s,up) = 0.9 * 1.
        assertEquals(1.0, agent.q(1, UP), 1e-9);
        assertEquals(0.9, agent.q(2, UP), 1e-9);
        assertEquals(2 + 2 * 2000, agent.updates());
        assertEquals(2, agent.knownPairs());
        assertEquals(1, agent.modelNext(2, UP));
        assertEquals(0, agent.modelNext(1, UP));
        assertEquals(1.0, agent.modelReward(1, UP));
        assertEquals(2, agent.modelSetAt(1, UP));
        assertEquals(-1, agent.modelNext(2, Action.DOWN.ordinal()));
    }

    @Test
    void everyUpdateFollowsTheFormulaAndPlanningReplaysOnlyKnownPairs() throws Exception {
        MazeDynamics world = new MazeDynamics(mbrllab.io.MazeFiles.read(mbrllab.TestMazes.DYNA_MAZE).layout());
        for (PlanningSampling sampling : PlanningSampling.values()) {
            DynaParams params = DynaParams.defaults().withN(5).withSampling(sampling);
            DynaQ agent = new DynaQ(params, world, 7, 8);
            double[] shadow = new double[world.stateCount() * 4];
            List<DynaUpdate> updates = new ArrayList<>();
            boolean[] known = new boolean[world.stateCount() * 4];
            agent.setListener(new DynaListener() {
                @Override
                public void onUpdate(DynaUpdate up) {
                    int pair = up.x() * 4 + up.u();
                    if (up.kind() == DynaUpdate.Kind.REAL) {
                        known[pair] = true;
                        assertEquals(world.next(up.x(), up.u()), up.xNext());
                    } else {
                        assertTrue(known[pair], "planning replayed an unknown pair " + pair);
                    }
                    double max = up.terminal() ? 0
                            : Math.max(Math.max(shadow[up.xNext() * 4], shadow[up.xNext() * 4 + 1]),
                                    Math.max(shadow[up.xNext() * 4 + 2], shadow[up.xNext() * 4 + 3]));
                    assertEquals(shadow[pair], up.qBefore(), 0.0);
                    assertEquals(max, up.maxNext(), 0.0);
                    assertEquals(up.reward() + 0.95 * max, up.target(), 0.0);
                    assertEquals(up.target() - up.qBefore(), up.tdError(), 0.0);
                    shadow[pair] = up.qBefore() + 0.1 * up.tdError();
                    assertEquals(shadow[pair], up.qAfter(), 0.0);
                    updates.add(up);
                }
            });
            for (int e = 0; e < 5; e++) {
                agent.runEpisode(1_000_000);
            }
            assertEquals(agent.realSteps() * 6, agent.updates());
            assertEquals(agent.updates(), updates.size());
            assertEquals(6, agent.episode());
            double[] q = agent.qTable();
            for (int i = 0; i < q.length; i++) {
                assertEquals(shadow[i], q[i], 0.0);
            }
        }
    }

    @Test
    void randomTieBreakingExploresWhileFirstIndexGetsStuck() throws Exception {
        MazeDynamics world = new MazeDynamics(mbrllab.io.MazeFiles.read(mbrllab.TestMazes.DYNA_MAZE).layout());
        DynaParams greedyFirst = new DynaParams(0.1, 0.95, 0.0, 0, TieBreaking.FIRST_INDEX,
                PlanningSampling.STATE_THEN_ACTION);
        DynaQ stuck = new DynaQ(greedyFirst, world, 3, 4);
        // Q starts at 0 everywhere; always "up" from S at (2,0) walks to (0,0) and stays: the goal is never found.
        assertEquals(10_000, stuck.runEpisode(10_000));
        DynaQ random = new DynaQ(greedyFirst.withTieBreaking(TieBreaking.RANDOM), world, 3, 4);
        assertTrue(random.runEpisode(1_000_000) < 1_000_000, "random tie-breaking reaches G");
    }

    @Test
    void strictlyBestActionOnlyWhenUnique() {
        double[] q = {1, 1, 0, 0, 0, 2, 2, 3, 0, 0, 0, 0, 5, 1, 1, 1};
        assertEquals(-1, DynaQ.strictlyBestAction(q, 0));
        assertEquals(3, DynaQ.strictlyBestAction(q, 1));
        assertEquals(-1, DynaQ.strictlyBestAction(q, 2));
        assertEquals(0, DynaQ.strictlyBestAction(q, 3));
        assertFalse(DynaQ.strictlyBestAction(q, 2) >= 0);
    }

    @Test
    void listenerAndFastPathGiveTheSameBits() throws Exception {
        MazeDynamics world = new MazeDynamics(mbrllab.io.MazeFiles.read(mbrllab.TestMazes.DYNA_MAZE).layout());
        for (PlanningSampling sampling : PlanningSampling.values()) {
            DynaParams params = DynaParams.defaults().withN(20).withSampling(sampling);
            DynaQ fast = new DynaQ(params, world, 11, 12);
            DynaQ observed = new DynaQ(params, world, 11, 12);
            observed.setListener(update -> { });
            for (int e = 0; e < 10; e++) {
                assertEquals(fast.runEpisode(1_000_000), observed.runEpisode(1_000_000));
            }
            assertEquals(fast.updates(), observed.updates());
            assertEquals(fast.lastPlannedPair(), observed.lastPlannedPair());
            double[] a = fast.qTable();
            double[] b = observed.qTable();
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "Q index " + i);
            }
        }
    }

    @Test
    void aCopyContinuesWithTheSameBits() throws Exception {
        MazeDynamics world = new MazeDynamics(mbrllab.io.MazeFiles.read(mbrllab.TestMazes.DYNA_MAZE).layout());
        DynaQ agent = new DynaQ(DynaParams.defaults().withN(5), world, 21, 22);
        for (int e = 0; e < 3; e++) {
            agent.runEpisode(1_000_000);
        }
        agent.realStep();
        agent.planningUpdate();
        DynaQ copy = agent.copy();
        for (int e = 0; e < 5; e++) {
            assertEquals(agent.runEpisode(1_000_000), copy.runEpisode(1_000_000));
        }
        assertEquals(agent.updates(), copy.updates());
        double[] a = agent.qTable();
        double[] b = copy.qTable();
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "Q index " + i);
        }
    }
}
