package mbrllab.core.dyna.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import mbrllab.core.dyna.DynaUpdate;

/** The debugger's value types: validation with messages naming the field, and the breakpoint conditions. */
class DebugValuesTest {

    /** Q(x,u) = 0.5, x' with max Q 0.2, r = 0: target 0.95 * 0.2 = 0.19, error -0.31, alpha 0.1: 0.469. */
    static DynaUpdate update(DynaUpdate.Kind kind, int xNext, boolean terminal) {
        return new DynaUpdate(kind, 41, 7, 2, 3, 1, 0.0, xNext, terminal, 0.5, 0.2, 0.19, -0.31, 0.469);
    }

    static void assertRefused(String field, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }

    @Test
    void breakpointConditions() {
        DynaUpdate real = update(DynaUpdate.Kind.REAL, 12, false);
        DynaUpdate planning = update(DynaUpdate.Kind.PLANNING, 12, false);
        DynaUpdate goal = update(DynaUpdate.Kind.REAL, 8, true);
        DynaUpdate plannedGoal = update(DynaUpdate.Kind.PLANNING, 8, true);

        Breakpoint episodeEnd = new Breakpoint.EpisodeEnd();
        assertTrue(episodeEnd.triggeredBy(planning, true));
        assertFalse(episodeEnd.triggeredBy(goal, false));

        Breakpoint goalReached = new Breakpoint.GoalReached();
        assertTrue(goalReached.triggeredBy(goal, false));
        assertFalse(goalReached.triggeredBy(plannedGoal, false), "only real experience reaches G");
        assertFalse(goalReached.triggeredBy(real, true));

        // |0.469 - 0.5| = 0.031
        assertTrue(new Breakpoint.DeltaQAbove(0.03).triggeredBy(planning, false));
        assertTrue(new Breakpoint.DeltaQAbove(0.03).triggeredBy(real, false));
        assertFalse(new Breakpoint.DeltaQAbove(0.032).triggeredBy(real, false));
        assertTrue(new Breakpoint.DeltaQAbove(0).triggeredBy(real, false));

        Breakpoint cell12 = new Breakpoint.EntersCell(12);
        assertTrue(cell12.triggeredBy(real, false));
        assertFalse(cell12.triggeredBy(planning, false), "a planning update moves no agent");
        assertFalse(cell12.triggeredBy(goal, false));
        assertTrue(new Breakpoint.EntersCell(8).triggeredBy(goal, false));
    }

    @Test
    void breakpointsSwitchOnAndOff() {
        List<Breakpoint> all = List.of(new Breakpoint.EpisodeEnd(), new Breakpoint.GoalReached(),
                new Breakpoint.DeltaQAbove(0.1), new Breakpoint.EntersCell(5));
        for (Breakpoint b : all) {
            assertTrue(b.enabled());
            Breakpoint off = b.withEnabled(false);
            assertFalse(off.enabled());
            assertEquals(b.getClass(), off.getClass());
            assertEquals(b, off.withEnabled(true));
        }
        assertEquals(0.1, ((Breakpoint.DeltaQAbove) all.get(2).withEnabled(false)).threshold());
        assertEquals(5, ((Breakpoint.EntersCell) all.get(3).withEnabled(false)).state());
    }

    @Test
    void valuesAreValidated() {
        assertRefused("threshold", () -> new Breakpoint.DeltaQAbove(-0.1));
        assertRefused("threshold", () -> new Breakpoint.DeltaQAbove(Double.NaN));
        assertRefused("threshold", () -> new Breakpoint.DeltaQAbove(Double.POSITIVE_INFINITY));
        assertRefused("state", () -> new Breakpoint.EntersCell(-1));

        assertRefused("initialInterval", () -> new TimelineParams(0, 10));
        assertRefused("maxSnapshots", () -> new TimelineParams(16, 1));

        assertRefused("u", () -> new ModelEntry(3, 4, 5, 0.0, 1));
        assertRefused("x", () -> new ModelEntry(-1, 0, 5, 0.0, 1));
        assertRefused("xNext", () -> new ModelEntry(3, 0, -1, 0.0, 1));
        assertRefused("setAtRealStep", () -> new ModelEntry(3, 0, 5, 0.0, 0));
        assertRefused("u", () -> new PlanningSample(3, -1, 5));

        DynaUpdate real = update(DynaUpdate.Kind.REAL, 12, false);
        DynaUpdate planning = update(DynaUpdate.Kind.PLANNING, 12, false);
        assertRefused("update", () -> new DebugStep(null, 1));
        assertRefused("sourceRealStep", () -> new DebugStep(real, 6));
        assertRefused("sourceRealStep", () -> new DebugStep(planning, 0));
        assertRefused("sourceRealStep", () -> new DebugStep(planning, 8));
        DebugStep step = new DebugStep(planning, 3);
        assertEquals(42, step.position());
        assertEquals(0.031, step.absDeltaQ(), 1e-15);

        DebugStep realStep = new DebugStep(real, 7);
        assertRefused("hits", () -> new RunResult(RunResult.StopReason.BREAKPOINT, List.of(), 1, realStep));
        assertRefused("hits", () -> new RunResult(RunResult.StopReason.LIMIT,
                List.of(new Breakpoint.GoalReached()), 1, realStep));
        assertRefused("updatesExecuted", () -> new RunResult(RunResult.StopReason.LIMIT, List.of(), 0, realStep));
        assertRefused("last", () -> new RunResult(RunResult.StopReason.LIMIT, List.of(), 1, null));
    }

    @Test
    void pseudocodeLinesAreTheLecturesSix() {
        assertEquals(6, PseudocodeLine.values().length);
        assertEquals("(d)", PseudocodeLine.D.label());
        assertTrue(PseudocodeLine.B.text().contains("epsilon-greedy"));
        assertTrue(PseudocodeLine.F.text().startsWith("repeat n times"));
    }
}
