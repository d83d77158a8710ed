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
        if (alpha <= 0) {
            System.arraycopy(a, 0, out, 0, CartPoleState.DIMENSION);
            return;
        }
        if (alpha >= 1) {
            System.arraycopy(b, 0, out, 0, CartPoleState.DIMENSION);
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
        out[x] = h00 * a[x] + h10 * dt * a[v] + h01 * b[x] + h11 * dt * b[v];
        out[th] = h00 * a[th] + h10 * dt * a[w] + h01 * b[th] + h11 * dt * b[w];
        out[v] = a[v] + t * (b[v] - a[v]);
        out[w] = a[w] + t * (b[w] - a[w]);
    }
}
