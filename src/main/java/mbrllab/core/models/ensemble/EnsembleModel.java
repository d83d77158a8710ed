package mbrllab.core.models.ensemble;

import java.util.random.RandomGenerator;

import mbrllab.core.models.Prediction;
import mbrllab.core.models.RegressionModel;

/**
 * A trained probabilistic ensemble of M members. Member m predicts N(mu_m(x), sigma_m^2(x)) (in the
 * original target units); the ensemble's prediction is the mixture's moments:
 * <pre>
 * mean      = 1/M sum_m mu_m
 * epistemic = 1/M sum_m (mu_m - mean)^2        (the variance of the members' means)
 * aleatoric = 1/M sum_m sigma_m^2              (the mean of the members' variances)
 * </pre>
 * whose sum is the mixture's variance. Immutable; predictions allocate their own scratch space, so one
 * model can serve several threads.
 */
public final class EnsembleModel implements RegressionModel {

    /** Query points per forward pass. */
    private static final int CHUNK = 256;

    private final GaussianMlp net;
    private final double[][] thetas;
    private final Standardizer inputs;
    private final Standardizer targets;

    EnsembleModel(GaussianMlp net, double[][] thetas, Standardizer inputs, Standardizer targets) {
        this.net = net;
        this.thetas = thetas;
        this.inputs = inputs;
        this.targets = targets;
    }

    @Override
    public int inputDim() {
        return net.inputDim();
    }

    @Override
    public int outputDim() {
        return net.outputDim();
    }

    /** Ensemble size M. */
    public int memberCount() {
        return thetas.length;
    }

    @Override
    public Prediction predict(double[] queries) {
        int m = RegressionModel.points(queries, inputDim());
        int p = outputDim();
        int members = thetas.length;
        double[][] means = new double[members][m * p];
        double[][] vars = new double[members][m * p];
        for (int k = 0; k < members; k++) {
            predictMember(k, queries, means[k], vars[k]);
        }
        double[] mean = new double[m * p];
        double[] epistemic = new double[m * p];
        double[] aleatoric = new double[m * p];
        for (int e = 0; e < m * p; e++) {
            double mu = 0;
            double alea = 0;
            for (int k = 0; k < members; k++) {
                mu += means[k][e];
                alea += vars[k][e];
            }
            mu /= members;
            double epi = 0;
            for (int k = 0; k < members; k++) {
                double diff = means[k][e] - mu;
                epi += diff * diff;
            }
            mean[e] = mu;
            epistemic[e] = epi / members;
            aleatoric[e] = alea / members;
        }
        return new Prediction(p, mean, epistemic, aleatoric);
    }

    /**
     * Member k's own prediction: its means mu_k and variances sigma_k^2 at m query points.
     *
     * @param queries m x d row-major; not modified
     * @param mean    receives m x p means; modified
     * @param var     receives m x p variances; modified
     */
    public void predictMember(int k, double[] queries, double[] mean, double[] var) {
        int d = inputDim();
        int p = outputDim();
        int m = RegressionModel.points(queries, d);
        if (k < 0 || k >= thetas.length) {
            throw new IndexOutOfBoundsException("member " + k + " of " + thetas.length);
        }
        if (mean.length < m * p || var.length < m * p) {
            throw new IllegalArgumentException("mean and var need room for " + m * p + " values");
        }
        double[] z = inputs.apply(queries);
        int chunk = Math.min(CHUNK, m);
        GaussianMlp.Workspace ws = net.workspace(chunk);
        for (int start = 0; start < m; start += chunk) {
            int count = Math.min(chunk, m - start);
            net.forward(thetas[k], z, null, start, count, ws);
            for (int b = 0; b < count; b++) {
                for (int o = 0; o < p; o++) {
                    double s = targets.std(o);
                    int at = (start + b) * p + o;
                    mean[at] = targets.mean(o) + s * net.mean(ws, b, o);
                    var[at] = s * s * Math.exp(net.logVar(ws, b, o));
                }
            }
        }
    }

    /** For each draw, the mean function of a member picked uniformly at random. */
    @Override
    public double[][] sampleFunctions(double[] grid, int count, RandomGenerator rng) {
        int m = RegressionModel.points(grid, inputDim());
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double[][] draws = new double[count][m * outputDim()];
        double[] var = new double[m * outputDim()];
        for (int s = 0; s < count; s++) {
            predictMember(rng.nextInt(thetas.length), grid, draws[s], var);
        }
        return draws;
    }

    /**
     * Scratch space for {@link Evaluator#predictMember}: member predictions without allocation, for the hot loops
     * of planners. Not thread-safe: one evaluator per thread (the model itself may be shared).
     *
     * @param capacity query points per forward pass, in [1, 65,536]; larger batches are done in passes of this size
     */
    public Evaluator evaluator(int capacity) {
        if (capacity < 1 || capacity > 65_536) {
            throw new IllegalArgumentException("capacity must be in [1, 65536], got " + capacity);
        }
        return new Evaluator(capacity);
    }

    /**
     * Member predictions into caller arrays, with the arithmetic of {@link #predictMember(int, double[], double[],
     * double[])} (so the same bits), but no allocation per call.
     */
    public final class Evaluator {

        private final int capacity;
        private final double[] z;
        private final GaussianMlp.Workspace ws;

        private Evaluator(int capacity) {
            this.capacity = capacity;
            this.z = new double[capacity * net.inputDim()];
            this.ws = net.workspace(capacity);
        }

        /** Query points per forward pass. */
        public int capacity() {
            return capacity;
        }

        /** The model this evaluates. */
        public EnsembleModel model() {
            return EnsembleModel.this;
        }

        /**
         * Member k's means mu_k and (optionally) variances sigma_k^2 at the first {@code count} query points.
         *
         * @param queries at least count x d values, row-major; not modified
         * @param count   number of query points, &gt;= 0
         * @param mean    receives count x p means; modified
         * @param var     receives count x p variances, or null to skip them; modified
         */
        public void predictMember(int k, double[] queries, int count, double[] mean, double[] var) {
            int d = net.inputDim();
            int p = net.outputDim();
            if (k < 0 || k >= thetas.length) {
                throw new IndexOutOfBoundsException("member " + k + " of " + thetas.length);
            }
            if (count < 0 || queries.length < count * d || mean.length < count * p
                    || (var != null && var.length < count * p)) {
                throw new IllegalArgumentException("arrays too short for " + count + " query points");
            }
            double[] theta = thetas[k];
            for (int start = 0; start < count; start += capacity) {
                int n = Math.min(capacity, count - start);
                System.arraycopy(queries, start * d, z, 0, n * d);
                inputs.applyInto(z, n * d, z);
                net.forward(theta, z, null, 0, n, ws);
                for (int b = 0; b < n; b++) {
                    for (int o = 0; o < p; o++) {
                        double s = targets.std(o);
                        int at = (start + b) * p + o;
                        mean[at] = targets.mean(o) + s * net.mean(ws, b, o);
                        if (var != null) {
                            var[at] = s * s * Math.exp(net.logVar(ws, b, o));
                        }
                    }
                }
            }
        }
    }
}
