package mbrllab.app.shell;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The named starting points under resources/presets, listed in presets/index.json. */
public final class Presets {

    /** A preset: its menu name and its session file. */
    public record Preset(String name, String file) {
    }

    private Presets() {
    }

    /** The presets in menu order. */
    public static List<Preset> list() {
        try (InputStream in = Presets.class.getResourceAsStream("/presets/index.json")) {
            if (in == null) {
                return List.of();
            }
            JsonNode index = Sessions.mapper().readTree(in);
            List<Preset> presets = new ArrayList<>();
            for (JsonNode entry : index.path("presets")) {
                presets.add(new Preset(entry.path("name").asText(), entry.path("file").asText()));
            }
            return presets;
        } catch (IOException e) {
            throw new IllegalStateException("resources/presets/index.json is broken: " + e.getMessage(), e);
        }
    }
}
