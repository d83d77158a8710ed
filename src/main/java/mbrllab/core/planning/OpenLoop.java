package mbrllab.core.planning;

import mbrllab.core.control.CartPoleTask;

/** An action sequence played open-loop in the true physics: what a plan would really earn. */
public final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * The true return of {@code actions} from {@code state}: sum_t reward(s_{t+1}) with the task's physics (forces
     * clipped), stopping after a terminal state (balance), as in a real episode.
     *
     * @param state   the true start state, length 4; not modified
     * @param actions u_1..u_H; not modified
     */
    public static double trueReturn(CartPoleTask task, double[] state, double[] actions) {
        double[] s = java.util.Arrays.copyOf(state, CartPoleTask.STATE_DIM);
        double[] work = new double[task.workLength()];
        double sum = 0;
        for (double u : actions) {
            task.step(s, u, work);
            sum += task.reward(s);
            if (task.isTerminal(s)) {
                break;
            }
        }
        return sum;
    }

    /**
     * The true states of {@code actions} played open-loop from {@code state}, as {@link #trueReturn} plays them:
     * (T+1) x 4 values, T = H or the step that reached a terminal state.
     *
     * @param state   the true start state, length 4; not modified
     * @param actions u_1..u_H; not modified
     */
    public static double[] trueStates(CartPoleTask task, double[] state, double[] actions) {
        int d = CartPoleTask.STATE_DIM;
        double[] s = java.util.Arrays.copyOf(state, d);
        double[] work = new double[task.workLength()];
        double[] out = new double[(actions.length + 1) * d];
        System.arraycopy(s, 0, out, 0, d);
        int t = 0;
        while (t < actions.length) {
            task.step(s, actions[t], work);
            t++;
            System.arraycopy(s, 0, out, t * d, d);
            if (task.isTerminal(s)) {
                break;
            }
        }
        return java.util.Arrays.copyOf(out, (t + 1) * d);
    }
}
