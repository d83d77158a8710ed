package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.control.SwingUpTask;

/** The pilco command on small runs (3 trials of 10 steps, 3 centres, 8 evaluations): files, formats, bits, errors. */
class PilcoCommandTest {

    static final String HEADER = "trial,predicted_cost,predicted_cost_sd,actual_cost,success,experience_s,wall_s";

    @TempDir
    Path dir;

    static CartPoleCommandTest.Result small(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("pilco", "--trials", "3", "--seed", "5", "--out", out.toString(),
                "--horizon", "10", "--centres", "3", "--evaluations", "8"));
        args.addAll(List.of(extra));
        return CartPoleCommandTest.run(args.toArray(new String[0]));
    }

    @Test
    void writesTheCostsTheChartAndEveryTrial() throws Exception {
        CartPoleCommandTest.Result r = small(dir);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("pilco.csv"));
        assertEquals(HEADER, lines.get(0));
        assertEquals(4, lines.size());
        String[] first = lines.get(1).split(",", -1);
        assertEquals(7, first.length);
        assertEquals("1", first[0]);
        assertEquals("", first[1], "no prediction for the random trial");
        assertEquals("", first[2]);
        assertEquals("1.0", first[5], "10 steps of 0.1 s");
        for (int k = 2; k <= 3; k++) {
            String[] cells = lines.get(k).split(",", -1);
            assertEquals(String.valueOf(k), cells[0]);
            double predicted = Double.parseDouble(cells[1]);
            double sd = Double.parseDouble(cells[2]);
            double actual = Double.parseDouble(cells[3]);
            assertTrue(predicted >= 0 && predicted <= 10 && sd > 0 && actual >= 0 && actual <= 10, lines.get(k));
            assertTrue(cells[4].equals("0") || cells[4].equals("1"));
            assertEquals(Double.toString(k * 1.0), cells[5]);
        }
        byte[] png = Files.readAllBytes(dir.resolve("pilco.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
        for (int k = 1; k <= 3; k++) {
            List<String> forces = new ArrayList<>();
            double[][] rows = CartPoleCommandTest.readTrajectory(dir.resolve("pilco-trial-" + k + ".csv"), forces);
            assertEquals(11, rows.length, "the start and 10 states");
            assertEquals("", forces.get(10), "no force on the last row");
            assertEquals(1.0, rows[10][0], 0.0);
        }
        assertTrue(r.out().contains("trial 3: predicted cost"), r.out());
    }

    /** Re-simulating each row's true state with its force by the task's physics gives the next row exactly. */
    @Test
    void theTrialFilesAreTheRealRollouts() throws Exception {
        assertEquals(0, small(dir).exit());
        SwingUpSystem physics = SwingUpTask.pilco().system();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        for (int k = 1; k <= 3; k++) {
            List<String> forces = new ArrayList<>();
            double[][] rows = CartPoleCommandTest.readTrajectory(dir.resolve("pilco-trial-" + k + ".csv"), forces);
            for (int t = 0; t + 1 < rows.length; t++) {
                double[] s = {rows[t][1], rows[t][2], rows[t][3], rows[t][4]};
                double f = Double.parseDouble(forces.get(t));
                assertTrue(Math.abs(f) <= 10, "forces are within the limit");
                physics.step(s, f, work);
                assertArrayEquals(new double[] {rows[t + 1][1], rows[t + 1][2], rows[t + 1][3], rows[t + 1][4]}, s,
                        0.0, "trial " + k + ", step " + t);
            }
        }
    }

    /** The same seed gives the same files to the bit (wall_s aside), on one thread or two. */
    @Test
    void aSeedGivesTheSameBitsWhateverTheThreads() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, small(a, "--threads", "1").exit());
        assertEquals(0, small(b, "--threads", "2").exit());
        List<String> la = Files.readAllLines(a.resolve("pilco.csv"));
        List<String> lb = Files.readAllLines(b.resolve("pilco.csv"));
        assertEquals(la.size(), lb.size());
        for (int i = 0; i < la.size(); i++) {
            assertEquals(withoutWall(la.get(i)), withoutWall(lb.get(i)));
        }
        for (int k = 1; k <= 3; k++) {
            assertArrayEquals(Files.readAllBytes(a.resolve("pilco-trial-" + k + ".csv")),
                    Files.readAllBytes(b.resolve("pilco-trial-" + k + ".csv")), "trial " + k);
        }
        Path c = dir.resolve("c");
        assertEquals(0, CartPoleCommandTest.run("pilco", "--trials", "3", "--seed", "6", "--out", c.toString(),
                "--horizon", "10", "--centres", "3", "--evaluations", "8").exit());
        assertTrue(!Files.readString(c.resolve("pilco-trial-1.csv")).equals(Files.readString(a.resolve(
                "pilco-trial-1.csv"))), "another seed, another run");
    }

    private static String withoutWall(String line) {
        return line.substring(0, line.lastIndexOf(','));
    }

    /** --record writes the run as the lab replays it: the same states, forces and costs as the CSV files. */
    @Test
    void theRecordingHoldsTheSameTrialsAsTheCsvFiles() throws Exception {
        Path file = dir.resolve("rec").resolve("run.json");
        CartPoleCommandTest.Result r = small(dir, "--record", file.toString());
        assertEquals(0, r.exit(), r.err());
        mbrllab.io.PilcoRecording rec = mbrllab.io.PilcoRecording.read(file);
        assertEquals(5, rec.seed());
        assertEquals(10, rec.horizon());
        assertEquals(3, rec.trials().size());
        List<String> costs = Files.readAllLines(dir.resolve("pilco.csv"));
        for (int k = 1; k <= 3; k++) {
            mbrllab.io.PilcoRecording.Trial t = rec.trials().get(k - 1);
            List<String> forces = new ArrayList<>();
            double[][] rows = CartPoleCommandTest.readTrajectory(dir.resolve("pilco-trial-" + k + ".csv"), forces);
            for (int s = 0; s < rows.length; s++) {
                for (int i = 0; i < 4; i++) {
                    assertEquals(rows[s][i + 1], t.state(s, i), 0.0);
                }
                if (s < 10) {
                    assertEquals(Double.parseDouble(forces.get(s)), t.forces()[s], 0.0);
                }
            }
            String[] cells = costs.get(k).split(",", -1);
            assertEquals(Double.parseDouble(cells[3]), t.actualCost(), 0.0);
            assertEquals(k == 1, t.isRandom());
            assertEquals(k == 1, t.gpHyperparameters() == null, "the GPs of a learning trial");
            double[] observed = t.observed();
            double largest = 0;
            for (int i = 0; i < observed.length; i++) {
                largest = Math.max(largest, Math.abs(observed[i] - t.states()[i]));
            }
            assertTrue(largest > 0 && largest < 0.06, "observations: the states with noise of sd 0.01, " + largest);
            if (k > 1) {
                assertEquals(Double.parseDouble(cells[1]), t.predictedCost(), 0.0);
                assertEquals(Double.parseDouble(cells[2]), t.predictedCostSd(), 0.0);
                assertEquals(6 * 3 + 5, t.policy().length);
                assertTrue(t.evaluations() >= 1 && t.evaluations() <= 8);
            }
        }
        String text = Files.readString(file);
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> mbrllab.io.PilcoRecording.parse(text.replace("\"horizon\":10", "\"horizon\":11"), "x.json"));
        assertTrue(bad.getMessage().startsWith("x.json: trials[0].states must be an array of 48 numbers"),
                bad.getMessage());
    }

    /** With the GP mean alone there is no predicted spread. */
    @Test
    void meanPropagationPredictsNoSpread() throws Exception {
        CartPoleCommandTest.Result r = small(dir, "--propagation", "mean");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("pilco.csv"));
        for (int k = 2; k <= 3; k++) {
            assertEquals(0.0, Double.parseDouble(lines.get(k).split(",")[2]), 0.0);
        }
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        String[][] cases = {
            {"--propagation", "exact"},
            {"--trials", "0"},
            {"--horizon", "5"},
            {"--centres", "0"},
            {"--evaluations", "0"},
            {"--trials", "100", "--horizon", "40"},
            {"--threads", "0"},
            {"--explore", "-11"},
            {"--explore", "NaN"},
            {"--propagation", "mean", "--explore", "-1"},
        };
        for (String[] extra : cases) {
            List<String> args = new ArrayList<>(List.of("pilco", "--out", dir.toString()));
            args.addAll(List.of(extra));
            CartPoleCommandTest.Result r = CartPoleCommandTest.run(args.toArray(new String[0]));
            assertEquals(2, r.exit(), String.join(" ", extra) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pilco: --"), r.err());
        }
        assertTrue(!Files.exists(dir.resolve("pilco.csv")), "nothing written");
    }
}
