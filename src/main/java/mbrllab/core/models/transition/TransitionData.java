package mbrllab.core.models.transition;

import java.util.List;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.dynamics.Trajectory;

/**
 * Observed transitions as regression data for a learned {@link TransitionModel} (PETS' state-difference
 * learning, PILCO's angle features): input (x, x', theta', sin theta, cos theta, u), target s_{t+1} - s_t.
 * The angle enters through its sine and cosine so that a model generalises across whole turns of the pole (the
 * swing-up passes through theta = pi); its change is still learned as a plain difference. These are the inputs of
 * {@link TransitionFeatures#WITH_POSITION}; {@link TransitionFeatures} has the other choice.
 */
public final class TransitionData {

    /** Inputs of a learned transition model: x, x', theta', sin theta, cos theta, u. */
    public static final int INPUT_DIM = 6;
    /** Outputs: the change of the four state components. */
    public static final int OUTPUT_DIM = CartPoleState.DIMENSION;

    private TransitionData() {
    }

    /**
     * Every transition of every trajectory, in order: inputs {@link #features}, targets s_{t+1} - s_t.
     *
     * @throws IllegalArgumentException if there are no transitions
     */
    public static Dataset of(List<Trajectory> trajectories) {
        return TransitionFeatures.WITH_POSITION.dataset(trajectories);
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
        TransitionFeatures.WITH_POSITION.write(states, at, force, dest, to);
    }
}
