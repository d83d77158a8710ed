package mbrllab.core.acceleration;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.dqn.Dqn;
import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.dqn.TransitionBatch;
import mbrllab.core.models.transition.TrueTransitionModel;
import mbrllab.core.random.SplitMix64;

/**
 * One Dyna-style DQN learner on the balance task (CartPole-v1 physics, pushes of -10 and +10 N), the lecture's
 * "model-based acceleration of DQN" with its five processes. Each {@link #step()} is one real step:
 * <ol>
 *   <li>collect data: act epsilon-greedily, the true physics gives x', the transition (x, u, r = 1, x', terminal)
 *       goes into the real buffer;</li>
 *   <li>once learning has started (after {@code learningStarts} real steps), with a model: model training, a refit
 *       of a learned model every M real steps (warm-started, a fixed number of Adam steps);</li>
 *   <li>model-data collection: n rollouts of up to k steps from states drawn out of the latest transitions of the
 *       real buffer ({@code rolloutStartWindow}), epsilon-greedy actions of the current Q-network with the rollout
 *       epsilon ({@code rolloutEpsilon}; the first step's push the one the start state's real transition took, or the
 *       other one, when the setting's {@link FirstPush} says so), next states from the model (one ensemble member
 *       drawn per step; the true physics with the setting's noise added, when it has some), the
 *       reward +1 and termination by the task's own rule (known to the learner); a terminal or non-finite state ends
 *       its rollout. Every transition goes into the model buffer;</li>
 *   <li>Q-function regression: {@code updatesPerStep} DQN updates, each on a minibatch with round(realRatio B) real
 *       transitions and the rest model transitions (all real while the model buffer is empty);</li>
 *   <li>target network update after each Q update, as the DQN's settings say.</li>
 * </ol>
 * An episode ends when the pole falls (terminal: its value is 0 in the TD target) or after 500 steps (truncated:
 * bootstrapped); the next starts from Gymnasium's start distribution. The return of an episode is its length.
 *
 * <p>Randomness: separate generators for the start states, the Q-network's initial weights, acting, minibatch
 * sampling, the model rollouts' start states and pushes, a learned model's refits, and the model's member choice and
 * sampling noise, each seeded from the run's seed. Two learners of different settings on the same run seed start in
 * the same states, with the same network, and act alike until what they learned differs; two settings with models
 * (a learned one and the true physics, say) start their rollouts from the same buffer states with the same pushes
 * until their Q-networks or their rollouts' lengths differ, whatever their models draw.
 *
 * <p>Not thread-safe; all arrays allocated once, nothing per step.
 */
public final class DynaDqn {

    private static final int D = ReplayBuffer.D;

    private final BalanceTask task;
    private final AccelerationParams params;
    private final AccelerationSetting setting;
    private final Dqn dqn;
    private final RolloutModel model;
    private final ReplayBuffer real;
    private final ReplayBuffer modelData;
    private final TransitionBatch batch;
    private final SplitMix64 envRng;
    private final SplitMix64 actRng;
    private final SplitMix64 replayRng;
    private final SplitMix64 rolloutRng;
    private final SplitMix64 refitRng;
    private final SplitMix64 sampleRng;
    private final int realPerBatch;

    private final double[] s = new double[D];
    private final double[] previous = new double[D];
    private final double[] work;
    private final double[] rollStates;
    private final double[] rollNext;
    private final double[] rollForces;
    private final int[] rollActions;
    private final int[] rollStarts;

    private int episodeSteps;
    private long realSteps;
    private long episodes;
    private long modelRefits;
    private long modelRollouts;
    private long modelTransitions;
    private long targetUpdateStep;
    private long refitStep;
    private int lastReturn = -1;
    private double lastForce;

    /**
     * A fresh learner.
     *
     * @param seed the run's seed: every generator of the learner is derived from it
     */
    public DynaDqn(BalanceTask task, AccelerationParams params, AccelerationSetting setting, long seed) {
        this(task, params, setting, seed, modelFor(task, params, setting));
    }

    DynaDqn(BalanceTask task, AccelerationParams params, AccelerationSetting setting, long seed, RolloutModel model) {
        if (task == null || params == null || setting == null) {
            throw new IllegalArgumentException("task, params and setting must not be null");
        }
        this.task = task;
        this.params = params;
        this.setting = setting;
        this.envRng = new SplitMix64(SplitMix64.streamSeed(seed, 0));
        this.dqn = new Dqn(params.dqn(), new SplitMix64(SplitMix64.streamSeed(seed, 1)));
        this.actRng = new SplitMix64(SplitMix64.streamSeed(seed, 2));
        this.replayRng = new SplitMix64(SplitMix64.streamSeed(seed, 3));
        this.rolloutRng = new SplitMix64(SplitMix64.streamSeed(seed, 4));
        this.refitRng = new SplitMix64(SplitMix64.streamSeed(seed, 5));
        this.sampleRng = new SplitMix64(SplitMix64.streamSeed(seed, 6));
        this.model = model;
        this.real = new ReplayBuffer(params.dqn().bufferCapacity());
        this.modelData = setting.usesModel() ? new ReplayBuffer(params.modelBufferCapacity()) : null;
        int b = params.dqn().batchSize();
        this.batch = new TransitionBatch(b);
        this.realPerBatch = (int) Math.round(setting.realRatio() * b);
        this.work = new double[task.workLength()];
        int n = Math.max(1, setting.n());
        rollStates = new double[n * D];
        rollNext = new double[n * D];
        rollForces = new double[n];
        rollActions = new int[n];
        rollStarts = new int[n];
        task.reset(s, envRng);
    }

    private static RolloutModel modelFor(BalanceTask task, AccelerationParams params, AccelerationSetting setting) {
        int capacity = Math.max(1, Math.min(setting.n(), 256));
        return switch (setting.model()) {
            case NONE -> null;
            case TRUE -> setting.noise() == 0 ? new FixedModel(new TrueTransitionModel(task), capacity)
                    : new NoisyModel(new FixedModel(new TrueTransitionModel(task), capacity), setting.noise());
            case ENSEMBLE -> new EnsembleRolloutModel(params.model(), params.refitSteps(), task.maxForce(), capacity);
            case SINGLE -> new SingleNetRolloutModel(params.model(), params.refitSteps(), task.maxForce(), capacity);
        };
    }

    public AccelerationSetting setting() {
        return setting;
    }

    public AccelerationParams params() {
        return params;
    }

    /** The DQN learner (its networks and counters). */
    public Dqn dqn() {
        return dqn;
    }

    /** A copy of the current real state {x, x', theta, theta'}. */
    public double[] state() {
        return s.clone();
    }

    /** Steps taken in the current episode. */
    public int episodeSteps() {
        return episodeSteps;
    }

    /** The push of the last real step [N], 0 before the first. */
    public double lastForce() {
        return lastForce;
    }

    /** The return of the last finished episode, or -1 before the first. */
    public int lastReturn() {
        return lastReturn;
    }

    /** The real buffer (read it, do not change it). */
    public ReplayBuffer realBuffer() {
        return real;
    }

    /** The model buffer (read it, do not change it); null for real-only. */
    public ReplayBuffer modelBuffer() {
        return modelData;
    }

    /** The current epsilon of the behaviour policy. */
    public double epsilon() {
        return params.dqn().epsilon().value(realSteps);
    }

    /** The counters of the five processes and the dataset sizes. */
    public ProcessCounters counters() {
        return new ProcessCounters(realSteps, episodes, dqn.updates(), dqn.targetUpdates(), modelRefits,
                model == null ? 0 : model.trainingSteps(), modelRollouts, modelTransitions, real.size(),
                modelData == null ? 0 : modelData.size(), targetUpdateStep, refitStep);
    }

    /**
     * One real step and the learning after it (see the class comment).
     *
     * @return the return of the episode that this step ended, or -1 when the episode goes on
     */
    public int step() {
        double epsilon = params.dqn().epsilon().value(realSteps);
        int u = dqn.act(s, 0, epsilon, actRng);
        System.arraycopy(s, 0, previous, 0, D);
        lastForce = force(u);
        task.step(s, lastForce, work);
        realSteps++;
        episodeSteps++;
        boolean terminal = task.isTerminal(s);
        real.add(previous, 0, u, task.reward(s), s, 0, terminal);

        if (realSteps >= params.dqn().learningStarts()) {
            if (model != null) {
                if (setting.model().learned()
                        && (realSteps - params.dqn().learningStarts()) % params.refitPeriod() == 0) {
                    model.refit(real, refitRng);
                    modelRefits++;
                    refitStep = realSteps;
                }
                collectModelData(params.rolloutEpsilon());
            }
            long copies = dqn.targetUpdates();
            for (int i = 0; i < params.updatesPerStep(); i++) {
                dqn.update(fillBatch());
            }
            if (dqn.targetUpdates() != copies) {
                targetUpdateStep = realSteps;
            }
        }

        if (terminal || episodeSteps >= task.steps()) {
            int finished = episodeSteps;
            lastReturn = finished;
            episodes++;
            episodeSteps = 0;
            task.reset(s, envRng);
            return finished;
        }
        return -1;
    }

    /** Runs until the current episode ends; returns its return. */
    public int runEpisode() {
        int r;
        do {
            r = step();
        } while (r < 0);
        return r;
    }

    private double force(int action) {
        return action == BalanceSystem.PUSH_RIGHT ? task.maxForce() : -task.maxForce();
    }

    /** Process 5: n rollouts of up to k model steps from real-buffer states, into the model buffer. */
    private void collectModelData(double epsilon) {
        int alive = setting.n();
        for (int b = 0; b < alive; b++) {
            int start = real.sampleRecentIndex(rolloutRng, params.rolloutStartWindow());
            rollStarts[b] = start;
            real.state(start, rollStates, b * D);
        }
        modelRollouts += alive;
        int members = model.members();
        for (int step = 0; step < setting.k() && alive > 0; step++) {
            dqn.actAll(rollStates, alive, epsilon, rolloutRng, rollActions);
            if (step == 0 && setting.push() != FirstPush.EPSILON) {
                // drawn all the same, so that the generator moves as with the rollout epsilon's pushes
                for (int b = 0; b < alive; b++) {
                    rollActions[b] = setting.push().first(real.action(rollStarts[b]), rollActions[b]);
                }
            }
            for (int b = 0; b < alive; b++) {
                rollForces[b] = force(rollActions[b]);
            }
            int member = members > 1 ? sampleRng.nextInt(members) : 0;
            model.next(member, rollStates, rollForces, alive, rollNext, sampleRng);
            int kept = 0;
            for (int b = 0; b < alive; b++) {
                int at = b * D;
                if (!finite(rollNext, at)) {
                    continue;
                }
                boolean terminal = task.system().isTerminal(rollNext[at], rollNext[at + 2]);
                modelData.add(rollStates, at, rollActions[b], BalanceSystem.REWARD_PER_STEP, rollNext, at, terminal);
                modelTransitions++;
                if (!terminal) {
                    System.arraycopy(rollNext, at, rollStates, kept * D, D);
                    rollActions[kept] = rollActions[b];
                    kept++;
                }
            }
            alive = kept;
        }
    }

    private static boolean finite(double[] a, int at) {
        for (int i = 0; i < D; i++) {
            if (!Double.isFinite(a[at + i])) {
                return false;
            }
        }
        return true;
    }

    /** A minibatch: round(realRatio B) real transitions, the rest from the model buffer (all real without it). */
    TransitionBatch fillBatch() {
        int size = batch.capacity();
        int fromReal = modelData == null || modelData.size() == 0 ? size : realPerBatch;
        for (int b = 0; b < fromReal; b++) {
            real.copyTo(real.sampleIndex(replayRng), batch, b);
        }
        for (int b = fromReal; b < size; b++) {
            modelData.copyTo(modelData.sampleIndex(replayRng), batch, b);
        }
        batch.setSize(size);
        return batch;
    }

    /**
     * One model rollout of up to {@code k} steps from a real start state, beside the true physics (see
     * {@link ModelRollout}); null without a model. Uses the model as model-data collection does, without changing
     * the learner: the pushes epsilon-greedy with the rollout epsilon on the imagined states, the first one the push
     * the start state's real transition took, or the other one, where the setting's {@link FirstPush} says so; no
     * buffer, counter or generator of the learner moves (a learned model's next-state scratch does).
     *
     * @param start {x, x', theta, theta'}; not modified
     * @param taken the action the start state's real transition took (0 left, 1 right), or -1 when it is not known
     *              (the first push then drawn as the others, whatever the setting's first push)
     * @param k     imagined steps at most, in [1, 500]
     * @param rng   draws the pushes, the ensemble members and the model's noise; advanced
     */
    public ModelRollout imagine(double[] start, int taken, int k, RandomGenerator rng) {
        if (model == null) {
            return null;
        }
        if (start == null || start.length != D) {
            throw new IllegalArgumentException("start must hold the 4 state components");
        }
        if (taken < -1 || taken >= Dqn.ACTIONS) {
            throw new IllegalArgumentException("taken must be -1, 0 or 1, got " + taken);
        }
        if (k < 1 || k > AccelerationSetting.MAX_K) {
            throw new IllegalArgumentException("k must be in [1, " + AccelerationSetting.MAX_K + "], got " + k);
        }
        double[] imagined = new double[(k + 1) * D];
        double[] truth = new double[(k + 1) * D];
        double[] forces = new double[k];
        double[] stepped = new double[k * D];
        double[] alone = new double[D];
        System.arraycopy(start, 0, imagined, 0, D);
        System.arraycopy(start, 0, truth, 0, D);
        double[] current = start.clone();
        double[] next = new double[D];
        double[] one = start.clone();
        double[] f = new double[1];
        int members = model.members();
        int steps = 0;
        boolean modelTerminal = false;
        int trueTerminalAt = -1;
        while (steps < k) {
            int action = dqn.act(current, 0, params.rolloutEpsilon(), rng);
            if (steps == 0 && taken >= 0) {
                action = setting.push().first(taken, action);
            }
            f[0] = force(action);
            int member = members > 1 ? rng.nextInt(members) : 0;
            model.next(member, current, f, 1, next, rng);
            if (!finite(next, 0)) {
                break;
            }
            task.step(one, f[0], work);
            System.arraycopy(current, 0, alone, 0, D);
            task.step(alone, f[0], work);
            System.arraycopy(alone, 0, stepped, steps * D, D);
            forces[steps] = f[0];
            steps++;
            System.arraycopy(next, 0, imagined, steps * D, D);
            System.arraycopy(one, 0, truth, steps * D, D);
            if (trueTerminalAt < 0 && task.isTerminal(one)) {
                trueTerminalAt = steps;
            }
            System.arraycopy(next, 0, current, 0, D);
            if (task.system().isTerminal(next[0], next[2])) {
                modelTerminal = true;
                break;
            }
        }
        return new ModelRollout(steps, java.util.Arrays.copyOf(forces, steps),
                java.util.Arrays.copyOf(imagined, (steps + 1) * D), java.util.Arrays.copyOf(truth, (steps + 1) * D),
                java.util.Arrays.copyOf(stepped, steps * D), modelTerminal, trueTerminalAt);
    }

    /**
     * The k-step error of this learner's model against the true physics on its own real buffer (see
     * {@link RolloutError}); null without a model, and for a learned model not fitted yet (its first refit comes with
     * the first Q update, at the DQN's learning start).
     *
     * @param starts  start states drawn from the real buffer, in [1, 100,000]
     * @param horizon largest k, in [1, 500]
     * @param rng     draws the starts and the ensemble members; advanced
     */
    public RolloutError rolloutError(int starts, int horizon, RandomGenerator rng) {
        if (model == null || real.size() == 0 || (setting.model().learned() && modelRefits == 0)) {
            return null;
        }
        if (starts < 1 || starts > 100_000 || horizon < 1 || horizon > AccelerationSetting.MAX_K) {
            throw new IllegalArgumentException("starts must be in [1, 100000] and horizon in [1, 500], got " + starts
                    + " and " + horizon);
        }
        double[] modelStates = new double[starts * D];
        double[] trueStates = new double[starts * D];
        double[] next = new double[starts * D];
        double[] forces = new double[starts];
        int[] actions = new int[starts];
        for (int b = 0; b < starts; b++) {
            real.state(real.sampleIndex(rng), modelStates, b * D);
        }
        System.arraycopy(modelStates, 0, trueStates, 0, modelStates.length);
        double[][] rmse = new double[horizon][D];
        double[] error = new double[horizon];
        double[] stepError = new double[horizon];
        double[] one = new double[D];
        int members = model.members();
        for (int k = 0; k < horizon; k++) {
            dqn.actAll(modelStates, starts, 0, rng, actions);
            for (int b = 0; b < starts; b++) {
                forces[b] = force(actions[b]);
            }
            int member = members > 1 ? rng.nextInt(members) : 0;
            model.next(member, modelStates, forces, starts, next, rng);
            double stepSum = 0;
            for (int b = 0; b < starts; b++) {
                System.arraycopy(modelStates, b * D, one, 0, D);
                task.step(one, forces[b], work);
                for (int i = 0; i < D; i++) {
                    double scaled = (next[b * D + i] - one[i]) / RolloutError.SCALE[i];
                    stepSum += scaled * scaled;
                }
            }
            stepError[k] = Math.sqrt(stepSum / (D * starts));
            System.arraycopy(next, 0, modelStates, 0, next.length);
            double sum = 0;
            for (int b = 0; b < starts; b++) {
                System.arraycopy(trueStates, b * D, one, 0, D);
                task.step(one, forces[b], work);
                System.arraycopy(one, 0, trueStates, b * D, D);
                for (int i = 0; i < D; i++) {
                    double e = modelStates[b * D + i] - one[i];
                    rmse[k][i] += e * e;
                    double scaled = e / RolloutError.SCALE[i];
                    sum += scaled * scaled;
                }
            }
            for (int i = 0; i < D; i++) {
                rmse[k][i] = Math.sqrt(rmse[k][i] / starts);
            }
            error[k] = Math.sqrt(sum / (D * starts));
        }
        return new RolloutError(starts, rmse, error, stepError);
    }
}
