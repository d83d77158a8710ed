package mbrllab.core.models.transition;

import java.util.random.RandomGenerator;

/**
 * A model of a cart-pole task's dynamics, s_{t+1} ~ p(s_{t+1} | s_t, u_t), as planners (PETS) and Dyna-style
 * learners (model-based DQN) use it: given a member index and a batch of (state, force) pairs it predicts or
 * samples the next states. An ensemble has {@link #members()} members (the lecture's theta_i); the single net
 * and the true physics have one.
 *
 * <p>States are {x, x', theta, theta'} (the order of {@link mbrllab.core.cartpole.CartPoleState}, theta in the
 * task's own convention), batches row-major count x 4. Forces are in newtons and should lie in the task's range
 * [-maxForce, maxForce]: the true model clips them as the task does, the learned ones use them as given.
 *
 * <p>A model is immutable and may be shared between threads; the scratch space of the hot loop lives in a
 * {@link Stepper}, one per thread. Fitted by {@link TransitionModelSpec#fit}.
 */
public interface TransitionModel {

    /** Which kind of model this is. */
    TransitionModelKind kind();

    /** Number of members M (&gt;= 1): the ensemble's size; 1 for the single net and the true physics. */
    int members();

    /**
     * Whether {@link Stepper#sample} draws noise (the ensemble's aleatoric variance); when false, sampling is
     * the prediction itself and draws nothing.
     */
    boolean stochastic();

    /**
     * Scratch space for batches; not thread-safe (one per thread), allocated once and reused: no allocation per
     * call.
     *
     * @param capacity rows per internal pass, in [1, 65,536]; larger batches are done in passes of this size
     */
    Stepper stepper(int capacity);

    /**
     * The predicted next states of member {@code member} (see {@link Stepper#predict}), with a fresh stepper:
     * convenient, but it allocates; hot loops keep a {@link Stepper}.
     */
    default void predict(int member, double[] states, double[] forces, int count, double[] next) {
        stepper(Math.max(1, Math.min(count, 256))).predict(member, states, forces, count, next);
    }

    /** Next states drawn from member {@code member} (see {@link Stepper#sample}), with a fresh stepper. */
    default void sample(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
        stepper(Math.max(1, Math.min(count, 256))).sample(member, states, forces, count, next, rng);
    }

    /** Batched one-step predictions of one model with its own scratch space. Not thread-safe. */
    interface Stepper {

        /** The model this steps. */
        TransitionModel model();

        /**
         * The mean next state of one member: s + mu_member(s, u) for a learned model (its predicted mean state
         * change), the physics for the true model.
         *
         * @param member in [0, members())
         * @param states count x 4 row-major; not modified (unless it is {@code next})
         * @param forces count forces; not modified
         * @param count  rows, &gt;= 0
         * @param next   receives count x 4 next states; may be {@code states} itself (updated in place)
         */
        void predict(int member, double[] states, double[] forces, int count, double[] next);

        /**
         * A next state drawn from one member: s + mu + sigma z for the ensemble, z ~ N(0, I) drawn row by row,
         * component by component (count x 4 normals); for a deterministic model the same as {@link #predict} and
         * no draws.
         *
         * @param rng the noise; advanced
         * @see #predict for the arrays
         */
        void sample(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng);
    }
}
