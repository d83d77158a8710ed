package mbrllab.app.cartpole;

import mbrllab.core.cartpole.BoxesLearningSpec;

/**
 * The learning curves over the background runs finished so far: mean steps balanced per episode and the half-width
 * of its 95% confidence interval, per n.
 *
 * @param spec      the experiment
 * @param runsDone  runs included
 * @param mean      mean[i][e], curve i (n = spec.curveNs().get(i)), episode e (0-based)
 * @param halfWidth halfWidth[i][e]: t(0.975, runsDone - 1) times the standard error; 0 with one run
 * @param finished  true for the final result (computed in run order: the same bits as {@code cartpole learn})
 */
public record CurvesSnapshot(BoxesLearningSpec spec, int runsDone, double[][] mean, double[][] halfWidth,
                             boolean finished) {

    public int runsTotal() {
        return spec.runs();
    }
}
