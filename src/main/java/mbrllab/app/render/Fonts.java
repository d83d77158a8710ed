package mbrllab.app.render;

import java.io.IOException;
import java.io.InputStream;

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

    private static boolean tried;
    private static boolean loaded;
    private static java.awt.Font awtMono;

    private Fonts() {
    }

    /**
     * Loads the bundled faces once (any thread); later calls return at once. Where a face does not load (a damaged
     * jar), one line on standard error says so and the app goes on in the system's font: the text is then not
     * monospaced, nothing else is lost.
     *
     * @return true when both faces are loaded
     */
    public static synchronized boolean load() {
        if (!tried) {
            tried = true;
            loaded = true;
            for (String file : FILES) {
                try (InputStream in = Fonts.class.getResourceAsStream(file)) {
                    Font font = in == null ? null : Font.loadFont(in, 12);
                    if (font == null || !MONO.equals(font.getFamily())) {
                        loaded = false;
                        System.err.println("mbrl-lab: the bundled font " + file + " did not load ("
                                + (in == null ? "missing from the class path" : "read as " + font)
                                + "); monospaced text falls back to the system font");
                    }
                } catch (IOException e) {
                    loaded = false;
                    System.err.println("mbrl-lab: reading the bundled font " + file + ": " + e.getMessage());
                }
            }
        }
        return loaded;
    }

    /**
     * The bundled regular face for Java2D (PNG and SVG exports), 1 pt, to be derived to a size; AWT's logical
     * "Monospaced" where it does not load (one line on standard error, as {@link #load}). Exports then measure and look
     * as the screen does, whatever "Monospaced" is on the machine.
     */
    public static synchronized java.awt.Font awtMono() {
        if (awtMono == null) {
            try (InputStream in = Fonts.class.getResourceAsStream(FILES[0])) {
                if (in == null) {
                    throw new IOException("missing from the class path");
                }
                awtMono = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
            } catch (IOException | java.awt.FontFormatException e) {
                System.err.println("mbrl-lab: the bundled font " + FILES[0] + " did not load for exports ("
                        + e.getMessage() + "); exports use the system's monospaced font");
                awtMono = new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, 1);
            }
        }
        return awtMono;
    }
}
