package mbrllab.core.acceleration;

import java.util.List;

import mbrllab.core.dqn.DqnParams;
import mbrllab.core.dqn.EpsilonSchedule;
import mbrllab.core.dqn.TargetUpdate;
import mbrllab.core.dqn.TdLoss;

/**
 * What all settings of one comparison share: the DQN, the number of Q updates per real step, the model's refits and
 * the model buffer. Only the data the learners learn from differs between settings.
 *
 * @param dqn                 the DQN learner (network, Adam, target network, exploration, real buffer)
 * @param updatesPerStep      Q updates after each real step (once learning has started), in [1, 1000]
 * @param refitPeriod         M: a learned model is refitted every M real steps, the first time when Q learning
 *                            starts, in [1, 1,000,000]
 * @param refitSteps          Adam steps per member and refit, warm-started from the previous fit (so a refit costs
 *                            the same however much data there is), in [1, 1,000,000]
 * @param model               the learned model's networks and training
 * @param modelBufferCapacity model transitions kept (the oldest replaced first), in [1, 10,000,000]
 * @param rolloutEpsilon      epsilon of the epsilon-greedy actions in model rollouts, in [0, 1] (1: uniformly random
 *                            pushes). With the behaviour policy's small epsilon nearly all model transitions take the
 *                            greedy push, so the Q-values of the other push are left to the real data and drift
 * @param rolloutStartWindow  rollouts start from states drawn out of the latest this-many real transitions (those of
 *                            the current policy), in [1, 10,000,000]; the buffer's capacity or more: the whole buffer
 */
public record AccelerationParams(DqnParams dqn, int updatesPerStep, int refitPeriod, int refitSteps,
                                 LearnedModelParams model, int modelBufferCapacity, double rolloutEpsilon,
                                 int rolloutStartWindow) {

    public AccelerationParams {
        if (dqn == null || model == null) {
            throw new IllegalArgumentException("dqn and model must not be null");
        }
        if (updatesPerStep < 1 || updatesPerStep > 1000) {
            throw new IllegalArgumentException("updatesPerStep must be in [1, 1000], got " + updatesPerStep);
        }
        if (refitPeriod < 1 || refitPeriod > 1_000_000) {
            throw new IllegalArgumentException("refitPeriod must be in [1, 1000000], got " + refitPeriod);
        }
        if (refitSteps < 1 || refitSteps > 1_000_000) {
            throw new IllegalArgumentException("refitSteps must be in [1, 1000000], got " + refitSteps);
        }
        if (modelBufferCapacity < 1 || modelBufferCapacity > 10_000_000) {
            throw new IllegalArgumentException("modelBufferCapacity must be in [1, 10000000], got "
                    + modelBufferCapacity);
        }
        if (!(rolloutEpsilon >= 0 && rolloutEpsilon <= 1)) {
            throw new IllegalArgumentException("rolloutEpsilon must be in [0, 1], got " + rolloutEpsilon);
        }
        if (rolloutStartWindow < 1 || rolloutStartWindow > 10_000_000) {
            throw new IllegalArgumentException("rolloutStartWindow must be in [1, 10000000], got "
                    + rolloutStartWindow);
        }
    }

    /** With the default rollout epsilon and rollout starts from the whole real buffer. */
    public AccelerationParams(DqnParams dqn, int updatesPerStep, int refitPeriod, int refitSteps,
                              LearnedModelParams model, int modelBufferCapacity) {
        this(dqn, updatesPerStep, refitPeriod, refitSteps, model, modelBufferCapacity, DEFAULT_ROLLOUT_EPSILON,
                dqn == null ? 1 : dqn.bufferCapacity());
    }

    /**
     * Default epsilon of the pushes in model rollouts: 1, uniformly random. With the behaviour policy's epsilon
     * (0.05 after 300 steps) nearly every model transition took the greedy push and the policy flipped to pushing one
     * way (the true model's mean return over 4 pilot runs stayed at about 10 from episode 16 to 31). `accelerate
     * --runs 10 --seed 1`: model:n=10:k=1 3,571 +- 573 real steps to 195 before, 3,044 +- 448 with 1;
     * true:n=10:k=1 3,695 +- 842 before, 2,570 +- 40 with 1; real-only 2,727 +- 165 (README; all with gamma 0.99).
     */
    public static final double DEFAULT_ROLLOUT_EPSILON = 1.0;

    /** Default fraction of real transitions in the minibatches of a setting with a model. */
    public static final double DEFAULT_REAL_RATIO = 0.5;

    /**
     * Default discount: 0.95. Over seeds 1, 11 and 21 (`accelerate --runs 10 --max-steps 4000 --settings
     * real,model:n=10:k=1,true:n=10:k=1`, src/docs/acceleration-measurements.md) the learned model's paired lead over
     * real data was +156, +394 and +169 real steps to 195 with 0.95, against -30, +72 and +318 with 0.99, when it was
     * chosen; since the model rollouts have a generator of their own, +24, +498 and +89 against +88, +47 and +384. The
     * true model's: +144, +253 and +180 against +137, +137 and +352 (the same before and after).
     */
    public static final double DEFAULT_GAMMA = 0.95;

    /**
     * The DQN defaults of the acceleration comparison: Q-network 4 -&gt; 32 -&gt; 32 -&gt; 2 (swish), Adam 1e-3, gamma
     * {@link #DEFAULT_GAMMA}, minibatches of 64, Huber loss, Double DQN, target network copied every 200 Q updates,
     * epsilon from 1 to 0.05 over the first 300 real steps, learning from real step 200 on, a real buffer of 100,000
     * (never full within the 30,000-step cap).
     */
    public static DqnParams defaultDqn() {
        return new DqnParams(List.of(32, 32), 1e-3, DEFAULT_GAMMA, 64, TdLoss.HUBER, TargetUpdate.hard(200),
                new EpsilonSchedule(1.0, 0.05, 300), 200, 100_000, true);
    }

    /**
     * The defaults printed by {@code accelerate --help}: {@link #defaultDqn()}, 2 Q updates per real step, learned
     * models refitted every 500 real steps with 200 warm-started Adam steps per member
     * ({@link LearnedModelParams#defaults()}), a model buffer of 20,000 transitions, uniformly random pushes in model
     * rollouts ({@link #DEFAULT_ROLLOUT_EPSILON}) from states of the whole real buffer.
     */
    public static AccelerationParams defaults() {
        return new AccelerationParams(defaultDqn(), 2, 500, 200, LearnedModelParams.defaults(), 20_000);
    }

    public AccelerationParams withDqn(DqnParams newDqn) {
        return new AccelerationParams(newDqn, updatesPerStep, refitPeriod, refitSteps, model, modelBufferCapacity,
                rolloutEpsilon, rolloutStartWindow);
    }

    public AccelerationParams withUpdatesPerStep(int newUpdatesPerStep) {
        return new AccelerationParams(dqn, newUpdatesPerStep, refitPeriod, refitSteps, model, modelBufferCapacity,
                rolloutEpsilon, rolloutStartWindow);
    }

    public AccelerationParams withRefit(int newRefitPeriod, int newRefitSteps) {
        return new AccelerationParams(dqn, updatesPerStep, newRefitPeriod, newRefitSteps, model, modelBufferCapacity,
                rolloutEpsilon, rolloutStartWindow);
    }

    public AccelerationParams withModel(LearnedModelParams newModel) {
        return new AccelerationParams(dqn, updatesPerStep, refitPeriod, refitSteps, newModel, modelBufferCapacity,
                rolloutEpsilon, rolloutStartWindow);
    }

    public AccelerationParams withModelBufferCapacity(int newCapacity) {
        return new AccelerationParams(dqn, updatesPerStep, refitPeriod, refitSteps, model, newCapacity,
                rolloutEpsilon, rolloutStartWindow);
    }

    public AccelerationParams withRollouts(double newRolloutEpsilon, int newRolloutStartWindow) {
        return new AccelerationParams(dqn, updatesPerStep, refitPeriod, refitSteps, model, modelBufferCapacity,
                newRolloutEpsilon, newRolloutStartWindow);
    }
}
