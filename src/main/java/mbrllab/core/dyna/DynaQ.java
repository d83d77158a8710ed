package mbrllab.core.dyna;

import java.util.Arrays;

import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.random.SplitMix64;

/**
 * Tabular Dyna-Q on a maze, exactly the lecture's pseudocode:
 * <pre>
 * (a) x &lt;- current (non-terminal) state
 * (b) u &lt;- epsilon-greedy(Q, x)
 * (c) take u, observe r, x'
 * (d) Q(x,u) &lt;- Q(x,u) + alpha (r + gamma max_u' Q(x',u') - Q(x,u))
 * (e) Model(x,u) &lt;- x', r
 * (f) repeat n times: x &lt;- random previously observed state, u &lt;- random action previously taken in x,
 *     x', r &lt;- Model(x,u), and the update of (d)
 * </pre>
 * When x' is G the episode ends and the next one starts in S; the planning of (f) still follows.
 *
 * <p><b>Common random numbers.</b> Real steps draw from their own generator exactly two numbers each
 * (one to decide exploring, one to pick the action, whether exploring or breaking a tie), so agents
 * with different n that share the real generator's seed take the same random decisions at the same
 * real step for as long as their choices agree. Planning draws from a second generator.
 *
 * <p>Arrays: {@code q}, the model and the counters are indexed {@code x * 4 + u}, x a cell index of
 * {@link MazeDynamics}. Not thread-safe; one thread drives an agent.
 */
public final class DynaQ {

    private static final int A = Action.COUNT;

    private final DynaParams params;
    private final double alpha;
    private final double gamma;
    private final int n;
    private final boolean stateThenAction;
    private final int stateCount;
    private SplitMix64 realRng;
    private SplitMix64 planRng;
    private MazeDynamics dynamics;

    /** Q(x,u). */
    private final double[] q;
    /** Model(x,u): next state, -1 while (x,u) was never tried. */
    private final int[] modelNext;
    private final double[] modelReward;
    private final boolean[] modelTerminal;
    /** The real step at which Model(x,u) was last set (1-based), 0 if never. */
    private final long[] modelSetAt;

    /** Previously observed states in the order first seen, and each state's previously taken actions. */
    private final int[] observedStates;
    private int observedCount;
    private final int[] takenActions;
    private final int[] takenCount;
    /** Previously taken (x,u) pairs as x * 4 + u, in the order first taken. */
    private final int[] observedPairs;
    private int pairCount;

    private int x;
    private int episode = 1;
    private int stepsThisEpisode;
    private long realSteps;
    private long updates;
    private DynaListener listener;

    private int lastPlanX = -1;
    private int lastPlanU = -1;
    private int lastPlanNext = -1;

    /**
     * @param params     alpha, gamma, epsilon, n and the two choice rules
     * @param dynamics   the maze the agent acts in
     * @param realSeed   seed of the generator for real steps (share it across agents for common random numbers)
     * @param planSeed   seed of the generator for planning
     */
    public DynaQ(DynaParams params, MazeDynamics dynamics, long realSeed, long planSeed) {
        this.params = params;
        this.alpha = params.alpha();
        this.gamma = params.gamma();
        this.n = params.n();
        this.stateThenAction = params.sampling() == PlanningSampling.STATE_THEN_ACTION;
        this.dynamics = dynamics;
        this.stateCount = dynamics.stateCount();
        this.realRng = new SplitMix64(realSeed);
        this.planRng = new SplitMix64(planSeed);
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
     * An independent copy of this agent in its exact state: Q, the model, the observed lists, the counters and
     * both random generators. Stepping the copy gives the same bits as stepping this agent would. The listener
     * is not copied. Used for snapshots of the debugger's timeline.
     */
    public DynaQ copy() {
        DynaQ c = new DynaQ(params, dynamics, 0, 0);
        c.realRng = realRng.copy();
        c.planRng = planRng.copy();
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
        c.lastPlanX = lastPlanX;
        c.lastPlanU = lastPlanU;
        c.lastPlanNext = lastPlanNext;
        return c;
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
     * Switches the environment to another layout of the same size (changing mazes). Q and the model are kept:
     * the model is now out of date, which is the point. An agent in a cell that became a wall stays there
     * until it moves.
     */
    public void setDynamics(MazeDynamics newDynamics) {
        if (newDynamics.stateCount() != stateCount) {
            throw new IllegalArgumentException("the new layout has " + newDynamics.stateCount()
                    + " cells, the agent was built for " + stateCount);
        }
        this.dynamics = newDynamics;
    }

    /**
     * Steps (a) to (e) and then (f): one real step followed by n planning updates.
     *
     * @return true when the real step reached the goal (an episode ended)
     */
    public boolean step() {
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
    public int runEpisode(int maxSteps) {
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
     * Steps (a) to (e): choose u epsilon-greedily in the current state, take it, update Q and the model.
     * Ends the episode when x' is the goal, after which the agent stands in S.
     *
     * @return true when this step reached the goal
     */
    public boolean realStep() {
        int state = x;
        int u = chooseAction(state);
        int next = dynamics.next(state, u);
        double r = dynamics.reward(next);
        boolean terminal = dynamics.isTerminal(next);
        realSteps++;
        stepsThisEpisode++;
        update(DynaUpdate.Kind.REAL, state, u, r, next, terminal);
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
        if (terminal) {
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
     * One planning update of step (f): a previously observed (x,u) is sampled, the model predicts (x', r),
     * and Q(x,u) gets the Q-learning update. Does nothing before the first real step.
     */
    public void planningUpdate() {
        planningUpdates(1);
    }

    /**
     * {@code count} planning updates of step (f), as {@link #planningUpdate()} repeated; the hot loop of
     * Dyna-Q, kept free of allocation and of calls when no listener is set.
     */
    public void planningUpdates(int count) {
        if (pairCount == 0 || count <= 0) {
            return;
        }
        if (listener != null) {
            for (int i = 0; i < count; i++) {
                int pair = samplePair();
                lastPlanX = pair / A;
                lastPlanU = pair - lastPlanX * A;
                lastPlanNext = modelNext[pair];
                update(DynaUpdate.Kind.PLANNING, lastPlanX, lastPlanU, modelReward[pair], modelNext[pair],
                        modelTerminal[pair]);
            }
            return;
        }
        final double[] qt = q;
        final int[] next = modelNext;
        final double[] reward = modelReward;
        final boolean[] terminal = modelTerminal;
        int pair = 0;
        for (int i = 0; i < count; i++) {
            pair = samplePair();
            double maxNext = 0.0;
            if (!terminal[pair]) {
                int base = next[pair] * A;
                double a0 = qt[base];
                double a1 = qt[base + 1];
                double a2 = qt[base + 2];
                double a3 = qt[base + 3];
                maxNext = Math.max(Math.max(a0, a1), Math.max(a2, a3));
            }
            double qxu = qt[pair];
            qt[pair] = qxu + alpha * (reward[pair] + gamma * maxNext - qxu);
        }
        updates += count;
        lastPlanX = pair / A;
        lastPlanU = pair - lastPlanX * A;
        lastPlanNext = next[pair];
    }

    /** Draws the (x,u) of a planning update, as x * 4 + u, by the chosen sampling rule. */
    private int samplePair() {
        if (stateThenAction) {
            int state = observedStates[planRng.nextInt(observedCount)];
            return state * A + takenActions[state * A + planRng.nextInt(takenCount[state])];
        }
        return observedPairs[planRng.nextInt(pairCount)];
    }

    private void update(DynaUpdate.Kind kind, int state, int u, double r, int next, boolean terminal) {
        int pair = state * A + u;
        double maxNext = terminal ? 0.0 : maxQ(next);
        double qBefore = q[pair];
        double target = r + gamma * maxNext;
        double tdError = target - qBefore;
        double qAfter = qBefore + alpha * tdError;
        q[pair] = qAfter;
        long index = updates++;
        if (listener != null) {
            listener.onUpdate(new DynaUpdate(kind, index, realSteps, episode, state, u, r, next, terminal, qBefore,
                    maxNext, target, tdError, qAfter));
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

    private double maxQ(int state) {
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

    /** The real step (1-based) at which Model(x,u) was last set, 0 if never. */
    public long modelSetAt(int state, int u) {
        return modelSetAt[state * A + u];
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

    /** The (x,u) sampled by the last planning update as x * 4 + u, or -1 if there was none. */
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
