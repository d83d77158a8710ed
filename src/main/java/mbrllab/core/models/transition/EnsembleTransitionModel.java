package mbrllab.core.models.transition;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.ensemble.EnsembleModel;

/**
 * A probabilistic ensemble on state differences (PETS): member b predicts the change of the state as
 * N(mu_b(f), diag sigma_b^2(f)) from the features f ({@link TransitionFeatures}: (x, x', theta', sin theta,
 * cos theta, u), or the same without x); the next state is s + mu_b (predict) or s + mu_b + sigma_b z (sample).
 */
public final class EnsembleTransitionModel implements TransitionModel {

    private static final int D = CartPoleState.DIMENSION;
    private final EnsembleModel ensemble;
    private final TransitionFeatures features;
    private final int in;

    /**
     * @param ensemble a model fitted on {@link TransitionData} (6 inputs, 4 outputs)
     */
    public EnsembleTransitionModel(EnsembleModel ensemble) {
        this(ensemble, TransitionFeatures.WITH_POSITION);
    }

    /**
     * @param ensemble a model fitted on {@code features.dataset(...)} (features.inputDim() inputs, 4 outputs)
     * @param features its inputs
     */
    public EnsembleTransitionModel(EnsembleModel ensemble, TransitionFeatures features) {
        if (ensemble == null || features == null) {
            throw new IllegalArgumentException("ensemble and features must not be null");
        }
        if (ensemble.inputDim() != features.inputDim() || ensemble.outputDim() != D) {
            throw new IllegalArgumentException("ensemble must map " + features.inputDim() + " inputs to " + D
                    + " outputs, got " + ensemble.inputDim() + " -> " + ensemble.outputDim());
        }
        this.ensemble = ensemble;
        this.features = features;
        this.in = features.inputDim();
    }

    /** The inputs the ensemble sees. */
    public TransitionFeatures features() {
        return features;
    }

    /** The underlying ensemble (its {@link EnsembleModel#predict} gives epistemic and aleatoric variances). */
    public EnsembleModel ensemble() {
        return ensemble;
    }

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.ENSEMBLE;
    }

    @Override
    public int members() {
        return ensemble.memberCount();
    }

    @Override
    public boolean stochastic() {
        return true;
    }

    @Override
    public Stepper stepper(int capacity) {
        return new EnsembleStepper(capacity);
    }

    private final class EnsembleStepper implements Stepper {

        private final int capacity;
        private final EnsembleModel.Evaluator evaluator;
        private final double[] inputs;
        private final double[] mean;
        private final double[] var;

        EnsembleStepper(int capacity) {
            this.evaluator = ensemble.evaluator(capacity);
            this.capacity = capacity;
            this.inputs = new double[capacity * in];
            this.mean = new double[capacity * D];
            this.var = new double[capacity * D];
        }

        @Override
        public TransitionModel model() {
            return EnsembleTransitionModel.this;
        }

        @Override
        public void predict(int member, double[] states, double[] forces, int count, double[] next) {
            step(member, states, forces, count, next, null);
        }

        @Override
        public void sample(int member, double[] states, double[] forces, int count, double[] next,
                           RandomGenerator rng) {
            if (rng == null) {
                throw new IllegalArgumentException("rng must not be null");
            }
            step(member, states, forces, count, next, rng);
        }

        private void step(int member, double[] states, double[] forces, int count, double[] next,
                          RandomGenerator rng) {
            TransitionModels.checkBatch(member, members(), states, forces, count, next);
            for (int start = 0; start < count; start += capacity) {
                int n = Math.min(capacity, count - start);
                for (int r = 0; r < n; r++) {
                    int row = start + r;
                    features.write(states, row * D, forces[row], inputs, r * in);
                }
                evaluator.predictMember(member, inputs, n, mean, rng == null ? null : var);
                for (int r = 0; r < n; r++) {
                    int at = (start + r) * D;
                    for (int i = 0; i < D; i++) {
                        double step = mean[r * D + i];
                        if (rng != null) {
                            step += Math.sqrt(var[r * D + i]) * rng.nextGaussian();
                        }
                        next[at + i] = states[at + i] + step;
                    }
                }
            }
        }
    }
}
