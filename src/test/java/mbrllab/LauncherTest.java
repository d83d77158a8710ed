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
        return launch(dir, display, List.of(), args);
    }

    /** The same with options for the JVM ({@code -Xmx48m}). */
    private static Run launch(Path dir, String display, List<String> jvm, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "mbrllab.Launcher"));
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
    void runningOutOfMemoryAfterAllowLongIsTheUsersCallNotABug(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.csv"), "x1,y\n0,0\n1,1\n2,0\n");
        Files.writeString(dir.resolve("q.csv"), "x1\n0.5\n");
        String[] fit = {"models", "fit", "--model", "ensemble", "--hidden", "1024,1024,1024", "--members", "8",
            "--epochs", "1", "--train", "t.csv", "--query", "q.csv", "--out", "p.csv"};
        Run refused = launch(dir, null, List.of("-Xmx48m"), fit);
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().startsWith("models fit: this run is estimated at about 270 MB of memory"),
                refused.err());
        String[] allowed = java.util.stream.Stream.concat(java.util.Arrays.stream(fit), java.util.stream.Stream.of(
                "--allow-long")).toArray(String[]::new);
        Run ran = launch(dir, null, List.of("-Xmx48m"), allowed);
        assertEquals(2, ran.code(), ran.err());
        assertTrue(ran.err().strip().endsWith("models fit: ran out of memory (the JVM may use 50 MB), as the budget "
                + "warned: give it more (java -Xmx8g -jar mbrl-lab.jar ...) or lower the sizes"), ran.err());
        assertFalse(Files.exists(dir.resolve("p.csv")));
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

    /**
     * At run time 0 the picture waits for the window to come to rest: after --steps the debugger's maze is drawn, its
     * walls solid dark squares (taken at the next pulse, the maze was blank and the last update "-").
     */
    @Test
    void aScreenshotAtRunTimeZeroShowsTheStepsAskedFor(@TempDir Path dir) throws Exception {
        Run r = launch(dir, null, "screenshot", "--lab", "dyna-maze", "--preset", "debug-one-episode", "--steps", "3",
                "--run-seconds", "0", "--size", "1024x768", "--out", "steps.png");
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("steps.png").toFile());
        int solid = 0;
        for (int y = 0; y + 12 <= png.getHeight(); y += 12) {
            for (int x = 0; x + 12 <= png.getWidth(); x += 12) {
                boolean dark = true;
                for (int dy = 0; dy < 12 && dark; dy++) {
                    for (int dx = 0; dx < 12 && dark; dx++) {
                        int p = png.getRGB(x + dx, y + dy);
                        dark = Math.max((p >> 16) & 255, Math.max((p >> 8) & 255, p & 255)) < 90;
                    }
                }
                solid += dark ? 1 : 0;
            }
        }
        // the Dyna maze's 7 walls, cells of about 30 px: 9 squares of the 12 px grid on this machine, none when blank
        assertTrue(solid >= 5, "solid dark squares (the maze's walls): " + solid);
    }

    @Test
    void aScreenshotOfTheHelpWindowIsTheHelpAtItsSize(@TempDir Path dir) throws Exception {
        Run r = launch(dir, null, "screenshot", "--lab", "pilco", "--run-seconds", "0", "--size", "1024x768",
                "--help-window", "--out", "help.png");
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("help.png").toFile());
        // four fifths of the window (its text was once a column of 205 x 2,450 pixels)
        assertEquals(820, png.getWidth());
        assertEquals(615, png.getHeight());
    }
}
