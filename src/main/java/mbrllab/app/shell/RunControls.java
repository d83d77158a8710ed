package mbrllab.app.shell;

/**
 * The run controls of a lab, for the shell's keyboard shortcuts (Space, Right, Ctrl+R).
 *
 * @param playPause toggles play and pause
 * @param step      one step
 * @param reset     back to the start with the current seed
 */
public record RunControls(Runnable playPause, Runnable step, Runnable reset) {
}
