package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.app.lab.Ticker;
import mbrllab.core.acceleration.AccelerationExperiment;
import mbrllab.core.acceleration.AccelerationObserver;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationResult;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.DynaDqn;
import mbrllab.core.acceleration.LearnedModelParams;
import mbrllab.core.acceleration.ModelChoice;
import mbrllab.core.acceleration.ModelRollout;
import mbrllab.core.acceleration.RunRecord;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.dqn.DqnParams;
import mbrllab.core.dqn.EpsilonSchedule;
import mbrllab.core.dqn.TargetUpdate;
import mbrllab.core.dqn.TdLoss;

/** The lab's lock-step run and its background curves, without a screen. */
class AccelerationRunTest {

    private static final BalanceTask TASK = BalanceTask.cartPoleV1();

    /** Small and quick: 16-16 Q-network, batches of 8, learning after 50 steps, models refitted every 40 steps. */
    static AccelerationParams small() {
        DqnParams dqn = new DqnParams(List.of(16, 16), 1e-3, 0.99, 8, TdLoss.HUBER, TargetUpdate.hard(20),
                new EpsilonSchedule(1, 0.1, 200), 50, 10_000, false);
        return new AccelerationParams(dqn, 2, 40, 10, new LearnedModelParams(3, List.of(8), 1e-3, 16, 1e-5), 500);
    }

    private static AccelerationSpec spec(List<AccelerationSetting> settings, int runs, int episodes, int maxSteps) {
        return new AccelerationSpec(TASK, small(), settings, runs, episodes, maxSteps, 20, 5, 7);
    }

    private static final List<AccelerationSetting> THREE = List.of(AccelerationSetting.realOnly(),
            AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 3, 2, 0.5),
            AccelerationSetting.withModel(ModelChoice.TRUE, 3, 4, 0.5));

    /**
     * The panes are run 1 of the background experiment: after 400 ticks each pane has exactly the episodes, returns
     * and counters of a learner of its setting on run 0's seed stepped 400 times; all three on one real-step clock.
     */
    @Test
    void panesAreRunOneOnOneClock() {
        AccelerationSpec spec = spec(THREE, 2, 1000, 30_000);
        AccelerationRun run = new AccelerationRun(spec, 1);
        for (int t = 0; t < 400; t++) {
            assertEquals(Ticker.After.CONTINUE, run.tick());
        }
        AccelerationFrame frame = run.frame();
        assertEquals(400, frame.realSteps());
        for (int i = 0; i < 3; i++) {
            DynaDqn alone = new DynaDqn(TASK, spec.params(), THREE.get(i), spec.runSeed(0));
            List<Integer> returns = new ArrayList<>();
            for (int t = 0; t < 400; t++) {
                int r = alone.step();
                if (r >= 0) {
                    returns.add(r);
                }
            }
            AccelerationFrame.Pane p = frame.panes().get(i);
            assertArrayEquals(returns.stream().mapToInt(Integer::intValue).toArray(), p.returns(), "pane " + i);
            assertEquals(alone.counters(), p.counters());
            assertArrayEquals(alone.state(), p.state());
            assertEquals(alone.lastForce(), p.force());
            assertEquals(400, p.counters().realSteps());
        }
        assertEquals(0, frame.panes().get(0).counters().modelBufferSize());
        assertTrue(frame.panes().get(1).counters().modelRefits() > 0);
    }

    /**
     * The rollout view: none before the learned model is fitted; then k = 2 imagined steps of pane 2's ensemble from
     * a real state; for the true physics (pane 3, k = 4) the imagined states are the true ones.
     */
    @Test
    void rolloutOfTheChosenPane() {
        AccelerationSpec spec = spec(THREE, 1, 1000, 30_000);
        AccelerationRun run = new AccelerationRun(spec, 1);
        for (int t = 0; t < 30; t++) {
            run.tick();
        }
        assertNull(run.frame().rollout(), "no fitted model before learning starts");
        for (int t = 0; t < 100; t++) {
            run.tick();
        }
        ModelRollout r = run.frame().rollout();
        assertNotNull(r);
        assertTrue(r.steps() >= 1 && r.steps() <= 2);
        assertEquals(1, run.frame().rolloutPane());
        run.setRolloutPane(2);
        ModelRollout exact = run.frame().rollout();
        assertEquals(2, run.frame().rolloutPane());
        assertTrue(exact.steps() >= 1 && exact.steps() <= 4);
        assertArrayEquals(exact.truth(), exact.imagined());
    }

    /**
     * A pane stops when it has finished the experiment's episodes, as its background run does, while the others go
     * on; the run pauses once all have: each pane then has its background run's returns, steps and counters.
     */
    @Test
    void aPaneStopsAtTheRunsEpisodes() {
        AccelerationSpec spec = spec(THREE, 1, 12, 30_000);
        AccelerationRun run = new AccelerationRun(spec, 1);
        int ticks = 0;
        boolean sawOneEnded = false;
        while (run.tick() == Ticker.After.CONTINUE) {
            ticks++;
            assertTrue(ticks < 30_000, "the run did not pause");
            AccelerationFrame f = run.frame();
            assertFalse(f.over());
            long ended = f.panes().stream().filter(AccelerationFrame.Pane::ended).count();
            sawOneEnded |= ended > 0;
            for (AccelerationFrame.Pane p : f.panes()) {
                assertEquals(p.ended(), p.episodesFinished() == 12);
            }
        }
        assertTrue(sawOneEnded, "the panes ended on the same tick; pick a spec where they do not");
        AccelerationFrame f = run.frame();
        assertTrue(f.over());
        assertEquals(Ticker.After.PAUSE, run.tick());
        assertEquals(f.realSteps(), run.frame().realSteps(), "no tick after the end");
        long longest = 0;
        for (int i = 0; i < 3; i++) {
            RunRecord record = AccelerationExperiment.runOne(spec, i, 0, AccelerationObserver.NONE);
            AccelerationFrame.Pane p = f.panes().get(i);
            assertTrue(p.ended());
            assertArrayEquals(record.returns(), p.returns(), "pane " + i);
            assertArrayEquals(record.realSteps(), p.realSteps(), "pane " + i);
            assertEquals(record.counters(), p.counters(), "pane " + i);
            assertEquals("run over after 12 episodes", AccelerationLab.header(p, f)[0]);
            longest = Math.max(longest, p.counters().realSteps());
        }
        assertEquals(longest, f.realSteps(), "the clock stops with the last pane");
    }

    /** At the experiment's step cap the run pauses by itself and takes no further step. */
    @Test
    void pausesAtTheStepCap() {
        AccelerationRun run = new AccelerationRun(spec(THREE, 1, 1000, 60), 1);
        for (int t = 0; t < 59; t++) {
            assertEquals(Ticker.After.CONTINUE, run.tick());
        }
        assertEquals(Ticker.After.PAUSE, run.tick());
        assertEquals(Ticker.After.PAUSE, run.tick());
        assertEquals(60, run.frame().realSteps());
        AccelerationFrame f = run.frame();
        assertEquals("run over at the 60-step cap", AccelerationLab.header(f.panes().get(0), f)[0]);
    }

    /**
     * The live curves: adding every run of a finished experiment, in any order, gives the finished experiment's own
     * curves (AccelerationResult.returnAgainstSteps); part of the runs gives the curves of those runs.
     */
    @Test
    void liveCurvesMatchTheResult() {
        List<AccelerationSetting> two = List.of(AccelerationSetting.realOnly(),
                AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1, 0.5));
        AccelerationSpec spec = spec(two, 3, 80, 3000);
        List<Object[]> finished = new ArrayList<>();
        AccelerationResult result = AccelerationExperiment.run(spec, Runnable::run, new AccelerationObserver() {
            @Override
            public void runFinished(int setting, int run, RunRecord record) {
                finished.add(new Object[] {setting, record});
            }
        });
        List<String> names = List.of("real", "true");
        StepCurves exact = StepCurves.exact(result, names);
        StepCurves.Builder builder = new StepCurves.Builder(spec, names);
        StepCurves live = null;
        for (int i = finished.size() - 1; i >= 0; i--) {
            live = builder.add((Integer) finished.get(i)[0], (RunRecord) finished.get(i)[1]);
        }
        assertEquals(3, live.runsDone());
        assertTrue(exact.finished());
        for (int s = 0; s < 2; s++) {
            double[] a = exact.curves().get(s).mean();
            double[] b = live.curves().get(s).mean();
            assertEquals(a.length, b.length);
            int points = 0;
            for (int g = 0; g < a.length; g++) {
                assertEquals(a[g], b[g], 1e-9, "mean at grid point " + g);
                assertEquals(exact.curves().get(s).se()[g], live.curves().get(s).se()[g], 1e-9);
                assertEquals(exact.curves().get(s).runs()[g], live.curves().get(s).runs()[g]);
                if (!Double.isNaN(a[g])) {
                    points++;
                }
            }
            assertTrue(points > 2, "the curve has points");
            assertEquals(result.stepsTo195Mean(s), exact.stepsTo195()[s][0]);
            assertEquals(result.stepsTo195Median(s), exact.stepsTo195()[s][3]);
        }
        String text = AccelerationLab.curvesText(exact, false);
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "1: %,.0f ± %,.0f, median %,.0f (",
                result.stepsTo195Mean(0), result.stepsTo195Se(0), result.stepsTo195Median(0))), text);
        StepCurves.Builder one = new StepCurves.Builder(spec, names);
        RunRecord first = (RunRecord) finished.get(0)[1];
        int setting = (Integer) finished.get(0)[0];
        StepCurves partial = one.add(setting, first);
        double[] mean = partial.curves().get(setting).mean();
        int t = first.realSteps()[first.episodes() - 1];
        int g = t / StepCurves.GRID;
        double sum = 0;
        int last = 0;
        while (last < first.episodes() && first.realSteps()[last] <= g * StepCurves.GRID) {
            last++;
        }
        for (int e = Math.max(0, last - 10); e < last; e++) {
            sum += first.returns()[e];
        }
        if (last > 0) {
            assertEquals(sum / Math.min(10, last), mean[g], 1e-12);
        }
    }
}
