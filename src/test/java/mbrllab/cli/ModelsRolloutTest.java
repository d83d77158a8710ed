package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsRolloutTest {

    @TempDir
    Path dir;

    @Test
    void gpMomentMatchingWritesErrorAndNllPerStepAndAChart() throws IOException {
        Path out = dir.resolve("gp");
        ModelsCommandTest.Run r = ModelsCommandTest.run("models", "rollout", "--model", "gp", "--method",
                "moment-matching", "--episodes", "3", "--horizon", "10", "--test-episodes", "4", "--seed", "2",
                "--restarts", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("log_marginal_likelihood"), r.out());
        assertTrue(r.out().contains("k 10  rmse "), r.out());
        List<String> lines = Files.readAllLines(out.resolve("models-rollout.csv"));
        assertEquals("k,rmse,nll", lines.get(0));
        assertEquals(11, lines.size());
        double[] first = parse(lines.get(1));
        double[] last = parse(lines.get(10));
        assertEquals(1, first[0]);
        assertEquals(10, last[0]);
        assertTrue(last[1] > 2 * first[1], "the error compounds: " + lines);
        assertTrue(last[2] > first[2], "so does the NLL: " + lines);
        BufferedImage png = ImageIO.read(out.resolve("models-rollout.png").toFile());
        assertNotNull(png);
        assertEquals(900, png.getWidth());

        ModelsCommandTest.Run again = ModelsCommandTest.run("models", "rollout", "--model", "gp", "--method",
                "moment-matching", "--episodes", "3", "--horizon", "10", "--test-episodes", "4", "--seed", "2",
                "--restarts", "2", "--out", dir.resolve("again").toString(), "--threads", "1");
        assertEquals(0, again.exit(), again.err());
        assertEquals(Files.readString(out.resolve("models-rollout.csv")),
                Files.readString(dir.resolve("again/models-rollout.csv")), "same seed, same file");
    }

    @Test
    void ensembleTsInfRuns() throws IOException {
        Path out = dir.resolve("ens");
        ModelsCommandTest.Run r = ModelsCommandTest.run("models", "rollout", "--model", "ensemble", "--method", "tsinf",
                "--episodes", "2", "--horizon", "5", "--test-episodes", "3", "--particles", "10", "--members", "2",
                "--steps", "300", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("ensemble members 2"), r.out());
        assertEquals(6, Files.readAllLines(out.resolve("models-rollout.csv")).size());
    }

    @Test
    void badArgumentsGetOneLineAndExitCode2() {
        String[][] cases = {
            {"--model", "gp", "--method", "tsinf", "--horizon", "5", "--out", "x"},
            {"--model", "ensemble", "--method", "moment-matching", "--out", "x"},
            {"--model", "gp", "--method", "ts2", "--out", "x"},
            {"--model", "tree", "--method", "ts1", "--out", "x"},
            {"--model", "gp", "--method", "ts1", "--horizon", "41", "--out", "x"},
            {"--model", "gp", "--method", "ts1", "--episodes", "76", "--out", "x"},
            {"--model", "ensemble", "--method", "ts1", "--episodes", "0", "--out", "x"},
            {"--model", "gp", "--method", "ts1", "--particles", "1", "--out", "x"},
            {"--model", "gp", "--method", "ts1", "--episodes", "many", "--out", "x"},
            {"--model", "gp", "--method", "ts1"},
            {"--model", "gp", "--method", "ts1", "--restarts", "0", "--out", "x"},
            {"--model", "ensemble", "--method", "ts1", "--members", "101", "--out", "x"},
        };
        for (String[] args : cases) {
            String[] full = new String[args.length + 2];
            full[0] = "models";
            full[1] = "rollout";
            System.arraycopy(args, 0, full, 2, args.length);
            ModelsCommandTest.Run r = ModelsCommandTest.run(full);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void helpAndTheScreenshotLabs() {
        ModelsCommandTest.Run help = ModelsCommandTest.run("models", "rollout", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("k,rmse,nll"), help.out());
        ModelsCommandTest.Run bad = ModelsCommandTest.run("screenshot", "--lab", "no-such-lab", "--out", "x.png");
        assertEquals(2, bad.exit());
        assertEquals("screenshot: unknown --lab 'no-such-lab'; labs: " + String.join(", ", ScreenshotCommand.LABS),
                bad.err().strip());
        assertTrue(ScreenshotCommand.LABS.contains("models"));
    }

    private static double[] parse(String line) {
        String[] p = line.split(",");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])};
    }
}
