package mbrllab.core.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.transition.EnsembleTransitionSpec;
import mbrllab.core.models.transition.TransitionModel;
import mbrllab.core.models.transition.TransitionModelSpec;
import mbrllab.core.random.SplitMix64;

class SequenceScorerTest {

    /** count x H forces uniform in [-10, 10]. */
    static double[] randomSequences(int count, int h, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] u = new double[count * h];
        for (int i = 0; i < u.length; i++) {
            u[i] = 10 * (2 * rng.nextDouble() - 1);
        }
        return u;
    }

    @Test
    void withTheTrueModelJIsTheOpenLoopReturnExactly() {
        for (CartPoleTask task : new CartPoleTask[] {SwingUpTask.pilco(), BalanceTask.cartPoleV1()}) {
            TransitionModel truth = TransitionModelSpec.trueDynamics().fit(task, List.of(), null, Runnable::run);
            int h = 30;
            int count = 13;
            SequenceScorer scorer = new SequenceScorer(task, truth, h, 1, Propagation.MEAN, count);
            double[] start = task instanceof SwingUpTask ? new double[] {0.1, 0, 2.9, 0.5}
                    : new double[] {0.02, 0.1, 0.03, -0.2};
            double[] u = randomSequences(count, h, 4);
            double[] j = new double[count];
            double[] states = new double[count * (h + 1) * 4];
            scorer.score(start, u, count, j, states, new SplitMix64(1), Runnable::run);
            int terminated = 0;
            for (int c = 0; c < count; c++) {
                double[] seq = java.util.Arrays.copyOfRange(u, c * h, c * h + h);
                assertEquals(OpenLoop.trueReturn(task, start, seq), j[c], 0, "sequence " + c);
                // the recorded states are the true rollout
                double[] s = start.clone();
                double[] work = new double[task.workLength()];
                assertArrayEquals(s, java.util.Arrays.copyOfRange(states, c * (h + 1) * 4, c * (h + 1) * 4 + 4), 0);
                for (int t = 0; t < h; t++) {
                    task.step(s, seq[t], work);
                    int at = (c * (h + 1) + t + 1) * 4;
                    assertArrayEquals(s, java.util.Arrays.copyOfRange(states, at, at + 4), 0);
                }
                if (j[c] < h) {
                    terminated++;
                }
            }
            if (task instanceof BalanceTask) {
                assertTrue(terminated > 0, "random forces for 0.6 s topple the pole in some sequences");
            }
        }
    }

    @Test
    void particlesAreAveragedAndKeepOrPickTheirMembersAsThePropagationSays() {
        // swing-up reward with the pole upright: r = exp(-x^2 / (2 * 0.25^2)); member b moves x by 0.01 (b + 1)
        SwingUpTask task = SwingUpTask.pilco();
        int h = 6;
        int members = 3;
        DriftModel model = new DriftModel(members, 0.01, 0, -1);
        double[] start = {0, 0, Math.PI, 0};
        double[] u = new double[2 * h];
        // TS-infinity: particle i keeps member i mod 3, so its x after t steps is 0.01 (i mod 3 + 1) t
        int n = 5;
        SequenceScorer ts = new SequenceScorer(task, model, h, n, Propagation.TS_INF, 2);
        double[] j = new double[2];
        double[] states = new double[2 * n * (h + 1) * 4];
        ts.score(start, u, 2, j, states, new SplitMix64(2), Runnable::run);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 1; t <= h; t++) {
                double x = 0.01 * (i % members + 1) * t;
                assertEquals(x, states[((1 * n + i) * (h + 1) + t) * 4], 1e-12, "particle " + i + " step " + t);
                expected += task.reward(new double[] {x, 0, Math.PI, 0});
            }
        }
        assertEquals(expected / n, j[0], 1e-12);
        assertEquals(j[0], j[1], 0);
        // mean: one particle moves by the members' average, 0.02 per step
        SequenceScorer mean = new SequenceScorer(task, model, h, 1, Propagation.MEAN, 2);
        double[] meanStates = new double[2 * (h + 1) * 4];
        mean.score(start, u, 2, j, meanStates, new SplitMix64(2), Runnable::run);
        assertEquals(0.02 * h, meanStates[h * 4], 1e-12);
        // TS1: every particle picks a member uniformly at every step: the steps of 0.01, 0.02 and 0.03 each
        // come up a third of the time
        int count = 200;
        SequenceScorer ts1 = new SequenceScorer(task, model, h, n, Propagation.TS1, count);
        double[] many = new double[count * n * (h + 1) * 4];
        ts1.score(start, new double[count * h], count, new double[count], many, new SplitMix64(3), Runnable::run);
        int[] seen = new int[members];
        int total = 0;
        for (int p = 0; p < count * n; p++) {
            for (int t = 0; t < h; t++) {
                double dx = many[(p * (h + 1) + t + 1) * 4] - many[(p * (h + 1) + t) * 4];
                int b = (int) Math.round(dx / 0.01) - 1;
                seen[b]++;
                total++;
            }
        }
        for (int b = 0; b < members; b++) {
            // binomial with p = 1/3 over 6,000 draws: standard deviation about 37
            assertEquals(total / 3.0, seen[b], 5 * Math.sqrt(total * (1 / 3.0) * (2 / 3.0)), "member " + b);
        }
    }

    @Test
    void aTerminatedOrDivergedParticleEarnsNothingAfter() {
        // balance (terminal when |x| > 2.4), 20 steps: member 0 moves x by 0.1 per step, member 1 by 0.2,
        // member 2 answers NaN
        BalanceTask task = new BalanceTask(new BalanceSystem(9.8, 1.0, 0.1, 0.5, 10.0, 0.02, 12, 2.4, 500), 10);
        DriftModel shifted = new DriftModel(3, 0.1, 0, 2);
        int h = 20;
        double[] start = {0, 0, 0, 0};
        double[] j = new double[1];
        new SequenceScorer(task, shifted, h, 3, Propagation.TS_INF, 1).score(start, new double[h], 1, j, null,
                new SplitMix64(1), Runnable::run);
        // member 0: 20 steps alive (x = 2.0); member 1: x = 0.2 t > 2.4 from t = 13 on: earns steps 1..13;
        // member 2: NaN at step 1, earns nothing
        assertEquals((20 + 13 + 0) / 3.0, j[0], 1e-12);
    }

    @Test
    void theSameBitsWhateverTheExecutorAndAFixedDrawPerPiece() throws Exception {
        SwingUpTask task = SwingUpTask.pilco();
        SplitMix64 forces = new SplitMix64(1);
        SplitMix64 world = new SplitMix64(2);
        List<Trajectory> data = new java.util.ArrayList<>();
        for (int e = 0; e < 2; e++) {
            data.add(TaskEpisode.run(task, (o, t) -> 10 * (2 * forces.nextDouble() - 1), world).observed());
        }
        TransitionModel model = new EnsembleTransitionSpec(EnsembleSpec.dynamics().withMembers(3).withEpochs(1)
                .withMinSteps(100)).fit(task, data, new SplitMix64(3), Runnable::run);
        int h = 8;
        int count = 37;
        double[] u = randomSequences(count, h, 9);
        double[] start = {0.05, -0.1, 0.2, 0.3};
        for (Propagation p : new Propagation[] {Propagation.TS1, Propagation.TS_INF, Propagation.MEAN}) {
            int n = p == Propagation.MEAN ? 1 : 4;
            SequenceScorer a = new SequenceScorer(task, model, h, n, p, count);
            SequenceScorer b = new SequenceScorer(task, model, h, n, p, count);
            double[] ja = new double[count];
            double[] jb = new double[count];
            double[] sa = new double[count * n * (h + 1) * 4];
            double[] sb = new double[count * n * (h + 1) * 4];
            SplitMix64 ra = new SplitMix64(11);
            SplitMix64 rb = new SplitMix64(11);
            a.score(start, u, count, ja, sa, ra, Runnable::run);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                b.score(start, u, count, jb, sb, rb, pool);
            } finally {
                pool.shutdownNow();
            }
            assertArrayEquals(ja, jb, 0, p.id());
            assertArrayEquals(sa, sb, 0, p.id());
            SplitMix64 expected = new SplitMix64(11);
            for (int k = 0; k < SequenceScorer.PIECES; k++) {
                expected.nextLong();
            }
            assertEquals(expected.state(), ra.state(), "one draw per piece");
            for (double v : ja) {
                assertTrue(Double.isFinite(v) && v >= 0 && v <= h);
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        SwingUpTask task = SwingUpTask.pilco();
        TransitionModel truth = TransitionModelSpec.trueDynamics().fit(task, List.of(), null, Runnable::run);
        assertThrows(IllegalArgumentException.class,
                () -> new SequenceScorer(task, truth, 5, 5, Propagation.TS_INF, 4));
        assertThrows(IllegalArgumentException.class, () -> new SequenceScorer(task, truth, 5, 1, Propagation.TS1, 4));
        SequenceScorer s = new SequenceScorer(task, truth, 5, 1, Propagation.MEAN, 4);
        assertThrows(IllegalArgumentException.class, () -> s.score(new double[4], new double[25], 5, new double[5],
                null, new SplitMix64(1), Runnable::run));
        assertThrows(IllegalArgumentException.class, () -> s.score(new double[4], new double[10], 3, new double[3],
                null, new SplitMix64(1), Runnable::run));
    }
}
