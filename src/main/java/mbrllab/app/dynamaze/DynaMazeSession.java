package mbrllab.app.dynamaze;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.maze.Overlays;
import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.PlanningSampling;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeParser;

/**
 * The Dyna-maze lab's part of a session file ({@link Sessions}): the seed, the agents' parameters, the n of each
 * pane, the size of the background experiment, the speed, the overlays and the maze (its whole file text). In JSON
 * the choices are written by their keys:
 * <pre>
 * {"seed": 1, "alpha": 0.1, "gamma": 0.95, "epsilon": 0.1, "tieBreaking": "random",
 *  "planningSampling": "state-then-action", "nValues": [0, 5, 50], "runs": 30, "episodes": 50,
 *  "stepsPerSecond": 200, "overlays": {"qTriangles": true, ...}, "maze": "name: Dyna-maze\n...", "action": "play"}
 * </pre>
 *
 * @param seed           seed of the panes and the experiment
 * @param params         alpha, gamma, epsilon, tie-breaking and planning sampling; its n is set to 0 (each pane
 *                       has its own n)
 * @param nValues        n of each pane, at most {@value OptionsPanel#MAX_PANES}
 * @param runs           runs of the background experiment
 * @param episodes       episodes per run, at most {@value #MAX_EPISODES}
 * @param stepsPerSecond speed of the panes, in [1, 100000), or infinity for as fast as possible
 * @param overlays       the layers the panes draw
 * @param maze           the maze
 * @param action         what to do once applied (a preset's "action": play, Figure 8.3 or the debugger), or null
 *                       for nothing; never saved
 */
public record DynaMazeSession(long seed, DynaParams params, List<Integer> nValues, int runs, int episodes,
                              double stepsPerSecond, Overlays overlays, Maze maze, PresetAction action) {

    /** Most episodes per background run a session gives. */
    public static final int MAX_EPISODES = 10_000;

    /** The preset actions of this lab. */
    public static final Set<PresetAction> ACTIONS = Collections.unmodifiableSet(EnumSet.of(PresetAction.PLAY,
            PresetAction.FIGURE_83, PresetAction.DEBUGGER));

    public DynaMazeSession {
        if (params == null || nValues == null || overlays == null || maze == null) {
            throw new IllegalArgumentException("params, nValues, overlays and maze must not be null");
        }
        params = new DynaParams(params.alpha(), params.gamma(), params.epsilon(), 0, params.tieBreaking(),
                params.sampling());
        nValues = List.copyOf(nValues);
        if (nValues.size() > OptionsPanel.MAX_PANES) {
            throw new IllegalArgumentException("nValues may list at most " + OptionsPanel.MAX_PANES + " n, got "
                    + nValues.size());
        }
        if (episodes > MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in [1, " + MAX_EPISODES + "], got " + episodes);
        }
        SessionFields.requireStepsPerSecond(stepsPerSecond);
        if (action != null && !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS + ", got " + action);
        }
        new LearningCurveSpec(maze, params, nValues, runs, episodes, seed, LearningCurveSpec.DEFAULT_MAX_STEPS);
    }

    /** The settings as a session's JSON object (without an action). */
    public ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("seed", seed);
        putParams(o, params);
        ArrayNode ns = o.putArray("nValues");
        nValues.forEach(ns::add);
        o.put("runs", runs);
        o.put("episodes", episodes);
        SessionFields.putStepsPerSecond(o, "stepsPerSecond", stepsPerSecond);
        ObjectNode ov = o.putObject("overlays");
        ov.put("qTriangles", overlays.qTriangles());
        ov.put("greedyArrows", overlays.greedyArrows());
        ov.put("stateValues", overlays.stateValues());
        ov.put("visitCounts", overlays.visitCounts());
        ov.put("modelKnown", overlays.modelKnown());
        ov.put("planning", overlays.planning());
        ov.put("trail", overlays.trail());
        o.put("maze", MazeParser.format(maze));
        return o;
    }

    /** alpha, gamma, epsilon and the two choices by their keys. */
    private static void putParams(ObjectNode o, DynaParams p) {
        o.put("alpha", p.alpha());
        o.put("gamma", p.gamma());
        o.put("epsilon", p.epsilon());
        o.put("tieBreaking", p.tieBreaking().key());
        o.put("planningSampling", p.sampling().key());
    }

    /**
     * Reads settings from a session's JSON object. Every field is optional: a missing maze, speed or overlays
     * object keeps those of {@code current}; any other missing field takes the book's value (seed 1, alpha 0.1,
     * gamma 0.95, epsilon 0.1, random ties, state-then-action sampling, n = 0, 5, 50, 30 runs of 50 episodes), and
     * so does a layer missing from a present overlays object. Fields it does not know are ignored.
     *
     * @throws IllegalArgumentException naming the first field that is not valid, and why
     */
    public static DynaMazeSession fromJson(JsonNode json, DynaMazeSession current) {
        SessionFields o = SessionFields.of(json);
        DynaParams d = DynaParams.defaults();
        long seed = o.wholeLong("seed", 1);
        double alpha = o.number("alpha", d.alpha());
        double gamma = o.number("gamma", d.gamma());
        double epsilon = o.number("epsilon", d.epsilon());
        TieBreaking ties = o.choice("tieBreaking", TieBreaking.class, TieBreaking.RANDOM);
        PlanningSampling sampling = o.choice("planningSampling", PlanningSampling.class,
                PlanningSampling.STATE_THEN_ACTION);
        DynaParams params = new DynaParams(alpha, gamma, epsilon, 0, ties, sampling);
        List<Integer> nValues = o.wholeNumbers("nValues", List.of(0, 5, 50));
        int runs = o.wholeInt("runs", 30);
        int episodes = o.wholeInt("episodes", 50);
        double speed = o.stepsPerSecond("stepsPerSecond", current.stepsPerSecond());
        Overlays overlays = current.overlays();
        if (o.has("overlays")) {
            SessionFields v = o.object("overlays");
            Overlays def = Overlays.defaults();
            overlays = new Overlays(v.bool("qTriangles", def.qTriangles()), v.bool("greedyArrows", def.greedyArrows()),
                    v.bool("stateValues", def.stateValues()), v.bool("visitCounts", def.visitCounts()),
                    v.bool("modelKnown", def.modelKnown()), v.bool("planning", def.planning()),
                    v.bool("trail", def.trail()));
        }
        Maze maze = o.maze("maze", current.maze());
        PresetAction action = o.choiceOrNone("action", ACTIONS);
        return new DynaMazeSession(seed, params, nValues, runs, episodes, speed, overlays, maze, action);
    }
}
