package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.Presets;
import mbrllab.app.shell.SavedSessions;
import mbrllab.app.shell.Sessions;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeParser;
import mbrllab.io.BundledMazes;

/** The Changing mazes lab's session settings: JSON both ways, defaults, refusals, old files and the presets. */
class ChangingSessionTest {

    private static final Maze BLOCKING = BundledMazes.load(BundledMazes.BLOCKING_MAZE);
    private static final Maze SHORTCUT = BundledMazes.load(BundledMazes.SHORTCUT_MAZE);
    /** The shortcut maze as sessions saved before 2026-12-07 hold it: its description counted "3000" ungrouped. */
    private static final Maze SAVED_SHORTCUT = new Maze(SHORTCUT.name(),
            SHORTCUT.description().replace("3,000", "3000"), SHORTCUT.layout(), SHORTCUT.change());

    /** What the lab has before a session is applied (a file without a maze, speed or Example 8.4 runs keeps these). */
    private static final ChangingSession CURRENT = new ChangingSession(1, BLOCKING,
            ChangingSettings.bookDefaults(BLOCKING), false, 100, Example84Model.DEFAULT_RUNS, null);

    private static JsonNode json(String text) throws Exception {
        return Sessions.mapper().readTree(text);
    }

    /** Mazes are compared by their file text. */
    private static void assertSameSession(ChangingSession expected, ChangingSession actual) {
        assertEquals(MazeParser.format(expected.maze()), MazeParser.format(actual.maze()));
        assertEquals(expected, new ChangingSession(actual.seed(), expected.maze(), actual.settings(), actual.showTau(),
                actual.stepsPerSecond(), actual.example84Runs(), actual.action()));
    }

    @Test
    void settingsSurviveTheRoundTripThroughJson() {
        for (ChangingSession s : List.of(CURRENT, new ChangingSession(-5, SHORTCUT,
                new ChangingSettings(0.5, 0.9, 0.2, 20, 0.01, 0.001, 3, 2000, 0.1, true), true,
                Double.POSITIVE_INFINITY, 1000, null))) {
            assertSameSession(s, ChangingSession.fromJson(s.toJson(), CURRENT));
        }
    }

    @Test
    void everyFieldIsOptionalAndTheParametersFollowTheMaze() throws Exception {
        ChangingSession other = new ChangingSession(9, SHORTCUT, ChangingSettings.bookDefaults(SHORTCUT).withSweeping(
                true), true, 7, 3, null);
        assertSameSession(new ChangingSession(1, SHORTCUT, ChangingSettings.bookDefaults(SHORTCUT), false, 7, 3, null),
                ChangingSession.fromJson(json("{}"), other));
        ChangingSession blocking = ChangingSession.fromJson(json("{\"bundledMaze\": \"blocking.maze\", \"n\": 7}"),
                other);
        assertEquals(ChangingSettings.bookDefaults(BLOCKING).alpha(), blocking.settings().alpha());
        assertEquals(7, blocking.settings().n());
        assertEquals(3000, blocking.settings().steps(), "Figure 8.4's steps for the blocking maze");
        assertSame(PresetAction.EXAMPLE_84,
                ChangingSession.fromJson(json("{\"action\": \"example-8.4\"}"), other).action());
        assertNull(ChangingSession.fromJson(json("{\"action\": \"\"}"), other).action());
    }

    @Test
    void aBadFieldIsNamed() {
        String[][] cases = {
            {"{\"alpha\": \"one\"}", "\"alpha\" must be a number, got \"one\""},
            {"{\"theta\": -1}", "theta must be in [0, 1.0], got -1.0"},
            {"{\"n\": 2.5}", "\"n\" must be a whole number, got 2.5"},
            {"{\"seed\": \"1\"}", "\"seed\" must be a whole number, got \"1\""},
            {"{\"prioritizedSweeping\": 1}", "\"prioritizedSweeping\" must be true or false, got 1"},
            {"{\"showTau\": \"yes\"}", "\"showTau\" must be true or false, got \"yes\""},
            {"{\"stepsPerSecond\": 0.5}", "\"stepsPerSecond\" must be a number in 1..99999 or \"max\", got 0.5"},
            {"{\"example84Runs\": 0}", "\"example84Runs\" must be a whole number in 1..1000, got 0"},
            {"{\"bundledMaze\": \"../secret\"}",
                "\"bundledMaze\" must be the name of a maze in mazes/, e.g. \"blocking.maze\", got \"../secret\""},
            {"{\"bundledMaze\": \"nowhere.maze\"}",
                "\"bundledMaze\" must be the name of a maze in mazes/, e.g. \"blocking.maze\", got \"nowhere.maze\""},
            {"{\"maze\": \"x\", \"bundledMaze\": \"blocking.maze\"}", "give \"maze\" or \"bundledMaze\", not both"},
            {"{\"action\": \"figure-8.3\"}",
                "\"action\" must be \"play\", \"example-8.4\" or \"debugger\", got \"figure-8.3\""},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ChangingSession.fromJson(json(c[0]), CURRENT), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangingSession.fromJson(json("{\"maze\": \"name: walled\\n\\nS#G\\n\"}"), CURRENT));
        assertTrue(e.getMessage().startsWith("\"maze\" must be a valid maze file, got maze:3:3: goal 'G' cannot be "
                + "reached"), e.getMessage());
    }

    @Test
    void sessionsSavedBeforeTheRecordsOpenUnchanged() {
        ChangingSession custom = ChangingSession.fromJson(SavedSessions.read("changing-mazes-custom.json").settings(),
                CURRENT);
        assertSameSession(new ChangingSession(-5, SAVED_SHORTCUT,
                new ChangingSettings(0.5, 0.9, 0.2, 20, 0.01, 0.001, 3, 2000, 0.1, true), true,
                Double.POSITIVE_INFINITY, 3, null), custom);
        ChangingSession tau = ChangingSession.fromJson(SavedSessions.read("changing-mazes-shortcut-tau.json")
                .settings(), CURRENT);
        assertSameSession(new ChangingSession(1, SAVED_SHORTCUT,
                ChangingSettings.bookDefaults(SHORTCUT).withSweeping(true),
                true, 400, 3, null), tau);
        for (String file : SavedSessions.CHANGING_MAZES) {
            assertEquals("changing-mazes", SavedSessions.read(file).lab());
            SavedSessions.assertWritesBack(file, ChangingSession.fromJson(SavedSessions.read(file).settings(),
                    CURRENT).toJson());
        }
    }

    @Test
    void theBundledChangingMazePresetsAreValid() {
        int found = 0;
        for (Presets.Preset preset : Presets.list()) {
            Sessions.Session session = Sessions.preset(preset.file()).orElseThrow();
            if (session.lab().equals("changing-mazes")) {
                found++;
                ChangingSession.fromJson(session.settings(), CURRENT);
            }
        }
        assertEquals(5, found, "Figures 8.4 and 8.5, the tau map, Example 8.4, the debugger");
        ChangingSession f84 = ChangingSession.fromJson(
                Sessions.preset("blocking-maze-figure-8.4.json").orElseThrow().settings(), CURRENT);
        assertSameSession(new ChangingSession(1, BLOCKING, ChangingSettings.bookDefaults(BLOCKING), false, 200,
                Example84Model.DEFAULT_RUNS, PresetAction.PLAY), f84);
        ChangingSession e84 = ChangingSession.fromJson(Sessions.preset("example-8.4.json").orElseThrow().settings(),
                CURRENT);
        assertEquals(8, e84.example84Runs());
        assertFalse(e84.settings().sweeping(), "the first tab keeps Figure 8.4's two panes");
        assertEquals(PresetAction.EXAMPLE_84, e84.action());
    }
}
