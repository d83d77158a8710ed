package mbrllab.app.shell;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The classroom settings kept across restarts: text scale, high contrast and presenter mode, in a
 * {@link java.util.prefs.Preferences} node. The app passes the user's node ({@link #user()}); the UI tests and the
 * screenshot command pass a node in memory ({@link #inMemory()}), so that they never read or change what the user
 * saved. A value that cannot be read (another program's garbage, a scale out of range) gives the default.
 */
public final class ClassroomSettings {

    /** Where the app keeps them: the user's node {@value}. */
    public static final String NODE = "/mbrllab/classroom";
    static final String FONT_SCALE = "fontScale";
    static final String HIGH_CONTRAST = "highContrast";
    static final String PRESENTER = "presenter";
    /** The text scale's range. */
    public static final double MIN_SCALE = 0.7;
    public static final double MAX_SCALE = 3.0;

    private final Preferences node;

    public ClassroomSettings(Preferences node) {
        this.node = node;
    }

    /** The user's saved settings. */
    public static ClassroomSettings user() {
        return new ClassroomSettings(Preferences.userRoot().node(NODE));
    }

    /** Settings that start at the defaults and are forgotten with the object. */
    public static ClassroomSettings inMemory() {
        return new ClassroomSettings(new MemoryPreferences());
    }

    /** The node the settings live in. */
    public Preferences node() {
        return node;
    }

    /** The saved text scale, 1 when none or unreadable, within 0.7 to 3. */
    public double fontScale() {
        double s = node.getDouble(FONT_SCALE, 1.0);
        return Double.isFinite(s) ? clampScale(s) : 1.0;
    }

    public boolean highContrast() {
        return node.getBoolean(HIGH_CONTRAST, false);
    }

    public boolean presenter() {
        return node.getBoolean(PRESENTER, false);
    }

    public void setFontScale(double scale) {
        node.putDouble(FONT_SCALE, clampScale(scale));
        flush();
    }

    public void setHighContrast(boolean on) {
        node.putBoolean(HIGH_CONTRAST, on);
        flush();
    }

    public void setPresenter(boolean on) {
        node.putBoolean(PRESENTER, on);
        flush();
    }

    /** A scale rounded to tenths within {@link #MIN_SCALE} to {@link #MAX_SCALE}. */
    public static double clampScale(double scale) {
        return Math.round(Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale)) * 10) / 10.0;
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // The settings still apply to this session; they are not remembered (a read-only home, say).
        }
    }
}
