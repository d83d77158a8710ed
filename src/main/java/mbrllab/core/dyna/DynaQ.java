package mbrllab.core.dyna;

import mbrllab.core.maze.MazeDynamics;

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
 * <p><b>Dyna-Q+</b> (Sutton and Barto, Section 8.3), made by {@link #plus}: the same agent, but every planning
 * update adds the exploration bonus kappa sqrt(tau(x,u)) to the modelled reward, tau(x,u) being the number of
 * real steps since (x,u) was last tried (see {@link MazeAgent}), and, as the book's footnote says, planning also
 * considers actions never tried from a previously observed state, modelled as leading back to the same state
 * with reward 0. Planning in Dyna-Q+ therefore draws a random previously observed state and then one of the
 * four actions uniformly (the {@link PlanningSampling} rule does not apply):
 * <pre>
 * (f+) x &lt;- random previously observed state, u &lt;- random action (any of the four),
 *      (x', r) &lt;- Model(x,u) if (x,u) was tried, else (x, 0),
 *      Q(x,u) &lt;- Q(x,u) + alpha (r + kappa sqrt(tau(x,u)) + gamma max_u' Q(x',u') - Q(x,u))
 * </pre>
 * Real updates (d) use the real reward, without bonus.
 *
 * <p>Random numbers, changing and slippery mazes, and the array layout: see {@link MazeAgent}. Not thread-safe;
 * one thread drives an agent.
 */
public final class DynaQ extends MazeAgent {

    /** Largest kappa accepted. */
    public static final double MAX_KAPPA = 1.0;

    private final boolean stateThenAction;
    private final boolean plus;
    private final double kappa;

    /**
     * Dyna-Q.
     *
     * @param params     alpha, gamma, epsilon, n and the two choice rules
     * @param dynamics   the maze the agent acts in
     * @param realSeed   seed of the generator for real steps (share it across agents for common random numbers)
     * @param planSeed   seed of the generator for planning
     */
    public DynaQ(DynaParams params, MazeDynamics dynamics, long realSeed, long planSeed) {
        this(params, false, 0.0, dynamics, realSeed, planSeed);
    }

    private DynaQ(DynaParams params, boolean plus, double kappa, MazeDynamics dynamics, long realSeed, long planSeed) {
        super(params, dynamics, realSeed, planSeed);
        if (!(kappa >= 0 && kappa <= MAX_KAPPA)) {
            throw new IllegalArgumentException("kappa must be in [0, " + MAX_KAPPA + "], got " + kappa);
        }
        this.stateThenAction = params.sampling() == PlanningSampling.STATE_THEN_ACTION;
        this.plus = plus;
        this.kappa = kappa;
    }

    /**
     * Dyna-Q+ with exploration bonus kappa sqrt(tau) in planning and untried actions allowed in planning.
     *
     * @param kappa bonus weight, in [0, 1] (the book's Figures 8.4 and 8.5 use 1e-4 and 1e-3)
     * @throws IllegalArgumentException when kappa is out of range
     */
    public static DynaQ plus(DynaParams params, double kappa, MazeDynamics dynamics, long realSeed, long planSeed) {
        return new DynaQ(params, true, kappa, dynamics, realSeed, planSeed);
    }

    @Override
    public DynaQ copy() {
        DynaQ c = new DynaQ(params, plus, kappa, dynamics, 0, 0);
        copyStateTo(c);
        return c;
    }

    @Override
    public AgentKind kind() {
        return plus ? AgentKind.DYNA_Q_PLUS : AgentKind.DYNA_Q;
    }

    /** True for Dyna-Q+. */
    public boolean isPlus() {
        return plus;
    }

    /** Dyna-Q+'s bonus weight kappa (0 for Dyna-Q). */
    public double kappa() {
        return kappa;
    }

    /** Steps (d) and (e). */
    @Override
    void learn(int state, int u, double r, int next, boolean terminal) {
        update(DynaUpdate.Kind.REAL, state, u, r, 0.0, next, terminal);
        recordModel(state, u, r, next, terminal);
    }

    /**
     * {@code count} planning updates of step (f) (or (f+) for Dyna-Q+), as {@link #planningUpdate()} repeated;
     * the hot loop of Dyna-Q, kept free of allocation and of calls when no listener is set. Does nothing before
     * the first real step.
     */
    @Override
    public void planningUpdates(int count) {
        if (pairCount == 0 || count <= 0) {
            return;
        }
        if (listener != null) {
            for (int i = 0; i < count; i++) {
                int pair = samplePair();
                int state = pair / A;
                int u = pair - state * A;
                boolean tried = modelNext[pair] >= 0;
                int next = tried ? modelNext[pair] : state;
                lastPlanX = state;
                lastPlanU = u;
                lastPlanNext = next;
                double bonus = plus ? kappa * Math.sqrt((double) (realSteps - modelSetAt[pair])) : 0.0;
                update(DynaUpdate.Kind.PLANNING, state, u, tried ? modelReward[pair] : 0.0, bonus, next,
                        tried && modelTerminal[pair]);
            }
            return;
        }
        if (plus) {
            plusPlanningUpdates(count);
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

    /** Step (f+) without listener: the bonus and the untried actions of Dyna-Q+. */
    private void plusPlanningUpdates(int count) {
        final double[] qt = q;
        final int[] next = modelNext;
        final double[] reward = modelReward;
        final boolean[] terminal = modelTerminal;
        final long[] setAt = modelSetAt;
        final double t = realSteps;
        int pair = 0;
        int xNext = 0;
        for (int i = 0; i < count; i++) {
            pair = samplePair();
            xNext = next[pair];
            double r;
            if (xNext < 0) {
                xNext = pair / A;
                r = 0.0;
            } else {
                r = reward[pair];
            }
            r += kappa * Math.sqrt(t - setAt[pair]);
            double maxNext = 0.0;
            if (!terminal[pair]) {
                int base = xNext * A;
                maxNext = Math.max(Math.max(qt[base], qt[base + 1]), Math.max(qt[base + 2], qt[base + 3]));
            }
            double qxu = qt[pair];
            qt[pair] = qxu + alpha * (r + gamma * maxNext - qxu);
        }
        updates += count;
        lastPlanX = pair / A;
        lastPlanU = pair - lastPlanX * A;
        lastPlanNext = xNext;
    }

    /** Draws the (x,u) of a planning update, as x * 4 + u, by the chosen sampling rule (Dyna-Q+: any action). */
    private int samplePair() {
        if (plus) {
            return observedStates[planRng.nextInt(observedCount)] * A + planRng.nextInt(A);
        }
        if (stateThenAction) {
            int state = observedStates[planRng.nextInt(observedCount)];
            return state * A + takenActions[state * A + planRng.nextInt(takenCount[state])];
        }
        return observedPairs[planRng.nextInt(pairCount)];
    }
}
