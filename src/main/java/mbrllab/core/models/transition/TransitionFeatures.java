package mbrllab.core.models.transition;

import java.util.List;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.dynamics.Trajectory;

/**
 * What a learned {@link TransitionModel} sees of a state and force. The target is always the state change
 * s_{t+1} - s_t; the angle always enters through its sine and cosine (a model then generalises across whole turns
 * of the pole, and the swing-up passes through theta = pi).
 */
public enum TransitionFeatures {
    /** (x, x', theta', sin theta, cos theta, u): PILCO's inputs ({@link TransitionData}). */
    WITH_POSITION("with-position", 6),
    /**
     * (x', theta', sin theta, cos theta, u): without the cart's position. Neither cart-pole's physics depends on
     * where the cart is (the track is uniform), so a model given x can only learn a spurious dependence on it, and
     * where the cart has not been yet (towards the track's ends) it extrapolates in x and a planner exploits that.
     */
    WITHOUT_POSITION("without-position", 5);

    private static final int D = CartPoleState.DIMENSION;

    private final String id;
    private final int inputDim;

    TransitionFeatures(String id, int inputDim) {
        this.id = id;
        this.inputDim = inputDim;
    }

    /** A stable key: with-position or without-position. */
    public String id() {
        return id;
    }

    /** Number of model inputs: 6 or 5. */
    public int inputDim() {
        return inputDim;
    }

    /** Outputs of a model: the change of the four state components. */
    public int outputDim() {
        return D;
    }

    /** Writes the inputs of state {@code states[at .. at+3]} and force u into {@code dest[to ..]}. */
    public void write(double[] states, int at, double force, double[] dest, int to) {
        double theta = states[at + CartPoleState.THETA];
        int k = to;
        if (this == WITH_POSITION) {
            dest[k++] = states[at + CartPoleState.X];
        }
        dest[k++] = states[at + CartPoleState.X_DOT];
        dest[k++] = states[at + CartPoleState.THETA_DOT];
        dest[k++] = Math.sin(theta);
        dest[k++] = Math.cos(theta);
        dest[k] = force;
    }

    /**
     * Every transition of every trajectory, in order: these inputs, targets s_{t+1} - s_t.
     *
     * @throws IllegalArgumentException if there are no transitions
     */
    public Dataset dataset(List<Trajectory> trajectories) {
        int count = TransitionData.count(trajectories);
        if (count == 0) {
            throw new IllegalArgumentException("no transitions");
        }
        double[] x = new double[count * inputDim];
        double[] y = new double[count * D];
        double[] s = new double[D];
        int row = 0;
        for (Trajectory t : trajectories) {
            for (int k = 0; k < t.length(); k++) {
                for (int i = 0; i < D; i++) {
                    s[i] = t.state(k, i);
                }
                write(s, 0, t.action(k), x, row * inputDim);
                for (int i = 0; i < D; i++) {
                    y[row * D + i] = t.state(k + 1, i) - t.state(k, i);
                }
                row++;
            }
        }
        return new Dataset(x, y, inputDim, D);
    }
}
