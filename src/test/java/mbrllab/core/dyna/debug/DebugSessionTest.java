package mbrllab.core.dyna.debug;

import static mbrllab.core.dyna.debug.Oracle.assertSameBits;
import static mbrllab.core.dyna.debug.Oracle.dynaMaze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.dyna.PlanningSampling;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.maze.Cell;
import mbrllab.core.maze.MazeDynamics;

/** Stepping by update, real step and episode, and the breakpoints, against a plain {@link DynaQ}. */
class DebugSessionTest {

    static final long REAL_SEED = 101;
    static final long PLAN_SEED = 202;

    @Test
    void steppingUpdateByUpdateIsDynaQStepBitForBit() throws Exception {
        MazeDynamics world = dynaMaze();
        for (PlanningSampling sampling : PlanningSampling.values()) {
            DynaParams params = DynaParams.defaults().withN(5).withSampling(sampling);
            DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
            Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, true);
            assertTrue(session.lastStep().isEmpty());
            assertEquals(PseudocodeLine.A, session.nextLine());
            for (int s = 0; s < 400; s++) {
                oracle.agent.step();
                for (int i = 0; i <= 5; i++) {
                    int pendingBefore = session.pendingPlanning();
                    DebugStep step = session.stepUpdate();
                    assertEquals(oracle.updates.get(s * 6 + i), step.update());
                    assertEquals(s * 6L + i + 1, step.position());
                    if (i == 0) {
                        assertEquals(0, pendingBefore);
                        assertTrue(step.isReal());
                        assertEquals(PseudocodeLine.D, step.line());
                        assertEquals(List.of(PseudocodeLine.A, PseudocodeLine.B, PseudocodeLine.C, PseudocodeLine.D,
                                PseudocodeLine.E), new ArrayList<>(step.linesExecuted()));
                        assertEquals(step.update().realStep(), step.sourceRealStep());
                    } else {
                        assertEquals(6 - i, pendingBefore);
                        assertFalse(step.isReal());
                        assertEquals(PseudocodeLine.F, step.line());
                        assertEquals(Set.of(PseudocodeLine.F), step.linesExecuted());
                        DynaUpdate u = step.update();
                        assertTrue(step.sourceRealStep() >= 1 && step.sourceRealStep() <= u.realStep());
                    }
                    assertEquals(step, session.lastStep().orElseThrow());
                }
                assertEquals(0, session.pendingPlanning());
            }
            assertSameBits(oracle.agent.qTable(), session.qTable(), "Q after 400 steps, " + sampling);
            assertEquals(oracle.agent.episode(), session.episode());
            assertEquals(oracle.agent.realSteps(), session.realSteps());
            assertEquals(oracle.agent.updates(), session.updates());
            assertEquals(oracle.agent.state(), session.agentState());
        }
    }

    @Test
    void aPlanningUpdatesSourceIsTheRealStepThatLastSetItsModelEntry() throws Exception {
        MazeDynamics world = dynaMaze();
        DebugSession session = new DebugSession(DynaParams.defaults().withN(10), world, REAL_SEED, PLAN_SEED);
        long[] setAt = new long[world.stateCount() * 4];
        for (int i = 0; i < 5000; i++) {
            DebugStep step = session.stepUpdate();
            DynaUpdate u = step.update();
            if (step.isReal()) {
                setAt[u.x() * 4 + u.u()] = u.realStep();
            } else {
                assertEquals(setAt[u.x() * 4 + u.u()], step.sourceRealStep(), "update " + u.index());
            }
        }
    }

    @Test
    void steppingByRealStepsLeavesTheirPlanningPending() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(7);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        DynaQ plain = new DynaQ(params, world, REAL_SEED, PLAN_SEED);
        for (int s = 1; s <= 300; s++) {
            DebugStep step = session.stepRealStep();
            assertTrue(step.isReal());
            assertEquals(s, step.update().realStep());
            assertEquals((s - 1) * 8L, step.update().index());
            assertEquals(7, session.pendingPlanning());
            assertEquals(PseudocodeLine.F, session.nextLine());
            if (s > 1) {
                plain.planningUpdates(7);
            }
            plain.realStep();
            assertSameBits(plain.qTable(), session.qTable(), "Q after real step " + s);
        }
        // n = 0: every real step is a whole step.
        DebugSession noPlanning = new DebugSession(params.withN(0), world, REAL_SEED, PLAN_SEED);
        DynaQ plainNoPlanning = new DynaQ(params.withN(0), world, REAL_SEED, PLAN_SEED);
        for (int s = 0; s < 500; s++) {
            noPlanning.stepRealStep();
            plainNoPlanning.step();
            assertEquals(0, noPlanning.pendingPlanning());
        }
        assertSameBits(plainNoPlanning.qTable(), noPlanning.qTable(), "Q, n = 0");
    }

    @Test
    void steppingByEpisodesIsRunEpisodeBitForBit() throws Exception {
        MazeDynamics world = dynaMaze();
        for (int n : new int[] {0, 5, 50}) {
            DynaParams params = DynaParams.defaults().withN(n);
            DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
            DynaQ plain = new DynaQ(params, world, REAL_SEED, PLAN_SEED);
            Oracle goalSteps = new Oracle(params, world, REAL_SEED, PLAN_SEED, false);
            for (int e = 1; e <= 8; e++) {
                long updatesBefore = session.updates();
                int steps = plain.runEpisode(10_000_000);
                RunResult result = session.stepEpisode();
                assertEquals(RunResult.StopReason.EPISODE_END, result.reason());
                assertEquals(steps * (n + 1L), result.updatesExecuted(), "episode " + e + ", n " + n);
                assertEquals(updatesBefore + result.updatesExecuted(), session.updates());
                assertEquals(e + 1, session.episode());
                assertEquals(0, session.stepsThisEpisode());
                assertEquals(0, session.pendingPlanning());
                assertEquals(world.start(), session.agentState());
                // The last update: the goal step's n-th planning update, or for n = 0 the goal step itself.
                goalSteps.advanceTo(session.updates() - n);
                assertTrue(goalSteps.last.terminal() && goalSteps.last.kind() == DynaUpdate.Kind.REAL);
                DynaUpdate last = result.last().update();
                assertEquals(goalSteps.last.index() + n, last.index());
                assertEquals(n == 0 ? DynaUpdate.Kind.REAL : DynaUpdate.Kind.PLANNING, last.kind());
                assertEquals(result.last(), session.lastStep().orElseThrow());
            }
            assertSameBits(plain.qTable(), session.qTable(), "Q after 8 episodes, n " + n);
            assertEquals(plain.realSteps(), session.realSteps());
            assertEquals(plain.updates(), session.updates());
        }
    }

    @Test
    void stepEpisodeGivesUpAtItsLimit() throws Exception {
        // Greedy with first-index ties walks up into the corner and never finds G.
        DynaParams stuck = new DynaParams(0.1, 0.95, 0.0, 3, TieBreaking.FIRST_INDEX,
                PlanningSampling.STATE_THEN_ACTION);
        DebugSession session = new DebugSession(stuck, dynaMaze(), REAL_SEED, PLAN_SEED);
        RunResult result = session.stepEpisode(10_001);
        assertEquals(RunResult.StopReason.LIMIT, result.reason());
        assertEquals(10_001, result.updatesExecuted());
        assertEquals(10_001, session.position());
        assertEquals(result.last(), session.lastStep().orElseThrow());
        assertEquals(1, session.episode());
        assertEquals(new Cell(0, 0), session.agentCell());
    }

    @Test
    void goalReachedStopsRightAfterTheRealUpdateThatEntersG() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(5);
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, true);
        oracle.advanceTo(200_000);
        List<Long> expected = new ArrayList<>();
        for (DynaUpdate u : oracle.updates) {
            if (u.kind() == DynaUpdate.Kind.REAL && u.terminal()) {
                expected.add(u.index());
            }
        }
        assertTrue(expected.size() > 10, "the oracle reaches G often");
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        Breakpoint goal = new Breakpoint.GoalReached();
        session.setBreakpoints(List.of(goal));
        for (int hit = 0; hit < 10; hit++) {
            RunResult result = session.runToBreakpoint(10_000_000);
            assertEquals(RunResult.StopReason.BREAKPOINT, result.reason());
            assertEquals(List.of(goal), result.hits());
            DynaUpdate u = result.last().update();
            assertEquals(expected.get(hit), u.index(), "goal hit " + hit);
            assertEquals(DynaUpdate.Kind.REAL, u.kind());
            assertEquals(world.goal(), u.xNext());
            assertTrue(u.terminal());
            assertEquals(oracle.updates.get((int) u.index()), u);
            assertEquals(u.index() + 1, session.position());
            assertEquals(5, session.pendingPlanning());
            assertEquals(hit + 2, session.episode());
        }
    }

    @Test
    void deltaQStopsAtTheFirstUpdateAboveTheThresholdAndNoEarlier() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(5);
        double threshold = 0.004;
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, true);
        oracle.advanceTo(100_000);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        session.setBreakpoints(List.of(new Breakpoint.DeltaQAbove(threshold)));
        int next = 0;
        boolean sawPlanning = false;
        for (int hit = 0; hit < 40; hit++) {
            while (Math.abs(oracle.updates.get(next).qAfter() - oracle.updates.get(next).qBefore()) <= threshold) {
                next++;
            }
            RunResult result = session.runToBreakpoint(10_000_000);
            assertTrue(result.hitBreakpoint());
            DebugStep step = result.last();
            assertEquals(oracle.updates.get(next), step.update(), "delta-Q hit " + hit);
            assertTrue(step.absDeltaQ() > threshold);
            sawPlanning |= !step.isReal();
            next++;
        }
        assertTrue(sawPlanning, "planning updates trigger too");
        assertSameBits(replayQ(params, world, session.position()), session.qTable(), "Q at the last hit");
    }

    @Test
    void entersCellStopsOnRealUpdatesIntoThatCellOnly() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(20);
        int cell = world.layout().index(new Cell(4, 4));
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, true);
        oracle.advanceTo(300_000);
        List<Long> expected = new ArrayList<>();
        boolean planningAlsoPredictsIt = false;
        for (DynaUpdate u : oracle.updates) {
            if (u.xNext() == cell) {
                if (u.kind() == DynaUpdate.Kind.REAL) {
                    expected.add(u.index());
                } else {
                    planningAlsoPredictsIt = true;
                }
            }
        }
        assertTrue(planningAlsoPredictsIt && expected.size() > 5);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        session.setBreakpoints(List.of(new Breakpoint.EntersCell(cell)));
        for (int hit = 0; hit < 5; hit++) {
            RunResult result = session.runToBreakpoint(10_000_000);
            assertEquals(expected.get(hit), result.last().update().index());
            assertTrue(result.last().isReal());
            assertEquals(cell, result.last().update().xNext());
            assertEquals(new Cell(4, 4), session.agentCell());
        }
    }

    @Test
    void episodeEndStopsAfterTheGoalStepsPlanning() throws Exception {
        MazeDynamics world = dynaMaze();
        for (int n : new int[] {0, 30}) {
            DynaParams params = DynaParams.defaults().withN(n);
            DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
            session.setBreakpoints(List.of(new Breakpoint.EpisodeEnd()));
            DynaQ plain = new DynaQ(params, world, REAL_SEED, PLAN_SEED);
            for (int e = 1; e <= 4; e++) {
                plain.runEpisode(10_000_000);
                RunResult result = session.runToBreakpoint(10_000_000);
                assertTrue(result.hitBreakpoint());
                assertEquals(plain.updates(), session.position());
                assertEquals(e + 1, session.episode());
                assertEquals(0, session.pendingPlanning());
                assertEquals(n == 0, result.last().isReal());
                assertSameBits(plain.qTable(), session.qTable(), "Q after episode " + e + ", n " + n);
            }
        }
    }

    @Test
    void breakpointsCombineAndDisabledOnesNeverTrigger() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(5);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        // The cell the agent enters first would trigger at once; disabled, it must not.
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, false).advanceTo(1);
        Breakpoint firstCell = new Breakpoint.EntersCell(oracle.last.xNext()).withEnabled(false);
        Breakpoint anyChange = new Breakpoint.DeltaQAbove(0.0, false);
        Breakpoint goal = new Breakpoint.GoalReached();
        Breakpoint intoGoal = new Breakpoint.EntersCell(world.goal());
        Breakpoint episodeEnd = new Breakpoint.EpisodeEnd();
        session.setBreakpoints(List.of(firstCell, anyChange, goal, intoGoal, episodeEnd));
        RunResult atGoal = session.runToBreakpoint(10_000_000);
        assertEquals(List.of(goal, intoGoal), atGoal.hits());
        assertEquals(5, session.pendingPlanning());
        RunResult atEnd = session.runToBreakpoint(10_000_000);
        assertEquals(List.of(episodeEnd), atEnd.hits());
        assertEquals(5, atEnd.updatesExecuted());
        // Switched on again, the first cell's breakpoint triggers the next time the agent enters that cell.
        Breakpoint firstCellOn = firstCell.withEnabled(true);
        session.setBreakpoints(List.of(firstCellOn));
        RunResult nextHit = session.runToBreakpoint(10_000_000);
        assertEquals(List.of(firstCellOn), nextHit.hits());
        assertTrue(nextHit.last().isReal());
        assertEquals(oracle.last.xNext(), nextHit.last().update().xNext());
        // A limit stops a run without breakpoints.
        session.setBreakpoints(List.of());
        long before = session.position();
        RunResult limited = session.runToBreakpoint(1234);
        assertEquals(RunResult.StopReason.LIMIT, limited.reason());
        assertEquals(before + 1234, session.position());
        assertEquals(before + 1234, limited.last().position());
    }

    @Test
    void readAccessMatchesTheAgent() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(5);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        assertTrue(session.modelTable().isEmpty());
        assertTrue(session.lastPlanningSample().isEmpty());
        session.stepEpisode();
        session.stepEpisode();
        session.stepRealStep();
        session.stepUpdate();
        session.stepUpdate();
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, false).advanceTo(session.position());
        DynaQ plain = oracle.agent;
        assertEquals(oracle.pending(), session.pendingPlanning());
        assertEquals(3, session.pendingPlanning());
        List<ModelEntry> table = session.modelTable();
        assertEquals(plain.knownPairs(), table.size());
        for (ModelEntry row : table) {
            assertEquals(plain.modelNext(row.x(), row.u()), row.xNext());
            assertEquals(plain.modelReward(row.x(), row.u()), row.reward());
            assertEquals(plain.modelSetAt(row.x(), row.u()), row.setAtRealStep());
            assertEquals(world.next(row.x(), row.u()), row.xNext(), "the maze is deterministic");
        }
        PlanningSample sample = session.lastPlanningSample().orElseThrow();
        DynaUpdate last = session.lastStep().orElseThrow().update();
        assertEquals(new PlanningSample(last.x(), last.u(), last.xNext()), sample);
        assertEquals(plain.lastPlannedPair(), sample.x() * 4 + sample.u());
        assertEquals(plain.state(), session.agentState());
        assertEquals(world.layout().cell(plain.state()), session.agentCell());
        assertEquals(plain.stepsThisEpisode(), session.stepsThisEpisode());
        assertEquals(3, session.episode());
        assertEquals(plain.q(3, 2), session.q(3, 2));
    }

    @Test
    void setBreakpointsRefusesACellOutsideTheMaze() throws Exception {
        DebugSession session = new DebugSession(DynaParams.defaults(), dynaMaze(), 1, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> session.setBreakpoints(List.of(new Breakpoint.EntersCell(54))));
        assertTrue(e.getMessage().contains("[0, 54)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> session.runToBreakpoint(0));
        assertThrows(IllegalArgumentException.class, () -> session.stepEpisode(0));
    }

    /** Q after {@code position} updates of a plain agent. */
    static double[] replayQ(DynaParams params, MazeDynamics world, long position) {
        return new Oracle(params, world, REAL_SEED, PLAN_SEED, false).advanceTo(position).agent.qTable();
    }
}
