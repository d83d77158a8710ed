package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.budget.Budget;
import picocli.CommandLine;

/**
 * Issue 15's budget and progress for the newest commands ({@code pets}, {@code accelerate}, {@code pilco}): the
 * README's commands and the defaults pass the budget (checked, not run), a documented maximum is refused in one line
 * with exit 2 and the way to lower it, and a small run shows its progress on stderr, its stdout unchanged.
 */
class NewCommandsBudgetTest {

    /** A guard against a hang, not a speed test. */
    private static final Duration NO_HANG = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Environment quiet() {
        return new Environment(Budget.standard(), 1e9, 1e9, false, dir.resolve("logs"), false);
    }

    private static Result run(Environment environment, String... args) {
        return assertTimeoutPreemptively(NO_HANG, () -> {
            CommandLine cl = Cli.commandLine(environment);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Result(code, out.toString(), err.toString());
        });
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    private void assertWithinBudget(String... args) {
        Result r = run(quiet().checkingBudgetOnly(), args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        assertTrue(r.err().contains(": within the budget: "), r.err());
        System.out.println(String.join(" ", args) + " -> " + r.err().strip());
    }

    private void assertRefused(String[] args, String... fragments) {
        Result r = run(quiet(), args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains("this run is estimated at about"), r.err());
        assertTrue(r.err().contains("or add --allow-long to run it anyway"), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
        assertEquals("", r.out(), "nothing on stdout");
        assertFalse(Files.exists(dir.resolve("out").resolve("pets.csv")));
        System.out.println(String.join(" ", args) + " -> " + r.err().strip());
    }

    @Test
    void petsReadmeCommandsAndDefaultsPassAndItsMaximumIsRefused() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("pets --task swingup --planner cem --episodes 8 --seed S --out sw-S"));
        assertTrue(readme.contains("pets --task balance --planner cem --episodes 4 --seed S --out bal-S"));
        assertTrue(readme.contains("pets --task swingup --planner cem --episodes 5 --seed S --model single"));
        for (String task : new String[] {"swingup", "balance"}) {
            for (String planner : new String[] {"cem", "rs"}) {
                for (String model : new String[] {"ensemble", "single", "true"}) {
                    assertWithinBudget("pets", "--task", task, "--planner", planner, "--episodes", "8", "--seed", "1",
                            "--model", model, "--out", out());
                }
            }
        }
        assertRefused(new String[] {"pets", "--task", "swingup", "--planner", "cem", "--episodes", "1000",
            "--population", "100000", "--seed", "1", "--out", out()}, "pets: ", "100000 sequences",
            "lower --episodes, --population");
        assertRefused(new String[] {"pets", "--task", "balance", "--planner", "rs", "--episodes", "10000", "--seed",
            "1", "--model", "true", "--out", out()}, "10000 episodes x 500 steps");
    }

    @Test
    void petsShowsItsProgressOnStderrAndKeepsStdout() {
        Environment lines = new Environment(Budget.standard(), 0, 0, false, dir.resolve("logs"), false);
        String[] args = {"pets", "--task", "swingup", "--planner", "rs", "--population", "20", "--horizon", "5",
            "--episodes", "2", "--seed", "3", "--model", "true", "--threads", "1", "--out", out()};
        Result r = run(lines, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().strip().lines().reduce((a, b) -> b).orElseThrow()
                .matches("pets: 2/2 episodes \\(100%\\), done in .*"), r.err());
        Result plain = run(quiet(), args);
        assertEquals("", plain.err());
        assertEquals(strip(plain.out()), strip(r.out()), "stdout is the same with progress on");
        assertTrue(r.out().startsWith("pets swingup: rs (population 20)"), r.out());
    }

    @Test
    void accelerateReadmeCommandAndDefaultsPassAndItsMaximumIsRefused() throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains("accelerate --runs 10 --seed 1 --out acc"));
        assertWithinBudget("accelerate", "--runs", "10", "--seed", "1", "--out", out());
        assertWithinBudget("accelerate", "--out", out());
        assertWithinBudget("accelerate", "--settings", "real,single:n=10:k=1,model:n=10:k=20:ratio=0.2", "--out",
                out());
        assertRefused(new String[] {"accelerate", "--runs", "1000", "--episodes", "100000", "--out", out()},
                "accelerate: ", "4 settings x 1000 runs x 30,000 real steps", "lower --runs, --max-steps");
        assertRefused(new String[] {"accelerate", "--settings", "model:n=1000:k=500", "--runs", "1", "--out",
            out()}, "1 settings x 1 runs");
    }

    @Test
    void accelerateCountsItsRunsOnStderrAndKeepsStdout() {
        Environment lines = new Environment(Budget.standard(), 0, 0, false, dir.resolve("logs"), false);
        String[] args = {"accelerate", "--settings", "real,true:n=2:k=1", "--runs", "2", "--episodes", "3",
            "--learning-starts", "10", "--threads", "1", "--out", out()};
        Result r = run(lines, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().strip().lines().reduce((a, b) -> b).orElseThrow()
                .matches("accelerate: 4/4 runs \\(100%\\), done in .*"), r.err());
        Result plain = run(quiet(), args);
        assertEquals("", plain.err());
        assertEquals(strip(plain.out()), strip(r.out()), "stdout is the same with progress on");
    }

    @Test
    void pilcoReadmeCommandAndDefaultsPassAndItsMaximumIsRefused() throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains("pilco --trials 8 --seed 1 --out out/pilco-1"));
        assertWithinBudget("pilco", "--trials", "8", "--seed", "1", "--out", out());
        assertWithinBudget("pilco", "--trials", "8", "--seed", "1", "--verbose", "--out", out());
        assertWithinBudget("pilco", "--out", out());
        assertWithinBudget("pilco", "--trials", "8", "--seed", "1", "--evaluations", "300", "--out", out());
        // --trials 100 with the default horizon is over the GPs' 3,000 points: one line, exit 2
        Result r = run(quiet(), "pilco", "--trials", "100", "--out", out());
        assertEquals(2, r.code(), r.err());
        assertEquals("pilco: --trials x --horizon must be at most 3000 (the GPs' data), got 100 x 40", r.err().strip());
        assertRefused(new String[] {"pilco", "--trials", "100", "--horizon", "30", "--out", out()}, "pilco: ",
                "100 trials x 30 steps x 150 evaluations, GPs on up to 2,970 points", "lower --trials, --evaluations");
        assertRefused(new String[] {"pilco", "--trials", "20", "--evaluations", "100000", "--out", out()},
                "20 trials x 40 steps x 100000 evaluations");
    }

    @Test
    void pilcoCountsItsTrialsOnStderrAndKeepsStdout() {
        Environment lines = new Environment(Budget.standard(), 0, 0, false, dir.resolve("logs"), false);
        String[] args = {"pilco", "--trials", "2", "--horizon", "10", "--evaluations", "3", "--centres", "2",
            "--threads", "1", "--out", out()};
        Result r = run(lines, args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().strip().lines().reduce((a, b) -> b).orElseThrow()
                .matches("pilco: 2/2 trials \\(100%\\), done in .*"), r.err());
        Result plain = run(quiet(), args);
        assertEquals("", plain.err());
        assertEquals(strip(plain.out()), strip(r.out()), "stdout is the same with progress on");
    }

    /** stdout without its measured times. */
    private static String strip(String out) {
        return out.replaceAll("plan [0-9.]+ ms", "plan T ms").replaceAll("wall time [0-9.]+ s", "wall time T s")
                .replaceAll("fit [0-9.]+ s", "fit T s")
                .replaceAll("runs in [0-9.]+ s", "runs in T s").replaceAll("[0-9.]+ s wall", "T s wall");
    }
}
