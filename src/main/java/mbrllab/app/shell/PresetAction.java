package mbrllab.app.shell;

import mbrllab.core.Keyed;

/**
 * What a preset does once its settings are applied ({@code "action"} in a session's settings; never saved). Each
 * lab accepts the actions it has and refuses the others by name.
 */
public enum PresetAction implements Keyed {
    /** Start the animation. */
    PLAY("play"),
    /** Freeze Figure 8.3 (Dyna-maze). */
    FIGURE_83("figure-8.3"),
    /** Show the Example 8.4 tab, which computes it (Changing mazes). */
    EXAMPLE_84("example-8.4"),
    /** Open the step-through debugger. */
    DEBUGGER("debugger");

    private final String key;

    PresetAction(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
