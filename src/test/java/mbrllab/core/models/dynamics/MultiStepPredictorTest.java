package mbrllab.core.models.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.Prediction;
import mbrllab.core.models.ensemble.EnsembleModel;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.random.SplitMix64;

/** Multi-step prediction on the swing-up cart-pole with small models fitted once for the class. */
class MultiStepPredictorTest {

    private static final SwingUpSystem SYSTEM = SwingUpSystem.pilco();
    private static List<Trajectory> train;
    private static List<Trajectory> test;
    private static GpModel gp;
    private static EnsembleModel oneMember;
    private static EnsembleModel threeMembers;

    @BeforeAll
    static void fit() {
        train = RandomEpisodes.collect(SYSTEM, 3, 40, RandomEpisodes.PILCO_START_STD, new SplitMix64(1));
        test = RandomEpisodes.collect(SYSTEM, 4, 40, RandomEpisodes.PILCO_START_STD, new SplitMix64(2));
        Dataset data = Transitions.of(train);
        gp = GpSpec.defaults().withRestarts(2).fit(data, new SplitMix64(3));
        EnsembleSpec small = new EnsembleSpec(1, List.of(16, 16), 1, 300, 32, 3e-3, 1e-4, 0.01);
        oneMember = small.fit(data, new SplitMix64(4));
        threeMembers = small.withMembers(3).fit(data, new SplitMix64(5));
    }

    @Test
    void transitionsAreStateDifferences() {
        Dataset data = Transitions.of(train);
        assertEquals(120, data.size());
        assertEquals(5, data.inputDim());
        assertEquals(4, data.outputDim());
        Trajectory t = train.get(1);
        int row = 40 + 7;
        for (int i = 0; i < 4; i++) {
            assertEquals(t.state(7, i), data.x(row, i), 0.0);
            assertEquals(t.state(8, i) - t.state(7, i), data.y(row, i), 0.0);
        }
        assertEquals(t.action(7), data.x(row, 4), 0.0);
        assertTrue(Math.abs(t.action(7)) <= 10);
    }

    /** The member's mean, stepped one query at a time: s_{t+1} = s_t + mu(s_t, u_t). */
    private static double[][] meanRollout(EnsembleModel model, int member, double[] start, double[] actions) {
        double[][] states = new double[actions.length + 1][];
        states[0] = start.clone();
        double[] mean = new double[4];
        double[] var = new double[4];
        for (int t = 0; t < actions.length; t++) {
            double[] q = new double[5];
            Transitions.input(states[t], actions[t], q, 0);
            model.predictMember(member, q, mean, var);
            states[t + 1] = new double[4];
            for (int i = 0; i < 4; i++) {
                states[t + 1][i] = states[t][i] + mean[i];
            }
        }
        return states;
    }

    /**
     * TS-infinity with one member and no aleatoric noise: every particle is the deterministic rollout of that
     * member's mean, to the bit (the batch forward pass computes each row like a single query).
     */
    @Test
    void tsInfWithOneMemberAndNoNoiseIsTheMembersMeanRollout() {
        Trajectory w = test.get(0).window(5, 20);
        double[][] expected = meanRollout(oneMember, 0, w.state(0), w.actions());
        MultiStepPrediction p = MultiStepPredictor.of(oneMember, PredictionMethod.TS_INF, new RolloutSettings(7, false))
                .predict(w.state(0), w.actions(), new SplitMix64(9));
        assertEquals(20, p.horizon());
        assertEquals(7, p.particleCount());
        for (int k = 0; k <= 20; k++) {
            for (int j = 0; j < 7; j++) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(expected[k][i], p.particle(k, j, i), 0.0, "k " + k + " particle " + j);
                }
            }
            assertArrayEquals(expected[k], p.mean(k), 1e-12);
            assertArrayEquals(new double[4], p.variance(k), 1e-20, "all particles agree");
        }
    }

    /** TS-infinity: particle p follows member p mod M all the way; TS1 mixes the members and so makes more paths. */
    @Test
    void tsInfKeepsOneMemberPerParticleAndTs1Mixes() {
        Trajectory w = test.get(1).window(0, 15);
        RolloutSettings noNoise = new RolloutSettings(9, false);
        MultiStepPrediction inf = MultiStepPredictor.of(threeMembers, PredictionMethod.TS_INF, noNoise)
                .predict(w.state(0), w.actions(), new SplitMix64(1));
        for (int member = 0; member < 3; member++) {
            double[][] expected = meanRollout(threeMembers, member, w.state(0), w.actions());
            for (int j = member; j < 9; j += 3) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(expected[15][i], inf.particle(15, j, i), 0.0);
                }
            }
        }
        MultiStepPrediction ts1 = MultiStepPredictor.of(threeMembers, PredictionMethod.TS1, noNoise)
                .predict(w.state(0), w.actions(), new SplitMix64(1));
        Set<Double> firstStep = new HashSet<>();
        for (int member = 0; member < 3; member++) {
            firstStep.add(meanRollout(threeMembers, member, w.state(0), w.actions())[1][0]);
        }
        Set<Double> finalX = new HashSet<>();
        for (int j = 0; j < 9; j++) {
            assertTrue(firstStep.contains(ts1.particle(1, j, 0)), "step 1 is one member's prediction");
            finalX.add(ts1.particle(15, j, 0));
        }
        assertTrue(finalX.size() > 3,
                "9 particles resampling among 3 members take more than 3 paths: " + finalX.size());
    }

    /**
     * Noise handling: with aleatoric noise each particle adds sigma_b(s, u) z at every step, so one step after the
     * known start the particles of a one-member ensemble are N(s_0 + mu, sigma^2): with P = 4,000 the sample
     * variance must be within 10% of sigma^2 (4.5 standard errors of a variance estimate) and the mean within 4.5
     * standard errors of s_0 + mu.
     */
    @Test
    void aleatoricNoiseSpreadsTheParticlesByTheMembersVariance() {
        Trajectory w = test.get(2).window(3, 5);
        double[] q = new double[5];
        Transitions.input(w.state(0), w.action(0), q, 0);
        double[] mean = new double[4];
        double[] var = new double[4];
        oneMember.predictMember(0, q, mean, var);
        MultiStepPrediction p = MultiStepPredictor.of(oneMember, PredictionMethod.TS_INF,
                new RolloutSettings(4000, true)).predict(w.state(0), w.actions(), new SplitMix64(3));
        for (int i = 0; i < 4; i++) {
            double ratio = p.variance(1, i) / var[i];
            assertTrue(Math.abs(ratio - 1) < 0.1, "dimension " + i + ": variance ratio " + ratio);
            double se = Math.sqrt(var[i] / 4000);
            assertEquals(w.state(0)[i] + mean[i], p.mean(1, i), 4.5 * se, "dimension " + i);
        }
        assertTrue(p.variance(5, 2) > p.variance(1, 2), "the spread grows");
    }

    /**
     * One step ahead from a known start, moment matching is the plain GP: mean s_0 + m(s_0, u_0), variance latent +
     * noise. The variances agree to 1e-6 sigma_f^2: moment matching forms sigma_f^2 - tr(K^-1 Q) with an explicit
     * K^-1, the plain GP sigma_f^2 - v'v with a triangular solve, and both cancel most of sigma_f^2 (observed
     * difference about 1.5e-9 on a variance of 2.2e-5).
     */
    @Test
    void momentMatchingFirstStepIsThePlainGpPrediction() {
        Trajectory w = test.get(0).window(10, 12);
        MultiStepPrediction p = MultiStepPredictor.of(gp, PredictionMethod.MOMENT_MATCHING, RolloutSettings.defaults())
                .predict(w.state(0), w.actions(), null);
        double[] q = new double[5];
        Transitions.input(w.state(0), w.action(0), q, 0);
        Prediction plain = gp.predict(q);
        for (int i = 0; i < 4; i++) {
            assertEquals(w.state(0)[i] + plain.mean(0, i), p.mean(1, i), 1e-10);
            double sf2 = Math.pow(gp.output(i).hyperparameters().signalStd(), 2);
            assertEquals(plain.totalVar(0, i), p.variance(1, i), 1e-6 * sf2);
            for (int j = 0; j < i; j++) {
                double sfj = gp.output(j).hyperparameters().signalStd();
                assertEquals(0, p.covariance(1, i, j), 1e-6 * Math.sqrt(sf2) * sfj);
            }
        }
        MultiStepPrediction withoutNoise = MultiStepPredictor.of(gp, PredictionMethod.MOMENT_MATCHING,
                new RolloutSettings(1, false)).predict(w.state(0), w.actions(), null);
        assertEquals(plain.epistemicVar(0, 2), withoutNoise.variance(1, 2),
                1e-6 * Math.pow(gp.output(2).hyperparameters().signalStd(), 2));
        for (int k = 2; k <= 12; k++) {
            assertTrue(p.variance(k, 2) >= p.variance(k - 1, 2) * 0.5, "no collapse");
        }
        assertTrue(p.variance(12, 2) > 10 * p.variance(1, 2), "the angle's variance grows with the horizon");
    }

    /**
     * Two steps ahead, moment matching is exact for the GP's particles: the particles at step 1 are exactly
     * N(mu_1, Sigma_1) (from a known start f is Gaussian), and moment matching gives the exact mean and covariance
     * of s_1 + f(s_1, u_1) under that Gaussian, which is what independent draws of f per particle sample. With
     * P = 20,000 particles, each mean and variance at k = 2 within 4.5 standard errors.
     */
    @Test
    void momentMatchingAgreesWithGpParticlesTwoStepsAhead() {
        Trajectory w = test.get(3).window(8, 2);
        RolloutSettings settings = new RolloutSettings(20_000, true);
        MultiStepPrediction mm = MultiStepPredictor.of(gp, PredictionMethod.MOMENT_MATCHING, settings)
                .predict(w.state(0), w.actions(), null);
        MultiStepPrediction particles = MultiStepPredictor.of(gp, PredictionMethod.TS1, settings)
                .predict(w.state(0), w.actions(), new SplitMix64(4));
        int n = particles.particleCount();
        for (int i = 0; i < 4; i++) {
            double v = mm.variance(2, i);
            assertEquals(mm.mean(2, i), particles.mean(2, i), 4.5 * Math.sqrt(v / n), "mean " + i);
            double fourth = 0;
            for (int j = 0; j < n; j++) {
                double e = particles.particle(2, j, i) - particles.mean(2, i);
                fourth += e * e * e * e;
            }
            double seVar = Math.sqrt((fourth / n - v * v) / n);
            assertEquals(v, particles.variance(2, i), 4.5 * seVar, "variance " + i);
        }
    }

    @Test
    void compoundingErrorGrowsWithTheHorizonAndDoesNotDependOnTheExecutor() {
        List<Trajectory> windows = HeldOut.windows(test, 20, new SplitMix64(6));
        MultiStepPredictor mm = MultiStepPredictor.of(gp, PredictionMethod.MOMENT_MATCHING, RolloutSettings.defaults());
        CompoundingError e = CompoundingError.evaluate(mm, windows, 1, Runnable::run, () -> false, done -> { });
        assertEquals(20, e.horizon());
        assertTrue(e.rmse(20) > 3 * e.rmse(1), "rmse " + e.rmse(1) + " -> " + e.rmse(20));
        for (int k = 1; k <= 20; k++) {
            assertTrue(Double.isFinite(e.nll(k)));
        }
        MultiStepPredictor ts1 = MultiStepPredictor.of(threeMembers, PredictionMethod.TS1,
                new RolloutSettings(20, true));
        CompoundingError serial = CompoundingError.evaluate(ts1, windows, 7, Runnable::run, () -> false, done -> { });
        CompoundingError pooled = CompoundingError.evaluate(ts1, windows, 7, ForkJoinPool.commonPool(), () -> false,
                done -> { });
        assertArrayEquals(serial.rmse(), pooled.rmse(), 0.0);
        assertArrayEquals(serial.nll(), pooled.nll(), 0.0);
        assertThrows(java.util.concurrent.CancellationException.class,
                () -> CompoundingError.evaluate(ts1, windows, 7, Runnable::run, () -> true, done -> { }));
    }

    /** sum_i 1/2 [log(2 pi v) + e^2 / v] by hand, and the floor on a collapsed variance. */
    @Test
    void gaussianNllByHand() {
        double nll = CompoundingError.gaussianNll(new double[] {0, 1}, new double[] {1, 4}, new double[] {1, 0});
        assertEquals(0.5 * (Math.log(2 * Math.PI) + 1) + 0.5 * (Math.log(8 * Math.PI) + 0.25), nll, 1e-12);
        double floored = CompoundingError.gaussianNll(new double[] {0}, new double[] {0}, new double[] {0});
        assertEquals(0.5 * Math.log(2 * Math.PI * CompoundingError.VARIANCE_FLOOR), floored, 1e-12);
    }

    @Test
    void methodsThatDoNotFitTheModelAreRefused() {
        RolloutSettings s = RolloutSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> MultiStepPredictor.of(gp, PredictionMethod.TS_INF, s));
        assertThrows(IllegalArgumentException.class,
                () -> MultiStepPredictor.of(oneMember, PredictionMethod.MOMENT_MATCHING, s));
        assertEquals(PredictionMethod.TS_INF, PredictionMethod.fromKey("TSinf"));
        assertThrows(IllegalArgumentException.class, () -> PredictionMethod.fromKey("ts2"));
        assertThrows(IllegalArgumentException.class, () -> new RolloutSettings(0, true));
    }
}
