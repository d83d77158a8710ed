package mbrllab.app.lab;

import java.util.function.Predicate;

import javafx.scene.input.KeyEvent;

/**
 * The run controls of a lab, for the shell's keyboard shortcuts (Space, Right, Ctrl+R).
 *
 * @param playPause toggles play and pause
 * @param step      one step
 * @param reset     back to the start with the current seed
 * @param keys      offered every KEY_PRESSED and KEY_RELEASED before the shell's shortcuts (not while a text field
 *                  has the focus); returning true claims the key (the shell consumes it and does nothing else), so a
 *                  lab can use the arrows for itself (the cart-pole's keyboard play)
 */
public record RunControls(Runnable playPause, Runnable step, Runnable reset, Predicate<KeyEvent> keys) {

    /** Run controls that claim no keys. */
    public RunControls(Runnable playPause, Runnable step, Runnable reset) {
        this(playPause, step, reset, e -> false);
    }
}
