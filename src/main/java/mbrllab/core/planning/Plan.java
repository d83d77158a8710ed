package mbrllab.core.planning;

import java.util.List;

/**
 * The outcome of planning from one state: the chosen action sequence (under MPC only its first force is executed)
 * and what the model predicts for it. Arrays are copies made for this record; do not modify them.
 *
 * @param actions         the chosen sequence u_1..u_H, within the force range
 * @param predictedReturn J of the chosen sequence, estimated afresh with N new particles (not the score that
 *                        selected it, which is biased upwards by the selection)
 * @param states          the predicted states of that estimate: N x (H+1) x 4 (particle i at step t at (i (H+1) + t) 4)
 * @param iterations      the search's rounds, in order (CEM: one per iteration; random shooting: one)
 */
public record Plan(double[] actions, double predictedReturn, double[] states, List<Iteration> iterations) {

    public Plan {
        if (actions == null || actions.length == 0 || states == null || iterations == null) {
            throw new IllegalArgumentException("actions (H >= 1), states and iterations must be given");
        }
        if (states.length % ((actions.length + 1) * 4) != 0) {
            throw new IllegalArgumentException("states must hold N x (H+1) x 4 values");
        }
        iterations = List.copyOf(iterations);
    }

    /** The force to execute now: u_1. */
    public double firstAction() {
        return actions[0];
    }

    /** H. */
    public int horizon() {
        return actions.length;
    }

    /** Particles N of the prediction. */
    public int particles() {
        return states.length / ((actions.length + 1) * 4);
    }
}
