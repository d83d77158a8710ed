package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/**
 * One balancing episode on the BOXES task of Barto, Sutton and Anderson (1983) with Gymnasium's CartPole-v1
 * physics: the state starts as Gymnasium's reset draws it; every step the agent picks a push of +-F from the box
 * of the state; the reward is 0 per step and -1 on failure (Barto et al.'s reinforcement, Gymnasium's
 * {@code sutton_barto_reward} option); the episode ({@link CartPoleEpisode}) ends at failure (terminated) or after
 * {@link BalanceSystem#maxSteps()} steps (truncated, not terminal: the agent sees an ordinary next box).
 */
public final class BoxesEpisode {

    /** Reward of a step that does not fail. */
    public static final double STEP_REWARD = 0.0;
    /** Reward of the step that fails. */
    public static final double FAILURE_REWARD = -1.0;

    private BoxesEpisode() {
    }

    /**
     * Runs one episode: {@code episode} begins at Gymnasium's start (drawn from {@code envRng}) and is stepped with
     * the agent's pushes until it is terminated (failure, reward -1, next box {@link Boxes#FAILED}) or truncated
     * (an ordinary last transition with reward 0 and a real next box).
     *
     * @param boxes   the discretisation of the episode's system
     * @param agent   chooses and learns
     * @param envRng  draws the start state (exactly four numbers per episode)
     * @param episode an episode of {@code boxes.system()} (reused: this begins a new one); holds the last state
     *                afterwards
     * @return the steps balanced: the number of steps taken, the failing one included (Gymnasium's return with
     *         reward 1 per step), the step limit when truncated
     * @throws IllegalArgumentException when the episode is not of the boxes' system
     */
    public static int run(Boxes boxes, BoxesAgent agent, RandomGenerator envRng, CartPoleEpisode episode) {
        BalanceSystem system = boxes.system();
        if (!system.equals(episode.system())) {
            throw new IllegalArgumentException("the episode must be of the boxes' system " + system + ", got "
                    + episode.system());
        }
        episode.reset(envRng);
        double[] s = episode.state();
        int box = boxes.box(s);
        if (box == Boxes.FAILED) {
            throw new IllegalStateException("the start state is already a failure: " + CartPoleState.of(s));
        }
        while (true) {
            int u = agent.act(box);
            boolean over = episode.step(system.force(u)).isOver();
            int next = boxes.box(s);
            double r = next == Boxes.FAILED ? FAILURE_REWARD : STEP_REWARD;
            agent.observe(box, u, r, next);
            if (over) {
                return episode.steps();
            }
            box = next;
        }
    }
}
