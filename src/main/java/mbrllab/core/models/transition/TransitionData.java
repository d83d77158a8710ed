package mbrllab.core.models.transition;

import java.util.List;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.dynamics.Trajectory;

/**
 * Observed transitions as regression data for a learned {@link TransitionModel} (PETS' state-difference
 * learning, PILCO's angle features): input (x, x', theta', sin theta, cos theta, u), target s_{t+1} - s_t.
 * The angle enters through its sine and cosine so that a model generalises across whole turns of the pole (the
 * swing-up passes through theta = pi); its change is still learned as a plain difference.
 */
public final class TransitionData {

    /** Inputs of a learned transition model: x, x', theta', sin theta, cos theta, u. */
    public static final int INPUT_DIM = 6;
    /** Outputs: the change of the four state components. */
    public static final int OUTPUT_DIM = CartPoleState.DIMENSION;

    private static final int D = CartPoleState.DIMENSION;

    private TransitionData() {
    }

    /**
     * Every transition of every trajectory, in order: inputs {@link #features}, targets s_{t+1} - s_t.
     *
     * @throws IllegalArgumentException if there are no transitions
     */
    public static Dataset of(List<Trajectory> trajectories) {
        int count = 0;
        for (Trajectory t : trajectories) {
            count += t.length();
        }
        if (count == 0) {
            throw new IllegalArgumentException("no transitions");
        }
        double[] x = new double[count * INPUT_DIM];
        double[] y = new double[count * OUTPUT_DIM];
        double[] s = new double[D];
        int row = 0;
        for (Trajectory t : trajectories) {
            for (int k = 0; k < t.length(); k++) {
                for (int i = 0; i < D; i++) {
                    s[i] = t.state(k, i);
                }
                features(s, 0, t.action(k), x, row * INPUT_DIM);
                for (int i = 0; i < OUTPUT_DIM; i++) {
                    y[row * OUTPUT_DIM + i] = t.state(k + 1, i) - t.state(k, i);
                }
                row++;
            }
        }
        return new Dataset(x, y, INPUT_DIM, OUTPUT_DIM);
    }

    /** Number of transitions in the trajectories. */
    public static int count(List<Trajectory> trajectories) {
        int count = 0;
        for (Trajectory t : trajectories) {
            count += t.length();
        }
        return count;
    }

    /**
     * Writes the model input of state {@code states[at .. at+3]} and force u into {@code dest[to .. to+5]}:
     * (x, x', theta', sin theta, cos theta, u).
     */
    public static void features(double[] states, int at, double force, double[] dest, int to) {
        double theta = states[at + CartPoleState.THETA];
        dest[to] = states[at + CartPoleState.X];
        dest[to + 1] = states[at + CartPoleState.X_DOT];
        dest[to + 2] = states[at + CartPoleState.THETA_DOT];
        dest[to + 3] = Math.sin(theta);
        dest[to + 4] = Math.cos(theta);
        dest[to + 5] = force;
    }
}
