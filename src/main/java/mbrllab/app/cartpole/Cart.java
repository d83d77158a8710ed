package mbrllab.app.cartpole;

import java.util.Arrays;
import java.util.List;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.BoxModel;
import mbrllab.core.cartpole.Boxes;
import mbrllab.core.cartpole.BoxesAgent;
import mbrllab.core.cartpole.BoxesDynaQ;
import mbrllab.core.cartpole.BoxesEpisode;
import mbrllab.core.cartpole.CartPoleEpisode;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.RandomBoxesAgent;
import mbrllab.core.random.SplitMix64;

/**
 * One simulated cart-pole with its agent, advanced one real step at a time through the core's step-wise
 * {@link CartPoleEpisode}, recording every episode into its {@link EpisodeLog}. For the BOXES agents (random,
 * Dyna-Q) a step is exactly one step of {@link BoxesEpisode#run}: the start state drawn by Gymnasium's reset,
 * {@code act(box)}, the push of +-10 N, the box reached, reward 0 or -1 on failure, {@code observe}, end at failure
 * (terminated) or after 500 steps (truncated). So with the seeds
 * of run 1 of a {@link mbrllab.core.cartpole.BoxesLearningSpec} a Dyna-Q cart balances exactly the episodes of
 * that run (checked by a test). The keyboard pushes with the direction it is given.
 *
 * <p>Not thread-safe: the runner thread owns it.
 */
final class Cart {

    private final CartSystem system;
    private final int n;
    private final SplitMix64 envRng;
    private final BoxesAgent boxesAgent;
    private final BoxesDynaQ dyna;
    private final Boxes boxes = new Boxes(CartSystem.BALANCE_SYSTEM);
    /** The BOXES agent learns from boxes: only on the balance system (the boxes cut its state space). */
    private final boolean onBoxes;
    private final EpisodeLog log = new EpisodeLog();
    private final CartPoleEpisode current;
    private final double[] prev = new double[CartPoleState.DIMENSION];
    private final double[] start = new double[CartPoleState.DIMENSION];
    private byte[] pushes = new byte[64];

    private boolean keyboard;
    private String controller;
    private int box;
    private int episode;
    private double score;
    private double force;
    private CartSystem.Ending ending;
    private long realSteps;

    private Cart(CartSystem system, int n, BoxesAgent boxesAgent, BoxesDynaQ dyna, boolean keyboard, long envSeed,
                 String controller) {
        this.system = system;
        this.n = n;
        this.boxesAgent = boxesAgent;
        this.dyna = dyna;
        this.keyboard = keyboard;
        this.controller = controller;
        this.envRng = new SplitMix64(envSeed);
        this.current = system.newEpisode();
        this.onBoxes = boxesAgent != null && system == CartSystem.BALANCE;
        startEpisode();
    }

    /** A cart pushed with the arrow keys. */
    static Cart keyboard(CartSystem system, long envSeed) {
        return new Cart(system, -1, null, null, true, envSeed, "keyboard");
    }

    /** A cart pushed at random: {@link RandomBoxesAgent} with its own generator. */
    static Cart random(CartSystem system, long realSeed, long envSeed) {
        return new Cart(system, -1, new RandomBoxesAgent(new SplitMix64(realSeed)), null, false, envSeed, "random");
    }

    /** A balancing cart learning with tabular Dyna-Q on BOXES. */
    static Cart dynaQ(BoxesDynaQ agent, long envSeed) {
        return new Cart(CartSystem.BALANCE, agent.params().n(), agent, agent, false, envSeed,
                "Dyna-Q n = " + agent.params().n());
    }

    private void startEpisode() {
        episode++;
        score = 0;
        force = 0;
        ending = null;
        current.reset(envRng);
        double[] s = current.state();
        System.arraycopy(s, 0, start, 0, s.length);
        System.arraycopy(s, 0, prev, 0, s.length);
        if (onBoxes) {
            box = boxes.box(s);
            if (box == Boxes.FAILED) {
                throw new IllegalStateException("the start state is already a failure: " + CartPoleState.of(s));
            }
        }
        controller = keyboard ? "keyboard" : dyna != null ? "Dyna-Q n = " + n : "random";
    }

    /**
     * One real step. A finished episode is recorded, and the next tick starts a new one (its start state becomes
     * {@link #previous()}), so every tick is one real step.
     *
     * @param keys the keyboard's push, -1, 0 or +1 (used while the keyboard has control)
     */
    void tick(int keys) {
        if (ending != null) {
            startEpisode();
        }
        double[] s = current.state();
        System.arraycopy(s, 0, prev, 0, s.length);
        int push;
        int u = -1;
        if (keyboard) {
            push = Integer.signum(keys);
        } else {
            u = boxesAgent.act(box);
            push = u == BalanceSystem.PUSH_RIGHT ? 1 : -1;
        }
        force = system.force(push);
        current.step(force);
        int step = current.steps();
        realSteps++;
        if (step > pushes.length) {
            pushes = Arrays.copyOf(pushes, pushes.length * 2);
        }
        pushes[step - 1] = (byte) push;
        score += system.stepScore(s);
        if (onBoxes) {
            int next = boxes.box(s);
            if (u >= 0) {
                double r = next == Boxes.FAILED ? BoxesEpisode.FAILURE_REWARD : BoxesEpisode.STEP_REWARD;
                boxesAgent.observe(box, u, r, next);
            }
            box = next;
        }
        ending = system.ending(current);
        if (ending != null) {
            log.add(new EpisodeRecord(episode, system, controller, start.clone(), Arrays.copyOf(pushes, step), ending,
                    score));
        }
    }

    /**
     * The episode in progress (or just ended) as a record: its start and the pushes so far, the ending null while it
     * goes on. Allocates (about a byte per step); call when publishing a frame.
     */
    EpisodeRecord soFar() {
        return new EpisodeRecord(episode, system, controller, start.clone(), Arrays.copyOf(pushes, current.steps()),
                ending, score);
    }

    /** Hands the cart to the keyboard from now on, in the middle of the episode. */
    void takeOver() {
        if (!keyboard && dyna == null) {
            keyboard = true;
            controller = current.steps() == 0 ? "keyboard" : controller + ", then keyboard";
        }
    }

    boolean isKeyboard() {
        return keyboard;
    }

    CartSystem system() {
        return system;
    }

    /** Planning steps of the Dyna-Q agent, or -1. */
    int n() {
        return n;
    }

    EpisodeLog log() {
        return log;
    }

    /** The state now (live; copy before handing it to another thread). */
    double[] state() {
        return current.state();
    }

    /** The state before the last step (the start state right after an episode began). */
    double[] previous() {
        return prev;
    }

    /** Episode in progress (or just ended), from 1. */
    int episode() {
        return episode;
    }

    /** Steps taken in it. */
    int step() {
        return current.steps();
    }

    /** Its score so far (see {@link CartSystem#stepScore}). */
    double score() {
        return score;
    }

    /** The force of the last step [N]. */
    double force() {
        return force;
    }

    /** How the episode ended, or null while it goes on. */
    CartSystem.Ending ending() {
        return ending;
    }

    long realSteps() {
        return realSteps;
    }

    /** The Dyna-Q agent, or null. */
    BoxesDynaQ dyna() {
        return dyna;
    }

    /**
     * What the Dyna-Q agent knows of the current box: Q of both pushes and the model's entry of each (next boxes
     * seen, with counts). Null for other agents or after a failure. Allocates; call when publishing a frame.
     */
    BoxView boxView() {
        if (dyna == null || box == Boxes.FAILED) {
            return null;
        }
        BoxModel model = dyna.model();
        return new BoxView(box, dyna.q(box, BalanceSystem.PUSH_LEFT), dyna.q(box, BalanceSystem.PUSH_RIGHT),
                model.visits(box, BalanceSystem.PUSH_LEFT), model.visits(box, BalanceSystem.PUSH_RIGHT),
                model.entry(box, BalanceSystem.PUSH_LEFT), model.entry(box, BalanceSystem.PUSH_RIGHT),
                model.kind());
    }

    /**
     * What a Dyna-Q pane shows of its agent's current box.
     *
     * @param box         the box, 0..161
     * @param qLeft       Q(box, left)
     * @param qRight      Q(box, right)
     * @param visitsLeft  real steps taken with left in this box
     * @param visitsRight real steps taken with right
     * @param left        the model's entry of (box, left): next boxes with counts
     * @param right       the model's entry of (box, right)
     * @param model       which model
     */
    record BoxView(int box, double qLeft, double qRight, int visitsLeft, int visitsRight, List<BoxModel.Outcome> left,
                   List<BoxModel.Outcome> right, mbrllab.core.cartpole.BoxModelKind model) {
    }
}
