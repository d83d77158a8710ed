package mbrllab.app.changing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeParser;
import mbrllab.io.BundledMazes;

/**
 * The Changing mazes lab's part of a session file ({@link Sessions}): the seed, the maze (its whole file text), the
 * agents' parameters and the size of the background experiment ({@link ChangingSettings}), the tau map, the speed
 * and the runs of the Example 8.4 tab. In JSON:
 * <pre>
 * {"seed": 1, "alpha": 1.0, "gamma": 0.95, "epsilon": 0.1, "n": 10, "kappa": 1.0E-4, "theta": 1.0E-4, "runs": 30,
 *  "steps": 3000, "slip": 0.0, "prioritizedSweeping": false, "showTau": false, "stepsPerSecond": 200,
 *  "example84Runs": 8, "maze": "name: Blocking maze\n...", "action": "play"}
 * </pre>
 * A file may name a maze shipped in mazes/ instead ({@code "bundledMaze": "blocking.maze"}), as the presets do.
 *
 * @param seed           seed of the animated agents and the experiments
 * @param maze           the changing maze; G must be reachable from S
 * @param settings       the agents' parameters, runs, steps and slip
 * @param showTau        true to draw Dyna-Q+'s tau map
 * @param stepsPerSecond speed of the animation, in [1, 100000), or infinity for as fast as possible
 * @param example84Runs  runs per maze of the Example 8.4 tab, in [1, {@value Example84Model#MAX_RUNS}]
 * @param action         what to do once applied (a preset's "action": play, the Example 8.4 tab or the debugger
 *                       with Dyna-Q+), or null for nothing; never saved
 */
public record ChangingSession(long seed, Maze maze, ChangingSettings settings, boolean showTau, double stepsPerSecond,
                              int example84Runs, PresetAction action) {

    /** The preset actions of this lab. */
    public static final Set<PresetAction> ACTIONS = Collections.unmodifiableSet(EnumSet.of(PresetAction.PLAY,
            PresetAction.EXAMPLE_84, PresetAction.DEBUGGER));

    public ChangingSession {
        if (maze == null || settings == null) {
            throw new IllegalArgumentException("maze and settings must not be null");
        }
        if (maze.layout().shortestPathLength() < 0) {
            throw new IllegalArgumentException("\"maze\": G cannot be reached from S");
        }
        SessionFields.requireStepsPerSecond(stepsPerSecond);
        if (example84Runs < 1 || example84Runs > Example84Model.MAX_RUNS) {
            throw new IllegalArgumentException("example84Runs must be in [1, " + Example84Model.MAX_RUNS + "], got "
                    + example84Runs);
        }
        if (action != null && !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS + ", got " + action);
        }
    }

    /** The settings as a session's JSON object (without an action). */
    public ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("seed", seed);
        o.put("alpha", settings.alpha());
        o.put("gamma", settings.gamma());
        o.put("epsilon", settings.epsilon());
        o.put("n", settings.n());
        o.put("kappa", settings.kappa());
        o.put("theta", settings.theta());
        o.put("runs", settings.runs());
        o.put("steps", settings.steps());
        o.put("slip", settings.slip());
        o.put("prioritizedSweeping", settings.sweeping());
        o.put("showTau", showTau);
        SessionFields.putStepsPerSecond(o, "stepsPerSecond", stepsPerSecond);
        o.put("example84Runs", example84Runs);
        o.put("maze", MazeParser.format(maze));
        return o;
    }

    /**
     * Reads settings from a session's JSON object. Every field is optional: a missing maze, speed or Example 8.4
     * runs keeps those of {@code current}; a missing parameter takes the book's value for the maze
     * ({@link ChangingSettings#bookDefaults}); a missing seed is 1, and the tau map is off unless asked for. Fields
     * it does not know are ignored.
     *
     * @throws IllegalArgumentException naming the first field that is not valid, and why
     */
    public static ChangingSession fromJson(JsonNode json, ChangingSession current) {
        SessionFields o = SessionFields.of(json);
        Maze maze = current.maze();
        if (o.has("maze") && o.has("bundledMaze")) {
            throw new IllegalArgumentException("give \"maze\" or \"bundledMaze\", not both");
        }
        if (o.has("maze")) {
            maze = o.maze("maze", maze);
        } else if (o.has("bundledMaze")) {
            String what = "the name of a maze in mazes/, e.g. \"blocking.maze\"";
            String name = o.get("bundledMaze").asText("");
            if (!name.matches("[a-z0-9.-]+\\.maze")) {
                throw o.invalid("bundledMaze", what);
            }
            try {
                maze = BundledMazes.load(name);
            } catch (IllegalStateException e) {
                throw o.invalid("bundledMaze", what);
            }
        }
        if (maze.layout().shortestPathLength() < 0) {
            throw new IllegalArgumentException("\"maze\": G cannot be reached from S");
        }
        ChangingSettings d = ChangingSettings.bookDefaults(maze);
        long seed = o.wholeLong("seed", 1);
        ChangingSettings settings = new ChangingSettings(o.number("alpha", d.alpha()), o.number("gamma", d.gamma()),
                o.number("epsilon", d.epsilon()), o.wholeInt("n", d.n()), o.number("kappa", d.kappa()),
                o.number("theta", d.theta()), o.wholeInt("runs", d.runs()), o.wholeInt("steps", d.steps()),
                o.number("slip", d.slip()), o.bool("prioritizedSweeping", d.sweeping()));
        boolean showTau = o.bool("showTau", false);
        double speed = o.stepsPerSecond("stepsPerSecond", current.stepsPerSecond());
        int example84Runs = o.wholeInt("example84Runs", current.example84Runs(), 1, Example84Model.MAX_RUNS);
        PresetAction action = o.choiceOrNone("action", ACTIONS);
        return new ChangingSession(seed, maze, settings, showTau, speed, example84Runs, action);
    }
}
