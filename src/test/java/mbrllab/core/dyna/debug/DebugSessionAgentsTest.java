package mbrllab.core.dyna.debug;

import static mbrllab.core.dyna.debug.Oracle.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.dyna.MazeAgent;
import mbrllab.core.maze.Maze;

/**
 * The debugger on other agents than plain Dyna-Q: Dyna-Q+ on the blocking maze, stepped update by update across the
 * maze's change, is the agent's own {@code step()} bit for bit, and its timeline replays exactly.
 */
class DebugSessionAgentsTest {

    static final long REAL_SEED = 11;
    static final long PLAN_SEED = 22;

    /** Figure 8.4's Dyna-Q+ (alpha 1, n 10, kappa 1e-4). */
    static AgentSpec plus() {
        return AgentSpec.dynaQPlus(DynaParams.defaults().withAlpha(1.0).withN(10), 1e-4);
    }

    static Maze blocking() throws Exception {
        return TestMazes.maze("blocking.maze");
    }

    /** The agent stepped by its own methods, every update recorded. */
    static List<DynaUpdate> oracle(MazeAgent agent, int realSteps) {
        List<DynaUpdate> updates = new ArrayList<>();
        agent.setListener(updates::add);
        for (int s = 0; s < realSteps; s++) {
            agent.step();
        }
        return updates;
    }

    @Test
    void dynaQPlusSteppedUpdateByUpdateIsItsOwnStepBitForBitAcrossTheChange() throws Exception {
        Maze maze = blocking();
        DebugSession session = new DebugSession(plus(), maze, 0.0, REAL_SEED, PLAN_SEED, TimelineParams.defaults());
        assertEquals(AgentKind.DYNA_Q_PLUS, session.kind());
        MazeAgent agent = plus().create(maze, 0.0, REAL_SEED, PLAN_SEED);
        List<DynaUpdate> expected = oracle(agent, 1100);
        int untried = 0;
        int withBonus = 0;
        for (int i = 0; i < expected.size(); i++) {
            DebugStep step = session.stepUpdate();
            assertEquals(expected.get(i), step.update(), "update " + i);
            if (step.isReal()) {
                assertEquals(0.0, step.update().bonus());
            } else {
                withBonus += step.update().bonus() > 0 ? 1 : 0;
                if (step.isUntried()) {
                    untried++;
                    assertEquals(step.update().x(), step.update().xNext(), "an untried action leads back");
                }
            }
            if (session.realSteps() == 999 && session.pendingPlanning() == 0) {
                assertEquals(maze.layout(), session.dynamics().layout(), "the first layout before the change");
            }
        }
        assertTrue(untried > 0, "Dyna-Q+ plans with actions it never tried");
        assertTrue(withBonus > 10 * 1000 * 0.9, "nearly every planning update carries a bonus (tau > 0): " + withBonus);
        assertEquals(maze.change().orElseThrow().layout(), session.dynamics().layout(), "the changed layout");
        assertSameBits(agent.qTable(), session.qTable(), "Q after 1100 real steps");
        assertEquals(agent.goalsReached(), (long) session.episode() - 1);
    }

    @Test
    void theTimelineReplaysDynaQPlusExactlyOnBothSidesOfTheChange() throws Exception {
        Maze maze = blocking();
        DebugSession session = new DebugSession(plus(), maze, 0.1, REAL_SEED, PLAN_SEED, new TimelineParams(64, 16));
        session.seek(1300 * 11);
        long head = session.head();
        Random random = new Random(5);
        for (int k = 0; k < 12; k++) {
            long position = random.nextLong(head + 1);
            session.seek(position);
            MazeAgent fresh = plus().create(maze, 0.1, REAL_SEED, PLAN_SEED);
            while (fresh.updates() < position) {
                // Whole steps, then the remaining planning updates one by one (Dyna-Q+ always makes all n).
                if (fresh.updates() + 1 + fresh.params().n() <= position) {
                    fresh.step();
                } else {
                    fresh.realStep();
                    while (fresh.updates() < position) {
                        fresh.planningUpdate();
                    }
                }
            }
            assertSameBits(fresh.qTable(), session.qTable(), "Q at position " + position);
            assertEquals(fresh.dynamics().layout(), session.dynamics().layout(), "layout at position " + position);
            assertEquals(fresh.state(), session.agentState());
        }
        assertTrue(session.snapshotCount() <= 16);
    }

    @Test
    void prioritizedSweepingIsRefusedWithTheReason() throws Exception {
        AgentSpec ps = AgentSpec.prioritizedSweeping(DynaParams.defaults(), 1e-4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DebugSession(ps,
                blocking(), 0.0, 1, 2, TimelineParams.defaults()));
        assertTrue(e.getMessage().startsWith("spec: prioritized sweeping cannot be stepped"), e.getMessage());
    }

    @Test
    void onlyAnUntriedSelfTransitionWithRewardZeroHasNoSourceStep() {
        DynaUpdate untried = new DynaUpdate(DynaUpdate.Kind.PLANNING, 41, 7, 2, 3, 1, 0.0, 3, false, 0.5, 0.5, 0.48,
                -0.02, 0.49, 0.0003);
        DebugStep step = new DebugStep(untried, 0);
        assertTrue(step.isUntried());
        DynaUpdate rewarded = new DynaUpdate(DynaUpdate.Kind.PLANNING, 41, 7, 2, 3, 1, 1.0, 3, false, 0.5, 0.5, 1.48,
                0.98, 1.0, 0.0003);
        assertThrows(IllegalArgumentException.class, () -> new DebugStep(rewarded, 0));
        assertFalse(new DebugStep(untried, 4).isUntried());
    }
}
