package mbrllab.app.shell;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.export.ExportTarget;
import mbrllab.core.maze.Maze;

/**
 * What a lab offers beyond its view: exportable views, and its part of a saved session.
 *
 * @param exports     the views that can be exported now (charts, mazes)
 * @param saveSession the lab's settings as a JSON object (parameters, seeds, maze)
 * @param loadSession applies a saved JSON object; returns the reason when it cannot (nothing is changed then)
 * @param currentMaze the maze the lab uses now, or null for labs without one
 * @param useMaze     switches the lab to another maze; returns the reason when it cannot
 */
public record LabExtras(Supplier<List<ExportTarget>> exports, Supplier<ObjectNode> saveSession,
                        Function<JsonNode, Optional<String>> loadSession, Supplier<Maze> currentMaze,
                        Function<Maze, Optional<String>> useMaze) {

    /** A lab with nothing to export or save. */
    public static final LabExtras NONE = new LabExtras(List::of, () -> null,
            json -> Optional.of("this lab has no settings to load"));

    /** A lab without a maze. */
    public LabExtras(Supplier<List<ExportTarget>> exports, Supplier<ObjectNode> saveSession,
                     Function<JsonNode, Optional<String>> loadSession) {
        this(exports, saveSession, loadSession, () -> null, maze -> Optional.of("this lab does not use a maze"));
    }
}
