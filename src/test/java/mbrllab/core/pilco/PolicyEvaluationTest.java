package mbrllab.core.pilco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.random.SplitMix64;

class PolicyEvaluationTest {

    static final SwingUpTask TASK = SwingUpTask.pilco();

    /** Two episodes of uniformly random forces, as the learner observed them (80 transitions). */
    static List<Trajectory> randomData(long seed) {
        List<Trajectory> data = new ArrayList<>();
        SplitMix64 forces = new SplitMix64(seed);
        for (int e = 0; e < 2; e++) {
            TaskEpisode ep = TaskEpisode.run(TASK, (o, t) -> 10 * (2 * forces.nextDouble() - 1),
                    new SplitMix64(seed + 10 + e));
            data.add(ep.observed());
        }
        return data;
    }

    /** Fixed, plausible hyperparameters (no training), per output x, x', theta, theta'. */
    static GpDynamics dynamics(long seed) {
        SeHyperparameters[] h = new SeHyperparameters[4];
        double[] sf = {0.15, 0.6, 0.3, 1.2};
        for (int a = 0; a < 4; a++) {
            h[a] = new SeHyperparameters(new double[] {2.0, 3.0, 6.0, 0.9, 0.8, 9.0}, sf[a], 0.01 + 0.002 * a);
        }
        return GpDynamics.condition(randomData(seed), h);
    }

    static double[] startCov() {
        double[] s = new double[16];
        for (int i = 0; i < 4; i++) {
            s[i * 4 + i] = 0.01;
        }
        return s;
    }

    /**
     * The gradient of J by the backward pass against central differences (h = 1e-6) in all 23 parameters of a policy
     * with 3 centres, over 8 steps, for both propagations. Largest error observed: about 2e-9 relative.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        GpDynamics model = dynamics(1);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(3, 21);
        for (Propagation propagation : Propagation.values()) {
            PolicyEvaluation eval = new PolicyEvaluation(model, TASK, 8, 3, propagation, new double[4], startCov());
            assertGradientMatchesCentralDifferences(eval, policy.parameters(), propagation + ": ");
        }
    }

    /** The backward pass's gradient of J against central differences (h = 1e-6), parameter by parameter. */
    private static void assertGradientMatchesCentralDifferences(PolicyEvaluation eval, double[] theta, String what) {
        double[] grad = new double[theta.length];
        double j = eval.valueAndGradient(theta, grad, Runnable::run);
        assertEquals(eval.value(theta, Runnable::run), j, 0.0, what + "the same J with and without the gradient");
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double[] p = theta.clone();
            double[] q = theta.clone();
            p[i] += h;
            q[i] -= h;
            double fd = (eval.value(p, Runnable::run) - eval.value(q, Runnable::run)) / (2 * h);
            assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), what + "dJ/dtheta_" + i);
        }
    }

    /** The GPs of {@link #dynamics} with the noise of every output set to {@code noiseStd}. */
    static GpDynamics noisyDynamics(long seed, double noiseStd) {
        GpDynamics plain = dynamics(seed);
        SeHyperparameters[] h = new SeHyperparameters[4];
        for (int a = 0; a < 4; a++) {
            SeHyperparameters p = plain.hyperparameters(a);
            h[a] = new SeHyperparameters(p.lengthScales(), p.signalStd(), noiseStd * (1 + 0.5 * a));
        }
        return GpDynamics.condition(randomData(seed), h);
    }

    /** Moment matching over 8 steps with a 3-centre policy from the start distribution. */
    private static PolicyEvaluation eightSteps(GpDynamics model) {
        return new PolicyEvaluation(model, TASK, 8, 3, Propagation.MOMENT_MATCHING, new double[4], startCov());
    }

    /**
     * With GP noise large enough to matter (sigma_n from 0.3 to 0.75, so the policy sees the state with variances
     * 0.045 to 0.28 added, more than the start's 0.01), the backward pass still matches central differences in all
     * 23 parameters over 8 steps.
     */
    @Test
    void gradientMatchesFiniteDifferencesWithThePolicysObservationNoise() {
        GpDynamics model = noisyDynamics(5, 0.3);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(3, 26);
        PolicyEvaluation eval = eightSteps(model);
        assertEquals(0.3 * 0.3 / 2, eval.policyNoise(0), 1e-15);
        assertEquals(0.75 * 0.75 / 2, eval.policyNoise(3), 1e-15);
        assertGradientMatchesCentralDifferences(eval, policy.parameters(), "");
    }

    /**
     * pilco-matlab's exploration parameter b: J = sum_t E[c_t] + b sd[c_t], from the same forward pass as the
     * prediction, and its gradient matches central differences; the prediction keeps E[c] (b = 0's total).
     */
    @Test
    void theExplorationTermEntersJAndItsGradient() {
        GpDynamics model = noisyDynamics(5, 0.3);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(3, 26);
        PolicyEvaluation plain = eightSteps(model);
        PolicyEvaluation explore = new PolicyEvaluation(model, TASK, 8, 3, Propagation.MOMENT_MATCHING,
                new double[4], startCov(), -0.2);
        double[] theta = policy.parameters();
        PolicyEvaluation.Prediction p = explore.predict(theta, Runnable::run);
        double expected = 0;
        for (int t = 1; t <= p.horizon(); t++) {
            expected += p.costMean(t) - 0.2 * Math.sqrt(p.costVar(t));
        }
        assertEquals(expected, explore.value(theta, Runnable::run), 1e-12);
        assertEquals(plain.value(theta, Runnable::run), p.totalCost(), 1e-12);
        assertTrue(expected < p.totalCost() - 1e-3, "the term matters here: " + expected + " against " + p.totalCost());
        assertGradientMatchesCentralDifferences(explore, theta, "");
    }

    /**
     * The first force's moments are those of the policy on N(m_0, S_0 + diag(sigma_n^2 / 2)) (pilco-matlab 0.9's
     * propagated), computed here from the blocks, and not those on the noise-free N(m_0, S_0); with the mean alone
     * the policy sees no noise.
     */
    @Test
    void thePolicySeesTheStateThroughHalfTheGpNoise() {
        GpDynamics model = noisyDynamics(6, 0.3);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(4, 27);
        double[] m0 = {0.1, -0.2, 0.3, 0.4};
        double[] withNoise = startCov();
        for (int a = 0; a < 4; a++) {
            double sn = 0.3 * (1 + 0.5 * a);
            withNoise[a * 4 + a] += sn * sn / 2;
        }
        double[] expected = forceMoments(policy, m0, withNoise);
        double[] noiseFree = forceMoments(policy, m0, startCov());
        PolicyEvaluation eval = new PolicyEvaluation(model, TASK, 1, 4, Propagation.MOMENT_MATCHING, m0, startCov());
        PolicyEvaluation.Prediction p = eval.predict(policy.parameters(), Runnable::run);
        assertEquals(expected[0], p.forceMean()[0], 1e-12);
        assertEquals(expected[1], p.forceVar()[0], 1e-12);
        assertTrue(Math.abs(expected[0] - noiseFree[0]) > 0.05, "the noise changes E[u_0]: " + expected[0]
                + " against " + noiseFree[0]);
        PolicyEvaluation mean = new PolicyEvaluation(model, TASK, 1, 4, Propagation.MEAN, m0, startCov());
        assertEquals(0, mean.policyNoise(2), 0.0);
        assertEquals(policy.force(m0), mean.predict(policy.parameters(), Runnable::run).forceMean()[0], 1e-12);
    }

    /** E[u] and Var[u] of the squashed policy for s ~ N(m, S), from the blocks. */
    private static double[] forceMoments(RbfPolicy policy, double[] m, double[] s) {
        TrigAugmentation trig = new TrigAugmentation(4, 2);
        trig.forward(m, s);
        int[] pick = {0, 1, 3, 4, 5};
        double[] zm = new double[5];
        double[] zs = new double[25];
        for (int i = 0; i < 5; i++) {
            zm[i] = trig.mean[pick[i]];
            for (int j = 0; j < 5; j++) {
                zs[i * 5 + j] = trig.cov[pick[i] * 6 + pick[j]];
            }
        }
        PolicyMoments pm = new PolicyMoments(policy.centres());
        pm.forward(policy.parameters(), zm, zs);
        SineSquash squash = new SineSquash(policy.maxForce());
        squash.forward(pm.mean, pm.variance);
        return new double[] {squash.mean, squash.variance};
    }

    /** With the mean alone, the prediction is the GP mean iterated with the policy's force at each mean state. */
    @Test
    void meanPropagationIsTheDeterministicModelRollout() {
        GpDynamics model = dynamics(2);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(4, 22);
        double[] start = {0.05, -0.1, 0.2, 0.3};
        PolicyEvaluation eval = new PolicyEvaluation(model, TASK, 10, 4, Propagation.MEAN, start, startCov());
        PolicyEvaluation.Prediction p = eval.predict(policy.parameters(), Runnable::run);
        double[] s = start.clone();
        double total = 0;
        for (int t = 1; t <= 10; t++) {
            s = model.meanNextState(s, policy.force(s));
            for (int i = 0; i < 4; i++) {
                assertEquals(s[i], p.mean(t, i), 1e-10, "m_" + t + "[" + i + "]");
                for (int k = 0; k < 4; k++) {
                    assertEquals(0, p.cov(t, i, k), 0.0);
                }
            }
            assertEquals(TASK.cost(s), p.costMean(t), 1e-10);
            assertEquals(0, p.costVar(t), 0.0);
            total += TASK.cost(s);
        }
        assertEquals(total, p.totalCost(), 1e-9);
        assertEquals(0, p.totalCostSd(), 0.0);
    }

    /**
     * One moment-matching step from the start N(0, 0.1^2 I) against Monte Carlo of the same model: s_0 drawn, the
     * policy's force, the GP's posterior mean and latent variance at (s_0, u); E[s_1] and Cov[s_1] by the laws of
     * total expectation and covariance. The joint of (s, sin, cos, u) is treated as Gaussian by PILCO, so the two
     * agree up to that approximation: within 4.5 standard errors plus 2% of the largest variance.
     */
    @Test
    void oneStepAgreesWithMonteCarlo() {
        GpDynamics model = dynamics(3);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(5, 23);
        PolicyEvaluation eval = new PolicyEvaluation(model, TASK, 1, 5, Propagation.MOMENT_MATCHING, new double[4],
                startCov());
        PolicyEvaluation.Prediction p = eval.predict(policy.parameters(), Runnable::run);
        int count = 40_000;
        double[] s0 = MomentBlocksTest.draws(new double[4], startCov(), count, 24);
        double[][] s1 = new double[4][count];
        double[][] latent = new double[4][count];
        double[] in = new double[6 * count];
        double[] one = new double[4];
        for (int r = 0; r < count; r++) {
            System.arraycopy(s0, r * 4, one, 0, 4);
            GpDynamics.input(one, policy.force(one), in, 6 * r);
        }
        double[] mean = new double[count];
        for (int a = 0; a < 4; a++) {
            model.model().output(a).predict(in, mean, latent[a]);
            for (int r = 0; r < count; r++) {
                s1[a][r] = s0[r * 4 + a] + mean[r];
            }
        }
        double largest = 0;
        for (int a = 0; a < 4; a++) {
            largest = Math.max(largest, p.cov(1, a, a));
        }
        double[] avg = new double[4];
        for (int a = 0; a < 4; a++) {
            for (int r = 0; r < count; r++) {
                avg[a] += s1[a][r] / count;
            }
            MomentBlocksTest.assertMonteCarlo(p.mean(1, a), s1[a], 0.02 * Math.sqrt(largest), "E[s_1," + a + "]");
        }
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b <= a; b++) {
                double[] terms = new double[count];
                for (int r = 0; r < count; r++) {
                    terms[r] = (s1[a][r] - avg[a]) * (s1[b][r] - avg[b]) + (a == b ? latent[a][r] : 0);
                }
                MomentBlocksTest.assertMonteCarlo(p.cov(1, a, b), terms, 0.02 * largest, "Cov[s_1," + a + ", s_1,"
                        + b + "]");
            }
        }
        assertTrue(p.costVar(1) >= 0);
    }

    /** The GP step runs in pieces on the executor; a pool gives the same bits as the calling thread. */
    @Test
    void theValueAndGradientDoNotDependOnTheExecutor() {
        GpDynamics model = dynamics(4);
        RbfPolicy policy = MomentBlocksTest.randomPolicy(10, 25);
        PolicyEvaluation eval = new PolicyEvaluation(model, TASK, 15, 10, Propagation.MOMENT_MATCHING,
                new double[4], startCov());
        double[] theta = policy.parameters();
        double[] g1 = new double[theta.length];
        double j1 = eval.valueAndGradient(theta, g1, Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            double[] g2 = new double[theta.length];
            double j2 = eval.valueAndGradient(theta, g2, pool);
            assertEquals(j1, j2, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(g1, g2, 0.0);
        } finally {
            pool.shutdownNow();
        }
    }
}
