package mbrllab.core.models.dynamics;

import java.util.List;

import mbrllab.core.models.Dataset;

/**
 * Cart-pole transitions as regression data on state differences, as PILCO learns them: input
 * (x, x', theta, theta', u) and target s_{t+1} - s_t. The angle enters as it is (no sin/cos augmentation): the
 * random-action data stay within one turn of hanging, where theta is a smooth coordinate.
 */
public final class Transitions {

    /** Inputs of a dynamics model: the four state components and the force. */
    public static final int INPUT_DIM = Trajectory.STATE_DIM + 1;
    /** Outputs of a dynamics model: the change of the four state components. */
    public static final int OUTPUT_DIM = Trajectory.STATE_DIM;

    private Transitions() {
    }

    /** Every transition of every trajectory, in order: inputs (s_t, u_t), targets s_{t+1} - s_t. */
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
        int row = 0;
        for (Trajectory t : trajectories) {
            for (int k = 0; k < t.length(); k++) {
                input(t.state(k), t.action(k), x, row * INPUT_DIM);
                for (int i = 0; i < OUTPUT_DIM; i++) {
                    y[row * OUTPUT_DIM + i] = t.state(k + 1, i) - t.state(k, i);
                }
                row++;
            }
        }
        return new Dataset(x, y, INPUT_DIM, OUTPUT_DIM);
    }

    /** Writes the model input (s, u) into {@code dest[at .. at+4]}. */
    public static void input(double[] state, double action, double[] dest, int at) {
        System.arraycopy(state, 0, dest, at, Trajectory.STATE_DIM);
        dest[at + Trajectory.STATE_DIM] = action;
    }
}
