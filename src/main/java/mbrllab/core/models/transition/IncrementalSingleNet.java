package mbrllab.core.models.transition;

import java.util.random.RandomGenerator;

import mbrllab.core.models.Dataset;
import mbrllab.core.nn.Mlp;
import mbrllab.core.optim.Adam;

/**
 * The single deterministic net of {@link SingleNetSpec} (its network and loss) trained incrementally, for learners
 * whose data grow while they learn (Dyna-style model-based RL): every {@link #train} call continues from the current
 * weights and Adam moments (warm start) and takes a fixed number of Adam steps on minibatches drawn uniformly with
 * replacement from the current data, so a refit costs the same however much data there is. The standardisation of
 * features and targets is fixed by the data of the first call, so that the weights keep their meaning from refit to
 * refit. Not thread-safe (one per learner); {@link #model()} gives immutable snapshots.
 */
public final class IncrementalSingleNet {

    private final SingleNetSpec spec;
    private final Mlp net;
    private final double[] theta;
    private final double[] gradient;
    private final Adam adam;
    private final Mlp.Workspace ws;
    private final int[] rows;
    private double[][] inputScale;
    private double[][] targetScale;
    private long steps;

    /** An untrained net; {@code spec}'s epochs and minSteps are not used (each call says its steps). */
    public IncrementalSingleNet(SingleNetSpec spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        if (spec.features() != TransitionFeatures.WITH_POSITION) {
            throw new IllegalArgumentException("an incremental net takes the inputs with the cart position, got "
                    + spec.features().id());
        }
        this.spec = spec;
        this.net = new Mlp(TransitionData.INPUT_DIM, spec.hidden().stream().mapToInt(Integer::intValue).toArray(),
                TransitionData.OUTPUT_DIM);
        this.theta = new double[net.parameterCount()];
        this.gradient = new double[theta.length];
        this.adam = new Adam(theta.length, Adam.Settings.withLearningRate(spec.learningRate()));
        this.ws = net.workspace(spec.batchSize());
        this.rows = new int[spec.batchSize()];
    }

    public SingleNetSpec spec() {
        return spec;
    }

    /** Whether {@link #train} has been called. */
    public boolean trained() {
        return inputScale != null;
    }

    /** Adam steps taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * {@code stepCount} Adam steps on {@code data} ({@link TransitionData}: 6 inputs, 4 outputs), continuing from where
     * the last call left off; the first call also fixes the standardisation and draws the initial weights.
     *
     * @param stepCount in [1, 10,000,000]
     * @param rng       the initial weights (first call), then the minibatches; advanced
     */
    public void train(Dataset data, int stepCount, RandomGenerator rng) {
        int p = TransitionData.OUTPUT_DIM;
        if (data.inputDim() != TransitionData.INPUT_DIM || data.outputDim() != p) {
            throw new IllegalArgumentException("data must have " + TransitionData.INPUT_DIM + " inputs and " + p
                    + " outputs, got " + data.inputDim() + " and " + data.outputDim());
        }
        if (stepCount < 1 || stepCount > 10_000_000) {
            throw new IllegalArgumentException("stepCount must be in [1, 10000000], got " + stepCount);
        }
        if (!trained()) {
            inputScale = SingleNetModel.scale(data.inputs(), data.inputDim());
            targetScale = SingleNetModel.scale(data.targets(), p);
            net.initialize(theta, rng);
        }
        double[] x = SingleNetModel.standardise(data.inputs(), inputScale);
        double[] y = SingleNetModel.standardise(data.targets(), targetScale);
        int n = data.size();
        int count = rows.length;
        double invCount = 1.0 / count;
        for (int s = 0; s < stepCount; s++) {
            for (int b = 0; b < count; b++) {
                rows[b] = rng.nextInt(n);
            }
            net.forward(theta, x, rows, 0, count, ws);
            for (int b = 0; b < count; b++) {
                double[] out = net.output(ws, b);
                double[] g = net.outputGradient(ws, b);
                int row = rows[b];
                for (int k = 0; k < p; k++) {
                    g[k] = (out[k] - y[row * p + k]) * invCount;
                }
            }
            net.backward(theta, count, gradient, ws);
            net.addWeightDecay(theta, spec.weightDecay(), gradient, 0);
            adam.step(theta, gradient);
        }
        steps += stepCount;
    }

    /** A snapshot of the net as it is now (later training does not change it). */
    public SingleNetModel model() {
        if (!trained()) {
            throw new IllegalStateException("the net has not been trained yet");
        }
        return new SingleNetModel(net, theta.clone(), inputScale, targetScale, TransitionFeatures.WITH_POSITION);
    }
}
