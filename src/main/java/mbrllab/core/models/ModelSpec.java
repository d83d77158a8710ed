package mbrllab.core.models;

import java.util.random.RandomGenerator;

import mbrllab.core.budget.Cost;

/**
 * How to fit one kind of {@link RegressionModel}: the settings of the method (a record) and the fitting
 * itself. {@code GpSpec} and {@code EnsembleSpec} are the implementations.
 */
public interface ModelSpec {

    /** Which kind of model this makes. */
    ModelKind kind();

    /**
     * Fits a model to the data.
     *
     * @param data the training data
     * @param rng  all the randomness of fitting (restarts, initial weights, bootstraps, minibatches); advanced.
     *             The same data and generator state give the same model, bit for bit
     * @return the fitted model
     * @throws IllegalArgumentException if the data does not suit the method (e.g. too many points for a GP)
     */
    RegressionModel fit(Dataset data, RandomGenerator rng);

    /**
     * What fitting {@code n} points of {@code d} inputs and {@code p} outputs costs on {@code workers} threads, leaning
     * high ({@link Cost}).
     */
    Cost fitCost(int n, int d, int p, int workers);

    /**
     * What predicting at {@code queries} points costs, once fitted to {@code n} points of {@code d} inputs and
     * {@code p} outputs.
     */
    Cost predictCost(int n, int d, int p, long queries);
}
