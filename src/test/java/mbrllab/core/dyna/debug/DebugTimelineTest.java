package mbrllab.core.dyna.debug;

import static mbrllab.core.dyna.debug.Oracle.assertSameBits;
import static mbrllab.core.dyna.debug.Oracle.dynaMaze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.random.SplitMix64;

/** The timeline: seeks reproduce the run bit for bit, and memory stays bounded on long runs. */
class DebugTimelineTest {

    static final long REAL_SEED = 303;
    static final long PLAN_SEED = 404;

    /** Everything a view shows at one position, to compare a seek with a replay. */
    record View(long position, long[] qBits, DynaUpdate last, long source, int pending, int state, int episode,
                int stepsThisEpisode, long realSteps, List<ModelEntry> model, PlanningSample sample) {

        static View of(DebugSession s) {
            DebugStep last = s.lastStep().orElse(null);
            return new View(s.position(), Oracle.bits(s.qTable()), last == null ? null : last.update(),
                    last == null ? 0 : last.sourceRealStep(), s.pendingPlanning(), s.agentState(), s.episode(),
                    s.stepsThisEpisode(), s.realSteps(), s.modelTable(), s.lastPlanningSample().orElse(null));
        }

        void assertSame(View other) {
            assertEquals(position, other.position);
            assertTrue(Arrays.equals(qBits, other.qBits), "Q bits at position " + position);
            assertEquals(last, other.last, "last update at position " + position);
            assertEquals(source, other.source);
            assertEquals(pending, other.pending);
            assertEquals(state, other.state);
            assertEquals(episode, other.episode);
            assertEquals(stepsThisEpisode, other.stepsThisEpisode);
            assertEquals(realSteps, other.realSteps);
            assertEquals(model, other.model);
            assertEquals(sample, other.sample);
        }
    }

    @Test
    void seekingBackAndForthReproducesTheRunBitForBit() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(5);
        // A tiny timeline so that the snapshots are thinned many times: K = 16 at first, at most 8 snapshots.
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED, new TimelineParams(16, 8));
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, true);
        oracle.advanceTo(30_000);

        // Record the view after every one of the first 3000 updates while stepping forward.
        List<View> forward = new ArrayList<>();
        forward.add(View.of(session));
        for (int i = 0; i < 3000; i++) {
            session.stepUpdate();
            forward.add(View.of(session));
            assertTrue(session.snapshotCount() <= 8);
        }
        assertEquals(3000, session.head());
        assertTrue(session.snapshotInterval() >= 512, "thinned: K = " + session.snapshotInterval());

        SplitMix64 rng = new SplitMix64(5);
        for (int i = 0; i < 300; i++) {
            int p = rng.nextInt(3001);
            session.seek(p);
            View view = View.of(session);
            forward.get(p).assertSame(view);
            if (p > 0) {
                assertEquals(oracle.updates.get(p - 1), view.last());
            }
        }
        // Step back one update at a time over a stretch, then forward again over it.
        session.seek(2000);
        for (int p = 1999; p >= 1500; p--) {
            session.stepBack();
            forward.get(p).assertSame(View.of(session));
        }
        for (int p = 1501; p <= 2100; p++) {
            DebugStep step = session.stepUpdate();
            assertEquals(oracle.updates.get(p - 1), step.update());
            forward.get(p).assertSame(View.of(session));
        }
        assertEquals(3000, session.head(), "stepping below the head keeps it");
        session.seek(0);
        forward.get(0).assertSame(View.of(session));
        assertTrue(session.lastStep().isEmpty());
        assertThrows(IllegalStateException.class, session::stepBack);
        assertThrows(IllegalArgumentException.class, () -> session.seek(-1));
    }

    @Test
    void seekingBeyondTheHeadComputesAndLastStepAtDoesNotMove() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(12);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED, new TimelineParams(32, 16));
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, true);
        oracle.advanceTo(40_000);

        session.runToBreakpoint(1000);
        session.seek(25_000);
        assertEquals(25_000, session.head());
        assertEquals(oracle.updates.get(24_999), session.lastStep().orElseThrow().update());
        assertSameBits(new Oracle(params, world, REAL_SEED, PLAN_SEED, false).advanceTo(25_000).agent.qTable(),
                session.qTable(), "Q after seeking beyond the head");

        session.seek(777);
        long head = session.head();
        for (long p : new long[] {1, 776, 778, 12_345, 24_999, 25_000, 39_000}) {
            DebugStep step = session.lastStepAt(p).orElseThrow();
            assertEquals(oracle.updates.get((int) p - 1), step.update(), "update before position " + p);
            assertEquals(777, session.position(), "lastStepAt does not move the session");
        }
        assertTrue(session.lastStepAt(0).isEmpty());
        assertEquals(oracle.updates.get(776), session.lastStep().orElseThrow().update());
        assertEquals(39_000, session.head(), "looking ahead computed up to 39,000 (was " + head + ")");
        // Stepping on from 777 is unaffected by the look-ahead.
        for (int p = 778; p < 900; p++) {
            assertEquals(oracle.updates.get(p - 1), session.stepUpdate().update());
        }
    }

    @Test
    void runToBreakpointAfterSeekingBackHitsTheSameUpdates() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(8);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED, new TimelineParams(64, 4));
        session.setBreakpoints(List.of(new Breakpoint.GoalReached(), new Breakpoint.DeltaQAbove(0.02)));
        List<DebugStep> hits = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            hits.add(session.runToBreakpoint(10_000_000).last());
        }
        session.seek(hits.get(9).position());
        for (int i = 10; i < 30; i++) {
            assertEquals(hits.get(i), session.runToBreakpoint(10_000_000).last(), "hit " + i);
        }
    }

    /**
     * Two million updates with n = 50: the snapshots stay under the cap, and seeks to random positions give the
     * state of a plain agent stepped there from the start.
     */
    @Test
    void memoryStaysBoundedOverTwoMillionUpdatesAndSeeksStayExact() throws Exception {
        MazeDynamics world = dynaMaze();
        DynaParams params = DynaParams.defaults().withN(50);
        DebugSession session = new DebugSession(params, world, REAL_SEED, PLAN_SEED);
        TimelineParams timeline = session.timelineParams();
        long total = 2_000_000;
        int maxSeen = 0;
        for (long done = 0; done < total; done += 100_000) {
            RunResult result = session.runToBreakpoint(100_000);
            assertEquals(RunResult.StopReason.LIMIT, result.reason());
            maxSeen = Math.max(maxSeen, session.snapshotCount());
        }
        assertEquals(total, session.position());
        assertEquals(total, session.head());
        assertTrue(maxSeen <= timeline.maxSnapshots(), "at most the cap: " + maxSeen);
        // K doubles from 256 to the first 256 * 2^j with 1024 * K >= 2,000,000: 2048.
        assertEquals(2048, session.snapshotInterval());
        assertEquals(total / 2048 + 1, session.snapshotCount());
        assertTrue(session.estimatedSnapshotBytes() < 16_000_000, session.estimatedSnapshotBytes() + " bytes");

        // The reference: a plain agent walked once through the sorted positions, one update at a time.
        SplitMix64 rng = new SplitMix64(9);
        long[] positions = new long[8];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = 1 + (long) (rng.nextDouble() * total);
        }
        positions[0] = total - 1;
        positions[1] = 2048 * 100;
        long[] sorted = positions.clone();
        Arrays.sort(sorted);
        Oracle oracle = new Oracle(params, world, REAL_SEED, PLAN_SEED, false);
        double[][] q = new double[sorted.length][];
        DynaUpdate[] last = new DynaUpdate[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            oracle.advanceTo(sorted[i]);
            q[i] = oracle.agent.qTable();
            last[i] = oracle.last;
        }
        for (long p : positions) {
            int i = Arrays.binarySearch(sorted, p);
            session.seek(p);
            assertSameBits(q[i], session.qTable(), "Q at position " + p);
            assertEquals(last[i], session.lastStep().orElseThrow().update());
        }
        oracle.advanceTo(total);
        session.seek(total);
        assertSameBits(oracle.agent.qTable(), session.qTable(), "Q at the head");
        // And the whole steps of a plain DynaQ.step() loop: 39,215 steps of 51 updates.
        DynaQ plain = new DynaQ(params, world, REAL_SEED, PLAN_SEED);
        for (int s = 0; s < 39_215; s++) {
            plain.step();
        }
        session.seek(plain.updates());
        assertSameBits(plain.qTable(), session.qTable(), "Q after 39,215 whole steps");
        assertEquals(0, session.pendingPlanning());
        assertEquals(plain.episode(), session.episode());
    }
}
