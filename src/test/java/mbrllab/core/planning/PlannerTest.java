package mbrllab.core.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.models.transition.TransitionModel;
import mbrllab.core.models.transition.TransitionModelSpec;
import mbrllab.core.random.SplitMix64;

class PlannerTest {

    /**
     * The pole upright (r = exp(-x^2 / (2 * 0.25^2))) and a cart that moves by 0.01 u per step: from x = 0.3 the best
     * plan pushes -10 N three times, to x = 0.2, 0.1, 0, and then rests there, so the largest J over H steps is
     * r(0.2) + r(0.1) + (H - 2).
     */
    static final SwingUpTask TASK = SwingUpTask.pilco();
    static final double[] START = {0.3, 0, Math.PI, 0};

    static double optimum(int h) {
        return Math.exp(-0.04 / 0.125) + Math.exp(-0.01 / 0.125) + (h - 2);
    }

    @Test
    void elitesAreTheBestFirstAndTiesGoToTheLowerIndex() {
        double[] v = {3, 7, 1, 7, 9, 3, -2};
        int[] top = new int[4];
        Elites.top(v, v.length, top);
        assertArrayEquals(new int[] {4, 1, 3, 0}, top);
        int[] one = new int[1];
        Elites.top(v, 3, one);
        assertArrayEquals(new int[] {1}, one);
    }

    @Test
    void cemFindsTheKnownOptimumAndBeatsRandomShooting() {
        int h = 10;
        DriftModel model = new DriftModel(1, 0, 0.01, -1);
        PlannerSettings settings = PlannerSettings.swingUp().withHorizon(h).withPropagation(Propagation.MEAN, 1);
        Plan cem = Planner.create(TASK, model, settings, Runnable::run).plan(START, new SplitMix64(1));
        assertTrue(cem.predictedReturn() <= optimum(h) + 1e-12);
        assertTrue(cem.predictedReturn() > optimum(h) - 0.1, cem.predictedReturn() + " against " + optimum(h));
        assertTrue(cem.firstAction() < -9, "push left first: " + cem.firstAction());
        assertEquals(5, cem.iterations().size());
        Plan rs = Planner.create(TASK, model, settings.withPlanner(PlannerKind.RANDOM_SHOOTING), Runnable::run)
                .plan(START, new SplitMix64(1));
        assertEquals(1, rs.iterations().size());
        assertTrue(rs.predictedReturn() < cem.predictedReturn() - 0.1, "rs " + rs.predictedReturn());
        // the plan's J is the J of its actions, and random shooting's plan is its best candidate
        Iteration round = rs.iterations().get(0);
        assertArrayEquals(java.util.Arrays.copyOfRange(round.sequences(), round.elites()[0] * h,
                round.elites()[0] * h + h), rs.actions(), 0);
        assertEquals(round.bestReturn(), rs.predictedReturn(), 0);
        for (double r : round.returns()) {
            assertTrue(r <= round.bestReturn());
        }
    }

    @Test
    void cemStepByStepRefitsToItsElitesContractsAndWarmStarts() {
        int h = 10;
        DriftModel model = new DriftModel(1, 0, 0.01, -1);
        PlannerSettings settings = PlannerSettings.swingUp().withHorizon(h).withPropagation(Propagation.MEAN, 1);
        Planner planner = Planner.create(TASK, model, settings, Runnable::run);
        SplitMix64 rng = new SplitMix64(4);
        Planner.Search search = planner.begin(START, rng, true);
        assertEquals(5, search.iterations());
        Iteration previous = null;
        while (!search.isComplete()) {
            Iteration it = search.iterate();
            assertEquals(search.completed() - 1, it.index());
            int p = it.population();
            assertEquals(200, p);
            assertEquals(20, it.elites().length);
            assertTrue(it.hasStates());
            assertEquals(1, it.particles());
            if (previous == null) {
                assertArrayEquals(new double[h], it.mean(), 0);
                for (double s : it.std()) {
                    assertEquals(5.0, s, 0);
                }
            } else {
                assertArrayEquals(previous.nextMean(), it.mean(), 0);
                assertArrayEquals(previous.nextStd(), it.std(), 0);
            }
            for (int e = 1; e < it.elites().length; e++) {
                assertTrue(it.returns()[it.elites()[e - 1]] >= it.returns()[it.elites()[e]]);
            }
            for (int c = 0; c < p; c++) {
                boolean elite = false;
                for (int e : it.elites()) {
                    elite |= e == c;
                }
                if (!elite) {
                    assertTrue(it.returns()[c] <= it.returns()[it.elites()[19]]);
                }
                for (int t = 0; t < h; t++) {
                    assertTrue(Math.abs(it.sequences()[c * h + t]) <= 10, "clipped to the force range");
                }
                // the recorded start state of every candidate is the observation
                assertEquals(0.3, it.states()[c * (h + 1) * 4], 0);
            }
            for (int t = 0; t < h; t++) {
                double m = 0;
                for (int e : it.elites()) {
                    m += it.sequences()[e * h + t];
                }
                m /= 20;
                double v = 0;
                for (int e : it.elites()) {
                    v += Math.pow(it.sequences()[e * h + t] - m, 2);
                }
                assertEquals(0.1 * it.mean()[t] + 0.9 * m, it.nextMean()[t], 1e-12);
                assertEquals(0.1 * it.std()[t] + 0.9 * Math.sqrt(v / 20), it.nextStd()[t], 1e-12);
            }
            previous = it;
        }
        assertThrows(IllegalStateException.class, search::iterate);
        double last = 0;
        for (int t = 0; t < h; t++) {
            last += previous.nextStd()[t] / h;
        }
        // measured: 1.83 N after 5 rounds, from 5 N
        assertTrue(last < 0.5 * 5.0, "the population contracts: mean std " + last);
        Plan plan = search.finish();
        assertThrows(IllegalStateException.class, search::finish);
        assertArrayEquals(previous.nextMean(), plan.actions(), 0);
        // the next control step starts from the plan shifted one step forward, 0 appended
        Iteration next = planner.begin(START, rng, false).iterate();
        double[] shifted = new double[h];
        System.arraycopy(plan.actions(), 1, shifted, 0, h - 1);
        assertArrayEquals(shifted, next.mean(), 0);
        assertFalse(next.hasStates());
        planner.reset();
        assertArrayEquals(new double[h], planner.begin(START, rng, false).iterate().mean(), 0);
    }

    @Test
    void aPlanIsTheSameBitsForTheSameSeedWhateverTheExecutor() {
        BalanceTask task = BalanceTask.cartPoleV1();
        TransitionModel truth = TransitionModelSpec.trueDynamics().fit(task, List.of(), null, Runnable::run);
        PlannerSettings settings = PlannerSettings.balance().withHorizon(20).withPropagation(Propagation.MEAN, 1);
        double[] start = {0.01, 0.02, 0.04, -0.03};
        Plan a = Planner.create(task, truth, settings, Runnable::run).plan(start, new SplitMix64(8));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Plan b;
        try {
            b = Planner.create(task, truth, settings, pool).plan(start, new SplitMix64(8));
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(a.actions(), b.actions(), 0);
        assertEquals(a.predictedReturn(), b.predictedReturn(), 0);
        // with the true physics the predicted return is the real one: 20 steps balanced
        assertEquals(OpenLoop.trueReturn(task, start, a.actions()), a.predictedReturn(), 0);
        assertEquals(20, a.predictedReturn(), 0);
    }

    @Test
    void settingsAreValidatedAndHaveTheIssuesDefaults() {
        PlannerSettings s = PlannerSettings.swingUp();
        assertEquals(List.of(15, 200, 20, 5, 5), List.of(s.horizon(), s.population(), s.elites(), s.iterations(),
                s.particles()));
        assertEquals(Propagation.TS_INF, s.propagation());
        PlannerSettings b = PlannerSettings.defaults(BalanceTask.cartPoleV1());
        assertEquals(List.of(50, 100, 10, 4), List.of(b.horizon(), b.population(), b.elites(), b.iterations()));
        assertEquals(1000, s.sequencesPerStep());
        assertThrows(IllegalArgumentException.class, () -> s.withElites(201));
        assertThrows(IllegalArgumentException.class, () -> s.withPropagation(Propagation.MEAN, 5));
        assertThrows(IllegalArgumentException.class, () -> s.withAlpha(1));
        assertThrows(IllegalArgumentException.class, () -> s.withHorizon(0));
        assertEquals(PlannerKind.RANDOM_SHOOTING, PlannerKind.fromId("rs"));
        assertEquals(Propagation.TS_INF, Propagation.fromId("tsinf"));
        assertThrows(IllegalArgumentException.class, () -> Propagation.fromId("ts2"));
    }
}
