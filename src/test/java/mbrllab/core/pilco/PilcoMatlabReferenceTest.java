package mbrllab.core.pilco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.gp.SeHyperparameters;

/**
 * Our policy evaluation against pilco-matlab's own code on the same model and policy: the GPs of seed 1's trial 3
 * (80 observed transitions, their trained hyperparameters) and the policy that trial optimised. The expected values
 * in src/test/resources/pilco/reference were computed by pilco-matlab (a0b48b7: propagate, propagated, gp0d,
 * congp, gSat, loss_cp, value) under GNU Octave 7.3 with src/test/octave/pilco_reference.m, which says what it
 * changes (the policy's 1e-6 variance jitter left out, as here; the noise term put back for the noisy case).
 * Measured agreement: J to 3e-9 (noise-free) and 9e-9 (with noise); the gradient to 1.3e-7 of its largest entry; the
 * means to 1.2e-7, the covariances to 6e-8 (relative above 1), the expected costs to 1.4e-9. The tolerances below
 * leave a factor of about 10 (a wrong block, a missing term or a transposed index is off by 1e-3 or more).
 */
class PilcoMatlabReferenceTest {

    private static final String DIR = "/pilco/reference/";
    private static final int H = 40;
    private static final int K = 10;

    @Test
    void noiseFreeCostAndGradientAreThoseOfPilcoMatlab() throws IOException {
        double[] expected = flatten(load("expected-noise-free.txt"));
        PolicyEvaluation eval = evaluation(false);
        double[] theta = policy();
        double[] grad = new double[theta.length];
        double j = eval.valueAndGradient(theta, grad, Runnable::run);
        assertEquals(expected[0], j, 1e-7, "J (pilco-matlab's value.m)");
        double largest = 0;
        for (int i = 1; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
        }
        assertEquals(theta.length + 1, expected.length, "pilco-matlab's gradient has one entry per parameter");
        for (int i = 0; i < theta.length; i++) {
            assertEquals(expected[i + 1], grad[i], 1e-6 * largest, "dJ/dtheta_" + i + " (pilco-matlab's value.m)");
        }
    }

    @Test
    void noisyPredictionStepByStepIsThatOfPilcoMatlab() throws IOException {
        double[][] expected = load("expected-with-noise.txt");
        PolicyEvaluation eval = evaluation(true);
        PolicyEvaluation.Prediction p = eval.predict(policy(), Runnable::run);
        assertEquals(H + 1, expected.length);
        for (int t = 0; t <= H; t++) {
            for (int i = 0; i < 4; i++) {
                double e = expected[t][i];
                assertEquals(e, p.mean(t, i), 1e-6 * Math.max(1, Math.abs(e)), "m_" + t + "[" + i + "]");
                for (int k = 0; k < 4; k++) {
                    double c = expected[t][4 + i * 4 + k];
                    assertEquals(c, p.cov(t, i, k), 1e-6 * Math.max(1, Math.abs(c)),
                            "S_" + t + "[" + i + "," + k + "]");
                }
            }
            if (t > 0) {
                assertEquals(expected[t][20], p.costMean(t), 1e-8, "E[c(s_" + t + ")]");
                assertEquals(expected[t][21], p.costVar(t), 1e-8, "Var[c(s_" + t + ")]");
            }
        }
    }

    private static PolicyEvaluation evaluation(boolean observationNoise) throws IOException {
        List<Trajectory> observed = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            double[][] rows = load("observed-" + k + ".txt");
            int steps = rows.length - 1;
            double[] states = new double[rows.length * 4];
            double[] forces = new double[steps];
            for (int t = 0; t < rows.length; t++) {
                System.arraycopy(rows[t], 0, states, t * 4, 4);
                if (t < steps) {
                    forces[t] = rows[t][4];
                }
            }
            observed.add(new Trajectory(states, forces));
        }
        double[][] logHyp = load("hyperparameters.txt");
        SeHyperparameters[] hyp = new SeHyperparameters[4];
        for (int a = 0; a < 4; a++) {
            hyp[a] = SeHyperparameters.fromLog(logHyp[a]);
        }
        GpDynamics model = GpDynamics.condition(observed, hyp);
        SwingUpTask task = SwingUpTask.pilco();
        double[] startCov = new double[16];
        for (int i = 0; i < 4; i++) {
            startCov[i * 4 + i] = 0.01;
        }
        return new PolicyEvaluation(model, task, H, K, Propagation.MOMENT_MATCHING, new double[4], startCov, 0,
                observationNoise);
    }

    /** theta in RbfPolicy's order: the file's 10 centre rows, the log length-scales' row, the targets' 2 rows. */
    private static double[] policy() throws IOException {
        double[] theta = flatten(load("policy.txt"));
        assertEquals(RbfPolicy.parameterCount(K), theta.length);
        return theta;
    }

    private static double[] flatten(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    /** The numbers of a whitespace-separated text file, row by row ('#' starts a comment line). */
    private static double[][] load(String name) throws IOException {
        try (InputStream in = PilcoMatlabReferenceTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + DIR + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String s = line.trim();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    rows.add(Arrays.stream(s.split("\\s+")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return rows.toArray(new double[0][]);
        }
    }
}
