package mbrllab.core.dyna;

import java.util.Arrays;

import mbrllab.core.maze.Action;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.LayoutChange;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.random.SplitMix64;

/**
 * What every tabular maze agent of the lab shares: Q(x,u), the deterministic last-outcome model
 * Model(x,u) = (x', r), the epsilon-greedy real step, the environment (a maze layout, possibly slippery and
 * possibly changing at a given step) and the counters. The agents differ in how they plan:
 * {@link DynaQ} (uniform replay of the model, or Dyna-Q+ with its exploration bonus) and
 * {@link PrioritizedSweeping} (replay ordered by a priority queue).
 *
 * <p>One real step ({@link #realStep()}): (a) x is the current state; (b) u is chosen epsilon-greedily with
 * random (or first-index) tie-breaking; (c) the maze executes u (or, with slip, a random action in its place)
 * and returns r and x'; then the agent learns from (x, u, r, x'), its own way (Dyna-Q: the Q-learning update and
 * Model(x,u) &lt;- (x', r); prioritized sweeping: the model and the queue). When x' is G the episode ends and the
 * agent is put back in S. {@link #step()} is a real step followed by n planning updates.
 *
 * <p><b>Random numbers.</b> Three generators, each seeded from the constructor's seeds only: the real-step
 * generator (seed {@code realSeed}) gives exactly two numbers per real step (explore or not, then the action
 * or the tie); the planning generator (seed {@code planSeed}) serves planning; the maze's slip, when its
 * probability is above 0, draws exactly two numbers per real step from a third generator derived from
 * {@code realSeed}. Agents sharing {@code realSeed} therefore see the same random decisions at the same real
 * step for as long as their choices agree (common random numbers), with or without slip; with slip 0 the third
 * generator is never used and the agents behave exactly as without the option.
 *
 * <p><b>Changing mazes.</b> {@link #scheduleChange(LayoutChange)} makes the agent switch its environment to
 * another layout as soon as {@code afterStep} real steps have been taken (book Figures 8.4 and 8.5), and
 * {@link #setDynamics(MazeDynamics)} switches at once. Q and the model are kept: the model is then out of date,
 * which is the point. An agent standing in a cell that became a wall stays there until it moves.
 *
 * <p><b>Staleness.</b> tau(x,u) = t - (the real step at which (x,u) was last tried), t the real steps taken so
 * far, and tau(x,u) = t for a pair never tried (as if every pair had been tried at step 0). Dyna-Q+ plans with
 * it; for every agent it is the "how stale is the model" heat map.
 *
 * <p>Arrays are indexed {@code x * 4 + u}, x a cell index of {@link MazeDynamics}. Not thread-safe; one thread
 * drives an agent.
 */
public abstract sealed class MazeAgent permits DynaQ, PrioritizedSweeping {

    static final int A = Action.COUNT;

    /** Stream index of the slip generator derived from the real-step seed. */
    private static final long SLIP_STREAM = 0x5L;

    final DynaParams params;
    final double alpha;
    final double gamma;
    final int n;
    final int stateCount;
    SplitMix64 realRng;
    SplitMix64 planRng;
    SplitMix64 slipRng;
    MazeDynamics dynamics;

    /** Q(x,u). */
    final double[] q;
    /** Model(x,u): next state, -1 while (x,u) was never tried. */
    final int[] modelNext;
    final double[] modelReward;
    final boolean[] modelTerminal;
    /** The real step at which (x,u) was last tried (1-based), 0 if never. */
    final long[] modelSetAt;

    /** Previously observed states in the order first seen, and each state's previously taken actions. */
    final int[] observedStates;
    int observedCount;
    final int[] takenActions;
    final int[] takenCount;
    /** Previously taken (x,u) pairs as x * 4 + u, in the order first taken. */
    final int[] observedPairs;
    int pairCount;

    int x;
    int episode = 1;
    int stepsThisEpisode;
    long realSteps;
    long updates;
    long goals;
    DynaListener listener;

    int lastPlanX = -1;
    int lastPlanU = -1;
    int lastPlanNext = -1;

    /** The scheduled layout change: the real step count at which it happens, or -1 for none. */
    private long changeAt = -1;
    private Layout changeLayout;

    MazeAgent(DynaParams params, MazeDynamics dynamics, long realSeed, long planSeed) {
        if (params == null) {
            throw new IllegalArgumentException("params must not be null");
        }
        if (dynamics == null) {
            throw new IllegalArgumentException("dynamics must not be null");
        }
        this.params = params;
        this.alpha = params.alpha();
        this.gamma = params.gamma();
        this.n = params.n();
        this.dynamics = dynamics;
        this.stateCount = dynamics.stateCount();
        this.realRng = new SplitMix64(realSeed);
        this.planRng = new SplitMix64(planSeed);
        this.slipRng = new SplitMix64(SplitMix64.streamSeed(realSeed, SLIP_STREAM));
        int pairs = stateCount * A;
        this.q = new double[pairs];
        this.modelNext = new int[pairs];
        Arrays.fill(modelNext, -1);
        this.modelReward = new double[pairs];
        this.modelTerminal = new boolean[pairs];
        this.modelSetAt = new long[pairs];
        this.observedStates = new int[stateCount];
        this.takenActions = new int[pairs];
        this.takenCount = new int[stateCount];
        this.observedPairs = new int[pairs];
        this.x = dynamics.start();
    }

    /**
     * An independent copy of this agent in its exact state: Q, the model, the counters, the scheduled change and
     * the random generators. Stepping the copy gives the same bits as stepping this agent would. The listener is
     * not copied.
     */
    public abstract MazeAgent copy();

    /** Which algorithm this is. */
    public abstract AgentKind kind();

    /** Copies the shared state into {@code c}, a fresh agent of the same size. */
    void copyStateTo(MazeAgent c) {
        c.realRng = realRng.copy();
        c.planRng = planRng.copy();
        c.slipRng = slipRng.copy();
        c.dynamics = dynamics;
        System.arraycopy(q, 0, c.q, 0, q.length);
        System.arraycopy(modelNext, 0, c.modelNext, 0, modelNext.length);
        System.arraycopy(modelReward, 0, c.modelReward, 0, modelReward.length);
        System.arraycopy(modelTerminal, 0, c.modelTerminal, 0, modelTerminal.length);
        System.arraycopy(modelSetAt, 0, c.modelSetAt, 0, modelSetAt.length);
        System.arraycopy(observedStates, 0, c.observedStates, 0, observedStates.length);
        c.observedCount = observedCount;
        System.arraycopy(takenActions, 0, c.takenActions, 0, takenActions.length);
        System.arraycopy(takenCount, 0, c.takenCount, 0, takenCount.length);
        System.arraycopy(observedPairs, 0, c.observedPairs, 0, observedPairs.length);
        c.pairCount = pairCount;
        c.x = x;
        c.episode = episode;
        c.stepsThisEpisode = stepsThisEpisode;
        c.realSteps = realSteps;
        c.updates = updates;
        c.goals = goals;
        c.lastPlanX = lastPlanX;
        c.lastPlanU = lastPlanU;
        c.lastPlanNext = lastPlanNext;
        c.changeAt = changeAt;
        c.changeLayout = changeLayout;
    }

    public DynaParams params() {
        return params;
    }

    /** The maze the agent acts in now. */
    public MazeDynamics dynamics() {
        return dynamics;
    }

    /** Sets the observer of every update, or null for none (the fast path). */
    public void setListener(DynaListener listener) {
        this.listener = listener;
    }

    /**
     * Switches the environment at once to another layout of the same size, or to the same layout with another
     * slip probability. Q and the model are kept.
     *
     * @throws IllegalArgumentException when the new layout has another number of cells
     */
    public void setDynamics(MazeDynamics newDynamics) {
        if (newDynamics.stateCount() != stateCount) {
            throw new IllegalArgumentException("the new layout has " + newDynamics.stateCount()
                    + " cells, the agent was built for " + stateCount);
        }
        this.dynamics = newDynamics;
    }

    /**
     * Makes the environment switch to {@code change.layout()} (keeping the slip probability in force then) as soon
     * as {@code change.afterStep()} real steps have been taken: right after that step, before its planning
     * updates, so the next real step happens in the new layout. When that many steps have already been taken,
     * switches now. Replaces any change scheduled before; null cancels it.
     *
     * @throws IllegalArgumentException when the new layout has another number of cells
     */
    public void scheduleChange(LayoutChange change) {
        if (change == null) {
            changeAt = -1;
            changeLayout = null;
            return;
        }
        if (change.layout().cellCount() != stateCount) {
            throw new IllegalArgumentException("the changed layout has " + change.layout().cellCount()
                    + " cells, the agent was built for " + stateCount);
        }
        changeAt = change.afterStep();
        changeLayout = change.layout();
        applyDueChange();
    }

    /** The real step count after which the scheduled change happens, or -1 when none is pending. */
    public long pendingChangeStep() {
        return changeAt;
    }

    private void applyDueChange() {
        if (changeAt >= 0 && realSteps >= changeAt) {
            dynamics = new MazeDynamics(changeLayout, dynamics.slip());
            changeAt = -1;
            changeLayout = null;
        }
    }

    /**
     * One real step followed by n planning updates.
     *
     * @return true when the real step reached the goal (an episode ended)
     */
    public final boolean step() {
        boolean ended = realStep();
        planningUpdates(n);
        return ended;
    }

    /**
     * Runs whole steps until the current episode ends, or gives the episode up after {@code maxSteps}
     * real steps of it (then the agent is put back in S and a new episode begins, as after the goal).
     *
     * @return the real steps the episode took, {@code maxSteps} if it was given up
     */
    public final int runEpisode(int maxSteps) {
        while (true) {
            int stepsBefore = stepsThisEpisode;
            if (step()) {
                return stepsBefore + 1;
            }
            if (stepsThisEpisode >= maxSteps) {
                int steps = stepsThisEpisode;
                episode++;
                stepsThisEpisode = 0;
                x = dynamics.start();
                return steps;
            }
        }
    }

    /**
     * Steps (a) to (c) and the agent's learning from the transition: choose u epsilon-greedily in the current
     * state, let the maze execute it, learn. Ends the episode when x' is the goal, after which the agent stands
     * in S.
     *
     * @return true when this step reached the goal
     */
    public final boolean realStep() {
        int state = x;
        int u = chooseAction(state);
        MazeDynamics world = dynamics;
        int next = world.next(state, world.executedAction(u, slipRng));
        double r = world.reward(next);
        boolean terminal = world.isTerminal(next);
        realSteps++;
        stepsThisEpisode++;
        learn(state, u, r, next, terminal);
        if (changeAt >= 0) {
            applyDueChange();
        }
        if (terminal) {
            goals++;
            int ended = episode;
            int steps = stepsThisEpisode;
            episode++;
            stepsThisEpisode = 0;
            x = dynamics.start();
            if (listener != null) {
                listener.onEpisodeEnd(ended, steps);
            }
            return true;
        }
        x = next;
        return false;
    }

    /**
     * What the agent does with one real transition (x, u, r, x'), u being the action it chose (it does not know
     * whether the maze slipped). Called after the step counters have been advanced.
     */
    abstract void learn(int state, int u, double r, int next, boolean terminal);

    /** One planning update (does nothing when the agent has nothing to plan with yet). */
    public final void planningUpdate() {
        planningUpdates(1);
    }

    /**
     * {@code count} planning updates, as {@link #planningUpdate()} repeated (prioritized sweeping stops early when
     * its queue runs empty).
     */
    public abstract void planningUpdates(int count);

    /** Model(x,u) &lt;- (x', r): remembers the outcome and when it was seen; keeps the observed lists. */
    final void recordModel(int state, int u, double r, int next, boolean terminal) {
        int pair = state * A + u;
        if (modelNext[pair] < 0) {
            if (takenCount[state] == 0) {
                observedStates[observedCount++] = state;
            }
            takenActions[state * A + takenCount[state]++] = u;
            observedPairs[pairCount++] = pair;
        }
        modelNext[pair] = next;
        modelReward[pair] = r;
        modelTerminal[pair] = terminal;
        modelSetAt[pair] = realSteps;
    }

    /**
     * The Q-learning update Q(x,u) &lt;- Q(x,u) + alpha (r + bonus + gamma max_u' Q(x',u') - Q(x,u)), with
     * max Q(x',.) = 0 when x' is terminal; counts it and tells the listener.
     */
    final void update(DynaUpdate.Kind kind, int state, int u, double r, double bonus, int next, boolean terminal) {
        int pair = state * A + u;
        double maxNext = terminal ? 0.0 : maxQ(next);
        double qBefore = q[pair];
        double target = r + bonus + gamma * maxNext;
        double tdError = target - qBefore;
        double qAfter = qBefore + alpha * tdError;
        q[pair] = qAfter;
        long index = updates++;
        if (listener != null) {
            listener.onUpdate(new DynaUpdate(kind, index, realSteps, episode, state, u, r, next, terminal, qBefore,
                    maxNext, target, tdError, qAfter, bonus));
        }
    }

    /**
     * Step (b): with probability epsilon a uniformly random action, otherwise a greedy one, ties broken by
     * the chosen rule. Always draws exactly two numbers from the real-step generator.
     */
    private int chooseAction(int state) {
        double explore = realRng.nextDouble();
        double pick = realRng.nextDouble();
        if (explore < params.epsilon()) {
            return (int) (pick * A);
        }
        int base = state * A;
        double best = q[base];
        int bestCount = 1;
        for (int u = 1; u < A; u++) {
            double value = q[base + u];
            if (value > best) {
                best = value;
                bestCount = 1;
            } else if (value == best) {
                bestCount++;
            }
        }
        int k = params.tieBreaking() == TieBreaking.RANDOM ? (int) (pick * bestCount) : 0;
        for (int u = 0; u < A; u++) {
            if (q[base + u] == best) {
                if (k == 0) {
                    return u;
                }
                k--;
            }
        }
        throw new IllegalStateException("no maximal action in state " + state + " (Q is NaN?)");
    }

    /** max over u of Q(state, u). */
    final double maxQ(int state) {
        int base = state * A;
        double best = q[base];
        for (int u = 1; u < A; u++) {
            if (q[base + u] > best) {
                best = q[base + u];
            }
        }
        return best;
    }

    /** The current state x (after a goal step, S). */
    public int state() {
        return x;
    }

    /** The 1-based number of the episode in progress. */
    public int episode() {
        return episode;
    }

    /** Real steps taken so far in the episode in progress. */
    public int stepsThisEpisode() {
        return stepsThisEpisode;
    }

    /** Real steps taken in all. */
    public long realSteps() {
        return realSteps;
    }

    /** Q updates made in all, real plus planning. */
    public long updates() {
        return updates;
    }

    /** Number of times the agent entered G. */
    public long goalsReached() {
        return goals;
    }

    /**
     * The reward collected in all real steps: {@link MazeDynamics#GOAL_REWARD} per goal reached (every other step
     * gives 0). The y axis of Figures 8.4 and 8.5.
     */
    public double cumulativeReward() {
        return goals * MazeDynamics.GOAL_REWARD;
    }

    /** Q(x,u). */
    public double q(int state, int u) {
        return q[state * A + u];
    }

    /** Copies Q into {@code dest} (length at least stateCount * 4), indexed x * 4 + u. */
    public void copyQ(double[] dest) {
        System.arraycopy(q, 0, dest, 0, q.length);
    }

    /** A copy of Q, indexed x * 4 + u. */
    public double[] qTable() {
        return q.clone();
    }

    /** Model(x,u)'s next state, or -1 while (x,u) was never tried. */
    public int modelNext(int state, int u) {
        return modelNext[state * A + u];
    }

    /** Model(x,u)'s reward (0 while unknown). */
    public double modelReward(int state, int u) {
        return modelReward[state * A + u];
    }

    /** The real step (1-based) at which Model(x,u) was last set, i.e. (x,u) last tried, 0 if never. */
    public long modelSetAt(int state, int u) {
        return modelSetAt[state * A + u];
    }

    /**
     * tau(x,u): real steps since (x,u) was last tried in the maze, {@link #realSteps()} if it never was. 0 right
     * after it was tried.
     */
    public long tau(int state, int u) {
        return realSteps - modelSetAt[state * A + u];
    }

    /**
     * Writes tau(x,u) for every pair into {@code dest} (length at least stateCount * 4), indexed x * 4 + u: the
     * data of the staleness heat map.
     */
    public void copyTau(long[] dest) {
        long t = realSteps;
        for (int pair = 0; pair < modelSetAt.length; pair++) {
            dest[pair] = t - modelSetAt[pair];
        }
    }

    /** A new array of tau(x,u), indexed x * 4 + u. */
    public long[] tauTable() {
        long[] tau = new long[modelSetAt.length];
        copyTau(tau);
        return tau;
    }

    /** True when some action has been tried in {@code state}, i.e. the model knows something about it. */
    public boolean isObserved(int state) {
        return takenCount[state] > 0;
    }

    /** Number of distinct (x,u) the model knows. */
    public int knownPairs() {
        return pairCount;
    }

    /** Number of state indices (rows * cols). */
    public int stateCount() {
        return stateCount;
    }

    /** The (x,u) of the last planning update as x * 4 + u, or -1 if there was none. */
    public int lastPlannedPair() {
        return lastPlanX < 0 ? -1 : lastPlanX * A + lastPlanU;
    }

    /** The x' the model predicted in the last planning update, or -1. */
    public int lastPlannedNext() {
        return lastPlanNext;
    }

    /**
     * The greedy action in {@code state} when exactly one action has the largest Q, else -1 (the book draws
     * an arrow only where one action is strictly best).
     *
     * @param q Q indexed x * 4 + u
     */
    public static int strictlyBestAction(double[] q, int state) {
        int base = state * A;
        int best = 0;
        boolean unique = true;
        for (int u = 1; u < A; u++) {
            if (q[base + u] > q[base + best]) {
                best = u;
                unique = true;
            } else if (q[base + u] == q[base + best]) {
                unique = false;
            }
        }
        return unique ? best : -1;
    }
}
