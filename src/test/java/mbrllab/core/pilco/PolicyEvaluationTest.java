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
            double[] theta = policy.parameters();
            double[] grad = new double[theta.length];
            double j = eval.valueAndGradient(theta, grad, Runnable::run);
            assertEquals(eval.value(theta, Runnable::run), j, 0.0, "the same J with and without the gradient");
            double h = 1e-6;
            for (int i = 0; i < theta.length; i++) {
                double[] p = theta.clone();
                double[] q = theta.clone();
                p[i] += h;
                q[i] -= h;
                double fd = (eval.value(p, Runnable::run) - eval.value(q, Runnable::run)) / (2 * h);
                assertEquals(fd, grad[i], 1e-6 * Math.max(1, Math.abs(fd)), propagation + ": dJ/dtheta_" + i);
            }
        }
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
