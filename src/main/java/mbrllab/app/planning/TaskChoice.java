package mbrllab.app.planning;

import mbrllab.core.Keyed;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.SwingUpTask;

/** The planning lab's two tasks, the ones {@code pets --task} names. */
enum TaskChoice implements Keyed {
    /** PILCO's swing-up: 40 steps of 0.1 s, reward 1 - c(x). */
    SWING_UP("swingup", "swing-up (40 steps of 0.1 s)"),
    /** CartPole-v1 with a continuous force: +1 per step, at most 500. */
    BALANCE("balance", "balance (CartPole-v1, 500 steps)");

    private final String key;
    private final String label;

    TaskChoice(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    /** The task itself. */
    CartPoleTask task() {
        return this == SWING_UP ? SwingUpTask.pilco() : BalanceTask.cartPoleV1();
    }

    @Override
    public String toString() {
        return label;
    }
}
