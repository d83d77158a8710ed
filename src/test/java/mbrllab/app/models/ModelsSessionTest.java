package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import mbrllab.app.shell.Presets;
import mbrllab.app.shell.SavedSessions;
import mbrllab.app.shell.Sessions;
import mbrllab.core.Keyed;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.NoiseKind;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.models.TargetFunction;

/** The Models lab's session settings: JSON both ways, defaults, refusals, old files and the presets. */
class ModelsSessionTest {

    private static JsonNode json(String text) throws Exception {
        return Sessions.mapper().readTree(text);
    }

    /** The session with its points as a list of [x, y] (a Dataset has no equals). */
    private static String describe(ModelsSession s) {
        PlaygroundSettings p = s.playground();
        StringBuilder points = new StringBuilder();
        Dataset d = p.data();
        for (int i = 0; d != null && i < d.size(); i++) {
            points.append('[').append(d.x(i, 0)).append(", ").append(d.y(i, 0)).append(']');
        }
        return s.seed() + " " + s.tab() + " " + p.generator() + " " + p.choice() + " " + p.prior() + " "
                + p.posterior() + " " + p.members() + " " + p.hasData() + " " + points + " " + s.cartpole();
    }

    @Test
    void settingsSurviveTheRoundTripThroughJson() {
        ModelsSession s = new ModelsSession(-4, ModelsSession.Tab.CARTPOLE, new PlaygroundSettings(
                new PlaygroundData(TargetFunction.STEP, NoiseKind.HETEROSCEDASTIC, 1.5, true, 7), ModelChoice.GP,
                true, false, false, Dataset.of1d(new double[] {-5, 0.1, 5}, new double[] {1e-300, -2, 3}), true),
                new DynamicsViewModel.Settings(ModelChoice.ENSEMBLE, 100, 40, 50, 2000, 49,
                        EnumSet.of(Rollout.ENSEMBLE_TS1, Rollout.GP_PARTICLES)));
        assertEquals(describe(s), describe(ModelsSession.fromJson(s.toJson())), s.toJson().toString());
    }

    @Test
    void everyFieldIsOptional() throws Exception {
        ModelsSession s = ModelsSession.fromJson(json("{}"));
        assertEquals(describe(new ModelsSession(1, ModelsSession.Tab.PLAYGROUND, PlaygroundSettings.defaults(),
                DynamicsViewModel.Settings.defaults())), describe(s));
        assertFalse(s.playground().hasData(), "fresh points from the seed");
        ModelsSession empty = ModelsSession.fromJson(json("{\"playground\": {\"data\": []}, \"cartpole\": null}"));
        assertTrue(empty.playground().hasData());
        assertNull(empty.playground().data(), "no points at all");
        assertEquals(ModelChoice.GP, ModelsSession.fromJson(json("{\"playground\": {\"model\": \"GP\"}}"))
                .playground().choice(), "keys ignore case, as before");
    }

    @Test
    void aBadFieldIsNamed() {
        String[][] cases = {
            {"{\"seed\": 0.5}", "\"seed\" must be a whole number, got 0.5"},
            {"{\"tab\": \"rollout\"}", "\"tab\" must be \"playground\" or \"cartpole\", got \"rollout\""},
            {"{\"playground\": []}", "\"playground\" must be an object, got []"},
            {"{\"playground\": {\"function\": \"sin\"}}",
                "\"playground.function\" must be \"sine\", \"step\" or \"cubic\", got \"sin\""},
            {"{\"playground\": {\"noise\": \"none\"}}",
                "\"playground.noise\" must be \"homoscedastic\" or \"heteroscedastic\", got \"none\""},
            {"{\"playground\": {\"noiseLevel\": 5}}", "\"playground.noiseLevel\" must be a number in 0..2, got 5"},
            {"{\"playground\": {\"points\": 0}}", "\"playground.points\" must be a whole number in 1..1000, got 0"},
            {"{\"playground\": {\"gap\": \"no\"}}", "\"playground.gap\" must be true or false, got \"no\""},
            {"{\"playground\": {\"model\": \"svm\"}}",
                "\"playground.model\" must be \"gp\", \"ensemble\" or \"both\", got \"svm\""},
            {"{\"playground\": {\"data\": [[0, 1], [9, 1]]}}", "\"playground.data\" must be a list of at most 1000 "
                + "[x, y] pairs of numbers with x in -5..5 and y in -1000..1000, got entry 1 [9,1]"},
            {"{\"playground\": {\"data\": [[0, \"1\"]]}}", "\"playground.data\" must be a list of at most 1000 "
                + "[x, y] pairs of numbers with x in -5..5 and y in -1000..1000, got entry 0 [0,\"1\"]"},
            // y = 1e154 made the ensemble's epistemic variance infinite and the chart threw on the FX thread
            {"{\"playground\": {\"data\": [[0, 1e154], [1, 0]]}}", "\"playground.data\" must be a list of at "
                + "most 1000 [x, y] pairs of numbers with x in -5..5 and y in -1000..1000, got entry 0 [0,1.0E154]"},
            {"{\"cartpole\": {\"model\": 1}}", "\"cartpole.model\" must be \"gp\", \"ensemble\" or \"both\", got 1"},
            {"{\"cartpole\": {\"horizon\": 41}}", "\"cartpole.horizon\" must be in 1..40, got 41"},
            {"{\"cartpole\": {\"model\": \"gp\", \"episodes\": 76}}", "\"cartpole.episodes\" must be in 1..75, got 76"},
            {"{\"cartpole\": {\"particles\": \"many\"}}", "\"cartpole.particles\" must be a whole number, "
                + "got \"many\""},
            {"{\"cartpole\": {\"shown\": [\"ts2\"]}}", "\"cartpole.shown\" must be a list of \"moment-matching\", "
                + "\"ts1\", \"tsinf\" or \"gp-ts1\", got [\"ts2\"]"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ModelsSession.fromJson(json(c[0])), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
        StringBuilder many = new StringBuilder("{\"playground\": {\"data\": [[0, 0]");
        for (int i = 0; i < PlaygroundViewModel.MAX_POINTS; i++) {
            many.append(", [0, 0]");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelsSession.fromJson(json(many.append("]}}").toString())));
        assertTrue(e.getMessage().endsWith("got 1001 pairs"), e.getMessage());
    }

    @Test
    void sessionsSavedBeforeTheRecordsOpenUnchanged() {
        ModelsSession p = ModelsSession.fromJson(SavedSessions.read("models-playground.json").settings());
        assertEquals(5, p.seed());
        assertEquals(ModelsSession.Tab.PLAYGROUND, p.tab());
        assertEquals(new PlaygroundData(TargetFunction.CUBIC, NoiseKind.HETEROSCEDASTIC, 0.3, false, 25),
                p.playground().generator());
        assertEquals(ModelChoice.ENSEMBLE, p.playground().choice());
        assertEquals(List.of(true, false, false), List.of(p.playground().prior(), p.playground().posterior(),
                p.playground().members()));
        assertEquals(25, p.playground().data().size());
        assertEquals(2.879364232958399, p.playground().data().x(0, 0));
        assertEquals(new DynamicsViewModel.Settings(ModelChoice.GP, 3, 12, 2, 20, 1,
                EnumSet.of(Rollout.GP_MOMENT_MATCHING, Rollout.GP_PARTICLES)), p.cartpole());
        ModelsSession c = ModelsSession.fromJson(SavedSessions.read("models-cartpole-tab.json").settings());
        assertEquals(ModelsSession.Tab.CARTPOLE, c.tab());
        assertEquals(3, c.playground().data().size());
        assertEquals(EnumSet.of(Rollout.GP_PARTICLES), c.cartpole().shown());
        for (String file : SavedSessions.MODELS) {
            assertEquals("models", SavedSessions.read(file).lab());
            SavedSessions.assertWritesBack(file, ModelsSession.fromJson(SavedSessions.read(file).settings())
                    .toJson());
        }
    }

    @Test
    void theBundledModelsPresetsAreValid() {
        int found = 0;
        for (Presets.Preset preset : Presets.list()) {
            Sessions.Session session = Sessions.preset(preset.file()).orElseThrow();
            if (session.lab().equals("models")) {
                found++;
                ModelsSession.fromJson(session.settings());
            }
        }
        assertEquals(2, found, "GP vs ensemble, compounding error");
        ModelsSession gap = ModelsSession.fromJson(Sessions.preset("gp-vs-ensemble.json").orElseThrow().settings());
        assertEquals(new PlaygroundData(TargetFunction.SINE, NoiseKind.HOMOSCEDASTIC, 0.2, true, 60),
                gap.playground().generator());
        assertFalse(gap.playground().hasData());
        ModelsSession compounding = ModelsSession.fromJson(Sessions.preset("compounding-error.json").orElseThrow()
                .settings());
        assertEquals(new DynamicsViewModel.Settings(ModelChoice.BOTH, 8, 25, 6, 50, 2, EnumSet.of(
                Rollout.GP_MOMENT_MATCHING, Rollout.ENSEMBLE_TS1, Rollout.ENSEMBLE_TS_INF)), compounding.cartpole());
    }

    @Test
    void theLabsChoicesKeepTheirKeys() {
        assertEquals(List.of("gp", "ensemble", "both"), keys(ModelChoice.class));
        assertEquals(List.of("moment-matching", "ts1", "tsinf", "gp-ts1"), keys(Rollout.class));
        assertEquals(List.of("playground", "cartpole"), keys(ModelsSession.Tab.class));
    }

    private static <E extends Enum<E> & Keyed> List<String> keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyed::key).toList();
    }
    @Test
    void dynamicsSettingsOverTheAppsBudgetAreRefusedWithTheEstimateAndTheDefaultsAreNot() {
        DynamicsViewModel.Settings d = DynamicsViewModel.Settings.defaults();
        assertTrue(mbrllab.app.lab.RunBudget.fits(DynamicsViewModel.Settings.cost(d.model(), d.episodes(),
                d.horizon(), d.windows(), d.particles())), "the defaults");
        // a GP on 1,200 points with 2,000 particles from 50 starts over 40 steps: hours on one thread
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DynamicsViewModel.Settings(ModelChoice.GP, 30, 40, 50, 2000, 0, EnumSet.noneOf(
                        Rollout.class)));
        assertTrue(e.getMessage().startsWith("the fits and predictions are estimated at about "), e.getMessage());
        assertTrue(e.getMessage().contains("a GP on 1200 points"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the episodes, the held-out starts, the horizon or the particles"),
                e.getMessage());
        // the same sizes for the ensemble fit: its nets scale with the data, not with its square
        assertEquals(30, new DynamicsViewModel.Settings(ModelChoice.ENSEMBLE, 30, 40, 50, 2000, 0,
                EnumSet.noneOf(Rollout.class)).episodes());
        // the cost grows with the particles for the GP's particle rollout
        assertTrue(DynamicsViewModel.Settings.cost(ModelChoice.GP, 8, 25, 6, 500).seconds()
                > DynamicsViewModel.Settings.cost(ModelChoice.GP, 8, 25, 6, 50).seconds());
    }
}
