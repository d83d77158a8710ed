package mbrllab.app.render;

import java.lang.reflect.Field;

/**
 * Keeps JavaFX from handing one text layout object to two threads at once on Linux.
 *
 * <p>JavaFX lays out text on the FX thread (labels, the measures of our pictures) and on its render thread (the text
 * of a Canvas). Both take a layout from {@code com.sun.javafx.text.GlyphLayout.getInstance()}, which hands out one
 * shared instance while it is free and a new one while it is in use. The Pango layout of JavaFX 21 marks the shared
 * instance free first and only then frees and clears its native strings, so another thread can take it and work on
 * strings being freed: a ConcurrentModificationException in PangoGlyphLayout seen in a test run, and once a
 * SIGSEGV in {@code pango_font_description_set_family} on the render thread while it drew a canvas's text (about one
 * app run in 25 under Xvfb). Holding the shared instance for good makes every layout a new one, used by one thread
 * only (the workaround Defold ships for the same race; one small object per text layout).
 *
 * <p>It needs JavaFX's internal package: open on the class path (the jar, the tests), exported by the
 * javafx-maven-plugin's options for {@code mvn javafx:run}. Where it is not reachable, nothing is held and JavaFX
 * behaves as before.
 */
public final class GlyphLayoutPin {

    private static final String GLYPH_LAYOUT = "com.sun.javafx.text.GlyphLayout";

    /** At most this many tries to take the shared instance while another thread holds it for a moment. */
    private static final int TRIES = 1000;

    private static Object held;
    private static boolean tried;

    private GlyphLayoutPin() {
    }

    /**
     * Takes JavaFX's shared text layout and never gives it back; does nothing after the first call.
     *
     * @return whether the shared layout is held
     */
    public static synchronized boolean install() {
        if (!tried) {
            tried = true;
            held = take();
        }
        return held != null;
    }

    private static Object take() {
        try {
            Class<?> c = Class.forName(GLYPH_LAYOUT);
            java.lang.reflect.Method get = c.getMethod("getInstance");
            java.lang.reflect.Method dispose = c.getMethod("dispose");
            Field shared = c.getDeclaredField("reusableGL");
            shared.setAccessible(true);
            for (int i = 0; i < TRIES; i++) {
                Object layout = get.invoke(null);
                if (layout == shared.get(null)) {
                    return layout;
                }
                dispose.invoke(layout); // a new one: the shared one is in use on another thread just now
                Thread.onSpinWait();
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // not reachable (JavaFX on the module path without the export): JavaFX as it is
        }
    }
}
