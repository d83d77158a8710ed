package mbrllab.core.maze;

import java.util.random.RandomGenerator;

/**
 * The dynamics of one maze layout as lookup tables, for fast tabular learning.
 * Moving into a wall or off the grid leaves the agent in place; entering G gives reward +1 and ends
 * the episode; every other step gives 0. Immutable and safe to share between threads.
 *
 * <p><b>Slip.</b> With slip probability p &gt; 0 the maze is stochastic: the action the agent chose is replaced,
 * with probability p, by one drawn uniformly from the four (possibly the same one), and that executed action
 * moves the agent. The transition probabilities are then
 * P(x' | x, u) = (1 - p) [x' = next(x, u)] + (p / 4) sum over u' of [x' = next(x, u')].
 * {@link #next(int, int)} stays the deterministic move of an executed action; {@link #executedAction} applies
 * the slip. With p = 0 (the default) the maze is deterministic and no random number is drawn.
 *
 * <p>States are cell indices {@code row * cols + col}; actions are {@link Action} ordinals.
 */
public final class MazeDynamics {

    /** Reward on entering the goal. */
    public static final double GOAL_REWARD = 1.0;

    /**
     * Why a deterministic tabular model misleads in a slippery maze: one paragraph for the app's Help.
     */
    public static final String SLIP_EXPLANATION = "With a slip probability p, the maze no longer does what the agent "
            + "asks: with probability p the chosen move is replaced by a random one. The agents' model is still the "
            + "deterministic table of the Dyna-maze: Model(x,u) keeps only the last outcome seen, as if it were "
            + "certain. After one slip, the model believes that, say, 'right' from this cell leads down, and until the "
            + "cell is visited again every one of the n planning updates replays that single accident as a fact. "
            + "Planning then pulls Q(x,u) towards the value of whichever outcome happened last, not towards the "
            + "average over outcomes that Q-learning would converge to, so values jump with every real step and "
            + "more planning makes the agent more confidently wrong, not better informed. The cure is a model of the "
            + "distribution: count the outcomes of every (x,u) and plan with sampled or expected outcomes (the "
            + "cart-pole lab's sample model does this).";

    private final Layout layout;
    private final int[] next;
    private final int start;
    private final int goal;
    private final double slip;

    /** Deterministic dynamics of {@code layout} (slip 0). */
    public MazeDynamics(Layout layout) {
        this(layout, 0.0);
    }

    /**
     * @param layout the maze
     * @param slip   probability in [0, 1] that the chosen action is replaced by a uniformly random one
     * @throws IllegalArgumentException when slip is outside [0, 1]
     */
    public MazeDynamics(Layout layout, double slip) {
        this(layout, table(layout), checkSlip(slip));
    }

    private MazeDynamics(Layout layout, int[] next, double slip) {
        this.layout = layout;
        this.next = next;
        this.start = layout.index(layout.start());
        this.goal = layout.index(layout.goal());
        this.slip = slip;
    }

    private static double checkSlip(double slip) {
        if (!(slip >= 0 && slip <= 1)) {
            throw new IllegalArgumentException("slip must be in [0, 1], got " + slip);
        }
        return slip;
    }

    private static int[] table(Layout layout) {
        int cells = layout.cellCount();
        int[] next = new int[cells * Action.COUNT];
        Action[] actions = Action.values();
        for (int x = 0; x < cells; x++) {
            for (Action u : actions) {
                next[x * Action.COUNT + u.ordinal()] = layout.move(x, u);
            }
        }
        return next;
    }

    /** The same layout with another slip probability (this object when it is the same). */
    public MazeDynamics withSlip(double newSlip) {
        return checkSlip(newSlip) == slip ? this : new MazeDynamics(layout, next, newSlip);
    }

    public Layout layout() {
        return layout;
    }

    /** Probability that the chosen action is replaced by a uniformly random one, in [0, 1]. */
    public double slip() {
        return slip;
    }

    /** Number of state indices, rows * cols (walls included). */
    public int stateCount() {
        return next.length / Action.COUNT;
    }

    /** State index of S. */
    public int start() {
        return start;
    }

    /** State index of G. */
    public int goal() {
        return goal;
    }

    /** The next state x' for executing action u in state x (deterministic; see {@link #executedAction}). */
    public int next(int x, int u) {
        return next[x * Action.COUNT + u];
    }

    /**
     * The action the maze executes when the agent chooses {@code u}. With slip 0 it is {@code u} and nothing is
     * drawn. Otherwise exactly two numbers are drawn from {@code rng}, whatever the outcome (so agents sharing a
     * seed see the same slips at the same time step): the first decides whether to slip (below p), the second
     * picks the replacement uniformly from the four actions.
     */
    public int executedAction(int u, RandomGenerator rng) {
        if (slip == 0.0) {
            return u;
        }
        double slipDraw = rng.nextDouble();
        double pick = rng.nextDouble();
        return slipDraw < slip ? (int) (pick * Action.COUNT) : u;
    }

    /** The reward for arriving in x': +1 in G, 0 elsewhere. */
    public double reward(int xNext) {
        return xNext == goal ? GOAL_REWARD : 0.0;
    }

    /** True for the terminal state G. */
    public boolean isTerminal(int x) {
        return x == goal;
    }
}
