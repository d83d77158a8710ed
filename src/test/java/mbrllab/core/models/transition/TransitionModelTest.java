package mbrllab.core.models.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.random.SplitMix64;

class TransitionModelTest {

    /** A quick ensemble: 3 members, 800 Adam steps each. */
    static final EnsembleTransitionSpec QUICK = new EnsembleTransitionSpec(
            EnsembleSpec.dynamics().withMembers(3).withEpochs(1).withMinSteps(800));

    /** {@code episodes} swing-up episodes under uniform random forces: the observed (noisy) trajectories. */
    static List<TaskEpisode> randomEpisodes(CartPoleTask task, int episodes, long seed) {
        SplitMix64 forces = new SplitMix64(seed);
        SplitMix64 world = new SplitMix64(seed + 1);
        List<TaskEpisode> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            out.add(TaskEpisode.run(task, (o, t) -> task.maxForce() * (2 * forces.nextDouble() - 1), world));
        }
        return out;
    }

    static List<Trajectory> observed(List<TaskEpisode> episodes) {
        List<Trajectory> out = new ArrayList<>();
        for (TaskEpisode e : episodes) {
            out.add(e.observed());
        }
        return out;
    }

    @Test
    void dataAreAngleFeaturesAndStateDifferences() {
        Trajectory t = new Trajectory(new double[] {1, 2, 0.5, 4, 1.5, 2.5, 0.25, 3, 0, 0, 0, 0}, new double[] {7, -3});
        Dataset d = TransitionData.of(List.of(t));
        assertEquals(2, d.size());
        assertEquals(6, d.inputDim());
        assertEquals(4, d.outputDim());
        double[] x0 = {1, 2, 4, Math.sin(0.5), Math.cos(0.5), 7};
        for (int j = 0; j < 6; j++) {
            assertEquals(x0[j], d.x(0, j), 0);
        }
        assertEquals(0.5, d.y(0, 0), 0);
        assertEquals(0.5, d.y(0, 1), 0);
        assertEquals(-0.25, d.y(0, 2), 0);
        assertEquals(-1, d.y(0, 3), 0);
        assertEquals(-3, d.x(1, 5), 0);
        assertEquals(-3, d.y(1, 3), 0);
        assertEquals(2, TransitionData.count(List.of(t)));
        assertThrows(IllegalArgumentException.class, () -> TransitionData.of(List.of()));
    }

    @Test
    void theTrueModelIsTheTasksPhysicsWithItsClipping() {
        for (CartPoleTask task : new CartPoleTask[] {SwingUpTask.pilco(), BalanceTask.cartPoleV1()}) {
            TransitionModel model = TransitionModelSpec.trueDynamics().fit(task, List.of(), null, Runnable::run);
            assertEquals(TransitionModelKind.TRUE, model.kind());
            assertEquals(1, model.members());
            assertFalse(model.stochastic());
            double[] states = {0.1, -0.2, 0.05, 0.3, -0.4, 1, -0.02, -2, 0, 0, 0, 0};
            double[] forces = {3, -25, 10};
            double[] next = new double[12];
            model.stepper(2).predict(0, states, forces, 3, next);
            double[] work = new double[task.workLength()];
            for (int r = 0; r < 3; r++) {
                double[] s = java.util.Arrays.copyOfRange(states, 4 * r, 4 * r + 4);
                task.step(s, forces[r], work);
                assertArrayEquals(s, java.util.Arrays.copyOfRange(next, 4 * r, 4 * r + 4), 0);
            }
            // -25 N is clipped to -10 N
            double[] clipped = new double[4];
            model.predict(0, java.util.Arrays.copyOfRange(states, 4, 8), new double[] {-10}, 1, clipped);
            assertArrayEquals(java.util.Arrays.copyOfRange(next, 4, 8), clipped, 0);
            // in place, and sampling is the prediction without a draw
            SplitMix64 rng = new SplitMix64(1);
            long before = rng.state();
            double[] inPlace = states.clone();
            model.stepper(8).sample(0, inPlace, forces, 3, inPlace, rng);
            assertArrayEquals(next, inPlace, 0);
            assertEquals(before, rng.state());
            assertThrows(IndexOutOfBoundsException.class, () -> model.predict(1, states, forces, 1, next));
        }
    }

    @Test
    void theEnsembleStepsByItsMembersStateChangeAndSamplesWithItsVariance() {
        SwingUpTask task = SwingUpTask.pilco();
        List<Trajectory> data = observed(randomEpisodes(task, 4, 11));
        EnsembleTransitionModel model = QUICK.fit(task, data, new SplitMix64(3), Runnable::run);
        assertEquals(TransitionModelKind.ENSEMBLE, model.kind());
        assertEquals(3, model.members());
        assertTrue(model.stochastic());
        int n = 21;
        SplitMix64 rng = new SplitMix64(4);
        double[] states = new double[n * 4];
        double[] forces = new double[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 4; i++) {
                states[r * 4 + i] = rng.nextGaussian();
            }
            forces[r] = 10 * (2 * rng.nextDouble() - 1);
        }
        double[] features = new double[n * 6];
        for (int r = 0; r < n; r++) {
            TransitionData.features(states, r * 4, forces[r], features, r * 6);
        }
        for (int b = 0; b < 3; b++) {
            double[] mu = new double[n * 4];
            double[] var = new double[n * 4];
            model.ensemble().predictMember(b, features, mu, var);
            double[] next = new double[n * 4];
            model.stepper(5).predict(b, states, forces, n, next);
            for (int e = 0; e < n * 4; e++) {
                assertEquals(states[e] + mu[e], next[e], 0, "mean step, member " + b);
            }
            SplitMix64 noise = new SplitMix64(100 + b);
            SplitMix64 z = noise.copy();
            double[] sampled = states.clone();
            model.stepper(64).sample(b, sampled, forces, n, sampled, noise);
            for (int e = 0; e < n * 4; e++) {
                assertEquals(states[e] + (mu[e] + Math.sqrt(var[e]) * z.nextGaussian()), sampled[e], 0,
                        "sample, member " + b);
            }
            assertEquals(z.state(), noise.state(), "one normal per row and component");
        }
    }

    @Test
    void theFittedEnsemblePredictsHeldOutStepsFarBetterThanNoChange() {
        SwingUpTask task = SwingUpTask.pilco();
        List<TaskEpisode> episodes = randomEpisodes(task, 10, 21);
        EnsembleTransitionModel model = QUICK.fit(task, observed(episodes.subList(0, 8)), new SplitMix64(1),
                Runnable::run);
        TransitionModel.Stepper stepper = model.stepper(64);
        double errorModel = 0;
        double errorStill = 0;
        for (TaskEpisode e : episodes.subList(8, 10)) {
            Trajectory truth = e.truth();
            int n = truth.length();
            double[] states = java.util.Arrays.copyOf(truth.states(), n * 4);
            double[] next = new double[n * 4];
            double[] mean = new double[n * 4];
            for (int b = 0; b < model.members(); b++) {
                stepper.predict(b, states, truth.actions(), n, next);
                for (int i = 0; i < n * 4; i++) {
                    mean[i] += next[i] / model.members();
                }
            }
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < 4; i++) {
                    double actual = truth.state(t + 1, i);
                    errorModel += Math.pow(mean[t * 4 + i] - actual, 2);
                    errorStill += Math.pow(states[t * 4 + i] - actual, 2);
                }
            }
        }
        // measured: 8.3% with these seeds (320 noisy transitions, 3 members of 800 steps)
        assertTrue(errorModel < 0.15 * errorStill, "squared error " + errorModel + " against " + errorStill
                + " for 'nothing changes'");
    }

    @Test
    void fittingIsReproducibleWhateverTheExecutor() {
        SwingUpTask task = SwingUpTask.pilco();
        List<Trajectory> data = observed(randomEpisodes(task, 2, 5));
        double[] s = {0.1, 0.2, 2.0, -1};
        double[] u = {4};
        double[] serial = new double[4];
        double[] parallel = new double[4];
        QUICK.fit(task, data, new SplitMix64(7), Runnable::run).predict(2, s, u, 1, serial);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            QUICK.fit(task, data, new SplitMix64(7), pool).predict(2, s, u, 1, parallel);
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(serial, parallel, 0);
    }

    @Test
    void kindsHaveStableKeys() {
        assertEquals(TransitionModelKind.ENSEMBLE, TransitionModelKind.fromId("ensemble"));
        assertEquals(TransitionModelKind.SINGLE, TransitionModelKind.fromId("SINGLE"));
        assertEquals(TransitionModelKind.TRUE, TransitionModelKind.fromId("true"));
        assertEquals("single", TransitionModelKind.SINGLE.id());
        assertThrows(IllegalArgumentException.class, () -> TransitionModelKind.fromId("gp"));
        assertThrows(IllegalArgumentException.class, () -> new EnsembleTransitionSpec(null));
        assertEquals(TransitionModelKind.ENSEMBLE, TransitionModelSpec.ensemble().kind());
    }
}
