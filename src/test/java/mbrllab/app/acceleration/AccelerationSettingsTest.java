package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import mbrllab.app.shell.Sessions;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.FirstPush;
import mbrllab.core.acceleration.ModelChoice;

/** The lab's settings: JSON both ways, the setting syntax, refusals that name the field. */
class AccelerationSettingsTest {

    @Test
    void jsonRoundTrip() {
        AccelerationSettings s = new AccelerationSettings(ModelChoice.SINGLE, 7, 13,
                AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 4, 20, AccelerationSettings.RATIO), 2, 5, 120, 42,
                1234, false);
        assertEquals(s, AccelerationSettings.fromJson(s.toJson()));
        assertEquals("single:n=5:k=3", AccelerationSettings.parseSetting("single:n=5:k=3").text(0.5));
        assertEquals(AccelerationSetting.realOnly(), AccelerationSettings.parseSetting(" real "));
        assertEquals(AccelerationSetting.noisyTrue(10, 1, AccelerationSettings.RATIO, 0.1),
                AccelerationSettings.parseSetting("true:n=10:k=1:noise=0.1"));
        // the lab reads the command's syntax, a ratio included, within its sliders' ranges
        AccelerationSettings ratio = new AccelerationSettings(ModelChoice.ENSEMBLE, 10, 1,
                AccelerationSettings.parseSetting("single:n=5:k=3:ratio=0.25"), 1, 5, 120, 42, 1234, false);
        assertEquals(0.25, ratio.third().realRatio());
        assertEquals(ratio, AccelerationSettings.fromJson(ratio.toJson()));
        assertEquals("single:n=5:k=3:ratio=0.25", ratio.toJson().get("third").asText());
        AccelerationSettings noisy = new AccelerationSettings(ModelChoice.SINGLE, 7, 13,
                AccelerationSetting.noisyTrue(4, 20, AccelerationSettings.RATIO, 0.25), 2, 5, 120, 42, 1234, false);
        assertEquals(noisy, AccelerationSettings.fromJson(noisy.toJson()));
        assertEquals(AccelerationSettings.defaults(),
                AccelerationSettings.fromJson(Sessions.mapper().createObjectNode()));
        assertEquals(List.of(AccelerationSetting.realOnly(), AccelerationSetting.withModel(ModelChoice.SINGLE, 7, 13,
                0.5), s.third()), s.panes());
    }

    @Test
    void refusalsNameTheField() throws Exception {
        String[][] bad = {
            {"{\"n\": 0}", "\"n\""},
            {"{\"k\": 51}", "\"k\""},
            {"{\"model\": \"real\"}", "\"model\""},
            {"{\"third\": \"true:n=0:k=1\"}", "\"third\""},
            {"{\"third\": \"fast\"}", "\"third\""},
            {"{\"third\": \"model:n=51:k=1\"}", "\"third\": 'model:n=51:k=1': n must be in 1..50, got 51"},
            {"{\"third\": \"model:n=10:k=1\"}", "\"third\""},
            {"{\"third\": \"real\"}", "\"third\""},
            {"{\"third\": \"model:n=10:k=1:noise=0.1\"}", "\"third\""},
            {"{\"third\": \"true:n=10:k=1:noise=2\"}", "\"third\""},
            {"{\"third\": \"true:n=10:k=1:noise=x\"}", "\"third\""},
            {"{\"processes\": 3}", "\"processes\""},
            {"{\"runs\": 0}", "\"runs\""},
            {"{\"episodes\": 1.5}", "\"episodes\""},
        };
        for (String[] b : bad) {
            JsonNode json = Sessions.mapper().readTree(b[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AccelerationSettings.fromJson(json), b[0]);
            assertTrue(e.getMessage().startsWith(b[1]), b[0] + " -> " + e.getMessage());
        }
    }

    /** The five presets of the lab open, and say what they teach. */
    @Test
    void presetsOpen() throws Exception {
        String[] files = {"acceleration-short-rollouts", "acceleration-long-rollouts", "acceleration-perfect-model",
            "acceleration-real-data-only", "acceleration-copies-of-real-data"};
        AccelerationSettings[] s = new AccelerationSettings[files.length];
        for (int i = 0; i < files.length; i++) {
            try (InputStream in = getClass().getResourceAsStream("/presets/" + files[i] + ".json")) {
                JsonNode preset = Sessions.mapper().readTree(in);
                assertEquals("acceleration", preset.path("lab").asText());
                s[i] = AccelerationSettings.fromJson(preset.path("settings"));
                assertTrue(s[i].play());
                // the app's budget on this machine (one background worker on two cores: the strictest case);
                // "long rollouts hurt" with 10 runs was refused at about 16 min
                assertEquals(s[i], AccelerationViewModel.requireWithinBudget(s[i]), files[i]);
            }
        }
        assertEquals(1, s[0].k());
        assertEquals(ModelChoice.ENSEMBLE, s[0].model());
        assertEquals(20, s[1].k());
        assertEquals(1, s[1].third().k());
        assertEquals(ModelChoice.ENSEMBLE, s[1].third().model());
        assertEquals(ModelChoice.TRUE, s[2].model());
        assertEquals(0, s[3].processes());
        assertFalse(s[3].panes().get(s[3].processes()).usesModel());
        assertEquals(ModelChoice.TRUE, s[4].model());
        assertEquals(FirstPush.EPSILON, s[4].panes().get(1).push());
        assertEquals(s[4].panes().get(1).withPush(FirstPush.DATASET), s[4].third());
    }
}
