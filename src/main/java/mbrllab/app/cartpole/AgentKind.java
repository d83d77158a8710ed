package mbrllab.app.cartpole;

import mbrllab.core.Keyed;
import mbrllab.core.cartpole.BoxesAgentKind;

/** Who pushes the cart in the cart-pole lab. */
public enum AgentKind implements Keyed {
    /** The user, with the left and right arrow keys (no key: no force). */
    KEYBOARD("keyboard", "Keyboard"),
    /** Pushes left or right with probability 1/2 each step. */
    RANDOM(BoxesAgentKind.RANDOM.key(), "Random"),
    /** Tabular Dyna-Q on BOXES with n = 0, 5 and 50 in three panes (balance only). */
    DYNA_Q(BoxesAgentKind.DYNA_Q.key(), "Dyna-Q on BOXES");

    private final String key;
    private final String label;

    AgentKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable key of sessions: "keyboard", or "random" and "dynaq-boxes" as {@link BoxesAgentKind}'s. */
    @Override
    public String key() {
        return key;
    }

    /**
     * The agent with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static AgentKind fromKey(String key) {
        return Keyed.fromKey(AgentKind.class, key);
    }

    @Override
    public String toString() {
        return label;
    }
}
