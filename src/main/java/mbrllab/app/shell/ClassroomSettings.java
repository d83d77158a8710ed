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
    static final String WINDOW_X = "windowX";
    static final String WINDOW_Y = "windowY";
    static final String WINDOW_WIDTH = "windowWidth";
    static final String WINDOW_HEIGHT = "windowHeight";
    static final String WINDOW_MAXIMIZED = "windowMaximized";
    static final String LAST_LAB = "lastLab";
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

    /** The id of the lab open when the app last closed; empty when none was saved. */
    public java.util.Optional<String> lastLab() {
        String id = node.get(LAST_LAB, "");
        return id.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(id);
    }

    public void setLastLab(String id) {
        node.put(LAST_LAB, id);
        flush();
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

    /**
     * Where the window was when the app last closed (not in full screen): its place and size on the desktop in
     * pixels and whether it was maximised. Empty when none was saved or the saved values are not a window.
     */
    public java.util.Optional<WindowBounds> window() {
        double x = node.getDouble(WINDOW_X, Double.NaN);
        double y = node.getDouble(WINDOW_Y, Double.NaN);
        double w = node.getDouble(WINDOW_WIDTH, Double.NaN);
        double h = node.getDouble(WINDOW_HEIGHT, Double.NaN);
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(w >= WindowBounds.MIN_WIDTH)
                || !(h >= WindowBounds.MIN_HEIGHT) || w > 100_000 || h > 100_000) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new WindowBounds(x, y, w, h, node.getBoolean(WINDOW_MAXIMIZED, false)));
    }

    public void setWindow(WindowBounds b) {
        node.putDouble(WINDOW_X, b.x());
        node.putDouble(WINDOW_Y, b.y());
        node.putDouble(WINDOW_WIDTH, b.width());
        node.putDouble(WINDOW_HEIGHT, b.height());
        node.putBoolean(WINDOW_MAXIMIZED, b.maximized());
        flush();
    }

    /**
     * A window's place and size on the desktop, in pixels, and whether it is maximised (then the place and size are
     * those it returns to).
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        /** The app's smallest window (the stage's minimum size). */
        public static final double MIN_WIDTH = 640;
        public static final double MIN_HEIGHT = 480;

        public WindowBounds {
            if (!Double.isFinite(x) || !Double.isFinite(y) || !(width >= MIN_WIDTH) || !(height >= MIN_HEIGHT)) {
                throw new IllegalArgumentException("a window at (" + x + ", " + y + ") of " + width + " x " + height
                        + " px: the place must be finite and the size at least " + MIN_WIDTH + " x " + MIN_HEIGHT);
            }
        }
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
