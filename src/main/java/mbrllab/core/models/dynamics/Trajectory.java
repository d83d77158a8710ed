package mbrllab.core.models.dynamics;

import mbrllab.core.cartpole.CartPoleState;

/**
 * A cart-pole trajectory: states s_0 .. s_T (each {x, x', theta, theta'}, the order of {@link CartPoleState})
 * and the forces u_0 .. u_{T-1}, u_t applied from s_t to s_{t+1}. Immutable; arrays are copied in and out.
 */
public final class Trajectory {

    /** Length of a state, 4. */
    public static final int STATE_DIM = CartPoleState.DIMENSION;

    private final double[] states;
    private final double[] actions;

    /**
     * @param states  (T+1) x 4 row-major, every entry finite; copied
     * @param actions T forces, every entry finite, T >= 1; copied
     */
    public Trajectory(double[] states, double[] actions) {
        if (actions == null || states == null || actions.length < 1
                || states.length != (long) (actions.length + 1) * STATE_DIM) {
            throw new IllegalArgumentException("a trajectory needs T >= 1 actions and (T+1) x 4 state values, got "
                    + (actions == null ? "null" : actions.length) + " actions and "
                    + (states == null ? "null" : states.length) + " state values");
        }
        for (int i = 0; i < states.length; i++) {
            if (!Double.isFinite(states[i])) {
                throw new IllegalArgumentException("state value " + i + " must be finite, got " + states[i]);
            }
        }
        for (int i = 0; i < actions.length; i++) {
            if (!Double.isFinite(actions[i])) {
                throw new IllegalArgumentException("action " + i + " must be finite, got " + actions[i]);
            }
        }
        this.states = states.clone();
        this.actions = actions.clone();
    }

    /** Number of transitions T. */
    public int length() {
        return actions.length;
    }

    /** Component {@code dim} of s_t, 0 &lt;= t &lt;= T. */
    public double state(int t, int dim) {
        return states[t * STATE_DIM + dim];
    }

    /** A copy of s_t. */
    public double[] state(int t) {
        double[] s = new double[STATE_DIM];
        System.arraycopy(states, t * STATE_DIM, s, 0, STATE_DIM);
        return s;
    }

    /** u_t, 0 &lt;= t &lt; T. */
    public double action(int t) {
        return actions[t];
    }

    /** A copy of the states, (T+1) x 4 row-major. */
    public double[] states() {
        return states.clone();
    }

    /** A copy of the actions, length T. */
    public double[] actions() {
        return actions.clone();
    }

    /** The part from s_from with the next {@code steps} actions: s_from .. s_{from+steps}. */
    public Trajectory window(int from, int steps) {
        if (from < 0 || steps < 1 || from + steps > length()) {
            throw new IllegalArgumentException("window [" + from + ", " + (from + steps) + "] is not inside 0.."
                    + length());
        }
        double[] s = new double[(steps + 1) * STATE_DIM];
        System.arraycopy(states, from * STATE_DIM, s, 0, s.length);
        double[] u = new double[steps];
        System.arraycopy(actions, from, u, 0, steps);
        return new Trajectory(s, u);
    }
}
