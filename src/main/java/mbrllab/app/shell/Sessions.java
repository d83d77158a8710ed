package mbrllab.app.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.lab.Lab;
import mbrllab.core.text.InputFormatException;
import mbrllab.io.AtomicFiles;
import mbrllab.io.TextFiles;

/**
 * The session file: a small JSON object {"format": "mbrl-lab-session", "version": 1, "lab": ID,
 * "settings": {...}} where settings are the lab's own (parameters, seeds, maze). Presets under
 * resources/presets are session files too, with a "name" and an optional settings "action".
 */
public final class Sessions {

    /** The value of "format". */
    public static final String FORMAT = "mbrl-lab-session";
    /** The version written; files of other versions are refused with a message. */
    public static final int VERSION = 1;
    /** Largest session or preset file read: 1 MiB. */
    public static final int MAX_BYTES = TextFiles.MIB;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A read session: the lab and its settings. */
    public record Session(String lab, JsonNode settings, String name) {
    }

    private Sessions() {
    }

    /** The mapper used for sessions (labs build their settings with it). */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** Writes a session atomically. */
    public static void write(Path file, String labId, ObjectNode settings) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("lab", labId);
        root.set("settings", settings);
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /**
     * Reads a session file.
     *
     * @return the session, or throws with a message naming the file and what is wrong
     */
    public static Session read(Path file) throws SessionException {
        try {
            // joined without a final line break, so that JSON's "unexpected end" names the file's last line
            return parse(file.toString(), String.join("\n", TextFiles.read(file, MAX_BYTES, "a session file")
                    .lines()));
        } catch (InputFormatException e) {
            throw new SessionException(e.getMessage());
        }
    }

    /** Parses session text; {@code source} names it in messages. */
    public static Session parse(String source, String text) throws SessionException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
            throw new SessionException(source + where + ": not valid JSON (" + (why.length() <= 120 ? why
                    : why.substring(0, 117) + "...") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new SessionException(source + ": expected a JSON object with \"format\": \"" + FORMAT + "\"");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new SessionException(source + ": \"format\" must be \"" + FORMAT
                    + "\"; this is not an MBRL Lab session");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new SessionException(source + ": \"version\" " + root.path("version") + " is not supported; this "
                    + "MBRL Lab reads version " + VERSION);
        }
        String lab = root.path("lab").asText("");
        if (lab.isEmpty()) {
            throw new SessionException(source + ": \"lab\" is missing (e.g. \"dyna-maze\")");
        }
        JsonNode settings = root.path("settings");
        if (!settings.isObject()) {
            throw new SessionException(source + ": \"settings\" must be a JSON object");
        }
        return new Session(lab, settings, root.path("name").asText(null));
    }

    /** Reads a preset from the class path (resources/presets/FILE). */
    public static Optional<Session> preset(String file) {
        try (var in = Sessions.class.getResourceAsStream("/presets/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse("presets/" + file, String.join("\n", TextFiles.read("presets/" + file, in,
                    MAX_BYTES, "a preset").lines())));
        } catch (IOException | InputFormatException | SessionException e) {
            throw new IllegalStateException("bundled preset " + file + " is broken: " + e.getMessage(), e);
        }
    }

    /** A session file that cannot be used, with the reason. */
    public static final class SessionException extends Exception {
        private static final long serialVersionUID = 1L;

        public SessionException(String message) {
            super(message);
        }
    }
}
