package mbrllab.core.models;

import java.util.random.RandomGenerator;

/**
 * A regression model fitted to a {@link Dataset}, with its uncertainty split into epistemic and
 * aleatoric parts (see {@link Prediction}). Made by {@link ModelSpec#fit}; immutable afterwards, so one
 * model may be queried from several threads.
 *
 * <p>Query arrays are m x d row-major, d = {@link #inputDim()}.
 */
public interface RegressionModel {

    /** Input dimension d of the data the model was fitted on. */
    int inputDim();

    /** Output dimension p. */
    int outputDim();

    /**
     * The predictive distribution at m query points.
     *
     * @param queries m x d row-major, m >= 1 (length a positive multiple of d); not modified
     */
    Prediction predict(double[] queries);

    /**
     * Functions drawn from the model's epistemic distribution, evaluated at grid points: for a GP, joint
     * draws of the latent f from its posterior (no noise added); for an ensemble, the mean function of a
     * member picked uniformly at random for each draw.
     *
     * @param grid  m x d row-major points; not modified
     * @param count number of functions, >= 1
     * @param rng   source of randomness; advanced
     * @return {@code count} arrays of m x p values (row-major)
     */
    double[][] sampleFunctions(double[] grid, int count, RandomGenerator rng);

    /** The number of query points in {@code queries}, checking that it holds whole rows of d values. */
    static int points(double[] queries, int inputDim) {
        if (queries == null || queries.length == 0 || queries.length % inputDim != 0) {
            throw new IllegalArgumentException("queries must hold m >= 1 rows of " + inputDim + " values, got length "
                    + (queries == null ? "null" : queries.length));
        }
        return queries.length / inputDim;
    }
}
