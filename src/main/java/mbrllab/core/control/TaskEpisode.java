package mbrllab.core.control;

import java.util.random.RandomGenerator;

import mbrllab.core.models.dynamics.Trajectory;

/**
 * One episode of a controller on a task, with both what happened and what the learner saw.
 *
 * <p>Order of events: s_0 is drawn ({@link CartPoleTask#reset}), then per step t: o_t is observed from s_t, the
 * controller returns a force from o_t, the force is clipped, the true physics gives s_{t+1} and the reward
 * r_t = reward(s_{t+1}); the episode stops after a terminal s_{t+1} (terminated) or after {@link CartPoleTask#steps()}
 * steps (truncated). The observation of the last state is drawn too, so that the learner's data has a successor
 * for every transition.
 *
 * @param truth      the true states s_0 .. s_T and the clipped forces u_0 .. u_{T-1}: what is drawn and exported;
 *                   re-simulating s_t with u_t gives s_{t+1} exactly
 * @param observed   the observations o_0 .. o_T with the same forces: the learner's data
 * @param rewards    r_0 .. r_{T-1}
 * @param terminated true when s_T is terminal (a failure), false when the episode ran its full length
 */
public record TaskEpisode(Trajectory truth, Trajectory observed, double[] rewards, boolean terminated) {

    /** Number of steps T. */
    public int length() {
        return truth.length();
    }

    /** The return: the sum of the rewards. */
    public double totalReward() {
        double sum = 0;
        for (double r : rewards) {
            sum += r;
        }
        return sum;
    }

    /** A copy of the rewards. */
    @Override
    public double[] rewards() {
        return rewards.clone();
    }

    /**
     * Runs one episode.
     *
     * @param taskRng draws the start state and the observation noise (and nothing else)
     */
    public static TaskEpisode run(CartPoleTask task, Controller controller, RandomGenerator taskRng) {
        int dim = CartPoleTask.STATE_DIM;
        int max = task.steps();
        double[] states = new double[(max + 1) * dim];
        double[] observations = new double[(max + 1) * dim];
        double[] forces = new double[max];
        double[] rewards = new double[max];
        double[] s = new double[dim];
        double[] o = new double[dim];
        double[] work = new double[task.workLength()];
        task.reset(s, taskRng);
        System.arraycopy(s, 0, states, 0, dim);
        task.observe(s, o, taskRng);
        System.arraycopy(o, 0, observations, 0, dim);
        int t = 0;
        boolean terminated = false;
        while (t < max && !terminated) {
            double u = controller.force(o, t);
            if (!Double.isFinite(u)) {
                throw new IllegalStateException("the controller returned a force that is not finite at step " + t
                        + ": " + u);
            }
            u = task.clip(u);
            task.step(s, u, work);
            forces[t] = u;
            rewards[t] = task.reward(s);
            t++;
            System.arraycopy(s, 0, states, t * dim, dim);
            task.observe(s, o, taskRng);
            System.arraycopy(o, 0, observations, t * dim, dim);
            terminated = task.isTerminal(s);
        }
        double[] usedStates = java.util.Arrays.copyOf(states, (t + 1) * dim);
        double[] usedObs = java.util.Arrays.copyOf(observations, (t + 1) * dim);
        double[] usedForces = java.util.Arrays.copyOf(forces, t);
        return new TaskEpisode(new Trajectory(usedStates, usedForces), new Trajectory(usedObs, usedForces),
                java.util.Arrays.copyOf(rewards, t), terminated);
    }
}
