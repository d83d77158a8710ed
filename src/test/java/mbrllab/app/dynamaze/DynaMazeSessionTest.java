package mbrllab.app.dynamaze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import mbrllab.app.maze.Overlays;
import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.Presets;
import mbrllab.app.shell.SavedSessions;
import mbrllab.app.shell.Sessions;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.PlanningSampling;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.maze.MazeParser;
import mbrllab.io.BundledMazes;

/** The Dyna-maze lab's session settings: JSON both ways, defaults, refusals, old files and the presets. */
class DynaMazeSessionTest {

    /** What the lab has before a session is applied (its maze, speed and overlays stay when a file has none). */
    private static final DynaMazeSession CURRENT = new DynaMazeSession(1, DynaParams.defaults(), List.of(0, 5, 50),
            30, 50, 10, Overlays.defaults(), BundledMazes.dynaMaze(), null);

    private static JsonNode json(String text) throws Exception {
        return Sessions.mapper().readTree(text);
    }

    @Test
    void settingsSurviveTheRoundTripThroughJson() {
        for (DynaMazeSession s : List.of(CURRENT,
                new DynaMazeSession(-77, new DynaParams(0.25, 0.9, 0.05, 0, TieBreaking.FIRST_INDEX,
                        PlanningSampling.UNIFORM_PAIRS), List.of(50, 0), 4, 10_000, Double.POSITIVE_INFINITY,
                        new Overlays(false, true, false, true, false, true, false),
                        BundledMazes.load("dyna-maze-3x.maze"), null))) {
            assertEquals(s, DynaMazeSession.fromJson(s.toJson(), CURRENT), s.toJson().toString());
        }
    }

    @Test
    void everyFieldIsOptional() throws Exception {
        DynaMazeSession other = new DynaMazeSession(5, DynaParams.defaults(), List.of(1), 2, 3,
                Double.POSITIVE_INFINITY, new Overlays(false, false, false, false, false, false, false),
                BundledMazes.load("dyna-maze-2x.maze"), null);
        DynaMazeSession s = DynaMazeSession.fromJson(json("{}"), other);
        assertEquals(new DynaMazeSession(1, DynaParams.defaults(), List.of(0, 5, 50), 30, 50,
                Double.POSITIVE_INFINITY, other.overlays(), other.maze(), null), s,
                "the book's values; the maze, speed and overlays of the lab");
        assertEquals(0, s.params().n(), "each pane has its own n");
        Overlays some = DynaMazeSession.fromJson(json("{\"overlays\": {\"trail\": false}}"), other).overlays();
        assertEquals(new Overlays(true, true, false, false, true, true, false), some,
                "a layer left out of the overlays takes its default");
        assertSame(PresetAction.FIGURE_83,
                DynaMazeSession.fromJson(json("{\"action\": \"figure-8.3\"}"), other).action());
        assertNull(DynaMazeSession.fromJson(json("{\"action\": \"\"}"), other).action());
    }

    @Test
    void aBadFieldIsNamed() {
        String[][] cases = {
            {"{\"alpha\": 1.5}", "alpha must be in (0, 1], got 1.5"},
            {"{\"gamma\": \"high\"}", "\"gamma\" must be a number, got \"high\""},
            {"{\"seed\": 1.5}", "\"seed\" must be a whole number, got 1.5"},
            {"{\"tieBreaking\": \"first\"}", "\"tieBreaking\" must be \"random\" or \"first-index\", got \"first\""},
            {"{\"planningSampling\": 2}",
                "\"planningSampling\" must be \"state-then-action\" or \"uniform-pairs\", got 2"},
            {"{\"nValues\": [0, 5.5]}", "\"nValues\" must be a list of whole numbers, e.g. [0, 5, 50], got [0,5.5]"},
            {"{\"nValues\": [0, 1, 2, 3, 4, 5, 6]}", "nValues may list at most 6 n, got 7"},
            {"{\"nValues\": [-1]}", "each n must be in [0, 1000000], got -1"},
            {"{\"nValues\": [5, 5]}", "nValues lists n = 5 twice; each curve needs its own n"},
            {"{\"runs\": 0}", "runs must be in [1, 10000], got 0"},
            {"{\"episodes\": 20000}", "episodes must be in [1, 10000], got 20000"},
            {"{\"stepsPerSecond\": \"fast\"}",
                "\"stepsPerSecond\" must be a number in 1..99999 or \"max\", got \"fast\""},
            {"{\"overlays\": {\"trail\": 1}}", "\"overlays.trail\" must be true or false, got 1"},
            {"{\"overlays\": true}", "\"overlays\" must be an object, got true"},
            {"{\"maze\": 3}", "\"maze\" must be the text of a maze file, got 3"},
            {"{\"action\": \"example-8.4\"}",
                "\"action\" must be \"play\", \"figure-8.3\" or \"debugger\", got \"example-8.4\""},
            {"[]", "the settings must be a JSON object"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DynaMazeSession.fromJson(json(c[0]), CURRENT), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DynaMazeSession.fromJson(json("{\"maze\": \"name: x\\n\\nS.#\\n..Q\\n\"}"), CURRENT));
        assertTrue(e.getMessage().startsWith("\"maze\" must be a valid maze file, got maze:"), e.getMessage());
    }

    @Test
    void sessionsSavedBeforeTheRecordsOpenUnchanged() {
        DynaMazeSession custom = DynaMazeSession.fromJson(SavedSessions.read("dyna-maze-custom.json").settings(),
                CURRENT);
        assertEquals(new DynaMazeSession(77, new DynaParams(0.25, 0.9, 0.05, 0, TieBreaking.FIRST_INDEX,
                PlanningSampling.UNIFORM_PAIRS), List.of(0, 10), 4, 20, 25,
                new Overlays(false, true, false, true, true, true, false), custom.maze(), null), custom);
        assertEquals(MazeParser.format(BundledMazes.load("dyna-maze-2x.maze")), MazeParser.format(custom.maze()));
        DynaMazeSession max = DynaMazeSession.fromJson(SavedSessions.read("dyna-maze-max-speed.json").settings(),
                CURRENT);
        assertEquals(-3, max.seed());
        assertEquals(List.of(50, 0, 5, 1), max.nValues());
        assertEquals(Double.POSITIVE_INFINITY, max.stepsPerSecond());
        DynaMazeSession ties = DynaMazeSession.fromJson(
                SavedSessions.read("dyna-maze-first-index-ties.json").settings(), CURRENT);
        assertEquals(TieBreaking.FIRST_INDEX, ties.params().tieBreaking());
        assertEquals(100, ties.stepsPerSecond());
        for (String file : SavedSessions.DYNA_MAZE) {
            assertEquals("dyna-maze", SavedSessions.read(file).lab());
            SavedSessions.assertWritesBack(file, DynaMazeSession.fromJson(SavedSessions.read(file).settings(),
                    CURRENT).toJson());
        }
    }

    @Test
    void theBundledDynaMazePresetsAreValid() {
        int found = 0;
        for (Presets.Preset preset : Presets.list()) {
            Sessions.Session session = Sessions.preset(preset.file()).orElseThrow();
            if (session.lab().equals("dyna-maze")) {
                found++;
                DynaMazeSession.fromJson(session.settings(), CURRENT);
            }
        }
        assertEquals(4, found, "Figures 8.2 and 8.3, first-index ties, debug one episode");
        DynaMazeSession f82 = DynaMazeSession.fromJson(Sessions.preset("figure-8.2.json").orElseThrow().settings(),
                CURRENT);
        assertEquals(new DynaMazeSession(1, DynaParams.defaults(), List.of(0, 5, 50), 30, 50, 200,
                CURRENT.overlays(), CURRENT.maze(), PresetAction.PLAY), f82);
        DynaMazeSession debug = DynaMazeSession.fromJson(
                Sessions.preset("debug-one-episode.json").orElseThrow().settings(), CURRENT);
        assertEquals(PresetAction.DEBUGGER, debug.action());
        assertTrue(debug.overlays().stateValues());
        assertEquals(1, debug.stepsPerSecond());
    }
}
