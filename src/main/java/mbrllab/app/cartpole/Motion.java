package mbrllab.app.cartpole;

import mbrllab.core.cartpole.CartPoleState;

/** Smooth in-between poses for the animation. */
final class Motion {

    private Motion() {
    }

    /**
     * The pose a fraction {@code alpha} of the way through a step of {@code dt} seconds from state a to state b:
     * cubic Hermite interpolation of x and theta using their velocities at both ends (so the cart and the pole move
     * with continuous speed across steps), linear interpolation of the velocities. At alpha 0 and 1 the result is
     * exactly a and b.
     *
     * @param a   {x, x', theta, theta'} at the start of the step, not modified
     * @param b   the state at its end, not modified
     * @param out receives the pose (length at least 4; may not be a or b)
     */
    static void hermite(double[] a, double[] b, double alpha, double dt, double[] out) {
        hermite(a, 0, b, 0, alpha, dt, out);
    }

    /**
     * The pose a fraction {@code alpha} of the way through a step drawn along its {@code path}
     * ({@link CartSystem#path}: the states at the ends of its substeps): {@link #hermite} within the substep that
     * alpha falls in. At alpha 0 and 1 the result is exactly the path's first and last state.
     *
     * @param path   states {x, x', theta, theta'} at 4j..4j+3, j = 0..m (m >= 1 substeps), not modified
     * @param alpha  fraction of the step, clamped to [0, 1]
     * @param period the step's length [s]
     * @param out    receives the pose (length at least 4)
     */
    static void along(double[] path, double alpha, double period, double[] out) {
        int d = CartPoleState.DIMENSION;
        int m = path.length / d - 1;
        double t = Math.max(0, Math.min(1, alpha)) * m;
        int j = Math.min(m - 1, (int) Math.floor(t));
        hermite(path, j * d, path, (j + 1) * d, t - j, period / m, out);
    }

    private static void hermite(double[] a, int ao, double[] b, int bo, double alpha, double dt, double[] out) {
        if (alpha <= 0) {
            System.arraycopy(a, ao, out, 0, CartPoleState.DIMENSION);
            return;
        }
        if (alpha >= 1) {
            System.arraycopy(b, bo, out, 0, CartPoleState.DIMENSION);
            return;
        }
        double t = alpha;
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = t3 - 2 * t2 + t;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = t3 - t2;
        int x = CartPoleState.X;
        int v = CartPoleState.X_DOT;
        int th = CartPoleState.THETA;
        int w = CartPoleState.THETA_DOT;
        out[x] = h00 * a[ao + x] + h10 * dt * a[ao + v] + h01 * b[bo + x] + h11 * dt * b[bo + v];
        out[th] = h00 * a[ao + th] + h10 * dt * a[ao + w] + h01 * b[bo + th] + h11 * dt * b[bo + w];
        out[v] = a[ao + v] + t * (b[bo + v] - a[ao + v]);
        out[w] = a[ao + w] + t * (b[bo + w] - a[ao + w]);
    }
}
