package mbrllab.core.models.transition;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.ensemble.Standardizer;
import mbrllab.core.nn.Mlp;

/**
 * One deterministic net on state differences ({@link SingleNetSpec}): s' = s + f(features(s, u)), with f the net
 * on standardised features, its output scaled back. One member, no variance: sampling is the prediction.
 */
public final class SingleNetModel implements TransitionModel {

    private static final int D = CartPoleState.DIMENSION;
    private final Mlp net;
    private final double[] theta;
    private final double[][] inputScale;
    private final double[][] targetScale;
    private final TransitionFeatures features;
    private final int in;

    SingleNetModel(Mlp net, double[] theta, double[][] inputScale, double[][] targetScale,
                   TransitionFeatures features) {
        this.net = net;
        this.theta = theta;
        this.inputScale = inputScale;
        this.targetScale = targetScale;
        this.features = features;
        this.in = features.inputDim();
    }

    /** The inputs the net sees. */
    public TransitionFeatures features() {
        return features;
    }

    /**
     * Column means and population standard deviations of n x columns data: {mean, std}; a column with (almost) no
     * spread gets std 1 (as the ensemble's standardisation).
     */
    static double[][] scale(double[] data, int columns) {
        Standardizer s = Standardizer.of(data, columns);
        double[] mean = new double[columns];
        double[] std = new double[columns];
        for (int c = 0; c < columns; c++) {
            mean[c] = s.mean(c);
            std[c] = s.std(c);
        }
        return new double[][] {mean, std};
    }

    /** (v - mean) / std per column, into a new array. */
    static double[] standardise(double[] data, double[][] scale) {
        int columns = scale[0].length;
        double[] z = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            int c = i % columns;
            z[i] = (data[i] - scale[0][c]) / scale[1][c];
        }
        return z;
    }

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.SINGLE;
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public Stepper stepper(int capacity) {
        if (capacity < 1 || capacity > 65_536) {
            throw new IllegalArgumentException("capacity must be in [1, 65536], got " + capacity);
        }
        Mlp.Workspace ws = net.workspace(capacity);
        double[] z = new double[capacity * in];
        return new Stepper() {
            @Override
            public TransitionModel model() {
                return SingleNetModel.this;
            }

            @Override
            public void predict(int member, double[] states, double[] forces, int count, double[] next) {
                TransitionModels.checkBatch(member, 1, states, forces, count, next);
                double[] inMean = inputScale[0];
                double[] inStd = inputScale[1];
                double[] outMean = targetScale[0];
                double[] outStd = targetScale[1];
                for (int start = 0; start < count; start += capacity) {
                    int n = Math.min(capacity, count - start);
                    for (int r = 0; r < n; r++) {
                        int row = start + r;
                        features.write(states, row * D, forces[row], z, r * in);
                        for (int j = 0; j < in; j++) {
                            z[r * in + j] = (z[r * in + j] - inMean[j]) / inStd[j];
                        }
                    }
                    net.forward(theta, z, null, 0, n, ws);
                    for (int r = 0; r < n; r++) {
                        double[] out = net.output(ws, r);
                        int at = (start + r) * D;
                        for (int i = 0; i < D; i++) {
                            next[at + i] = states[at + i] + (outMean[i] + outStd[i] * out[i]);
                        }
                    }
                }
            }

            @Override
            public void sample(int member, double[] states, double[] forces, int count, double[] next,
                               RandomGenerator rng) {
                predict(member, states, forces, count, next);
            }
        };
    }
}
