package mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The session files under src/test/resources/sessions/before: saved by the app before the labs' settings records
 * (see the README there). Tests read them and check that writing the settings back gives the same bytes.
 */
public final class SavedSessions {

    /** Every saved file, by lab. */
    public static final List<String> DYNA_MAZE = List.of("dyna-maze-custom.json", "dyna-maze-max-speed.json",
            "dyna-maze-figure-8.2.json", "dyna-maze-first-index-ties.json", "dyna-maze-figure-8.3.json");
    public static final List<String> CHANGING_MAZES = List.of("changing-mazes-custom.json",
            "changing-mazes-figure-8.4.json", "changing-mazes-shortcut-tau.json");
    public static final List<String> CART_POLE = List.of("cart-pole-custom.json", "cart-pole-swing-up.json");
    public static final List<String> MODELS = List.of("models-playground.json", "models-cartpole-tab.json");

    private SavedSessions() {
    }

    /** The file's text. */
    public static String text(String file) {
        try (InputStream in = SavedSessions.class.getResourceAsStream("/sessions/before/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no saved session " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file as a session (lab and settings). */
    public static Sessions.Session read(String file) {
        try {
            return Sessions.parse(file, text(file));
        } catch (Sessions.SessionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Asserts that {@link Sessions#write} of these settings gives the file byte for byte. */
    public static void assertWritesBack(String file, ObjectNode settings) {
        try {
            Path tmp = Files.createTempFile("session", ".json");
            try {
                Sessions.write(tmp, read(file).lab(), settings);
                assertEquals(text(file), Files.readString(tmp), file + " written back");
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
