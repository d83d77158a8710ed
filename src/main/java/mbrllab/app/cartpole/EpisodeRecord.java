package mbrllab.app.cartpole;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.SwingUpSystem;

/**
 * One finished episode, recorded compactly: its start state and the push of every step (-1, 0, +1 times the
 * system's force). The physics is deterministic, so {@link #states()} recomputes the very states the live run
 * went through, bit for bit (the same step function on the same numbers): about half a kilobyte for a
 * 500-step episode instead of 20.
 *
 * @param number     episode number of its cart, from 1
 * @param system     the system it ran on
 * @param controller who pushed: "keyboard", "random", "Dyna-Q n = 5", or "random, then keyboard" after a take-over
 * @param start      {x, x', theta, theta'} at step 0; not to be modified
 * @param pushes     the push of step k+1 at index k (length = steps); not to be modified
 * @param ending     how it ended; null for an episode still going on ({@link CartFrame#soFar()})
 * @param score      the return (balance: steps) or the summed cost (swing-up), see {@link CartSystem#stepScore}
 */
public record EpisodeRecord(int number, CartSystem system, String controller, double[] start, byte[] pushes,
                            CartSystem.Ending ending, double score) {

    /** Steps taken (the states are numbered 0 to steps). */
    public int steps() {
        return pushes.length;
    }

    /** The force [N] of step k+1, applied from state k to state k+1 (k in 0..steps-1). */
    public double force(int k) {
        return system.force(pushes[k]);
    }

    /**
     * Recomputes every state: {x, x', theta, theta'} of state k at indices 4k..4k+3, k = 0..steps. Cheap (a few
     * microseconds for 500 steps); the caller keeps the result while it needs it.
     */
    public double[] states() {
        int d = CartPoleState.DIMENSION;
        double[] out = new double[(steps() + 1) * d];
        double[] s = start.clone();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        System.arraycopy(s, 0, out, 0, d);
        for (int k = 0; k < steps(); k++) {
            system.step(s, force(k), work);
            System.arraycopy(s, 0, out, (k + 1) * d, d);
        }
        return out;
    }
}
