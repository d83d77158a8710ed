package mbrllab.core.models.transition;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.NetTrainingChecks;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.nn.Mlp;
import mbrllab.core.optim.Adam;

/**
 * One deterministic net on state differences ({@link SingleNetModel}), the lecture's
 * theta* = argmin sum_i |f_theta(x_t, u_t) - x_{t+1}|^2: an {@link Mlp} (swish hidden layers, linear outputs) from
 * the standardised {@link TransitionFeatures} to the standardised state change, trained by Adam on
 * minibatches of all the data (no bootstrap) to minimise
 * <pre>
 * L = 1/|B| sum_{b in B} sum_k 1/2 (f_k(x_b) - y_bk)^2 + weightDecay/2 sum_layers |W|^2
 * </pre>
 * Training length as {@link mbrllab.core.models.ensemble.EnsembleSpec}: {@code epochs} passes over the data
 * (reshuffled each pass), more if that makes fewer than {@code minSteps} Adam steps. No uncertainty: the model a
 * planner exploits.
 *
 * @param hidden       units per hidden layer, 0 to 8 layers, each in [1, 4096]
 * @param epochs       passes over the data, in [1, 100,000]
 * @param minSteps     least number of Adam steps, in [0, 10,000,000]
 * @param batchSize    minibatch size, in [1, 65,536]
 * @param learningRate Adam step size, in (0, 1]
 * @param weightDecay  L2 weight lambda on the weights (not biases), in [0, 1]
 * @param features     the inputs; not null
 */
public record SingleNetSpec(List<Integer> hidden, int epochs, int minSteps, int batchSize, double learningRate,
                            double weightDecay, TransitionFeatures features) implements TransitionModelSpec {

    public SingleNetSpec {
        hidden = NetTrainingChecks.checked(hidden, epochs, minSteps, batchSize, learningRate, weightDecay);
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
    }

    /** With PILCO's inputs, {@link TransitionFeatures#WITH_POSITION}. */
    public SingleNetSpec(List<Integer> hidden, int epochs, int minSteps, int batchSize, double learningRate,
                         double weightDecay) {
        this(hidden, epochs, minSteps, batchSize, learningRate, weightDecay, TransitionFeatures.WITH_POSITION);
    }

    /**
     * The architecture, training and inputs of one member of {@link EnsembleTransitionSpec#pets()}, without the
     * variance.
     */
    public static SingleNetSpec pets() {
        EnsembleTransitionSpec spec = EnsembleTransitionSpec.pets();
        var e = spec.ensemble();
        return new SingleNetSpec(e.hidden(), e.epochs(), e.minSteps(), e.batchSize(), e.learningRate(),
                e.weightDecay(), spec.features());
    }

    public SingleNetSpec withMinSteps(int newMinSteps) {
        return new SingleNetSpec(hidden, epochs, newMinSteps, batchSize, learningRate, weightDecay, features);
    }

    public SingleNetSpec withEpochs(int newEpochs) {
        return new SingleNetSpec(hidden, newEpochs, minSteps, batchSize, learningRate, weightDecay, features);
    }

    public SingleNetSpec withFeatures(TransitionFeatures newFeatures) {
        return new SingleNetSpec(hidden, epochs, minSteps, batchSize, learningRate, weightDecay, newFeatures);
    }

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.SINGLE;
    }

    /** Epochs actually run on n points: max(epochs, ceil(minSteps / batches per epoch)). */
    public int epochsFor(int n) {
        int batchesPerEpoch = (n + batchSize - 1) / batchSize;
        return Math.max(epochs, (minSteps + batchesPerEpoch - 1) / batchesPerEpoch);
    }

    /** Trains on the calling thread (one net: nothing to run in parallel); the executor is not used. */
    @Override
    public SingleNetModel fit(CartPoleTask task, List<Trajectory> trajectories, RandomGenerator rng,
                              Executor executor) {
        return fit(features.dataset(trajectories), rng);
    }

    /**
     * Fits the net to transition data ({@code features().dataset(...)}: features.inputDim() inputs, 4 outputs).
     *
     * @param rng the initial weights (first), then the shuffles; advanced
     */
    public SingleNetModel fit(Dataset data, RandomGenerator rng) {
        int n = data.size();
        int d = data.inputDim();
        int p = data.outputDim();
        if (d != features.inputDim() || p != features.outputDim()) {
            throw new IllegalArgumentException("data must have " + features.inputDim() + " inputs and "
                    + features.outputDim() + " outputs, got " + d + " and " + p);
        }
        double[][] inputScale = SingleNetModel.scale(data.inputs(), d);
        double[][] targetScale = SingleNetModel.scale(data.targets(), p);
        double[] x = SingleNetModel.standardise(data.inputs(), inputScale);
        double[] y = SingleNetModel.standardise(data.targets(), targetScale);
        Mlp net = new Mlp(d, hidden.stream().mapToInt(Integer::intValue).toArray(), p);
        double[] theta = new double[net.parameterCount()];
        net.initialize(theta, rng);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] gradient = new double[theta.length];
        Adam adam = new Adam(theta.length, Adam.Settings.withLearningRate(learningRate));
        Mlp.Workspace ws = net.workspace(Math.min(batchSize, n));
        int epochsToRun = epochsFor(n);
        for (int epoch = 0; epoch < epochsToRun; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += batchSize) {
                int count = Math.min(batchSize, n - from);
                net.forward(theta, x, order, from, count, ws);
                double invCount = 1.0 / count;
                for (int b = 0; b < count; b++) {
                    double[] out = net.output(ws, b);
                    double[] g = net.outputGradient(ws, b);
                    int row = order[from + b];
                    for (int k = 0; k < p; k++) {
                        g[k] = (out[k] - y[row * p + k]) * invCount;
                    }
                }
                net.backward(theta, count, gradient, ws);
                net.addWeightDecay(theta, weightDecay, gradient, 0);
                adam.step(theta, gradient);
            }
        }
        return new SingleNetModel(net, theta, inputScale, targetScale, features);
    }
}
