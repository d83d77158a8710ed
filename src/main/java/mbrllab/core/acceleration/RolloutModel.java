package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.dqn.ReplayBuffer;

/**
 * The model a Dyna-style learner simulates with, and how it is kept up to date (the lecture's process 4, model
 * training): batched next-state predictions of one member, and a refit from the real buffer. One per learner; not
 * thread-safe.
 */
interface RolloutModel {

    /** Members M (1 unless an ensemble). */
    int members();

    /**
     * Brings the model up to date with the real buffer (warm-started from the previous fit, a fixed number of Adam
     * steps); nothing for the true physics.
     *
     * @param rng draws minibatches (and, on the first fit, the initial weights); advanced
     */
    void refit(ReplayBuffer real, RandomGenerator rng);

    /** Adam steps taken by all refits so far, summed over members. */
    long trainingSteps();

    /**
     * Next states of a batch under member {@code member}.
     *
     * @param states count x 4; not modified
     * @param forces count forces [N]; not modified
     * @param next   receives count x 4 next states
     * @param rng    noise of a stochastic model; advanced
     */
    void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng);
}
