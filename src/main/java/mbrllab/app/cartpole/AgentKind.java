package mbrllab.app.cartpole;

/** Who pushes the cart in the cart-pole lab. */
public enum AgentKind {
    /** The user, with the left and right arrow keys (no key: no force). */
    KEYBOARD("Keyboard"),
    /** Pushes left or right with probability 1/2 each step. */
    RANDOM("Random"),
    /** Tabular Dyna-Q on BOXES with n = 0, 5 and 50 in three panes (balance only). */
    DYNA_Q("Dyna-Q on BOXES");

    private final String label;

    AgentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
