package mbrllab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's entry point in a JVM of its own, as a user starts it (issue 15, items 9 and 10): without a display it
 * says so in one line with exit code 2, and a screenshot run prints none of JavaFX's class-path warnings.
 */
class LauncherTest {

    record Run(int code, String err) {
    }

    /** Runs the Launcher with the test class path, DISPLAY set to {@code display} (null: unset). */
    private static Run launch(Path dir, String display, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "mbrllab.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        Path err = dir.resolve("stderr.txt");
        pb.redirectError(err.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not end");
        }
        return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutADisplayTheAppSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Run r = launch(dir, null);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("mbrl-lab: the window needs a display, and DISPLAY is not set. Run it on a "
                + "desktop, or under a virtual display: xvfb-run -a java -jar mbrl-lab.jar."), r.err());

        r = launch(dir, ":97531");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("mbrl-lab: the window needs a display ("), r.err());
    }

    @Test
    void theDisplayCheckLeavesOtherPlatformsAlone() {
        assertEquals(", and DISPLAY is not set", Launcher.displayProblem(null, null));
        assertEquals(", and DISPLAY is not set", Launcher.displayProblem(" ", ""));
        assertNull(Launcher.displayProblem(":0", null));
        assertNull(Launcher.displayProblem(null, "Monocle"));
    }

    @Test
    void aScreenshotPrintsNoJavaFxWarning(@TempDir Path dir) throws Exception {
        Run r = launch(dir, null, "screenshot", "--lab", "dyna-maze", "--run-seconds", "0", "--out", "shot.png");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(dir.resolve("shot.png")) > 1000);
        assertFalse(r.err().contains("Unsupported JavaFX configuration"), r.err());
        assertFalse(r.err().contains("WARNING"), r.err());
    }
}
