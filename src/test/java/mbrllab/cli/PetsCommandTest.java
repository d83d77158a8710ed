package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.SwingUpSystem;

class PetsCommandTest {

    @TempDir
    Path dir;

    /** Re-simulates every row of an episode file with the task's physics: each must give the next row exactly. */
    static int resimulate(Path csv, boolean swingUp) throws Exception {
        List<String> forces = new ArrayList<>();
        double[][] rows = CartPoleCommandTest.readTrajectory(csv, forces);
        SwingUpSystem pilco = SwingUpSystem.pilco();
        BalanceSystem v1 = BalanceSystem.cartPoleV1();
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        double dt = swingUp ? 0.1 : 0.02;
        for (int k = 0; k < rows.length; k++) {
            assertEquals(Math.round(k * dt * 1e9) / 1e9, rows[k][0], 0, "t of row " + k);
            if (k == rows.length - 1) {
                assertEquals("", forces.get(k), "no force on the last row");
                break;
            }
            double[] s = {rows[k][1], rows[k][2], rows[k][3], rows[k][4]};
            double u = Double.parseDouble(forces.get(k));
            assertTrue(Math.abs(u) <= 10);
            if (swingUp) {
                pilco.step(s, u, work);
            } else {
                v1.step(s, u);
            }
            for (int i = 0; i < 4; i++) {
                assertEquals(rows[k + 1][i + 1], s[i], 0, csv.getFileName() + " row " + (k + 1) + " component " + i);
            }
        }
        return rows.length - 1;
    }

    @Test
    void swingUpWithTheTrueModelWritesRealRolloutsAndTheSameFilesForASeed() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String[] args = {"pets", "--task", "swingup", "--planner", "cem", "--episodes", "2", "--seed", "3", "--model",
            "true", "--horizon", "6", "--population", "30", "--elites", "5", "--iterations", "2"};
        CartPoleCommandTest.Result r = CartPoleCommandTest.run(concat(args, "--out", a.toString()));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("episode 2: return"), r.out());
        assertEquals(0, CartPoleCommandTest.run(concat(args, "--out", b.toString(), "--threads", "1")).exit());
        List<String> csv = Files.readAllLines(a.resolve("pets.csv"));
        assertEquals("episode,return,steps,transitions,plan_ms,success,plan_predicted,plan_true", csv.get(0));
        assertEquals(3, csv.size());
        String[] first = csv.get(1).split(",", -1);
        assertEquals(List.of("1", "40", "40"), List.of(first[0], first[2], first[3]));
        assertEquals("", first[6]);
        String[] second = csv.get(2).split(",", -1);
        assertEquals(List.of("2", "40", "80"), List.of(second[0], second[2], second[3]));
        assertTrue(Double.parseDouble(second[6]) > 0);
        // everything but plan_ms is the same bit for bit
        List<String> other = Files.readAllLines(b.resolve("pets.csv"));
        for (int i = 0; i < csv.size(); i++) {
            String[] x = csv.get(i).split(",", -1);
            String[] y = other.get(i).split(",", -1);
            x[4] = "";
            y[4] = "";
            assertEquals(String.join(",", x), String.join(",", y));
        }
        for (int k = 1; k <= 2; k++) {
            Path episode = a.resolve("pets-episode-" + k + ".csv");
            assertEquals(40, resimulate(episode, true));
            assertEquals(Files.readString(episode), Files.readString(b.resolve("pets-episode-" + k + ".csv")));
        }
        assertTrue(Files.size(a.resolve("pets.png")) > 1000);
        // the return in pets.csv is the sum of the rewards 1 - c(s_t+1) of the written states
        List<String> lines = Files.readAllLines(a.resolve("pets-episode-2.csv"));
        double sum = 0;
        mbrllab.core.control.SwingUpTask task = mbrllab.core.control.SwingUpTask.pilco();
        for (int i = 2; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            sum += task.reward(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                Double.parseDouble(c[3]), Double.parseDouble(c[4])});
        }
        assertEquals(Double.parseDouble(second[1]), sum, 1e-12);
    }

    @Test
    void balanceEpisodesStopAtTerminationAndReSimulate() throws Exception {
        CartPoleCommandTest.Result r = CartPoleCommandTest.run("pets", "--task", "balance", "--planner", "rs",
                "--episodes", "2", "--seed", "1", "--out", dir.toString(), "--model", "single", "--horizon", "5",
                "--population", "10");
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("pets.csv"));
        for (int k = 1; k <= 2; k++) {
            String[] row = csv.get(k).split(",", -1);
            int steps = resimulate(dir.resolve("pets-episode-" + k + ".csv"), false);
            assertEquals(Integer.parseInt(row[2]), steps);
            assertEquals(steps, Double.parseDouble(row[1]), 0, "+1 per step");
            assertEquals(steps < 500 ? "0" : "1", row[5]);
        }
    }

    @Test
    void combinationsThatDoNotApplyAreRefusedInOneLine() {
        String[][] bad = {
            {"--task", "walk"},
            {"--planner", "pso"},
            {"--model", "gp"},
            {"--propagation", "ts2"},
            {"--planner", "rs", "--elites", "5"},
            {"--planner", "rs", "--iterations", "3"},
            {"--model", "single", "--propagation", "tsinf"},
            {"--model", "true", "--propagation", "ts1"},
            {"--propagation", "mean", "--particles", "5"},
            {"--model", "single", "--particles", "3"},
            {"--elites", "300"},
            {"--population", "0"},
            {"--horizon", "1001"},
            {"--episodes", "0"},
            {"--iterations", "0"},
            {"--threads", "0"},
        };
        for (String[] change : bad) {
            List<String> args = new ArrayList<>(List.of("pets", "--task", "swingup", "--planner", "cem", "--episodes",
                    "2", "--seed", "1", "--out", dir.resolve("x").toString()));
            for (int i = 0; i < change.length; i += 2) {
                int at = args.indexOf(change[i]);
                if (at >= 0) {
                    args.set(at + 1, change[i + 1]);
                } else {
                    args.add(change[i]);
                    args.add(change[i + 1]);
                }
            }
            CartPoleCommandTest.Result r = CartPoleCommandTest.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", change) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pets"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
        CartPoleCommandTest.Result missing = CartPoleCommandTest.run("pets", "--task", "swingup");
        assertEquals(2, missing.exit());
    }

    @Test
    void helpPrintsTheDefaultsOfBothTasks() {
        CartPoleCommandTest.Result r = CartPoleCommandTest.run("pets", "--help");
        assertEquals(0, r.exit());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("swingup --horizon 15 --population 200 --elites 20 --iterations 5 --particles 5 "
                + "--propagation tsinf"), help);
        assertTrue(help.contains("balance --horizon 50 --population 100 --elites 10 --iterations 4"), help);
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
