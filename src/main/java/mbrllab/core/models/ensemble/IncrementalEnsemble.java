package mbrllab.core.models.ensemble;

import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.models.Dataset;
import mbrllab.core.optim.Adam;
import mbrllab.core.parallel.Tasks;
import mbrllab.core.random.SplitMix64;

/**
 * A probabilistic ensemble (the networks and loss of {@link EnsembleSpec}) trained incrementally, for learners whose
 * data grow while they learn (Dyna-style model-based RL): every {@link #train} call continues from the members'
 * current weights and Adam moments (warm start) and takes a fixed number of Adam steps per member, so a refit costs
 * the same however much data there is.
 *
 * <p>Per member and step, a minibatch of {@code batchSize} rows is drawn uniformly with replacement from the current
 * data (an online form of the bootstrap: the members see different samples and start from different weights). The
 * input and target standardisation is fixed by the data of the first call (later data are standardised the same way,
 * so that the weights keep their meaning from refit to refit). Member m draws from its own generator, seeded by the
 * m-th {@code nextLong()} of the caller's generator at each call, so the result does not depend on the executor.
 *
 * <p>Not thread-safe (one per learner); {@link #model()} gives immutable snapshots.
 */
public final class IncrementalEnsemble {

    private final EnsembleSpec spec;
    private final GaussianMlp net;
    private final double[][] thetas;
    private final double[][] gradients;
    private final Adam[] adams;
    private final GaussianMlp.Workspace[] workspaces;
    private final int[][] rows;
    private Standardizer inputs;
    private Standardizer targets;
    private long steps;

    /**
     * An untrained ensemble; {@code spec}'s epochs and minSteps are not used (each call says its steps).
     *
     * @param inputDim  d &gt;= 1
     * @param outputDim p &gt;= 1
     */
    public IncrementalEnsemble(EnsembleSpec spec, int inputDim, int outputDim) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("inputDim and outputDim must be >= 1, got " + inputDim + " and "
                    + outputDim);
        }
        this.spec = spec;
        int[] hidden = spec.hidden().stream().mapToInt(Integer::intValue).toArray();
        this.net = new GaussianMlp(inputDim, hidden, outputDim);
        int members = spec.members();
        thetas = new double[members][net.parameterCount()];
        gradients = new double[members][net.parameterCount()];
        adams = new Adam[members];
        workspaces = new GaussianMlp.Workspace[members];
        rows = new int[members][spec.batchSize()];
        for (int m = 0; m < members; m++) {
            adams[m] = new Adam(net.parameterCount(), Adam.Settings.withLearningRate(spec.learningRate()));
            workspaces[m] = net.workspace(spec.batchSize());
        }
    }

    public EnsembleSpec spec() {
        return spec;
    }

    /** Whether {@link #train} has been called. */
    public boolean trained() {
        return inputs != null;
    }

    /** Adam steps taken so far, summed over members. */
    public long steps() {
        return steps;
    }

    /** Trains on the calling thread (see {@link #train(Dataset, int, RandomGenerator, Executor)}). */
    public void train(Dataset data, int stepsPerMember, RandomGenerator rng) {
        train(data, stepsPerMember, rng, Runnable::run);
    }

    /**
     * {@code stepsPerMember} Adam steps for every member on {@code data}, continuing from where the last call left
     * off. The first call also fixes the standardisation and draws the initial weights.
     *
     * @param data           at least one row, with the dimensions of this ensemble; not modified
     * @param stepsPerMember in [1, 10,000,000]
     * @param rng            seeds the members' generators; advanced
     * @param executor       trains the members as tasks; the result is the same bits whatever the executor
     */
    public void train(Dataset data, int stepsPerMember, RandomGenerator rng, Executor executor) {
        if (data.inputDim() != net.inputDim() || data.outputDim() != net.outputDim()) {
            throw new IllegalArgumentException("data must have " + net.inputDim() + " inputs and " + net.outputDim()
                    + " outputs");
        }
        if (stepsPerMember < 1 || stepsPerMember > 10_000_000) {
            throw new IllegalArgumentException("stepsPerMember must be in [1, 10000000], got " + stepsPerMember);
        }
        int members = spec.members();
        boolean first = !trained();
        if (first) {
            inputs = Standardizer.of(data.inputs(), data.inputDim());
            targets = Standardizer.of(data.targets(), data.outputDim());
        }
        long[] seeds = new long[members];
        for (int m = 0; m < members; m++) {
            seeds[m] = rng.nextLong();
        }
        double[] x = inputs.apply(data.inputs());
        double[] y = targets.apply(data.targets());
        int n = data.size();
        int batch = spec.batchSize();
        Tasks.runAll(members, executor, m -> {
            SplitMix64 memberRng = new SplitMix64(seeds[m]);
            if (first) {
                net.initialize(thetas[m], memberRng, EnsembleSpec.INITIAL_MAX_LOG_VAR,
                        EnsembleSpec.INITIAL_MIN_LOG_VAR);
            }
            int[] r = rows[m];
            for (int s = 0; s < stepsPerMember; s++) {
                for (int b = 0; b < batch; b++) {
                    r[b] = memberRng.nextInt(n);
                }
                net.lossAndGradient(thetas[m], x, y, r, 0, batch, spec.weightDecay(), spec.boundPenalty(),
                        gradients[m], workspaces[m]);
                adams[m].step(thetas[m], gradients[m]);
            }
        });
        steps += (long) members * stepsPerMember;
    }

    /** A snapshot of the members as they are now (later training does not change it). */
    public EnsembleModel model() {
        if (!trained()) {
            throw new IllegalStateException("the ensemble has not been trained yet");
        }
        double[][] copies = new double[thetas.length][];
        for (int m = 0; m < thetas.length; m++) {
            copies[m] = thetas[m].clone();
        }
        return new EnsembleModel(net, copies, inputs, targets);
    }
}
