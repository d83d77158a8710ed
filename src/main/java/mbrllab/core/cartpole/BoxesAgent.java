package mbrllab.core.cartpole;

/**
 * An agent that balances the cart-pole seeing only the BOXES index of the state ({@link Boxes}). The episode
 * loop ({@link BoxesEpisode}) asks for an action, applies it, and reports the outcome.
 * Implementations: {@link RandomBoxesAgent} and {@link BoxesDynaQ}. Not thread-safe.
 */
public interface BoxesAgent {

    /**
     * Chooses the action in a box.
     *
     * @param box the current box, 0..161
     * @return {@link BalanceSystem#PUSH_LEFT} or {@link BalanceSystem#PUSH_RIGHT}
     */
    int act(int box);

    /**
     * Learns from one real transition.
     *
     * @param box     the box the action was taken in
     * @param u       the action taken
     * @param r       the reward: {@link BoxesEpisode#FAILURE_REWARD} on failure, else {@link BoxesEpisode#STEP_REWARD}
     * @param nextBox the box reached, or {@link Boxes#FAILED} when the step failed (a terminal transition);
     *                after the truncating step it is an ordinary box: truncation is not terminal
     */
    void observe(int box, int u, double r, int nextBox);
}
