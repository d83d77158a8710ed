package mbrllab.core.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.BalanceTask;
import mbrllab.core.random.SplitMix64;

/** The acceleration experiment's cost estimate: how long model rollouts that push at random are counted. */
class AccelerationSpecTest {

    /**
     * {@link AccelerationSpec#RANDOM_PUSH_STEPS} is the mean length of CartPole-v1 episodes pushed at random (-10 or
     * +10 N) from the start: within three standard errors of the mean over 20,000 episodes.
     */
    @Test
    void randomPushStepsIsTheMeanLengthOfRandomPushEpisodes() {
        BalanceTask task = BalanceTask.cartPoleV1();
        SplitMix64 rng = new SplitMix64(3);
        double[] s = new double[4];
        double[] work = new double[task.workLength()];
        int episodes = 20_000;
        double sum = 0;
        double squares = 0;
        for (int e = 0; e < episodes; e++) {
            task.reset(s, rng);
            int length = 0;
            do {
                task.step(s, rng.nextInt(2) == 0 ? -10 : 10, work);
                length++;
            } while (!task.isTerminal(s) && length < task.steps());
            sum += length;
            squares += (double) length * length;
        }
        double mean = sum / episodes;
        double se = Math.sqrt((squares / episodes - mean * mean) / (episodes - 1));
        assertTrue(Math.abs(mean - AccelerationSpec.RANDOM_PUSH_STEPS) < 3 * se,
                "mean " + mean + " +- " + se + " against " + AccelerationSpec.RANDOM_PUSH_STEPS);
    }

    private static double seconds(AccelerationParams params, int k) {
        AccelerationSpec spec = AccelerationSpec.of(params,
                List.of(AccelerationSetting.withModel(ModelChoice.TRUE, 10, k, 0.5)), 10, 300, 1);
        return spec.cost(1).seconds();
    }

    /**
     * Pushing at random, a rollout is counted at k steps up to that mean and no further; following the policy
     * (rollout epsilon below 1) at all k steps.
     */
    @Test
    void randomPushRolloutsAreCountedAtMostAtTheirMeanLength() {
        AccelerationParams random = AccelerationParams.defaults();
        assertEquals(1.0, random.rolloutEpsilon(), "the default pushes at random");
        assertTrue(seconds(random, 10) < seconds(random, 20));
        assertEquals(seconds(random, 30), seconds(random, 50), 1e-9 * seconds(random, 50));
        AccelerationParams policy = random.withRollouts(0.1, random.rolloutStartWindow());
        assertTrue(seconds(policy, 30) < seconds(policy, 50));
        assertEquals(seconds(random, 20), seconds(policy, 20), 1e-9 * seconds(policy, 20));
    }
}
