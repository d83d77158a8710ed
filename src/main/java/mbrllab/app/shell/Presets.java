package mbrllab.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The named starting points under resources/presets, listed in presets/index.json. */
public final class Presets {

    /** A preset: its menu name, its session file and the id of the lab it opens (the file's "lab"). */
    public record Preset(String name, String file, String lab) {
    }

    private Presets() {
    }

    /** The presets in menu order, each with the lab its file names. */
    public static List<Preset> list() {
        try (InputStream in = Presets.class.getResourceAsStream("/presets/index.json")) {
            if (in == null) {
                return List.of();
            }
            JsonNode index = Sessions.mapper().readTree(in);
            List<Preset> presets = new ArrayList<>();
            for (JsonNode entry : index.path("presets")) {
                String file = entry.path("file").asText();
                presets.add(new Preset(entry.path("name").asText(), file, labOf(file)));
            }
            return presets;
        } catch (IOException e) {
            throw new IllegalStateException("resources/presets/index.json is broken: " + e.getMessage(), e);
        }
    }

    /** The "lab" of resources/presets/{@code file}. */
    private static String labOf(String file) throws IOException {
        try (InputStream in = Presets.class.getResourceAsStream("/presets/" + file)) {
            if (in == null) {
                throw new IllegalStateException("resources/presets/index.json lists " + file + ", which is missing");
            }
            String lab = Sessions.mapper().readTree(in).path("lab").asText("");
            if (lab.isEmpty()) {
                throw new IllegalStateException("resources/presets/" + file + " names no lab");
            }
            return lab;
        }
    }
}
