package mbrllab.app.models;

import mbrllab.core.models.ModelKind;
import mbrllab.core.models.gp.SeHyperparameters;

/**
 * One fitted model of the 1-D playground evaluated on the grid: mean, epistemic and aleatoric variance, sample
 * functions, and what the lab prints about the fit. Arrays are owned by this value and never modified.
 *
 * @param kind             GP or ensemble
 * @param mean             predictive mean at each grid point
 * @param epistemicVar     epistemic variance at each grid point
 * @param aleatoricVar     aleatoric variance at each grid point
 * @param priorSamples     GP: functions drawn from the prior with the fitted hyperparameters; ensemble: none (empty)
 * @param functionSamples  GP: functions drawn from the posterior; ensemble: each member's mean function
 * @param hyperparameters  GP: the fitted hyperparameters; ensemble: null
 * @param logMarginalLikelihood GP: log p(y | X) at the fitted hyperparameters; ensemble: NaN
 * @param coverage         fraction of 1,000 fresh noisy targets from the data's generator inside mean +- 2 sigma
 * @param summary          one line about the fit, for the info panel
 */
record ModelCurves(ModelKind kind, double[] mean, double[] epistemicVar, double[] aleatoricVar, double[][] priorSamples,
                   double[][] functionSamples, SeHyperparameters hyperparameters, double logMarginalLikelihood,
                   double coverage, String summary) {
}
