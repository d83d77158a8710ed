package mbrllab.app.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javafx.scene.text.Font;

/**
 * The app's monospaced face, DejaVu Sans Mono, loaded from the jar (resources/fonts, with its licence) rather than
 * taken from the machine: what "Monospaced" resolves to differs between machines (Noto Sans Mono under the Debian
 * packages of the README's apt-get line, DejaVu Sans Mono elsewhere), and with it the height of the debugger's
 * lecture lines and the width of the cart's read-outs. The style sheet names {@link #MONO}; {@link #load} must have
 * run before a scene uses it (JavaFX falls back to the proportional system font for a family it does not know).
 */
public final class Fonts {

    /** The family name of the bundled monospaced face. */
    public static final String MONO = "DejaVu Sans Mono";

    private static final String[] FILES = {"/fonts/DejaVuSansMono.ttf", "/fonts/DejaVuSansMono-Bold.ttf"};

    private static boolean loaded;

    private Fonts() {
    }

    /** Loads the bundled faces once (any thread); later calls return at once. */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " is missing from the class path");
                }
                Font font = Font.loadFont(in, 12);
                if (font == null || !MONO.equals(font.getFamily())) {
                    throw new IllegalStateException(file + " did not load as " + MONO + ": " + font);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
        loaded = true;
    }
}
