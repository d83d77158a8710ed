package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.maze.MazeParser;

class DynaQPlusTest {

    static final int UP = Action.UP.ordinal();
    static final int DOWN = Action.DOWN.ordinal();

    @Test
    void handWorkedBonusAndUntriedActionInACorridor() throws Exception {
        // G above m above S; epsilon 0 and first-index ties: the agent goes up.
        MazeDynamics world = new MazeDynamics(MazeParser.parse("corridor", "G\n.\nS\n").layout());
        DynaParams params = new DynaParams(0.5, 0.9, 0.0, 0, TieBreaking.FIRST_INDEX,
                PlanningSampling.STATE_THEN_ACTION);
        DynaQ agent = DynaQ.plus(params, 0.01, world, 1, 2);
        int s = 2;
        int m = 1;
        for (int t = 0; t < 2; t++) {
            agent.realStep(); // S -> m -> G: Q(S,up) = 0, Q(m,up) = 0.5
        }
        agent.realStep(); // S -> m again at t = 3
        assertEquals(3, agent.realSteps());
        assertEquals(0.5, agent.q(m, UP), 1e-15);
        assertEquals(0.225, agent.q(s, UP), 1e-15); // 0 + 0.5 (0.9 * 0.5 - 0)
        DynaUpdate[] last = new DynaUpdate[1];
        agent.setListener(u -> last[0] = u);
        // Sample until (S, down) comes up: never tried, so modelled as S -> S with reward 0, tau = 3.
        for (int i = 0; i < 1000 && !(last[0] != null && last[0].x() == s && last[0].u() == DOWN); i++) {
            agent.planningUpdate();
        }
        DynaUpdate up = last[0];
        assertEquals(s, up.x());
        assertEquals(DOWN, up.u());
        assertEquals(s, up.xNext(), "an untried action leads back to the same state");
        assertEquals(0.0, up.reward());
        assertEquals(0.01 * Math.sqrt(3), up.bonus(), 1e-15);
        assertFalse(up.terminal());
        assertEquals(up.reward() + up.bonus() + 0.9 * up.maxNext(), up.target(), 0.0);
        assertEquals(up.qBefore() + 0.5 * up.tdError(), up.qAfter(), 0.0);
        assertTrue(up.qAfter() > 0, "the bonus makes an untried action attractive");
        assertTrue(agent.isPlus());
        assertEquals(AgentKind.DYNA_Q_PLUS, agent.kind());
        assertEquals(0.01, agent.kappa());
    }

    @Test
    void everyPlanningUpdateIsTheBooksDynaQPlusUpdate() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        double kappa = 1e-3;
        DynaParams params = DynaParams.defaults().withN(10);
        DynaQ agent = DynaQ.plus(params, kappa, world, 7, 8);
        double[] shadow = new double[world.stateCount() * 4];
        int[] modelNext = new int[world.stateCount() * 4];
        java.util.Arrays.fill(modelNext, -1);
        long[] lastTried = new long[world.stateCount() * 4];
        boolean[] observed = new boolean[world.stateCount()];
        int[] untriedSamples = {0};
        Set<Integer> actionsSampled = new HashSet<>();
        agent.setListener(up -> {
            int pair = up.x() * 4 + up.u();
            if (up.kind() == DynaUpdate.Kind.REAL) {
                assertEquals(0.0, up.bonus(), "real updates have no bonus");
                modelNext[pair] = up.xNext();
                lastTried[pair] = up.realStep();
                observed[up.x()] = true;
            } else {
                assertTrue(observed[up.x()], "planning starts from a previously observed state");
                actionsSampled.add(up.u());
                if (modelNext[pair] < 0) {
                    untriedSamples[0]++;
                    assertEquals(up.x(), up.xNext());
                    assertEquals(0.0, up.reward());
                } else {
                    assertEquals(modelNext[pair], up.xNext());
                }
                assertEquals(kappa * Math.sqrt(up.realStep() - lastTried[pair]), up.bonus(), 0.0);
            }
            double max = up.terminal() ? 0 : Math.max(Math.max(shadow[up.xNext() * 4], shadow[up.xNext() * 4 + 1]),
                    Math.max(shadow[up.xNext() * 4 + 2], shadow[up.xNext() * 4 + 3]));
            assertEquals(shadow[pair], up.qBefore(), 0.0);
            assertEquals(max, up.maxNext(), 0.0);
            assertEquals(up.reward() + up.bonus() + 0.95 * max, up.target(), 0.0);
            shadow[pair] = up.qBefore() + 0.1 * (up.target() - up.qBefore());
            assertEquals(shadow[pair], up.qAfter(), 0.0);
        });
        for (int e = 0; e < 5; e++) {
            agent.runEpisode(1_000_000);
        }
        assertEquals(agent.realSteps() * 11, agent.updates());
        assertTrue(untriedSamples[0] > 100, "untried actions are planned with: " + untriedSamples[0]);
        assertEquals(4, actionsSampled.size());
        double[] q = agent.qTable();
        for (int i = 0; i < q.length; i++) {
            assertEquals(shadow[i], q[i], 0.0);
        }
    }

    @Test
    void kappaIsChecked() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DynaQ.plus(DynaParams.defaults(), -1e-3, world, 1, 2));
        assertEquals("kappa must be in [0, 1.0], got -0.001", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DynaQ.plus(DynaParams.defaults(), Double.NaN, world, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> AgentSpec.dynaQPlus(DynaParams.defaults(), 2.0));
    }

    @Test
    void withoutListenerDynaQIsUnchangedByThePlusCode() throws Exception {
        // Dyna-Q (not plus) never plans with untried pairs: its planning samples only known pairs.
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        DynaQ agent = new DynaQ(DynaParams.defaults().withN(50), world, 3, 4);
        agent.setListener(up -> {
            if (up.kind() == DynaUpdate.Kind.PLANNING) {
                assertTrue(agent.modelNext(up.x(), up.u()) >= 0);
                assertEquals(0.0, up.bonus());
            }
        });
        agent.runEpisode(1_000_000);
        assertFalse(agent.isPlus());
        assertEquals(0.0, agent.kappa());
    }
}
