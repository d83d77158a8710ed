package mbrllab.core.acceleration;

import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.transition.TransitionData;

/** The real buffer as regression data for a learned model: {@link TransitionData}'s features and state changes. */
final class BufferData {

    private static final int D = ReplayBuffer.D;

    private BufferData() {
    }

    /**
     * Every transition of the buffer: input (x, x', theta', sin theta, cos theta, u), target x' - x.
     *
     * @param forceMagnitude |F| of the two pushes [N]
     */
    static Dataset of(ReplayBuffer real, double forceMagnitude) {
        int n = real.size();
        int in = TransitionData.INPUT_DIM;
        double[] x = new double[n * in];
        double[] y = new double[n * D];
        double[] s = new double[D];
        double[] next = new double[D];
        for (int i = 0; i < n; i++) {
            real.state(i, s, 0);
            real.nextState(i, next, 0);
            double force = real.action(i) == 1 ? forceMagnitude : -forceMagnitude;
            TransitionData.features(s, 0, force, x, i * in);
            for (int c = 0; c < D; c++) {
                y[i * D + c] = next[c] - s[c];
            }
        }
        return new Dataset(x, y, in, D);
    }
}
