package mbrllab.core.models.dynamics;

import java.util.random.RandomGenerator;

import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.MomentMatching;

/**
 * Multi-step prediction by moment matching (PILCO). The state distribution N(mu_t, Sigma_t) and the known
 * force u_t give the GP input N((mu_t, u_t), diag(Sigma_t, 0)); {@link MomentMatching} gives the moments of
 * delta = f(s_t, u_t) and Cov[s_t, delta], and
 * <pre>
 * mu_{t+1}    = mu_t + E[delta]
 * Sigma_{t+1} = Sigma_t + Cov[delta] + Cov[s_t, delta] + Cov[s_t, delta]'   (+ diag(sigma_n^2) with noise)
 * </pre>
 * which are the exact mean and covariance of s_t + delta; the next step treats them as a Gaussian.
 */
final class MomentMatchingPredictor implements MultiStepPredictor {

    private static final int D = Trajectory.STATE_DIM;

    private final MomentMatching mm;
    private final double[] noiseVar;
    private final boolean noise;

    MomentMatchingPredictor(GpModel model, RolloutSettings settings) {
        this.mm = new MomentMatching(model);
        this.noise = settings.aleatoricNoise();
        this.noiseVar = new double[D];
        for (int a = 0; a < D; a++) {
            noiseVar[a] = model.output(a).noiseVar();
        }
    }

    @Override
    public PredictionMethod method() {
        return PredictionMethod.MOMENT_MATCHING;
    }

    @Override
    public MultiStepPrediction predict(double[] start, double[] actions, RandomGenerator rng) {
        MultiStepPredictor.check(start, actions);
        int h = actions.length;
        int in = Transitions.INPUT_DIM;
        double[] means = new double[(h + 1) * D];
        double[] covs = new double[(h + 1) * D * D];
        System.arraycopy(start, 0, means, 0, D);
        double[] m = new double[in];
        double[] s = new double[in * in];
        for (int t = 0; t < h; t++) {
            int at = t * D;
            int cAt = t * D * D;
            System.arraycopy(means, at, m, 0, D);
            m[D] = actions[t];
            java.util.Arrays.fill(s, 0);
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    s[i * in + j] = covs[cAt + i * D + j];
                }
            }
            MomentMatching.Moments delta = mm.predict(m, s);
            int next = (t + 1) * D;
            int cNext = (t + 1) * D * D;
            for (int i = 0; i < D; i++) {
                means[next + i] = means[at + i] + delta.mean(i);
                for (int j = 0; j < D; j++) {
                    covs[cNext + i * D + j] = covs[cAt + i * D + j] + delta.covariance(i, j)
                            + delta.inputOutputCov(i, j) + delta.inputOutputCov(j, i);
                }
                if (noise) {
                    covs[cNext + i * D + i] += noiseVar[i];
                }
            }
        }
        return MultiStepPrediction.gaussian(means, covs);
    }
}
