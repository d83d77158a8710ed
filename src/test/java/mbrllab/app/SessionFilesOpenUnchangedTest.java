package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;

import mbrllab.app.shell.SavedSessions;
import mbrllab.app.shell.Sessions;

/**
 * The session files saved by the app before the labs' settings records (src/test/resources/sessions/before) open
 * through the window without a complaint, and saving at once writes the same file byte for byte: every setting
 * the file holds reached the lab and came back unchanged.
 */
class SessionFilesOpenUnchangedTest extends ShellFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    private void openAndSaveAgain(List<String> files) throws Exception {
        for (String file : files) {
            Path in = dir.resolve(file);
            Files.writeString(in, SavedSessions.text(file));
            Path out = dir.resolve("again-" + file);
            WaitForAsyncUtils.asyncFx(() -> {
                shell.loadSession(in);
                shell.saveSession(out);
            }).get(30, TimeUnit.SECONDS);
            assertNull(shell.lastError(), file);
            assertEquals(SavedSessions.text(file), Files.readString(out), file);
        }
    }

    @Test
    void dynaMazeSessions() throws Exception {
        openAndSaveAgain(SavedSessions.DYNA_MAZE);
    }

    @Test
    void changingMazesSessions() throws Exception {
        openAndSaveAgain(SavedSessions.CHANGING_MAZES);
    }

    @Test
    void cartPoleSessions() throws Exception {
        openAndSaveAgain(SavedSessions.CART_POLE);
    }

    @Test
    void modelsSessions() throws Exception {
        openAndSaveAgain(SavedSessions.MODELS);
        openAndSaveAgain(List.of(SavedSessions.MODELS.get(0)));
    }

    /**
     * A session applied while the playground shows other settings gets exactly its own generator: the controls that
     * follow the new generator must not mix the old noise level, gap and number of points back in.
     */
    @Test
    void aPlaygroundSessionAfterAnotherKeepsItsOwnGenerator() throws Exception {
        openAndSaveAgain(List.of("models-playground.json"));
        Path in = dir.resolve("step.json");
        Files.writeString(in, "{\"format\": \"mbrl-lab-session\", \"version\": 1, \"lab\": \"models\","
                + " \"settings\": {\"playground\": {\"function\": \"step\"}}}");
        Path out = dir.resolve("step-again.json");
        WaitForAsyncUtils.asyncFx(() -> {
            shell.loadSession(in);
            shell.saveSession(out);
        }).get(30, TimeUnit.SECONDS);
        assertNull(shell.lastError());
        JsonNode p = Sessions.mapper().readTree(Files.readString(out)).path("settings").path("playground");
        assertEquals("step", p.path("function").asText());
        assertEquals("homoscedastic", p.path("noise").asText(), "the default noise");
        assertEquals(0.2, p.path("noiseLevel").asDouble(), "the default noise level, not the previous 0.3");
        assertEquals(100, p.path("points").asInt(), "the default number of points, not the previous 25");
        assertEquals(100, p.path("data").size(), "fresh points from the session's generator");
    }
}
