package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.budget.Budget;
import picocli.CommandLine;

/**
 * Issue 15, "Bounded inputs and work": one test per numbered item of the issue (the refusal, its message, the exit
 * code and the files that survive). Sizes are kept small with a small budget where the point is the mechanism.
 */
class BoundedInputsAndWorkTest {

    /** A guard against a hang, not a speed test. */
    private static final Duration NO_HANG = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    /** The standard budget, no progress lines (unless a test asks for them), bug logs in the test's folder. */
    private Environment quiet() {
        return new Environment(Budget.standard(), 1e9, 1e9, false, dir.resolve("logs"), false);
    }

    private Result run(String... args) {
        return run(quiet(), args);
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

    private static void assertRefused(Result r, String... fragments) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' in: " + r.err());
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private long filesIn(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var s = Files.list(folder)) {
            return s.count();
        }
    }

    // 1. Endless or huge input files are refused quickly with the limit, never read without end.
    @Test
    void item01EndlessInputsAreRefusedAtTheirLimit() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(run("maze", "check", "/dev/zero"), "/dev/zero:1:1: larger than 1 MiB, the limit for a maze file");
        assertRefused(run("figure", "8.2", "--maze", "/dev/urandom", "--out", out.toString()),
                "/dev/urandom:1:1: larger than 1 MiB");
        assertRefused(run("figure", "8.4", "--maze", "/dev/zero", "--out", out.toString()), "larger than 1 MiB");
        assertRefused(run("cartpole", "rollout", "--system", "balance", "--forces", "/dev/zero", "--out",
                out.resolve("t.csv").toString()), "/dev/zero: larger than 32 MiB, the limit for a force file");
        Path query = write("q.csv", "x1\n0\n");
        assertRefused(run("models", "fit", "--model", "gp", "--train", "/dev/zero", "--query", query.toString(),
                "--out", out.resolve("p.csv").toString()), "/dev/zero: larger than 64 MiB, the limit for a CSV file");
        assertEquals(0, filesIn(out), "nothing written");
    }

    // 2. Sizes inside the documented ranges that would exhaust the memory are refused up front.
    @Test
    void item02MemoryOverTheBudgetIsRefusedUpFrontAndAllowLongRunsIt() throws IOException {
        Path train = write("t.csv", "x1,y\n0,0\n1,1\n2,0\n3,1\n");
        Path query = write("q.csv", "x1\n0.5\n");
        Path pred = dir.resolve("p.csv");
        Result r = run("models", "fit", "--model", "ensemble", "--hidden", "4096,4096,4096,4096,4096,4096,4096,4096",
                "--members", "100", "--epochs", "1", "--train", train.toString(), "--query", query.toString(),
                "--out", pred.toString());
        assertRefused(r, "models fit: this run is estimated at", "GB of memory", "100 nets of",
                "80% of the", "lower --members, --hidden or --epochs", "--allow-long");
        assertFalse(Files.exists(pred));

        // The mechanism with a small budget: refused without --allow-long, run with it.
        Environment tiny = quiet().withBudget(new Budget(900, 1000, 1250));
        String[] small = {"models", "fit", "--model", "ensemble", "--members", "2", "--hidden", "4", "--epochs", "2",
            "--train", train.toString(), "--query", query.toString(), "--out", pred.toString()};
        assertRefused(run(tiny, small), "of memory", "more than the limit of 0 MB (80% of the 0 MB");
        assertFalse(Files.exists(pred));
        String[] allowed = java.util.stream.Stream.concat(java.util.Arrays.stream(small), java.util.stream.Stream.of(
                "--allow-long")).toArray(String[]::new);
        r = run(tiny, allowed);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("running anyway (--allow-long)"), r.err());
        assertTrue(Files.exists(pred));
    }

    // 3. Documented maximums that would run for hours are refused with the estimate; long runs show progress.
    @Test
    void item03HoursOfWorkAreRefusedWithTheEstimateAndLongRunsShowProgress() throws IOException {
        Path out = dir.resolve("out");
        String o = out.toString();
        assertRefused(run("figure", "8.2", "--runs", "10000", "--episodes", "100000", "--out", o),
                "figure 8.2: this run is estimated at about", "of work on this machine",
                "more than the limit of 15 min", "lower --runs or --episodes, or add --allow-long to run it anyway");
        assertRefused(run("cartpole", "learn", "--runs", "10000", "--episodes", "100000", "--out", o),
                "cartpole learn: this run is estimated at", "lower --runs, --episodes or --n");
        assertRefused(run("figure", "example-8.4", "--runs", "10000", "--max-steps", "1000000000", "--out", o),
                "figure example-8.4: this run is estimated at", "lower --runs or --max-steps");
        assertRefused(run("models", "rollout", "--model", "gp", "--method", "moment-matching", "--episodes", "75",
                "--horizon", "40", "--test-episodes", "1000", "--out", o), "models rollout: this run is estimated at",
                "1000 windows x 40 steps");
        assertRefused(run("models", "rollout", "--model", "ensemble", "--method", "ts1", "--episodes", "1000",
                "--horizon", "40", "--test-episodes", "1000", "--particles", "100000", "--out", o), "--particles");
        Path big = dir.resolve("big.maze");
        Files.writeString(big, "S" + ".".repeat(199) + "\n" + (".".repeat(200) + "\n").repeat(198) + ".".repeat(199)
                + "G\n");
        assertRefused(run(quiet().withBudget(new Budget(1, 1e12, 1e12)), "figure", "8.3", "--maze", big.toString(),
                "--out", o), "figure 8.3: this run is estimated at", "200x200 cells", "use a smaller --maze");
        assertEquals(0, filesIn(out), "nothing written");

        // Progress: lines on a pipe (at once here instead of after 2 s), a bar redrawn in place on a terminal.
        Environment lines = new Environment(Budget.standard(), 0, 0, false, dir, false);
        Result r = run(lines, "figure", "8.2", "--runs", "40", "--episodes", "5", "--threads", "1", "--out", o);
        assertEquals(0, r.code(), r.err());
        List<String> progress = r.err().strip().lines().toList();
        assertTrue(progress.get(progress.size() - 1).matches("figure 8\\.2: 40/40 runs \\(100%\\), done in .*"),
                r.err());
        Environment terminal = new Environment(Budget.standard(), 0, 0, true, dir, false);
        r = run(terminal, "figure", "8.2", "--runs", "40", "--episodes", "5", "--threads", "1", "--out", o);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("\rfigure 8.2: [") && r.err().contains(" runs (") && r.err().endsWith("\r"),
                r.err());
        assertEquals("", r.err().replaceAll("\r[^\r]*", "").strip(), "only redrawn lines, no new lines");
    }

    /** The commands of the README's tables and examples, with M, X and a|b spelled out, plus every default. */
    private static final String[][] README_AND_DEFAULTS = {
        {"figure", "8.2", "--runs", "100", "--episodes", "50", "--seed", "1"},
        {"figure", "8.3", "--seed", "1"},
        {"figure", "8.4", "--runs", "100", "--seed", "1"},
        {"figure", "8.5", "--runs", "100", "--seed", "1"},
        {"figure", "example-8.4", "--runs", "100", "--seed", "1"},
        {"cartpole", "learn", "--model", "sample", "--runs", "30", "--episodes", "100", "--seed", "1"},
        {"cartpole", "learn", "--model", "last", "--runs", "30", "--episodes", "100", "--seed", "1"},
        {"models", "rollout", "--model", "gp", "--method", "moment-matching", "--episodes", "10", "--horizon", "20"},
        {"models", "rollout", "--model", "gp", "--method", "ts1", "--episodes", "10", "--horizon", "20"},
        {"models", "rollout", "--model", "ensemble", "--method", "ts1", "--episodes", "10", "--horizon", "20"},
        {"models", "rollout", "--model", "ensemble", "--method", "tsinf", "--episodes", "10", "--horizon", "20"},
        {"figure", "8.2"}, {"figure", "8.3"}, {"figure", "8.4"}, {"figure", "8.5"}, {"figure", "example-8.4"},
        {"cartpole", "learn"}, {"models", "rollout", "--model", "gp", "--method", "moment-matching"},
        {"models", "rollout", "--model", "ensemble", "--method", "ts1"},
    };

    // Every command of the README and every default passes the budget without --allow-long (checked, not run).
    @Test
    void theReadmesCommandsAndEveryDefaultPassTheBudget() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String example : new String[] {"figure 8.2 --runs 100 --episodes 50 --seed 1 --out out",
            "figure 8.3 --seed 1 --out out", "figure 8.4 --runs 100 --seed 1 --out out",
            "figure example-8.4 --runs 100 --seed 1 --out out",
            "cartpole learn --model sample|last --runs 30 --episodes 100 --seed 1 --out out",
            "models rollout --model M --method X --episodes 10 --horizon 20 --seed 1 --out out"}) {
            assertTrue(readme.contains("java -jar target/mbrl-lab.jar " + example),
                    "the README still shows " + example);
        }
        Environment checkOnly = quiet().checkingBudgetOnly();
        String o = dir.resolve("out").toString();
        for (String[] args : README_AND_DEFAULTS) {
            Result r = run(checkOnly, concat(args, "--out", o));
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(": within the budget: "), r.err());
            System.out.println(String.join(" ", args) + " -> " + r.err().strip());
        }
        // models fit at its largest GP (3000 points) and an ensemble on as many, with the default settings
        StringBuilder train = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < mbrllab.core.models.gp.GpSpec.MAX_POINTS; i++) {
            train.append(i % 97).append(',').append(i % 31).append(',').append(i % 7).append('\n');
        }
        Path t = write("big.csv", train.toString());
        Path q = write("q2.csv", "x1,x2\n0,0\n");
        for (String model : new String[] {"gp", "ensemble"}) {
            Result r = run(checkOnly, "models", "fit", "--model", model, "--train", t.toString(), "--query",
                    q.toString(), "--out", dir.resolve("p.csv").toString());
            assertEquals(0, r.code(), model + ": " + r.err());
            assertTrue(r.err().contains(": within the budget: "), r.err());
            System.out.println("models fit --model " + model + " on 3000 points -> " + r.err().strip());
        }
        assertEquals(0, filesIn(dir.resolve("out")), "checked, not run");
    }

    // 4. Huge finite values in a CSV are refused with FILE:LINE and the limit, for both models.
    @Test
    void item04HugeValuesInACsvAreRefusedWithTheirPlaceAndTheLimit() throws IOException {
        Path train = write("b.csv", "x1,y\n0,1\n1,1e200\n");
        Path query = write("q.csv", "x1\n0\n");
        for (String model : new String[] {"gp", "ensemble"}) {
            Path pred = dir.resolve(model + ".csv");
            assertRefused(run("models", "fit", "--model", model, "--train", train.toString(), "--query",
                    query.toString(), "--out", pred.toString()), train + ":3: column y: '1e200' is beyond the limit of "
                    + "1e100 in magnitude");
            assertFalse(Files.exists(pred));
        }
    }

    // 5. NaN or Infinity is never written: inputs that lead there are refused with where they came from.
    @Test
    void item05NonFiniteResultsAreRefusedAndNeverWritten() throws IOException {
        Path forces = write("f.txt", "1\n2\n");
        Path traj = dir.resolve("traj.csv");
        assertRefused(run("cartpole", "rollout", "--system", "balance", "--init", "0,0,0,1e300", "--forces",
                forces.toString(), "--out", traj.toString()), "--init THETADOT = 1e300 is beyond the limit of 1e100");
        Result r = run("cartpole", "rollout", "--system", "swingup", "--init", "0,0,0,1e100", "--forces",
                forces.toString(), "--out", traj.toString());
        assertRefused(r, "cartpole rollout: the state is no longer finite after step", "nothing was written");
        assertFalse(Files.exists(traj));

        // Targets of 1e100 (inside the limit) scale the members' means to about 1e200 at x = 1e100: their variance
        // overflows.
        Path train = write("t.csv", "x1,y\n0,0\n0.5,1e100\n1,0\n1.5,1e100\n");
        Path query = write("q.csv", "x1\n0.25\n1e100\n");
        Path pred = dir.resolve("p.csv");
        r = run("models", "fit", "--model", "ensemble", "--members", "2", "--epochs", "5", "--train", train.toString(),
                "--query", query.toString(), "--out", pred.toString());
        assertRefused(r, query + ":3: the model's epistemic_var at this point is Infinity");
        assertFalse(Files.exists(pred));

        // The last line of defence: a CSV with a non-finite field is never written (a bug if it gets there).
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Outputs.checkFinite(pred, "k,rmse\n1,0.5\n2,NaN\n"));
        assertEquals("the result is not finite: " + pred + " line 3, column rmse would be NaN", e.getMessage());
    }

    // 6. An empty --out is refused (it used to write into the current folder).
    @Test
    void item06AnEmptyOutputTargetIsRefused() {
        assertRefused(run("figure", "8.2", "--out", ""), "figure 8.2: --out must not be empty");
        assertRefused(run("cartpole", "learn", "--out", ""), "cartpole learn: --out must not be empty");
        assertRefused(run("models", "rollout", "--model", "gp", "--method", "ts1", "--out", ""),
                "models rollout: --out must not be empty");
        assertRefused(run("cartpole", "rollout", "--system", "balance", "--forces", "f", "--out", " "),
                "cartpole rollout: --out must not be empty");
    }

    // 6b. An empty input file name names its option (it said "'': an empty file name").
    @Test
    void item06bAnEmptyInputNameNamesItsOption() {
        Path out = dir.resolve("o");
        assertRefused(run("figure", "8.2", "--maze", "", "--out", out.toString()), "figure 8.2: --maze must not be "
                + "empty (name a maze file, or leave --maze out for the bundled one)");
        assertRefused(run("figure", "8.3", "--maze", "", "--out", out.toString()), "figure 8.3: --maze must not be");
        assertRefused(run("figure", "8.5", "--maze", "", "--out", out.toString()), "figure 8.5: --maze must not be");
        assertRefused(run("cartpole", "rollout", "--system", "balance", "--forces", "", "--out",
                out.resolve("t.csv").toString()), "cartpole rollout: --forces must not be empty");
        assertRefused(run("models", "fit", "--model", "gp", "--train", "", "--query", "q.csv", "--out",
                out.resolve("p.csv").toString()), "models fit: --train must not be empty");
        assertRefused(run("maze", "check", ""), "maze check: FILE must not be empty");
    }

    // 7. A failed run leaves every earlier output as it was: the files of one command are one unit.
    @Test
    void item07AFailedRunLeavesTheEarlierFilesAsTheyWere() throws IOException {
        Path out = dir.resolve("o");
        Files.createDirectories(out.resolve("figure-8.2.png")); // a folder where the picture goes
        Path csv = Files.writeString(out.resolve("figure-8.2.csv"), "the earlier result\n");
        Result r = run("figure", "8.2", "--runs", "2", "--episodes", "3", "--out", out.toString());
        assertRefused(r, "cannot write " + out.resolve("figure-8.2.png") + ": it is a folder");
        assertEquals("the earlier result\n", Files.readString(csv));

        // Past the up-front checks: the unit's second file fails after the first was written to a temporary file.
        Path first = Files.writeString(dir.resolve("first.csv"), "old first\n");
        Path blocked = dir.resolve("afile");
        Files.writeString(blocked, "x");
        java.util.Map<Path, byte[]> unit = new java.util.LinkedHashMap<>();
        unit.put(first, "new first\n".getBytes(StandardCharsets.UTF_8));
        unit.put(blocked.resolve("second.csv"), "new second\n".getBytes(StandardCharsets.UTF_8));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> mbrllab.io.AtomicFiles.writeAll(unit));
        assertEquals("cannot write " + blocked.resolve("second.csv") + ": " + blocked.toAbsolutePath()
                + " is a file, not a folder", e.getMessage());
        assertEquals("old first\n", Files.readString(first));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    // 8. Write failures exit 2 with the reason; modes are the usual ones; symbolic links are written through.
    @Test
    void item08WriteFailuresGiveTheReasonAndFilesGetTheUsualModes() throws IOException {
        Path forces = write("f.txt", "1\n");
        // sysfs refuses new files even to root, and says so before the work (a file made and deleted there)
        Result r = run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                "/sys/mbrl-lab-test.csv");
        assertRefused(r, "cartpole rollout: cannot write into /sys", "permission denied");
        // procfs too, whose mode lets root write: refused up front, not after the runs ("cannot write into", not the
        // write's "cannot write /proc/.../accelerate.csv"), and nothing printed as done
        r = run("accelerate", "--settings", "real", "--runs", "1", "--episodes", "1", "--out",
                "/proc/mbrl-lab-test");
        assertRefused(r, "accelerate: cannot write into /proc (to create /proc/mbrl-lab-test): ");
        // root: "/proc does not take new files"; others: "permission denied"; never "no such file" of a folder there
        assertFalse(r.err().contains("no such file"), r.err());
        assertEquals("", r.out(), "no summary: nothing was computed");

        Path fresh = dir.resolve("fresh.csv");
        assertEquals(0, run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                fresh.toString()).code());
        Path reference = Files.createFile(dir.resolve("reference")); // mode 0666 minus this process's umask
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));

        Path kept = Files.writeString(dir.resolve("kept.csv"), "old\n");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(kept, mode);
        assertEquals(0, run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                kept.toString()).code());
        assertTrue(Files.readString(kept).startsWith("t,x,"));
        assertEquals(mode, Files.getPosixFilePermissions(kept), "an overwritten file keeps its mode");

        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("target.csv"));
        assertEquals(0, run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                link.toString()).code());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(target).startsWith("t,x,"), "its target was written");

        // a link to a folder that is not there yet is written through as well: the folder it names is created
        Path dangling = Files.createSymbolicLink(dir.resolve("results"), Path.of("made/later"));
        assertEquals(0, run("figure", "8.2", "--runs", "1", "--episodes", "2", "--out", dangling.toString()).code());
        assertTrue(Files.isSymbolicLink(dangling), "the link stays a link");
        assertTrue(Files.readString(dir.resolve("made/later/figure-8.2.csv")).startsWith("episode,"));
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
        assertRefused(run("figure", "8.2", "--runs", "1", "--episodes", "2", "--out", loop.toString()),
                "figure 8.2: --out " + loop + ": cannot write " + loop + ": too many symbolic links");
    }

    // 9. The screenshot command checks everything before it opens a window.
    @Test
    void item09ScreenshotRefusesBadOptionsBeforeOpeningAWindow() throws IOException {
        Files.writeString(dir.resolve("afile"), "x");
        Files.createDirectories(dir.resolve("folder.png"));
        String png = dir.resolve("s.png").toString();
        assertRefused(run("screenshot", "--preset", "nonexistent", "--out", png),
                "screenshot: no preset 'nonexistent'; presets: figure-8.2, figure-8.3");
        assertRefused(run("screenshot", "--size", "1280x800x3", "--out", png),
                "--size must be WIDTHxHEIGHT like 1280x800, got '1280x800x3'");
        Path file = dir.resolve("afile");
        assertRefused(run("screenshot", "--out", file.resolve("s.png").toString()), "screenshot: cannot write into",
                "afile is a file, not a folder");
        assertRefused(run("screenshot", "--out", dir.toString()), "screenshot: --out must name a .png file");
        Path folder = dir.resolve("folder.png");
        assertRefused(run("screenshot", "--out", folder.toString()), "--out " + folder + " is a folder");
        assertRefused(run("screenshot", "--scale", "5", "--out", png), "screenshot: --scale must be in 1..4, got 5");
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            // Headless rendering is at output scale 1: a scale-2 picture would upscale the canvases, no HiDPI render.
            assertRefused(run("screenshot", "--scale", "2", "--out", png),
                    "screenshot: --scale 2 needs a display at output scale 2");
        }
    }

    // 10. Without a display the launcher says so in one line (the launcher's own test runs it: LauncherTest).

    // 11. Options that do not apply are refused.
    @Test
    void item11OptionsThatDoNotApplyAreRefused() throws IOException {
        Path train = write("t.csv", "x1,y\n0,0\n1,1\n");
        Path query = write("q.csv", "x1\n0.5\n");
        String[] fit = {"models", "fit", "--train", train.toString(), "--query", query.toString(), "--out",
            dir.resolve("p.csv").toString()};
        assertRefused(run(concat(fit, "--model", "gp", "--members", "0")),
                "models fit: --members does not apply here: only --model ensemble uses it");
        assertRefused(run(concat(fit, "--model", "gp", "--threads", "0")), "--threads does not apply here");
        assertRefused(run(concat(fit, "--model", "ensemble", "--restarts", "3")),
                "--restarts does not apply here: only --model gp uses it");
        assertRefused(run(concat(fit, "--model", "ensemble", "--threads", "0")), "--threads must be in 1..1024, got 0");
        assertRefused(run("models", "rollout", "--model", "gp", "--method", "moment-matching", "--particles", "9",
                "--out", dir.toString()), "--particles does not apply here: moment matching propagates a Gaussian");
        assertRefused(run("models", "rollout", "--model", "gp", "--method", "ts1", "--members", "3", "--out",
                dir.toString()), "--members does not apply here");
        assertRefused(run("cartpole", "learn", "--agent", "random", "--n", "5", "--out", dir.toString()),
                "--n does not apply here: the random agent neither learns nor plans");
        assertRefused(run("figure", "8.2", "--threads", "0", "--out", dir.toString()),
                "figure 8.2: --threads must be in 1..1024");
        assertRefused(run("cartpole", "learn", "--threads", "0", "--out", dir.toString()),
                "cartpole learn: --threads must be in 1..1024");
        assertRefused(run("bench", "--rates", "--seconds", "1"), "bench: --seconds does not apply here");
        assertFalse(Files.exists(dir.resolve("p.csv")));
    }

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    // 12. Maze files: any line ending, a BOM, invalid UTF-8 with its line, huge mazes at row 201, short quotes.
    @Test
    void item12MazeFilesReadLikeTheReadmeSays() throws IOException {
        String maze = "// a comment\nname: tiny\n\nS.#\n..G\n";
        for (String ending : new String[] {"\n", "\r\n", "\r"}) {
            Path file = write("m.maze", maze.replace("\n", ending));
            Result r = run("maze", "check", file.toString());
            assertEquals(0, r.code(), ending.length() + " " + r.err());
            assertTrue(r.out().contains("\"tiny\", 2x3"), r.out());
        }
        Path bom = dir.resolve("bom.maze");
        Files.write(bom, ("\uFEFF" + maze).getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run("maze", "check", bom.toString()).code());

        Path latin1 = dir.resolve("latin1.maze");
        Files.write(latin1, ("// caf\u00e9\n" + maze).getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(run("maze", "check", latin1.toString()), latin1 + ":1:7: not UTF-8 text (byte 0xE9)");

        Path huge = dir.resolve("huge.maze");
        Files.writeString(huge, "S" + ".".repeat(999) + "\n" + (".".repeat(1000) + "\n").repeat(998) + ".".repeat(999)
                + "G\n");
        assertRefused(run("maze", "check", huge.toString()), huge + ":201:1: too many grid rows");

        Path longLine = dir.resolve("long.maze");
        Files.writeString(longLine, "x".repeat(1 << 19) + ": 1\nS.G\n");
        Result r = run("maze", "check", longLine.toString());
        assertRefused(r, "unknown setting 'xxx", "(524288 characters)");
        assertTrue(r.err().length() < longLine.toString().length() + 200, r.err());
    }

    // Exit code 1 is for bugs only: one line asking to report it, the stack trace in a log file.
    @Test
    void aBugExitsWith1AndLogsItsStackTraceNotOnTheScreen() throws IOException {
        CommandLine cl = Cli.commandLine(quiet());
        cl.addSubcommand("boom", new Boom());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("boom");
        assertEquals(1, code);
        String line = err.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("mbrl-lab boom: internal error (NullPointerException). This is a bug; please report "
                + "it with the log " + dir.resolve("logs").resolve("mbrl-lab-error-")), line);
        Path log = Path.of(line.substring(line.indexOf("with the log ") + "with the log ".length()));
        String logged = Files.readString(log);
        assertTrue(logged.contains("arguments: boom") && logged.contains("java.lang.NullPointerException: on purpose")
                && logged.contains("at mbrllab.cli.BoundedInputsAndWorkTest$Boom.call"), logged);
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new NullPointerException("on purpose");
        }
    }

    @Test
    void everyHelpEndsWithTheExitCodes() {
        for (String[] args : new String[][] {{"--help"}, {"figure", "8.2", "--help"}, {"models", "fit", "--help"},
            {"cartpole", "rollout", "--help"}, {"maze", "check", "--help"}}) {
            Result r = run(args);
            assertEquals(0, r.code());
            assertTrue(r.out().strip().replaceAll("\\s+", " ").endsWith(Cli.EXIT_CODES), String.join(" ", args) + ":\n"
                    + r.out());
        }
    }
}
