package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import mbrllab.app.shell.Presets;
import mbrllab.app.shell.SavedSessions;
import mbrllab.app.shell.Sessions;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;

/** The cart-pole lab's session settings: JSON both ways, defaults, refusals, and the bundled presets. */
class CartPoleSettingsTest {

    private static JsonNode json(String text) throws Exception {
        return Sessions.mapper().readTree(text);
    }

    @Test
    void settingsSurviveTheRoundTripThroughJson() {
        for (CartPoleSettings s : List.of(
                new CartPoleSettings(CartSystem.BALANCE, AgentKind.DYNA_Q, BoxModelKind.LAST_OUTCOME,
                        new BoxesDynaParams(0.25, 0.9, 0.05, 0), 4, 20, -77, 500, false),
                new CartPoleSettings(CartSystem.SWING_UP, AgentKind.KEYBOARD, BoxModelKind.SAMPLE,
                        BoxesDynaParams.defaults(), 30, 100, Long.MAX_VALUE, Double.POSITIVE_INFINITY, false),
                new CartPoleSettings(CartSystem.BALANCE, AgentKind.RANDOM, BoxModelKind.SAMPLE,
                        BoxesDynaParams.defaults(), 1, 1000, 0, 1, false))) {
            assertEquals(s, CartPoleSettings.fromJson(s.toJson()), s.toJson().toString());
        }
    }

    @Test
    void everyFieldIsOptional() throws Exception {
        assertEquals(new CartPoleSettings(CartSystem.BALANCE, AgentKind.DYNA_Q, BoxModelKind.SAMPLE,
                BoxesDynaParams.defaults(), 30, 100, 1, 50, false), CartPoleSettings.fromJson(json("{}")));
        CartPoleSettings swingUp = CartPoleSettings.fromJson(json("{\"system\": \"swingup\"}"));
        assertEquals(AgentKind.KEYBOARD, swingUp.agent(), "Dyna-Q on BOXES balances only");
        assertEquals(10, swingUp.stepsPerSecond(), "the system's real time");
        assertTrue(CartPoleSettings.fromJson(json("{\"action\": \"play\"}")).play());
    }

    @Test
    void aBadFieldIsNamed() {
        String[][] cases = {
            {"{\"gamma\": 1.5}", "gamma must be in [0, 1], got 1.5"},
            {"{\"epsilon\": \"lots\"}", "\"epsilon\" must be a number, got \"lots\""},
            {"{\"seed\": 1.5}", "\"seed\" must be a whole number, got 1.5"},
            {"{\"runs\": 0}", "runs must be in [1, 10000], got 0"},
            {"{\"agent\": \"pilco\"}", "\"agent\" must be \"keyboard\", \"random\" or \"dynaq-boxes\", got \"pilco\""},
            {"{\"system\": 1}", "\"system\" must be \"balance\" or \"swingup\", got 1"},
            {"{\"model\": \"best\"}", "\"model\" must be \"last\" or \"sample\", got \"best\""},
            {"{\"stepsPerSecond\": \"fast\"}",
                "\"stepsPerSecond\" must be a number in 1..99999 or \"max\", got \"fast\""},
            {"{\"action\": \"figure-8.3\"}", "\"action\" must be \"play\", got \"figure-8.3\""},
            {"[1, 2]", "the settings must be a JSON object"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CartPoleSettings.fromJson(json(c[0])), c[0]);
            assertEquals(c[1], e.getMessage());
        }
    }

    @Test
    void theBundledCartPolePresetsAreValid() {
        int found = 0;
        for (Presets.Preset preset : Presets.list()) {
            Sessions.Session session = Sessions.preset(preset.file()).orElseThrow();
            if (!session.lab().equals("cart-pole")) {
                continue;
            }
            found++;
            assertEquals(preset.name(), session.name(), preset.file() + ": the menu shows the preset's own name");
            assertTrue(preset.name().startsWith("Cart-pole: "), preset.name());
            CartPoleSettings.fromJson(session.settings());
        }
        assertEquals(3, found, "model errors, sample model, swing it up yourself");
        CartPoleSettings swing = CartPoleSettings.fromJson(Sessions.preset("cartpole-swing-up.json").orElseThrow()
                .settings());
        assertEquals(CartSystem.SWING_UP, swing.system());
        assertEquals(AgentKind.KEYBOARD, swing.agent());
        assertFalse(swing.play(), "the keyboard starts the run");
    }

    @Test
    void sessionsSavedBeforeTheRecordsOpenUnchanged() {
        CartPoleSettings custom = CartPoleSettings.fromJson(SavedSessions.read("cart-pole-custom.json").settings());
        assertEquals(new CartPoleSettings(CartSystem.BALANCE, AgentKind.RANDOM, BoxModelKind.LAST_OUTCOME,
                new BoxesDynaParams(0.3, 0.95, 0.2, 0), 5, 40, 9, 123, false), custom);
        CartPoleSettings swing = CartPoleSettings.fromJson(SavedSessions.read("cart-pole-swing-up.json").settings());
        assertEquals(new CartPoleSettings(CartSystem.SWING_UP, AgentKind.KEYBOARD, BoxModelKind.SAMPLE,
                BoxesDynaParams.defaults(), 30, 100, 1, 10, false), swing);
        for (String file : SavedSessions.CART_POLE) {
            SavedSessions.assertWritesBack(file, CartPoleSettings.fromJson(SavedSessions.read(file).settings())
                    .toJson());
        }
    }

    @Test
    void theLabsChoicesKeepTheirKeys() {
        assertEquals(List.of("keyboard", "random", "dynaq-boxes"),
                java.util.Arrays.stream(AgentKind.values()).map(AgentKind::key).toList());
        assertEquals(List.of("balance", "swingup"),
                java.util.Arrays.stream(CartSystem.values()).map(CartSystem::key).toList());
        assertEquals(mbrllab.core.cartpole.BoxesAgentKind.DYNA_Q.key(), AgentKind.DYNA_Q.key(),
                "the lab and cartpole learn --agent share the key");
    }
}
