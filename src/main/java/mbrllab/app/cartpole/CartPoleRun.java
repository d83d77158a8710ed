package mbrllab.app.cartpole;

import java.util.ArrayList;
import java.util.List;

import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Ticker;

/**
 * The cart-pole lab's live run: its carts in lock step, a tick is one real step of every cart. A single cart (keyboard
 * or random) holds {@value #HOLD_MILLIS} ms after an episode ends, at speeds up to twice real time, so the failure can
 * be seen before the next episode starts. The keyboard's cart starts an episode only on an arrow key pressed after
 * the previous one ended (playing pauses until then), so nobody's episode runs and ends with no key pressed. Used on
 * its {@link LockStepRunner}'s thread only, except {@link #setKeys(int)}.
 */
final class CartPoleRun implements Ticker<List<CartFrame>> {

    /** Name of the runner's thread (tests look for it). */
    static final String THREAD_NAME = "cart-pole-runner";
    /** Pause after an episode of a single cart ends, at speeds up to twice real time. */
    static final long HOLD_MILLIS = 700;

    private final List<Cart> carts;
    private volatile int keys;
    /** Arrow keys pressed (not held: a held key's repeats do not count) and Steps asked for, so far. */
    private volatile long presses;
    /** {@link #presses} at the last tick: a keyboard episode starts only on a press after it. */
    private long pressesSeen;

    /** @param carts the carts, one pane each */
    CartPoleRun(List<Cart> carts) {
        this.carts = List.copyOf(carts);
    }

    /** The hold after a single cart's episode, up to twice the carts' real time. */
    LockStepRunner.Pacing pacing() {
        return new LockStepRunner.Pacing(HOLD_MILLIS * 1_000_000L, 2 * carts.get(0).system().realTimeStepsPerSecond());
    }

    /** The episode logs, in pane order (safe to read from any thread). */
    List<EpisodeLog> logs() {
        List<EpisodeLog> logs = new ArrayList<>();
        for (Cart c : carts) {
            logs.add(c.log());
        }
        return logs;
    }

    /** The keyboard's push from now on: -1 left, 0 none, +1 right. Any thread. */
    void setKeys(int push) {
        keys = push;
    }

    /**
     * An arrow key went down (or Step was asked for): a keyboard cart waiting for its episode starts at the next tick.
     * FX thread (the only writer).
     */
    void press() {
        presses = presses + 1;
    }

    /** Hands the single cart to the keyboard in mid-episode. Runner thread. */
    void takeOver() {
        for (Cart c : carts) {
            c.takeOver();
        }
    }

    @Override
    public After tick() {
        int k = keys;
        long p = presses;
        boolean fresh = p != pressesSeen;
        pressesSeen = p;
        if (carts.size() == 1 && carts.get(0).awaitsKey() && !fresh) {
            // Nobody pressed an arrow since the episode ended (or before its start): wait, paused, for one.
            carts.get(0).rest();
            return After.PAUSE;
        }
        for (Cart c : carts) {
            c.tick(k);
        }
        return carts.size() == 1 && carts.get(0).ending() != null ? After.HOLD : After.CONTINUE;
    }

    @Override
    public List<CartFrame> frame() {
        List<CartFrame> frames = new ArrayList<>(carts.size());
        for (Cart c : carts) {
            frames.add(CartFrame.of(c));
        }
        return List.copyOf(frames);
    }
}
