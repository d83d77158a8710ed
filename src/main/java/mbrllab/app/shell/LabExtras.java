package mbrllab.app.shell;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.export.ExportTarget;

/**
 * What a lab offers beyond its view: exportable views, and its part of a saved session.
 *
 * @param exports     the views that can be exported now (charts, mazes)
 * @param saveSession the lab's settings as a JSON object (parameters, seeds, maze)
 * @param loadSession applies a saved JSON object; returns the reason when it cannot (nothing is changed then)
 */
public record LabExtras(Supplier<List<ExportTarget>> exports, Supplier<ObjectNode> saveSession,
                        Function<JsonNode, Optional<String>> loadSession) {

    /** A lab with nothing to export or save. */
    public static final LabExtras NONE = new LabExtras(List::of, () -> null,
            json -> Optional.of("this lab has no settings to load"));
}
