package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/**
 * One balancing episode on the BOXES task of Barto, Sutton and Anderson (1983) with Gymnasium's CartPole-v1
 * physics: the state starts as Gymnasium's reset draws it; every step the agent picks a push of +-F from the box
 * of the state; the reward is 0 per step and -1 on failure (Barto et al.'s reinforcement, Gymnasium's
 * {@code sutton_barto_reward} option); the episode ends at failure (terminal) or after
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
     * Runs one episode.
     *
     * @param boxes  the discretisation, and through it the system
     * @param agent  chooses and learns
     * @param envRng draws the start state (exactly four numbers per episode)
     * @param s      scratch state of length at least 4; holds the last state afterwards
     * @return the steps balanced: the number of steps taken, the failing one included (Gymnasium's return with
     *         reward 1 per step), {@code maxSteps} when truncated
     */
    public static int run(Boxes boxes, BoxesAgent agent, RandomGenerator envRng, double[] s) {
        BalanceSystem system = boxes.system();
        system.reset(s, envRng);
        int box = boxes.box(s);
        if (box == Boxes.FAILED) {
            throw new IllegalStateException("the start state is already a failure: " + CartPoleState.of(s));
        }
        int maxSteps = system.maxSteps();
        for (int t = 1; ; t++) {
            int u = agent.act(box);
            system.step(s, system.force(u));
            int next = boxes.box(s);
            double r = next == Boxes.FAILED ? FAILURE_REWARD : STEP_REWARD;
            agent.observe(box, u, r, next);
            if (next == Boxes.FAILED || t >= maxSteps) {
                return t;
            }
            box = next;
        }
    }
}
