package mbrllab.core.dyna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.maze.MazeParser;

class PrioritizedSweepingTest {

    static final int UP = Action.UP.ordinal();
    static final double TOL = 1e-15;

    @Test
    void handWorkedSweepsInACorridor() throws Exception {
        MazeDynamics world = new MazeDynamics(MazeParser.parse("corridor", "G\n.\nS\n").layout());
        DynaParams params = new DynaParams(0.5, 0.9, 0.0, 10, TieBreaking.FIRST_INDEX,
                PlanningSampling.STATE_THEN_ACTION);
        PrioritizedSweeping agent = new PrioritizedSweeping(params, 1e-4, world, 1, 2);
        int s = 2;
        int m = 1;
        assertEquals(2, agent.runEpisode(100));
        // S -> m: TD error 0, nothing queued. m -> G: P = 1, queued and swept: Q(m,up) = 0.5; its predecessor
        // (S,up) gets P = 0.9 * 0.5 = 0.45: Q(S,up) = 0.225. No pair leads to S: the queue is empty.
        assertEquals(0.5, agent.q(m, UP), TOL);
        assertEquals(0.225, agent.q(s, UP), TOL);
        assertEquals(2, agent.updates());
        assertEquals(0, agent.queueSize());
        assertArrayEquals(new int[] {s * 4 + UP}, agent.predecessors(m));
        assertArrayEquals(new int[0], agent.predecessors(s));

        agent.realStep(); // S -> m: P = |0.9 * 0.5 - 0.225| = 0.225
        assertEquals(1, agent.queueSize());
        assertEquals(List.of(new PrioritizedSweeping.QueueEntry(s, UP, 0.225)), agent.queueTop(5));
        assertEquals(0.225, agent.queuedPriority(s, UP), TOL);
        agent.planningUpdates(10);
        assertEquals(0.3375, agent.q(s, UP), TOL);
        assertEquals(3, agent.updates(), "the queue ran empty after one update");
        agent.step(); // m -> G: Q(m,up) = 0.75, then (S,up): 0.3375 + 0.5 (0.9 * 0.75 - 0.3375)
        assertEquals(0.75, agent.q(m, UP), TOL);
        assertEquals(0.50625, agent.q(s, UP), TOL);
        assertEquals(5, agent.updates());
        assertEquals(0.0, agent.queuedPriority(s, UP));
    }

    @Test
    void theQueueComesOutInPriorityOrderAndPredecessorsFollowTheModel() throws Exception {
        // Slip makes the model change its predictions, so pairs move between predecessor lists.
        MazeDynamics world = new MazeDynamics(TestMazes.maze("dyna-maze-2x.maze").layout(), 0.2);
        PrioritizedSweeping agent = new PrioritizedSweeping(DynaParams.defaults().withN(3), 1e-4, world, 5, 6);
        int checks = 0;
        int longQueues = 0;
        for (int t = 0; t < 60_000; t++) {
            agent.realStep();
            for (int i = 0; i < 3 && agent.queueSize() > 0; i++) {
                PrioritizedSweeping.QueueEntry top = agent.queueTop(1).get(0);
                agent.planningUpdate();
                assertEquals(top.x() * 4 + top.u(), agent.lastPlannedPair(), "the update takes the top entry");
            }
            if (t % 1999 == 0) {
                checkInvariants(agent);
                checks++;
                if (agent.queueSize() > 10) {
                    longQueues++;
                }
            }
        }
        assertTrue(checks > 25 && longQueues > 3, "checked " + checks + " times, " + longQueues + " with a long queue");
    }

    private static void checkInvariants(PrioritizedSweeping agent) {
        List<PrioritizedSweeping.QueueEntry> all = agent.queueTop(Integer.MAX_VALUE);
        assertEquals(agent.queueSize(), all.size());
        List<Integer> queued = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PrioritizedSweeping.QueueEntry e = all.get(i);
            assertTrue(e.priority() > agent.theta());
            assertEquals(e.priority(), agent.queuedPriority(e.x(), e.u()));
            if (i > 0) {
                assertTrue(all.get(i - 1).priority() >= e.priority(), "top entries in order");
            }
            queued.add(e.x() * 4 + e.u());
        }
        for (int pair = 0; pair < agent.stateCount() * 4; pair++) {
            assertEquals(queued.contains(pair), agent.queuedPriority(pair / 4, pair % 4) > 0, "pair " + pair);
        }
        List<Integer> topFive = new ArrayList<>();
        for (PrioritizedSweeping.QueueEntry e : agent.queueTop(5)) {
            topFive.add(e.x() * 4 + e.u());
        }
        assertEquals(queued.subList(0, Math.min(5, queued.size())), topFive);
        for (int s = 0; s < agent.stateCount(); s++) {
            int state = s;
            int[] expected = java.util.stream.IntStream.range(0, agent.stateCount() * 4)
                    .filter(p -> agent.modelNext(p / 4, p % 4) == state).toArray();
            int[] actual = agent.predecessors(s);
            Arrays.sort(actual);
            assertArrayEquals(expected, actual, "predecessors of " + s);
        }
    }

    @Test
    void everyUpdateIsTheQLearningUpdateOnTheModel() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        PrioritizedSweeping agent = new PrioritizedSweeping(DynaParams.defaults().withN(5), 1e-4, world, 9, 10);
        double[] shadow = new double[world.stateCount() * 4];
        agent.setListener(up -> {
            assertEquals(DynaUpdate.Kind.PLANNING, up.kind(), "the real step makes no Q update");
            int pair = up.x() * 4 + up.u();
            assertEquals(agent.modelNext(up.x(), up.u()), up.xNext());
            assertEquals(agent.modelReward(up.x(), up.u()), up.reward());
            double max = up.terminal() ? 0
                    : Arrays.stream(shadow, up.xNext() * 4, up.xNext() * 4 + 4).max().orElseThrow();
            assertEquals(shadow[pair], up.qBefore(), 0.0);
            assertEquals(max, up.maxNext(), 0.0);
            shadow[pair] = up.qBefore() + 0.1 * (up.reward() + 0.95 * max - up.qBefore());
            assertEquals(shadow[pair], up.qAfter(), 0.0);
        });
        for (int e = 0; e < 20; e++) {
            agent.runEpisode(1_000_000);
        }
        assertTrue(agent.updates() <= 5 * agent.realSteps());
        assertArrayEquals(shadow, agent.qTable());
    }

    @Test
    void thetaIsChecked() throws Exception {
        MazeDynamics world = new MazeDynamics(TestMazes.dynaMaze().layout());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedSweeping(DynaParams.defaults(), -0.5, world, 1, 2));
        assertEquals("theta must be in [0, 1.0], got -0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AgentSpec.prioritizedSweeping(DynaParams.defaults(),
                Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> new PrioritizedSweeping(DynaParams.defaults(), 0.1, world, 1, 2).queueTop(-1));
    }
}
