package mbrllab.core.models.gp;

import java.util.random.RandomGenerator;

import mbrllab.core.models.Prediction;
import mbrllab.core.models.RegressionModel;

/**
 * One independent {@link GaussianProcess} per output on shared inputs, as PILCO models each state
 * dimension. Epistemic variance = posterior variance of f_k; aleatoric variance = sigma_n,k^2.
 * Immutable.
 */
public final class GpModel implements RegressionModel {

    private final GaussianProcess[] outputs;
    private final int d;

    /**
     * @param outputs one conditioned GP per output, p >= 1, all with the same input dimension; copied
     */
    public GpModel(GaussianProcess... outputs) {
        if (outputs.length == 0) {
            throw new IllegalArgumentException("outputs must hold at least one GP");
        }
        this.outputs = outputs.clone();
        this.d = outputs[0].inputDim();
        for (GaussianProcess gp : outputs) {
            if (gp.inputDim() != d) {
                throw new IllegalArgumentException("all GPs must have input dimension " + d + ", got " + gp.inputDim());
            }
        }
    }

    @Override
    public int inputDim() {
        return d;
    }

    @Override
    public int outputDim() {
        return outputs.length;
    }

    /** The GP of output k. */
    public GaussianProcess output(int k) {
        return outputs[k];
    }

    @Override
    public Prediction predict(double[] queries) {
        int m = RegressionModel.points(queries, d);
        int p = outputs.length;
        double[] mean = new double[m * p];
        double[] epistemic = new double[m * p];
        double[] aleatoric = new double[m * p];
        double[] mk = new double[m];
        double[] vk = new double[m];
        for (int k = 0; k < p; k++) {
            outputs[k].predict(queries, mk, vk);
            double noise = outputs[k].noiseVar();
            for (int i = 0; i < m; i++) {
                mean[i * p + k] = mk[i];
                epistemic[i * p + k] = vk[i];
                aleatoric[i * p + k] = noise;
            }
        }
        return new Prediction(p, mean, epistemic, aleatoric);
    }

    /** Joint posterior draws of each f_k at the grid (outputs drawn independently, in order). */
    @Override
    public double[][] sampleFunctions(double[] grid, int count, RandomGenerator rng) {
        int m = RegressionModel.points(grid, d);
        int p = outputs.length;
        double[][] draws = new double[count][m * p];
        for (int k = 0; k < p; k++) {
            double[][] fk = outputs[k].samplePosterior(grid, count, rng);
            for (int s = 0; s < count; s++) {
                for (int i = 0; i < m; i++) {
                    draws[s][i * p + k] = fk[s][i];
                }
            }
        }
        return draws;
    }
}
