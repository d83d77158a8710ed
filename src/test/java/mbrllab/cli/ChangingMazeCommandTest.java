package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.cli.CliTest.Result;

/** {@code figure 8.4}, {@code figure 8.5}, {@code figure example-8.4} and {@code maze check} on every shipped maze. */
class ChangingMazeCommandTest {

    static Result run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void figure84WritesTheCsvAndPngReproduciblyWhateverTheThreads(@TempDir Path dir) throws Exception {
        Result r = run("figure", "8.4", "--runs", "6", "--seed", "7", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("figure-8.4.csv"));
        assertEquals("step,dynaq_mean,dynaq_se,dynaqplus_mean,dynaqplus_se", lines.get(0));
        assertEquals(3001, lines.size());
        assertTrue(lines.get(3000).startsWith("3000,"));
        assertEquals(900, ImageIO.read(dir.resolve("figure-8.4.png").toFile()).getWidth());
        assertTrue(r.out().contains("Dyna-Q+  cumulative reward after 1000 steps (the change):"), r.out());

        Path again = dir.resolve("again");
        assertEquals(0, run("figure", "8.4", "--runs", "6", "--seed", "7", "--threads", "1", "--out",
                again.toString()).code());
        assertEquals(Files.readString(dir.resolve("figure-8.4.csv")), Files.readString(again.resolve("figure-8.4.csv")),
                "same seed, same bits, whatever the number of threads");
    }

    @Test
    void figure85TakesStepsMazeAndParameterOverrides(@TempDir Path dir) throws Exception {
        Result r = run("figure", "8.5", "--runs", "3", "--steps", "400", "--maze", "mazes/blocking.maze", "--n", "5",
                "--alpha", "0.5", "--kappa", "0.01", "--slip", "0.1", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("figure-8.5.csv"));
        assertEquals(401, lines.size());
        assertTrue(r.out().contains("after 400 steps"), r.out());
        assertTrue(ImageIO.read(dir.resolve("figure-8.5.png").toFile()).getHeight() > 400);
    }

    @Test
    void example84WritesOneLinePerShippedSize(@TempDir Path dir) throws Exception {
        Result r = run("figure", "example-8.4", "--runs", "2", "--seed", "3", "--max-steps", "300000", "--out",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("example-8.4.csv"));
        assertEquals("maze,states,dynaq_updates_mean,dynaq_updates_se,ps_updates_mean,ps_updates_se", lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(6).startsWith("Dyna-maze 6x,1692,"), lines.get(6));
        assertTrue(r.out().contains("Dyna-maze 6x   1692 states:"), r.out());
        assertTrue(ImageIO.read(dir.resolve("example-8.4.png").toFile()).getWidth() == 900);
    }

    /**
     * A step limit too small for any run to find an optimal policy: empty cells where no run did, and the console says
     * so (it failed with an internal error: a NaN mean).
     */
    @Test
    void example84WithNoOptimalPolicyFoundLeavesTheCellsEmpty(@TempDir Path dir) throws Exception {
        Result r = run("figure", "example-8.4", "--runs", "1", "--seed", "3", "--max-steps", "10", "--out",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("example-8.4.csv"));
        assertEquals(7, lines.size());
        assertEquals("Dyna-maze,47,,,,", lines.get(1));
        assertTrue(r.out().contains("Dyna-Q: no run found an optimal policy within 10 steps"), r.out());
        assertEquals(900, ImageIO.read(dir.resolve("example-8.4.png").toFile()).getWidth());
    }

    @Test
    void badValuesNameTheOptionAndExitWithCode2() {
        for (String[] args : new String[][] {
            {"figure", "8.4", "--slip", "2"},
            {"figure", "8.4", "--runs", "0"},
            {"figure", "8.5", "--steps", "0"},
            {"figure", "8.5", "--kappa", "-1"},
            {"figure", "8.5", "--alpha", "1.5"},
            {"figure", "8.4", "--n", "-2"},
            {"figure", "8.4", "--maze", "no-such.maze"},
            {"figure", "example-8.4", "--max-steps", "0"},
            {"figure", "example-8.4", "--runs", "0"},
        }) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line for " + String.join(" ", args) + ": " + r.err());
            String option = args[2];
            assertTrue(option.equals("--maze") || !r.err().contains("Exception"), r.err());
            assertTrue(option.equals("--maze") ? r.err().contains("no-such.maze") : r.err().contains(option + " must"),
                    String.join(" ", args) + " -> " + r.err());
        }
    }

    @Test
    void everyChangingFigureHasHelp() {
        for (String figure : new String[] {"8.4", "8.5", "example-8.4"}) {
            Result r = run("figure", figure, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage:") && r.out().contains("--runs"), r.out());
        }
    }

    @Test
    void everyShippedMazePassesMazeCheck() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("mazes"))) {
            files = listing.filter(p -> p.toString().endsWith(".maze")).sorted().toList();
        }
        assertTrue(files.size() >= 8, "shipped mazes: " + files);
        for (Path file : files) {
            Result r = run("maze", "check", file.toString());
            assertEquals(0, r.code(), file + ": " + r.err());
            assertTrue(r.out().startsWith(file + ": ok: "), r.out());
        }
        Result blocking = run("maze", "check", "mazes/blocking.maze");
        assertEquals("mazes/blocking.maze: ok: \"Blocking maze\", 6x9, 46 free states, start (5,3), goal (0,8), "
                + "shortest path 10; changes after 1000 steps (then shortest path 16)", blocking.out().strip());
        Result shortcut = run("maze", "check", "mazes/shortcut.maze");
        assertTrue(shortcut.out().strip().endsWith("shortest path 16; changes after 3000 steps "
                + "(then shortest path 10)"), shortcut.out());
    }
}
