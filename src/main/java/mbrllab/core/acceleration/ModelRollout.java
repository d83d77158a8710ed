package mbrllab.core.acceleration;

/**
 * One model rollout as the learner's model-data collection makes it, beside what the true physics does from the same
 * real start state with the same pushes: the compounding error of k imagined steps, one rollout at a time. The pushes
 * are drawn as model-data collection draws them (epsilon-greedy with the rollout epsilon on the imagined states, the
 * first one as the setting's first push says), and the true trajectory replays them; one ensemble member is drawn per
 * step. The imagined rollout stops where the task's rule calls its state terminal
 * (or where it is not finite), as model-data collection stops it; the true one runs as many steps.
 *
 * @param steps           imagined steps taken, in [0, k]
 * @param forces          forces[t], the push of step t+1 [N], length steps
 * @param imagined        (steps + 1) x 4 states {x, x', theta, theta'}: row 0 the real start state, row t the model's
 *                        state after t steps
 * @param truth           (steps + 1) x 4 states of the true physics from the same start under the same forces
 * @param stepped         steps x 4: row t-1 what the true physics does in one step from the model's state after t - 1
 *                        steps with push t, against which the model's step t alone is measured ({@link #stepError})
 * @param modelTerminal   true when the imagined rollout ended at a terminal state (the pole fell in the model)
 * @param trueTerminalAt  the first step t at which the true state is terminal, or -1 when none is
 */
public record ModelRollout(int steps, double[] forces, double[] imagined, double[] truth, double[] stepped,
                           boolean modelTerminal, int trueTerminalAt) {

    public ModelRollout {
        if (steps < 0 || forces.length != steps || imagined.length != (steps + 1) * 4
                || truth.length != (steps + 1) * 4 || stepped.length != steps * 4) {
            throw new IllegalArgumentException("a rollout of " + steps + " steps needs " + steps + " forces, "
                    + (steps + 1) * 4 + " state values per trajectory and " + steps * 4 + " one-step states");
        }
    }

    /** Component i (0 x, 1 x', 2 theta, 3 theta') of the imagined state after t steps. */
    public double imagined(int t, int i) {
        return imagined[t * 4 + i];
    }

    /** Component i of the true state after t steps. */
    public double truth(int t, int i) {
        return truth[t * 4 + i];
    }

    /**
     * Component i of the true physics' one step from the model's state after t - 1 steps with push t, t in
     * [1, steps]: where the model's step t should have gone.
     */
    public double stepped(int t, int i) {
        return stepped[(t - 1) * 4 + i];
    }

    /** The scaled state error after t steps, as {@link RolloutError} scales it (1: off by about the failure limits). */
    public double error(int t) {
        return RolloutError.scaled(imagined, t * 4, truth, t * 4);
    }

    /**
     * The scaled error of the model's step t alone, t in [1, steps]: its state after t steps against the true physics'
     * one step from its own state after t - 1 steps with the same push. This is all that the transition it writes into
     * the model buffer gets wrong; {@code stepError(1) == error(1)}.
     */
    public double stepError(int t) {
        return RolloutError.scaled(imagined, t * 4, stepped, (t - 1) * 4);
    }
}
