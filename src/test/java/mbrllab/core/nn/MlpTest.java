package mbrllab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class MlpTest {

    private static double swish(double z) {
        return z / (1 + Math.exp(-z));
    }

    /**
     * A 2 -> 2 -> 1 net with chosen weights, computed by hand: z1 = x W1 + b1, a1 = swish(z1), out = a1 W2 + b2.
     */
    @Test
    void forwardIsTheFormulaByHand() {
        Mlp net = new Mlp(2, new int[] {2}, 1);
        assertEquals(2 * 2 + 2 + 2 * 1 + 1, net.parameterCount());
        // W1 = [[0.5, -1], [2, 0.25]] (row i = input i), b1 = [0.1, -0.2], W2 = [[1.5], [-0.7]], b2 = [0.3]
        double[] theta = {0.5, -1, 2, 0.25, 0.1, -0.2, 1.5, -0.7, 0.3};
        double[] x = {0.4, -0.3, 1.0, 2.0};
        Mlp.Workspace ws = net.workspace(2);
        net.forward(theta, x, null, 0, 2, ws);
        for (int b = 0; b < 2; b++) {
            double x0 = x[2 * b];
            double x1 = x[2 * b + 1];
            double h0 = swish(x0 * 0.5 + x1 * 2 + 0.1);
            double h1 = swish(x0 * -1 + x1 * 0.25 - 0.2);
            assertEquals(h0 * 1.5 + h1 * -0.7 + 0.3, net.output(ws, b)[0], 1e-14);
        }
        // rows pick samples out of order
        net.forward(theta, x, new int[] {7, 1, 0}, 1, 2, ws);
        double h0 = swish(1.0 * 0.5 + 2.0 * 2 + 0.1);
        double h1 = swish(1.0 * -1 + 2.0 * 0.25 - 0.2);
        assertEquals(h0 * 1.5 + h1 * -0.7 + 0.3, net.output(ws, 0)[0], 1e-14);
    }

    /** With no hidden layer the net is linear: out = x W + b. */
    @Test
    void withoutHiddenLayersTheNetIsLinear() {
        Mlp net = new Mlp(3, new int[] {}, 2);
        double[] theta = {1, 2, 3, 4, 5, 6, 0.5, -0.5};
        Mlp.Workspace ws = net.workspace(1);
        net.forward(theta, new double[] {1, -1, 2}, null, 0, 1, ws);
        assertEquals(1 - 3 + 10 + 0.5, net.output(ws, 0)[0], 1e-15);
        assertEquals(2 - 4 + 12 - 0.5, net.output(ws, 0)[1], 1e-15);
    }

    /**
     * Backpropagation against central differences (step 1e-6) for every parameter, for the loss
     * L = 1/(2B) sum_b sum_k c_k (out_bk - t_bk)^2 + lambda/2 |W|^2 with per-output weights c_k, on nets whose layers
     * are narrow (3 -> 5 -> 4 -> 2) and wide (3 -> 21 -> 18 -> 3), batches of 7 (one block of 4 plus 3) and 1:
     * |analytic - numeric| &lt;= 1e-6 (1 + |numeric|). Parameters kept after the network's own are untouched.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        checkGradient(new int[] {5, 4}, 2, 7);
        checkGradient(new int[] {21, 18}, 3, 7);
        checkGradient(new int[] {21}, 3, 1);
    }

    private static double loss(Mlp net, double[] theta, double[] x, double[] t, int[] rows, int count,
                               double[] c, double lambda, double[] gradient, Mlp.Workspace ws) {
        net.forward(theta, x, rows, 1, count, ws);
        int q = net.outputDim();
        double loss = 0;
        for (int b = 0; b < count; b++) {
            double[] out = net.output(ws, b);
            double[] d = net.outputGradient(ws, b);
            for (int k = 0; k < q; k++) {
                double e = out[k] - t[rows[1 + b] * q + k];
                loss += 0.5 * c[k] * e * e / count;
                d[k] = c[k] * e / count;
            }
        }
        net.backward(theta, count, gradient, ws);
        return net.addWeightDecay(theta, lambda, gradient, loss);
    }

    private static void checkGradient(int[] hidden, int q, int count) {
        SplitMix64 rng = new SplitMix64(23);
        Mlp net = new Mlp(3, hidden, q);
        double[] theta = new double[net.parameterCount() + 2];
        net.initialize(theta, rng);
        for (int i = 0; i < net.parameterCount(); i++) {
            theta[i] = 2 * theta[i] + 0.1 * rng.nextGaussian();
        }
        double[] x = new double[10 * 3];
        double[] t = new double[10 * q];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.5 * rng.nextGaussian();
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextGaussian();
        }
        double[] c = new double[q];
        for (int k = 0; k < q; k++) {
            c[k] = 0.5 + k;
        }
        int[] rows = {9, 0, 3, 3, 7, 1, 5, 2};
        Mlp.Workspace ws = net.workspace(count);
        double[] g = new double[theta.length];
        g[theta.length - 1] = 42;
        g[theta.length - 2] = -7;
        loss(net, theta, x, t, rows, count, c, 0.03, g, ws);
        assertEquals(42, g[theta.length - 1]);
        assertEquals(-7, g[theta.length - 2]);
        double[] unused = new double[theta.length];
        double h = 1e-6;
        for (int i = 0; i < net.parameterCount(); i++) {
            double saved = theta[i];
            theta[i] = saved + h;
            double plus = loss(net, theta, x, t, rows, count, c, 0.03, unused, ws);
            theta[i] = saved - h;
            double minus = loss(net, theta, x, t, rows, count, c, 0.03, unused, ws);
            theta[i] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)),
                    "dL/dtheta[" + i + "] with hidden " + java.util.Arrays.toString(hidden));
        }
    }

    /** Initial weights have the variance 1/fan_in and biases are 0. */
    @Test
    void initialWeightsHaveVarianceOneOverFanIn() {
        Mlp net = new Mlp(100, new int[] {200}, 1);
        double[] theta = new double[net.parameterCount()];
        java.util.Arrays.fill(theta, 9);
        net.initialize(theta, new SplitMix64(3));
        double sumSquares = 0;
        for (int i = 0; i < 100 * 200; i++) {
            sumSquares += theta[i] * theta[i];
        }
        // 20,000 draws of variance 0.01: the mean square is 0.01 within 4 standard errors (0.01 sqrt(2/20000) 4)
        assertEquals(0.01, sumSquares / 20000, 0.01 * Math.sqrt(2.0 / 20000) * 4);
        for (int j = 0; j < 200; j++) {
            assertEquals(0, theta[100 * 200 + j]);
        }
        double last = 0;
        for (int i = 0; i < 200; i++) {
            last += theta[100 * 200 + 200 + i] * theta[100 * 200 + 200 + i];
        }
        assertEquals(1.0 / 200, last / 200, 0.5 / 200 * 1.5);
        assertEquals(0, theta[net.parameterCount() - 1]);
    }

    @Test
    void badSizesAreRefusedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Mlp(0, new int[] {}, 1));
        assertEquals("inputDim must be in [1, 1000000], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Mlp(1, new int[] {4, 0}, 1));
        assertEquals("each hidden layer size must be in [1, 1000000], got 0", e.getMessage());
        Mlp net = new Mlp(2, new int[] {3}, 1);
        Mlp.Workspace ws = net.workspace(2);
        assertThrows(IllegalArgumentException.class, () -> net.forward(new double[net.parameterCount()],
                new double[6], null, 0, 3, ws));
    }
}
