package mbrllab.core.cartpole;

import mbrllab.core.random.SplitMix64;

/**
 * Tabular Dyna-Q on the 162 boxes, the lecture's pseudocode with a model that may be stochastic:
 * <pre>
 * (a) x &lt;- the current box
 * (b) u &lt;- epsilon-greedy(Q, x)                      ({@link #act})
 * (c) take u, observe r, x'                          (the episode loop, {@link BoxesEpisode})
 * (d) Q(x,u) &lt;- Q(x,u) + alpha (r + gamma max_u' Q(x',u') - Q(x,u))     ({@link #observe})
 * (e) update Model(x,u) with (x', r)
 * (f) repeat n times: x &lt;- random previously observed box, u &lt;- random action previously taken in x,
 *     (x', r) &lt;- a draw from Model(x,u), and the update of (d)
 * </pre>
 * A failure (x' = {@link Boxes#FAILED}) is terminal: the target is r alone. The truncating step at 500 is not:
 * its x' is an ordinary box and the target bootstraps from it. Q starts at 0; rewards are 0 per step and -1 on
 * failure, so Q(x,u) is minus the discounted chance of failing.
 *
 * <p><b>Common random numbers</b>, as {@link mbrllab.core.dyna.DynaQ}: every real step draws exactly two numbers
 * from the real-step generator (one to decide exploring, one to pick the action, whether exploring or breaking
 * a tie among equal Q), so agents with different n or models that share that seed act alike for as long as
 * their Q tables rank the actions alike. Planning draws from a second generator.
 *
 * <p>Arrays: Q is indexed x * 2 + u. Not thread-safe; one thread drives an agent.
 */
public final class BoxesDynaQ implements BoxesAgent {

    private static final int A = BalanceSystem.ACTIONS;

    private final BoxesDynaParams params;
    private final BoxModel model;
    private final SplitMix64 realRng;
    private final SplitMix64 planRng;

    /** Q(x,u). */
    private final double[] q = new double[Boxes.COUNT * A];
    /** Previously observed boxes in the order first seen, and each box's previously taken actions. */
    private final int[] observedBoxes = new int[Boxes.COUNT];
    private int observedCount;
    private final int[] takenActions = new int[Boxes.COUNT * A];
    private final int[] takenCount = new int[Boxes.COUNT];

    private long realSteps;
    private long updates;
    private int lastPlanBox = -1;
    private int lastPlanU = -1;
    private int lastPlanNext = Boxes.FAILED;

    /**
     * @param params   alpha, gamma, epsilon, n
     * @param model    an empty model ({@link BoxModelKind#create()}); the agent owns it from now on
     * @param realSeed seed of the generator for real steps (share it across agents for common random numbers)
     * @param planSeed seed of the generator for planning
     */
    public BoxesDynaQ(BoxesDynaParams params, BoxModel model, long realSeed, long planSeed) {
        if (params == null || model == null) {
            throw new IllegalArgumentException("params and model must not be null");
        }
        this.params = params;
        this.model = model;
        this.realRng = new SplitMix64(realSeed);
        this.planRng = new SplitMix64(planSeed);
    }

    public BoxesDynaParams params() {
        return params;
    }

    /** The model, for display (its entries: next boxes seen with their counts). Do not record into it. */
    public BoxModel model() {
        return model;
    }

    /**
     * Step (b): with probability epsilon a uniformly random action, otherwise a greedy one, ties broken
     * uniformly at random. Always draws exactly two numbers from the real-step generator.
     */
    @Override
    public int act(int box) {
        double explore = realRng.nextDouble();
        double pick = realRng.nextDouble();
        if (explore < params.epsilon()) {
            return (int) (pick * A);
        }
        double left = q[box * A];
        double right = q[box * A + 1];
        if (left > right) {
            return BalanceSystem.PUSH_LEFT;
        }
        if (right > left) {
            return BalanceSystem.PUSH_RIGHT;
        }
        if (left == right) {
            return (int) (pick * A);
        }
        throw new IllegalStateException("Q is NaN in box " + box);
    }

    /** Steps (d), (e) and (f): the real update, the model update, then n planning updates. */
    @Override
    public void observe(int box, int u, double r, int nextBox) {
        realSteps++;
        update(box, u, r, nextBox);
        if (takenCount[box] == 0) {
            observedBoxes[observedCount++] = box;
        }
        if (model.visits(box, u) == 0) {
            takenActions[box * A + takenCount[box]++] = u;
        }
        model.record(box, u, nextBox, r);
        for (int i = params.n(); i > 0; i--) {
            planningUpdate();
        }
    }

    /**
     * One planning update of step (f): a previously observed box uniformly, an action previously taken there
     * uniformly, an outcome drawn from the model, and the Q-learning update. Does nothing before the first real
     * step.
     */
    public void planningUpdate() {
        if (observedCount == 0) {
            return;
        }
        int box = observedBoxes[planRng.nextInt(observedCount)];
        int u = takenActions[box * A + planRng.nextInt(takenCount[box])];
        int j = model.sample(box, u, planRng);
        int next = model.next(box, u, j);
        lastPlanBox = box;
        lastPlanU = u;
        lastPlanNext = next;
        update(box, u, model.reward(box, u, j), next);
    }

    private void update(int box, int u, double r, int next) {
        int pair = box * A + u;
        double maxNext = next == Boxes.FAILED ? 0.0 : Math.max(q[next * A], q[next * A + 1]);
        double target = r + params.gamma() * maxNext;
        double tdError = target - q[pair];
        q[pair] += params.alpha() * tdError;
        updates++;
    }

    /** Q(x,u). */
    public double q(int box, int u) {
        return q[box * A + u];
    }

    /** A copy of Q, indexed x * 2 + u. */
    public double[] qTable() {
        return q.clone();
    }

    /** Real steps observed in all. */
    public long realSteps() {
        return realSteps;
    }

    /** Q updates made in all, real plus planning. */
    public long updates() {
        return updates;
    }

    /** True when some action has been taken in the box. */
    public boolean isObserved(int box) {
        return takenCount[box] > 0;
    }

    /** Number of distinct boxes observed. */
    public int observedBoxes() {
        return observedCount;
    }

    /** The (x,u) of the last planning update as x * 2 + u, or -1 if there was none. */
    public int lastPlannedPair() {
        return lastPlanBox < 0 ? -1 : lastPlanBox * A + lastPlanU;
    }

    /** The x' drawn in the last planning update ({@link Boxes#FAILED} for a failure or when there was none). */
    public int lastPlannedNext() {
        return lastPlanNext;
    }
}
