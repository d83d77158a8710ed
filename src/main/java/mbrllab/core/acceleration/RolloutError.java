package mbrllab.core.acceleration;

/**
 * How far a learner's model drifts from the true physics over k imagined steps, measured on the learner's own real
 * buffer: from N start states drawn out of the buffer, the model rolls out k steps with the learner's greedy actions
 * (chosen on the model's states, as in its model-data collection, one member drawn per step), and the true physics
 * replays the same forces from the same start. Rollouts are not stopped at termination, so the error keeps
 * compounding.
 * <pre>
 * rmse_i(k)  = sqrt( 1/N sum_starts (s_model,k,i - s_true,k,i)^2 )                 per component i, in its units
 * error(k)   = sqrt( 1/(4N) sum_starts sum_i ((s_model,k,i - s_true,k,i) / c_i)^2 ) (c = 2.4 m, 2 m/s, 0.21 rad, 2 rad/s)
 * </pre>
 * error(k) is a scale-free state error: 1 means the model is off by about the failure threshold in every component.
 *
 * @param starts number of start states N
 * @param rmse   rmse[k-1][i] for k = 1..horizon and components i = x, x', theta, theta'
 * @param error  error[k-1], the scaled state error
 */
public record RolloutError(int starts, double[][] rmse, double[] error) {

    /** The scales c_i of the state error. */
    static final double[] SCALE = {2.4, 2.0, 0.21, 2.0};

    public RolloutError {
        if (starts < 1 || rmse.length != error.length || rmse.length < 1) {
            throw new IllegalArgumentException("starts must be >= 1 and rmse and error must have the horizon's length");
        }
    }

    /** Largest k measured. */
    public int horizon() {
        return error.length;
    }

    /** The scaled state error after k steps, k in [1, horizon]. */
    public double error(int k) {
        return error[k - 1];
    }

    /** The root mean square error of component i after k steps. */
    public double rmse(int k, int component) {
        return rmse[k - 1][component];
    }
}
