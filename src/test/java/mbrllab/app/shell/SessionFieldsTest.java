package mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.maze.MazeParser;
import mbrllab.core.models.dynamics.PredictionMethod;
import mbrllab.io.BundledMazes;

/** Reading a session's fields: fallbacks for missing ones, and one wording for every refusal. */
class SessionFieldsTest {

    private static SessionFields fields(String json) throws Exception {
        return SessionFields.of(Sessions.mapper().readTree(json));
    }

    private static void refused(String json, Function<SessionFields, Object> read, String message) throws Exception {
        SessionFields f = fields(json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read.apply(f), json);
        assertEquals(message, e.getMessage(), json);
    }

    @Test
    void presentFieldsAreReadAndMissingOnesGiveTheFallback() throws Exception {
        SessionFields f = fields("""
                {"a": 0.5, "n": 3, "seed": -9007199254740993, "on": true, "name": "x", "tie": "First-Index",
                 "list": [5, 0], "shown": ["tsinf", "ts1", "tsinf"], "speed": "max", "slow": 2.5,
                 "inner": {"k": 7}}
                """);
        assertEquals(0.5, f.number("a", 1));
        assertEquals(0.5, f.number("a", 1, 0, 1));
        assertEquals(3, f.wholeInt("n", 1));
        assertEquals(3, f.wholeInt("n", 1, 1, 3));
        assertEquals(-9007199254740993L, f.wholeLong("seed", 1));
        assertEquals(true, f.bool("on", false));
        assertEquals("x", f.text("name", ""));
        assertEquals(TieBreaking.FIRST_INDEX, f.choice("tie", TieBreaking.class, TieBreaking.RANDOM));
        assertEquals(List.of(5, 0), f.wholeNumbers("list", List.of()));
        assertEquals(EnumSet.of(PredictionMethod.TS1, PredictionMethod.TS_INF),
                f.choices("shown", PredictionMethod.class, Set.of()));
        assertEquals(Double.POSITIVE_INFINITY, f.stepsPerSecond("speed", 1));
        assertEquals(2.5, f.stepsPerSecond("slow", 1));
        assertEquals(7, f.object("inner").wholeInt("k", 0));

        SessionFields none = fields("{}");
        assertEquals(0.25, none.number("a", 0.25));
        assertEquals(4, none.wholeInt("n", 4, 1, 3), "a fallback is not checked");
        assertEquals(TieBreaking.RANDOM, none.choice("tie", TieBreaking.class, TieBreaking.RANDOM));
        assertEquals(List.of(0, 5, 50), none.wholeNumbers("list", List.of(0, 5, 50)));
        assertEquals(12.0, none.stepsPerSecond("speed", 12));
        assertEquals(3, none.object("inner").wholeInt("k", 3), "a missing object has only fallbacks");
    }

    @Test
    void everyRefusalNamesTheFieldWithOneWording() throws Exception {
        refused("{\"a\": \"fast\"}", f -> f.number("a", 0), "\"a\" must be a number, got \"fast\"");
        refused("{\"a\": 5}", f -> f.number("a", 0, 0, 2), "\"a\" must be a number in 0..2, got 5");
        refused("{\"a\": 0.5}", f -> f.number("a", 0, 0.75, 1.5), "\"a\" must be a number in 0.75..1.5, got 0.5");
        refused("{\"n\": 1.5}", f -> f.wholeInt("n", 0), "\"n\" must be a whole number, got 1.5");
        refused("{\"n\": 3000000000}", f -> f.wholeInt("n", 0), "\"n\" must be a whole number, got 3000000000");
        refused("{\"n\": 0}", f -> f.wholeInt("n", 1, 1, 1000), "\"n\" must be a whole number in 1..1000, got 0");
        refused("{\"seed\": null}", f -> f.wholeLong("seed", 1), "\"seed\" must be a whole number, got null");
        refused("{\"on\": \"yes\"}", f -> f.bool("on", false), "\"on\" must be true or false, got \"yes\"");
        refused("{\"name\": 1}", f -> f.text("name", ""), "\"name\" must be text, got 1");
        refused("{\"tie\": \"first\"}", f -> f.choice("tie", TieBreaking.class, null),
                "\"tie\" must be \"random\" or \"first-index\", got \"first\"");
        refused("{\"tie\": 1}", f -> f.choice("tie", TieBreaking.class, null),
                "\"tie\" must be \"random\" or \"first-index\", got 1");
        refused("{\"list\": []}", f -> f.wholeNumbers("list", null),
                "\"list\" must be a list of whole numbers, e.g. [0, 5, 50], got []");
        refused("{\"list\": [0, \"5\"]}", f -> f.wholeNumbers("list", null),
                "\"list\" must be a list of whole numbers, e.g. [0, 5, 50], got [0,\"5\"]");
        refused("{\"shown\": [\"ts2\"]}", f -> f.choices("shown", PredictionMethod.class, null),
                "\"shown\" must be a list of \"moment-matching\", \"ts1\" or \"tsinf\", got [\"ts2\"]");
        refused("{\"speed\": 0}", f -> f.stepsPerSecond("speed", 1),
                "\"speed\" must be a number in 1..99999 or \"max\", got 0");
        refused("{\"speed\": 100000}", f -> f.stepsPerSecond("speed", 1),
                "\"speed\" must be a number in 1..99999 or \"max\", got 100000");
        refused("{\"inner\": 3}", f -> f.object("inner"), "\"inner\" must be an object, got 3");
        refused("{\"inner\": {\"k\": true}}", f -> f.object("inner").wholeInt("k", 0),
                "\"inner.k\" must be a whole number, got true");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionFields.of(Sessions.mapper().readTree("[1]")));
        assertEquals("the settings must be a JSON object", e.getMessage());
    }

    @Test
    void aSpeedIsWrittenAsItIsRead() throws Exception {
        for (double speed : new double[] {1, 25, 99_999.25, 12.3456789, Double.POSITIVE_INFINITY}) {
            ObjectNode o = Sessions.mapper().createObjectNode();
            SessionFields.putStepsPerSecond(o, "s", speed);
            JsonNode back = Sessions.mapper().readTree(o.toString());
            assertEquals(Double.isInfinite(speed) ? speed : Math.round(speed * 1000) / 1000.0,
                    SessionFields.of(back).stepsPerSecond("s", 0), o.toString());
        }
    }

    @Test
    void aMazeIsReadFromItsFileText() throws Exception {
        String text = MazeParser.format(BundledMazes.dynaMaze());
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("maze", text);
        assertEquals(text, MazeParser.format(SessionFields.of(o).maze("maze", null)));
        assertEquals(null, fields("{}").maze("maze", null));
        refused("{\"maze\": 3}", f -> f.maze("maze", null), "\"maze\" must be the text of a maze file, got 3");
        SessionFields bad = fields("{\"maze\": \"S.G\\nQ\"}");
        String message = assertThrows(IllegalArgumentException.class, () -> bad.maze("maze", null)).getMessage();
        assertTrue(message.startsWith("\"maze\" must be a valid maze file, got maze:2:"), message);
    }

    @Test
    void aPresetActionIsOneOfTheLabs() throws Exception {
        Set<PresetAction> allowed = EnumSet.of(PresetAction.PLAY, PresetAction.DEBUGGER);
        assertEquals(PresetAction.DEBUGGER, fields("{\"action\": \"debugger\"}").choiceOrNone("action", allowed));
        assertEquals(null, fields("{}").choiceOrNone("action", allowed));
        assertEquals(null, fields("{\"action\": \"\"}").choiceOrNone("action", allowed), "empty: no action");
        refused("{\"action\": \"example-8.4\"}", f -> f.choiceOrNone("action", allowed),
                "\"action\" must be \"play\" or \"debugger\", got \"example-8.4\"");
    }

    @Test
    void settingsAreAppliedOnlyWhenValid() throws Exception {
        List<Double> applied = new java.util.ArrayList<>();
        assertEquals(java.util.Optional.empty(), SessionFields.applyIfValid(Sessions.mapper().readTree(
                "{\"a\": 0.5}"), json -> SessionFields.of(json).number("a", 0), applied::add));
        assertEquals(java.util.Optional.of("\"a\" must be a number, got true"), SessionFields.applyIfValid(
                Sessions.mapper().readTree("{\"a\": true}"), json -> SessionFields.of(json).number("a", 0),
                applied::add));
        assertEquals(List.of(0.5), applied, "the refused settings were not applied");
        assertEquals(5.0, SessionFields.requireStepsPerSecond(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SessionFields.requireStepsPerSecond(Double.NaN));
        assertEquals("stepsPerSecond must be in [1, 100000) or \"max\", got NaN", e.getMessage());
    }
}
