package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.transition.TransitionData;
import mbrllab.core.nn.Mlp;
import mbrllab.core.optim.Adam;
import mbrllab.core.random.SplitMix64;

/**
 * One deterministic net learned by mean squared error: an {@link Mlp} from the standardised features (x, x', theta',
 * sin theta, cos theta, u) to the standardised state change, the next state s + mean + std * out. No uncertainty, so
 * nothing tells the learner where the model is guessing. Refits continue from the current weights and Adam moments
 * (warm start) with a fixed number of steps on minibatches drawn uniformly with replacement; the standardisation is
 * fixed by the data of the first fit.
 */
final class SingleNetRolloutModel implements RolloutModel {

    private static final int D = ReplayBuffer.D;
    private static final int IN = TransitionData.INPUT_DIM;

    private final LearnedModelParams params;
    private final int refitSteps;
    private final double forceMagnitude;
    private final Mlp net;
    private final double[] theta;
    private final double[] gradient;
    private final Adam adam;
    private final Mlp.Workspace trainWs;
    private final Mlp.Workspace predictWs;
    private final int capacity;
    private final int[] rows;
    private final double[] features;
    private double[] inMean;
    private double[] inStd;
    private double[] outMean;
    private double[] outStd;
    private long steps;

    SingleNetRolloutModel(LearnedModelParams params, int refitSteps, double forceMagnitude, int capacity) {
        this.params = params;
        this.refitSteps = refitSteps;
        this.forceMagnitude = forceMagnitude;
        int[] hidden = params.hidden().stream().mapToInt(Integer::intValue).toArray();
        this.net = new Mlp(IN, hidden, D);
        this.theta = new double[net.parameterCount()];
        this.gradient = new double[theta.length];
        this.adam = new Adam(theta.length, Adam.Settings.withLearningRate(params.learningRate()));
        this.trainWs = net.workspace(params.batchSize());
        this.capacity = capacity;
        this.predictWs = net.workspace(capacity);
        this.rows = new int[params.batchSize()];
        this.features = new double[capacity * IN];
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public long trainingSteps() {
        return steps;
    }

    @Override
    public void refit(ReplayBuffer real, RandomGenerator rng) {
        Dataset data = BufferData.of(real, forceMagnitude);
        SplitMix64 local = new SplitMix64(rng.nextLong());
        if (inMean == null) {
            inMean = new double[IN];
            inStd = new double[IN];
            outMean = new double[D];
            outStd = new double[D];
            moments(data.inputs(), IN, inMean, inStd);
            moments(data.targets(), D, outMean, outStd);
            net.initialize(theta, local);
        }
        double[] x = standardise(data.inputs(), inMean, inStd);
        double[] y = standardise(data.targets(), outMean, outStd);
        int n = data.size();
        int batch = rows.length;
        double inv = 1.0 / batch;
        for (int s = 0; s < refitSteps; s++) {
            for (int b = 0; b < batch; b++) {
                rows[b] = local.nextInt(n);
            }
            net.forward(theta, x, rows, 0, batch, trainWs);
            for (int b = 0; b < batch; b++) {
                double[] out = net.output(trainWs, b);
                double[] g = net.outputGradient(trainWs, b);
                int row = rows[b];
                for (int c = 0; c < D; c++) {
                    g[c] = (out[c] - y[row * D + c]) * inv;
                }
            }
            net.backward(theta, batch, gradient, trainWs);
            net.addWeightDecay(theta, params.weightDecay(), gradient, 0);
            adam.step(theta, gradient);
        }
        steps += refitSteps;
    }

    @Override
    public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
        if (inMean == null) {
            throw new IllegalStateException("the model has not been fitted yet");
        }
        for (int start = 0; start < count; start += capacity) {
            int m = Math.min(capacity, count - start);
            for (int r = 0; r < m; r++) {
                int row = start + r;
                TransitionData.features(states, row * D, forces[row], features, r * IN);
                for (int c = 0; c < IN; c++) {
                    features[r * IN + c] = (features[r * IN + c] - inMean[c]) / inStd[c];
                }
            }
            net.forward(theta, features, null, 0, m, predictWs);
            for (int r = 0; r < m; r++) {
                double[] out = net.output(predictWs, r);
                int at = (start + r) * D;
                for (int c = 0; c < D; c++) {
                    next[at + c] = states[at + c] + outMean[c] + outStd[c] * out[c];
                }
            }
        }
    }

    /** Column means and population standard deviations (1 for a column without spread). */
    private static void moments(double[] data, int columns, double[] mean, double[] std) {
        int n = data.length / columns;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns; c++) {
                mean[c] += data[i * columns + c];
            }
        }
        for (int c = 0; c < columns; c++) {
            mean[c] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns; c++) {
                double e = data[i * columns + c] - mean[c];
                std[c] += e * e;
            }
        }
        for (int c = 0; c < columns; c++) {
            double s = Math.sqrt(std[c] / n);
            std[c] = s > 1e-12 * Math.max(1, Math.abs(mean[c])) ? s : 1;
        }
    }

    private static double[] standardise(double[] data, double[] mean, double[] std) {
        int columns = mean.length;
        double[] z = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            int c = i % columns;
            z[i] = (data[i] - mean[c]) / std[c];
        }
        return z;
    }
}
