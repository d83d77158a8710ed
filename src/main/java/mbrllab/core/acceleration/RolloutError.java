package mbrllab.core.acceleration;

/**
 * How far a learner's model drifts from the true physics over k imagined steps, measured on the learner's own real
 * buffer: from N start states drawn out of the buffer, the model rolls out k steps with the learner's greedy actions
 * (chosen on the model's states, as in its model-data collection, one member drawn per step), and the true physics
 * replays the same forces from the same start. Rollouts are not stopped at termination, so the error keeps
 * compounding.
 * <pre>
 * rmse_i(k)  = sqrt( 1/N sum_starts (s_model,k,i - s_true,k,i)^2 )                 per component i, in its units
 * error(k)   = sqrt( 1/(4N) sum_starts sum_i ((s_model,k,i - s_true,k,i) / c_i)^2 )
 *              (c = 2.4 m, 2 m/s, 0.21 rad, 2 rad/s)
 * </pre>
 * error(k) is a scale-free state error: 1 means the model is off by about the failure threshold in every component.
 *
 * <p>Beside it, the error of the k-th model step alone: the model's state after k steps against what the true physics
 * does from the model's own state after k - 1 steps with the same push,
 * <pre>
 * stepError(k) = sqrt( 1/(4N) sum_starts sum_i ((s_model,k,i - f(s_model,k-1, u_k)_i) / c_i)^2 )
 * </pre>
 * which is all that a transition (s_model,k-1, u_k, s_model,k) in the model buffer gets wrong: a one-step TD target
 * reads single transitions, so for it the compounding shows in where long rollouts go, not in each transition.
 * stepError(1) = error(1).
 *
 * @param starts    number of start states N
 * @param rmse      rmse[k-1][i] for k = 1..horizon and components i = x, x', theta, theta'
 * @param error     error[k-1], the scaled state error
 * @param stepError stepError[k-1], the scaled error of the k-th step alone
 */
public record RolloutError(int starts, double[][] rmse, double[] error, double[] stepError) {

    /** The scales c_i of the state error. */
    static final double[] SCALE = {2.4, 2.0, 0.21, 2.0};

    public RolloutError {
        if (starts < 1 || rmse.length != error.length || rmse.length < 1 || stepError.length != error.length) {
            throw new IllegalArgumentException("starts must be >= 1 and rmse, error and stepError must have the "
                    + "horizon's length");
        }
    }

    /**
     * The scaled error between two states, sqrt(1/4 sum_i ((a_i - b_i) / c_i)^2) with the scales c_i above.
     *
     * @param a states, the one at a[aFrom .. aFrom+3]
     * @param b states, the one at b[bFrom .. bFrom+3]
     */
    static double scaled(double[] a, int aFrom, double[] b, int bFrom) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double e = (a[aFrom + i] - b[bFrom + i]) / SCALE[i];
            sum += e * e;
        }
        return Math.sqrt(sum / 4);
    }

    /** Largest k measured. */
    public int horizon() {
        return error.length;
    }

    /** The scaled state error after k steps, k in [1, horizon]. */
    public double error(int k) {
        return error[k - 1];
    }

    /** The scaled error of the k-th model step alone (from the model's own state after k - 1 steps). */
    public double stepError(int k) {
        return stepError[k - 1];
    }

    /** The root mean square error of component i after k steps. */
    public double rmse(int k, int component) {
        return rmse[k - 1][component];
    }
}
