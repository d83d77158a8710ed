package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.SwingUpSystem;

class CartPoleCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    static double[][] readTrajectory(Path csv, List<String> forcesOut) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("t,x,x_dot,theta,theta_dot,force", lines.get(0));
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(6, cells.length, "line " + (i + 1));
            rows[i - 1] = new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                Double.parseDouble(cells[2]), Double.parseDouble(cells[3]), Double.parseDouble(cells[4])};
            forcesOut.add(cells[5]);
        }
        return rows;
    }

    @Test
    void swingUpRolloutReproducesTheCoreStepByStep() throws Exception {
        Path forces = dir.resolve("forces.txt");
        Files.writeString(forces, "10\n-3.5\n# a comment\n\n25\n0\n-10\n1e-3\n");
        Path traj = dir.resolve("traj.csv");
        Result r = run("cartpole", "rollout", "--system", "swingup", "--init", "0.1,-0.2,0.3,-0.4", "--forces",
                forces.toString(), "--out", traj.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("1 of the forces clipped to [-10, 10] N"), r.out());

        List<String> forceCells = new java.util.ArrayList<>();
        double[][] rows = readTrajectory(traj, forceCells);
        double[] applied = {10, -3.5, 10, 0, -10, 1e-3};
        assertEquals(applied.length + 1, rows.length);
        SwingUpSystem sys = SwingUpSystem.pilco();
        double[] s = {0.1, -0.2, 0.3, -0.4};
        double[] work = new double[SwingUpSystem.WORK_LENGTH];
        for (int k = 0; k < rows.length; k++) {
            assertEquals(k * 0.1, rows[k][0], 1e-9);
            assertArrayEquals(s, new double[] {rows[k][1], rows[k][2], rows[k][3], rows[k][4]}, 0.0, "row " + k);
            if (k < applied.length) {
                assertEquals(applied[k], Double.parseDouble(forceCells.get(k)), 0.0);
                sys.step(s, applied[k], work);
            }
        }
        assertEquals("", forceCells.get(rows.length - 1), "no force on the last row");
    }

    @Test
    void balanceRolloutStopsAtTerminationAndSaysWhen() throws Exception {
        Path forces = dir.resolve("right.txt");
        Files.writeString(forces, "10\n".repeat(100));
        Path traj = dir.resolve("b.csv");
        Result r = run("cartpole", "rollout", "--system", "balance", "--init", "-0.01,0,0.01,0", "--forces",
                forces.toString(), "--out", traj.toString());
        assertEquals(0, r.exit(), r.err());

        BalanceSystem sys = BalanceSystem.cartPoleV1();
        double[] s = {-0.01, 0, 0.01, 0};
        int steps = 0;
        while (!sys.isTerminal(s)) {
            sys.step(s, 10);
            steps++;
        }
        assertTrue(r.out().contains("terminated at step " + steps + " (|theta| > 12 degrees)"), r.out());

        List<String> forceCells = new java.util.ArrayList<>();
        double[][] rows = readTrajectory(traj, forceCells);
        assertEquals(steps + 1, rows.length);
        double[] replay = {-0.01, 0, 0.01, 0};
        for (int k = 0; k < rows.length; k++) {
            assertEquals(k * 0.02, rows[k][0], 1e-9);
            assertArrayEquals(replay, new double[] {rows[k][1], rows[k][2], rows[k][3], rows[k][4]}, 0.0, "row " + k);
            sys.step(replay, 10);
        }
        assertEquals("", forceCells.get(steps));
        assertEquals("10.0", forceCells.get(0));
    }

    @Test
    void balanceRolloutIsTruncatedAt500Steps() throws Exception {
        Path forces = dir.resolve("zeros.txt");
        Files.writeString(forces, "0\n".repeat(600));
        Path traj = dir.resolve("z.csv");
        Result r = run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                traj.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("truncated at step 500 (CartPole-v1's limit); 100 forces not applied"), r.out());
        assertEquals(502, Files.readAllLines(traj).size());
    }

    @Test
    void badForcesFileGivesFileLineAndExit2() throws Exception {
        Path forces = dir.resolve("bad.txt");
        Files.writeString(forces, "1.5\n-2\n\nten\n3\n");
        Path traj = dir.resolve("never.csv");
        Result r = run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                traj.toString());
        assertEquals(2, r.exit());
        assertEquals(forces + ":4: expected a force in newtons (a decimal number), got 'ten'", r.err().strip());
        assertFalse(Files.exists(traj), "nothing written");

        Files.writeString(forces, "1\nInfinity\n");
        r = run("cartpole", "rollout", "--system", "swingup", "--forces", forces.toString(), "--out", traj.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(forces + ":2: "), r.err());

        Files.writeString(forces, "1\n1e400\n");
        r = run("cartpole", "rollout", "--system", "swingup", "--forces", forces.toString(), "--out", traj.toString());
        assertEquals(2, r.exit());
        assertEquals(forces + ":2: force '1e400' is beyond the limit of 1e100 N in magnitude", r.err().strip());

        Files.writeString(forces, "# nothing\n\n");
        r = run("cartpole", "rollout", "--system", "swingup", "--forces", forces.toString(), "--out", traj.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(forces + ": no forces"), r.err());

        r = run("cartpole", "rollout", "--system", "swingup", "--forces", dir.resolve("missing.txt").toString(),
                "--out", traj.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().strip().endsWith("missing.txt: no such file"), r.err());
    }

    @Test
    void badArgumentsGiveOneLineAndExit2() throws Exception {
        Path forces = dir.resolve("ok.txt");
        Files.writeString(forces, "1\n");
        String out = dir.resolve("x.csv").toString();
        Result r = run("cartpole", "rollout", "--system", "pendulum", "--forces", forces.toString(), "--out", out);
        assertEquals(2, r.exit());
        assertEquals("cartpole rollout: --system must be balance or swingup, got 'pendulum'", r.err().strip());
        r = run("cartpole", "rollout", "--system", "balance", "--init", "0,0,zero,0", "--forces", forces.toString(),
                "--out", out);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("cartpole rollout: --init needs four numbers"), r.err());
        r = run("cartpole", "learn", "--epsilon", "1.5", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertEquals("cartpole learn: --epsilon must be in [0, 1], got 1.5", r.err().strip());
        r = run("cartpole", "learn", "--agent", "dqn", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertEquals("cartpole learn: --agent must be random or dynaq-boxes, got 'dqn'", r.err().strip());
        r = run("cartpole", "learn", "--model", "best", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertEquals("cartpole learn: --model must be last or sample, got 'best'", r.err().strip());
    }

    @Test
    void learnWritesCsvAndPng() throws Exception {
        Path out = dir.resolve("learn");
        Result r = run("cartpole", "learn", "--agent", "dynaq-boxes", "--n", "0,5", "--model", "last", "--runs", "4",
                "--episodes", "12", "--seed", "3", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("cartpole-learn.csv"));
        assertEquals("episode,n0_mean,n0_se,n5_mean,n5_se", lines.get(0));
        assertEquals(13, lines.size());
        assertTrue(lines.get(1).startsWith("1,"));
        assertTrue(Files.size(out.resolve("cartpole-learn.png")) > 1000);
        assertTrue(r.out().contains("n = 5"), r.out());

        Result again = run("cartpole", "learn", "--agent", "dynaq-boxes", "--n", "0,5", "--model", "last", "--runs",
                "4", "--episodes", "12", "--seed", "3", "--threads", "1", "--out", dir.resolve("again").toString());
        assertEquals(0, again.exit());
        assertEquals(Files.readString(out.resolve("cartpole-learn.csv")),
                Files.readString(dir.resolve("again").resolve("cartpole-learn.csv")), "same seed, same bits");

        r = run("cartpole", "learn", "--agent", "random", "--runs", "3", "--episodes", "5", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("episode,random_mean,random_se", Files.readAllLines(out.resolve("cartpole-learn.csv")).get(0));
    }

    @Test
    void helpListsTheCommands() {
        Result r = run("cartpole", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("rollout") && r.out().contains("learn"), r.out());
        assertTrue(run("--help").out().contains("cartpole"));
    }
}
