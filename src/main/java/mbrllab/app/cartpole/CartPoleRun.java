package mbrllab.app.cartpole;

import java.util.ArrayList;
import java.util.List;

import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Ticker;

/**
 * The cart-pole lab's live run: its carts in lock step, a tick is one real step of every cart. A single cart (keyboard
 * or random) holds {@value #HOLD_MILLIS} ms after an episode ends, at speeds up to twice real time, so the failure can
 * be seen before the next episode starts. Used on its {@link LockStepRunner}'s thread only, except
 * {@link #setKeys(int)}.
 */
final class CartPoleRun implements Ticker<List<CartFrame>> {

    /** Name of the runner's thread (tests look for it). */
    static final String THREAD_NAME = "cart-pole-runner";
    /** Pause after an episode of a single cart ends, at speeds up to twice real time. */
    static final long HOLD_MILLIS = 700;

    private final List<Cart> carts;
    private volatile int keys;

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

    /** Hands the single cart to the keyboard in mid-episode. Runner thread. */
    void takeOver() {
        for (Cart c : carts) {
            c.takeOver();
        }
    }

    @Override
    public After tick() {
        int k = keys;
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
