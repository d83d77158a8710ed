package mbrllab.core.dyna.debug;

/**
 * The lines of the lecture's Dyna-Q pseudocode, as the debugger's pseudocode panel shows them:
 * <pre>
 * (a) x &lt;- current (non-terminal) state
 * (b) u &lt;- epsilon-greedy(Q, x)
 * (c) take u, observe r, x'
 * (d) Q(x,u) &lt;- Q(x,u) + alpha (r + gamma max_u' Q(x',u') - Q(x,u))
 * (e) Model(x,u) &lt;- x', r
 * (f) repeat n times: x &lt;- random previously observed state, u &lt;- random action previously taken in x,
 *     x', r &lt;- Model(x,u), and the update of (d)
 * </pre>
 * A real update executes (a) to (e) at once and is reported as (d), its Q update; one planning update is one
 * pass through the loop of (f).
 */
public enum PseudocodeLine {
    A("(a)", "x <- current (non-terminal) state"),
    B("(b)", "u <- epsilon-greedy(Q, x)"),
    C("(c)", "take u, observe r, x'"),
    D("(d)", "Q(x,u) <- Q(x,u) + alpha (r + gamma max_u' Q(x',u') - Q(x,u))"),
    E("(e)", "Model(x,u) <- x', r"),
    F("(f)", "repeat n times: x <- random previously observed state, u <- random action previously taken in x, "
            + "x', r <- Model(x,u), and the update of (d)");

    private final String label;
    private final String text;

    PseudocodeLine(String label, String text) {
        this.label = label;
        this.text = text;
    }

    /** The line's name as the lecture writes it: (a) to (f). */
    public String label() {
        return label;
    }

    /** The line itself, in plain text (arrows as {@code <-}). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return label + " " + text;
    }
}
