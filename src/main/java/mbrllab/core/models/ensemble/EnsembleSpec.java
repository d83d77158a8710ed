package mbrllab.core.models.ensemble;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.NetTrainingChecks;
import mbrllab.core.optim.Adam;
import mbrllab.core.parallel.Tasks;
import mbrllab.core.random.SplitMix64;

/**
 * Training a probabilistic ensemble (PETS, Chua et al., 2018): {@code members} networks
 * ({@link GaussianMlp}: hidden swish layers, a mean and a softly bounded log-variance per output), each
 * trained by Adam on minibatches of its own bootstrap sample of the data (n draws with replacement) to
 * minimise the Gaussian negative log-likelihood, with inputs and targets standardised by the whole data
 * set's mean and standard deviation.
 *
 * <p>Training length: {@code epochs} passes over the bootstrap sample (reshuffled each pass), more if that
 * makes fewer than {@code minSteps} Adam steps (small data sets need more passes). Member m draws all its
 * randomness from its own generator, seeded by the m-th {@code nextLong()} of the caller's generator, so
 * the result does not depend on the executor that trains the members.
 *
 * @param members       ensemble size M, in [1, 100]
 * @param hidden        units per hidden layer, 0 to 8 layers, each in [1, 4096]
 * @param epochs        passes over each bootstrap sample, in [1, 100,000]
 * @param minSteps      least number of Adam steps per member, in [0, 10,000,000]
 * @param batchSize     minibatch size, in [1, 65,536]
 * @param learningRate  Adam step size, in (0, 1]
 * @param weightDecay   L2 weight lambda/2 |W|^2 on the weights (not biases), in [0, 1]
 * @param boundPenalty  weight of sum_k (maxLogVar_k - minLogVar_k) in the loss, in [0, 1]
 */
public record EnsembleSpec(int members, List<Integer> hidden, int epochs, int minSteps, int batchSize,
                           double learningRate, double weightDecay, double boundPenalty) implements ModelSpec {

    /** Initial upper bound of the log-variance, in standardised target units (PETS). */
    public static final double INITIAL_MAX_LOG_VAR = 0.5;
    /** Initial lower bound of the log-variance, in standardised target units (PETS). */
    public static final double INITIAL_MIN_LOG_VAR = -10;

    public EnsembleSpec {
        if (members < 1 || members > 100) {
            throw new IllegalArgumentException("members must be in [1, 100], got " + members);
        }
        hidden = NetTrainingChecks.checked(hidden, epochs, minSteps, batchSize, learningRate, weightDecay);
        if (!(boundPenalty >= 0 && boundPenalty <= 1)) {
            throw new IllegalArgumentException("boundPenalty must be in [0, 1], got " + boundPenalty);
        }
    }

    /**
     * For dynamics models: 5 members, two hidden layers of 64, 50 epochs (at least 2,000 steps), batches
     * of 32, learning rate 1e-3, weight decay 1e-4, bound penalty 0.01.
     */
    public static EnsembleSpec dynamics() {
        return new EnsembleSpec(5, List.of(64, 64), 50, 2000, 32, 1e-3, 1e-4, 0.01);
    }

    /**
     * For the 1-D playground (tens to hundreds of points): 5 members, two hidden layers of 32, at least
     * 3,000 steps, batches of 32, learning rate 3e-3, weight decay 1e-4, bound penalty 0.01.
     */
    public static EnsembleSpec playground() {
        return new EnsembleSpec(5, List.of(32, 32), 50, 3000, 32, 3e-3, 1e-4, 0.01);
    }

    public EnsembleSpec withMembers(int newMembers) {
        return new EnsembleSpec(newMembers, hidden, epochs, minSteps, batchSize, learningRate, weightDecay,
                boundPenalty);
    }

    public EnsembleSpec withHidden(List<Integer> newHidden) {
        return new EnsembleSpec(members, newHidden, epochs, minSteps, batchSize, learningRate, weightDecay,
                boundPenalty);
    }

    public EnsembleSpec withEpochs(int newEpochs) {
        return new EnsembleSpec(members, hidden, newEpochs, minSteps, batchSize, learningRate, weightDecay,
                boundPenalty);
    }

    public EnsembleSpec withMinSteps(int newMinSteps) {
        return new EnsembleSpec(members, hidden, epochs, newMinSteps, batchSize, learningRate, weightDecay,
                boundPenalty);
    }

    @Override
    public ModelKind kind() {
        return ModelKind.ENSEMBLE;
    }

    /** Epochs actually run on n points: max(epochs, ceil(minSteps / batches per epoch)). */
    public int epochsFor(int n) {
        int batchesPerEpoch = (n + batchSize - 1) / batchSize;
        return Math.max(epochs, (minSteps + batchesPerEpoch - 1) / batchesPerEpoch);
    }

    /** Weights of one member for d inputs and p outputs (mean and log-variance heads). */
    public double weights(int d, int p) {
        return Rates.mlpWeights(d, hidden, p);
    }

    /**
     * The fit's cost, one piece per member: {@link #epochsFor} passes over n points through every weight. The memory
     * is every member's weights, and for each member in training at once its gradient, Adam's two moments and the
     * batch's activations, and the standardised data.
     */
    @Override
    public Cost fitCost(int n, int d, int p, int workers) {
        double w = weights(d, p);
        double ns = members * (double) epochsFor(n) * n * w * Rates.ENSEMBLE_TRAIN_NS_PER_WEIGHT;
        double units = d + 2.0 * p;
        for (int h : hidden) {
            units += h;
        }
        double training = Math.min(workers, members) * (4 * w + 6.0 * Math.min(batchSize, n) * units);
        double bytes = (members * w + training + 3.0 * n * (d + p)) * Rates.DOUBLE;
        return Cost.of(ns / 1e9, members, workers, bytes, members + " nets of " + Cost.count(w) + " weights x "
                + epochsFor(n) + " epochs x " + n + " points");
    }

    /** Every member's mean and variance at every query, held until they are combined. */
    @Override
    public Cost predictCost(int n, int d, int p, long queries) {
        double ns = (double) members * queries * weights(d, p) * Rates.ENSEMBLE_PREDICT_NS_PER_WEIGHT;
        return new Cost(ns / 1e9, (double) members * queries * p * 2 * Rates.DOUBLE + queries * p * 3 * Rates.DOUBLE,
                queries + " predictions by " + members + " nets");
    }

    /** Trains the members one after another on the calling thread. */
    @Override
    public EnsembleModel fit(Dataset data, RandomGenerator rng) {
        return fit(data, rng, Runnable::run);
    }

    /**
     * Trains each member as a task on {@code executor} and waits; the model is the same bits whatever the
     * executor.
     */
    public EnsembleModel fit(Dataset data, RandomGenerator rng, Executor executor) {
        int n = data.size();
        int d = data.inputDim();
        int p = data.outputDim();
        Standardizer inputs = Standardizer.of(data.inputs(), d);
        Standardizer targets = Standardizer.of(data.targets(), p);
        double[] x = inputs.apply(data.inputs());
        double[] y = targets.apply(data.targets());
        int[] hiddenUnits = hidden.stream().mapToInt(Integer::intValue).toArray();
        GaussianMlp net = new GaussianMlp(d, hiddenUnits, p);
        long[] seeds = new long[members];
        for (int m = 0; m < members; m++) {
            seeds[m] = rng.nextLong();
        }
        double[][] thetas = new double[members][];
        Tasks.runAll(members, executor, member -> thetas[member] = trainMember(net, x, y, n,
                new SplitMix64(seeds[member])));
        return new EnsembleModel(net, thetas, inputs, targets);
    }

    /** One member: initial weights, bootstrap sample, then Adam over shuffled minibatches. */
    private double[] trainMember(GaussianMlp net, double[] x, double[] y, int n, SplitMix64 rng) {
        double[] theta = new double[net.parameterCount()];
        net.initialize(theta, rng, INITIAL_MAX_LOG_VAR, INITIAL_MIN_LOG_VAR);
        int[] sample = new int[n];
        for (int i = 0; i < n; i++) {
            sample[i] = rng.nextInt(n);
        }
        double[] gradient = new double[theta.length];
        Adam adam = new Adam(theta.length, Adam.Settings.withLearningRate(learningRate));
        GaussianMlp.Workspace ws = net.workspace(Math.min(batchSize, n));
        int epochsToRun = epochsFor(n);
        for (int epoch = 0; epoch < epochsToRun; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = sample[i];
                sample[i] = sample[j];
                sample[j] = t;
            }
            for (int from = 0; from < n; from += batchSize) {
                int count = Math.min(batchSize, n - from);
                net.lossAndGradient(theta, x, y, sample, from, count, weightDecay, boundPenalty, gradient, ws);
                adam.step(theta, gradient);
            }
        }
        return theta;
    }
}
