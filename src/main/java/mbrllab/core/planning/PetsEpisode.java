package mbrllab.core.planning;

import mbrllab.core.control.TaskEpisode;

/**
 * One episode of a PETS run.
 *
 * @param number          1 for the random episode, then 2, 3, ...
 * @param random          whether the forces were uniformly random (episode 1) rather than planned
 * @param episode         what happened (true states, observations, forces, rewards)
 * @param transitions     the data size after adding this episode
 * @param fitMillis       wall time of fitting the model used in this episode [ms] (0 for the random one);
 *                        not reproducible
 * @param planMillis      mean wall time of planning per action [ms] (0 for the random one); not reproducible
 * @param predictedReturn mean over the control steps of J of the executed plan as the model predicted it (NaN for
 *                        the random episode)
 * @param replayedReturn  mean over the control steps of the same plan's true return, played open-loop in the true
 *                        physics from the true state ({@link OpenLoop}; NaN for the random episode). Far below
 *                        {@code predictedReturn}: the planner exploited the model's errors
 * @param success         swing-up: the tip within the success radius at every state of the last second;
 *                        balance: the full episode without termination
 */
public record PetsEpisode(int number, boolean random, TaskEpisode episode, int transitions, double fitMillis,
                          double planMillis, double predictedReturn, double replayedReturn, boolean success) {

    public PetsEpisode {
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, got " + number);
        }
        if (episode == null) {
            throw new IllegalArgumentException("episode must not be null");
        }
        if (transitions < episode.length()) {
            throw new IllegalArgumentException("transitions must be >= the episode's length " + episode.length()
                    + ", got " + transitions);
        }
    }

    /** The return: the sum of the episode's rewards. */
    public double totalReturn() {
        return episode.totalReward();
    }

    /** Control steps T. */
    public int steps() {
        return episode.length();
    }
}
