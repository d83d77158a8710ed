package mbrllab.core.models.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.SwingUpSystem;

/**
 * Data for a dynamics model: episodes of the swing-up cart-pole under uniformly random forces, as PILCO's
 * first rollouts. Each episode starts near hanging at rest, s_0 ~ N(0, startStd^2 I) (PILCO: startStd 0.1),
 * and applies u_t ~ U[-maxForce, maxForce], one per control period.
 */
public final class RandomEpisodes {

    /** PILCO's spread of the start state around hanging at rest. */
    public static final double PILCO_START_STD = 0.1;

    private RandomEpisodes() {
    }

    /**
     * Collects {@code episodes} episodes of {@code steps} control periods each. Per episode, the four start
     * normals are drawn first, then the forces in order.
     *
     * @param startStd standard deviation of each start component, in [0, 10]
     * @param rng      all the randomness; advanced
     */
    public static List<Trajectory> collect(SwingUpSystem system, int episodes, int steps, double startStd,
                                           RandomGenerator rng) {
        if (episodes < 1 || episodes > 10_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000], got " + episodes);
        }
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("steps must be in [1, 100000], got " + steps);
        }
        if (!(startStd >= 0 && startStd <= 10)) {
            throw new IllegalArgumentException("startStd must be in [0, 10], got " + startStd);
        }
        List<Trajectory> out = new ArrayList<>(episodes);
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        int dim = Trajectory.STATE_DIM;
        for (int e = 0; e < episodes; e++) {
            double[] s = new double[dim];
            for (int i = 0; i < dim; i++) {
                s[i] = startStd * rng.nextGaussian();
            }
            double[] states = new double[(steps + 1) * dim];
            double[] actions = new double[steps];
            System.arraycopy(s, 0, states, 0, dim);
            for (int t = 0; t < steps; t++) {
                double u = system.maxForce() * (2 * rng.nextDouble() - 1);
                actions[t] = u;
                system.step(s, u, work);
                System.arraycopy(s, 0, states, (t + 1) * dim, dim);
            }
            out.add(new Trajectory(states, actions));
        }
        return out;
    }
}
