package mbrllab.app.models;

import mbrllab.core.models.Dataset;

/**
 * The playground's latest fit: the points it was fitted to and each model's curves (null when that model has not
 * been fitted to these points).
 *
 * @param dataVersion which version of the points (see {@link PlaygroundViewModel#dataVersionProperty()})
 * @param data        the points, or null when there are none
 * @param gp          the GP's curves, or null
 * @param ensemble    the ensemble's curves, or null
 */
record PlaygroundFit(long dataVersion, Dataset data, ModelCurves gp, ModelCurves ensemble) {
}
