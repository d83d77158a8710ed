package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.ModelChoice;

class AccelerateCommandTest {

    @TempDir
    Path dir;

    private static CartPoleCommandTest.Result run(String... args) {
        return CartPoleCommandTest.run(args);
    }

    /** The setting syntax and its column names: the text with ':' and '=' dropped, parts joined by '_'. */
    @Test
    void settingsAndTheirNames() {
        List<AccelerateCommand.Named> named = AccelerateCommand.parseSettings(
                "real,model:n=10:k=1,model:n=10:k=20,true:n=10:k=1,single:k=5,model:n=3:ratio=0.25,"
                        + "true:n=10:k=1:noise=0.1", 0.5);
        assertEquals(List.of("real", "model_n10_k1", "model_n10_k20", "true_n10_k1", "single_k5", "model_n3_ratio0.25",
                "true_n10_k1_noise0.1"), named.stream().map(AccelerateCommand.Named::name).toList());
        assertEquals(AccelerationSetting.noisyTrue(10, 1, 0.5, 0.1), named.get(6).setting());
        assertEquals("true_n10_k1_noise0.1", named.get(6).setting().name(0.5));
        assertEquals("true physics + noise 0.1, n = 10, k = 1", named.get(6).setting().label());
        assertEquals(AccelerationSetting.realOnly(), named.get(0).setting());
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 20, 0.5), named.get(2).setting());
        assertEquals(AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5), named.get(3).setting());
        assertEquals(AccelerationSetting.withModel(ModelChoice.SINGLE, 10, 5, 0.5), named.get(4).setting());
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 3, 1, 0.25), named.get(5).setting());
    }

    /** Without options the command's settings are the core's defaults (so --help prints the true defaults). */
    @Test
    void optionDefaultsAreTheCoreDefaults() {
        AccelerateCommand command = new AccelerateCommand();
        new CommandLine(command).parseArgs();
        AccelerationSpec spec = command.experiment(AccelerateCommand.parseSettings(command.settings, command.ratio));
        assertEquals(AccelerationParams.defaults(), spec.params());
        assertEquals(AccelerationSpec.DEFAULT_MAX_REAL_STEPS, spec.maxRealSteps());
        assertEquals(AccelerateCommand.DEFAULT_SETTINGS, command.settings);
        assertEquals(AccelerationParams.DEFAULT_REAL_RATIO, command.ratio);
        assertEquals(4, spec.settings().size());
    }

    @Test
    void theLossOption() {
        AccelerateCommand command = new AccelerateCommand();
        new CommandLine(command).parseArgs("--loss", "Squared");
        AccelerationSpec spec = command.experiment(AccelerateCommand.parseSettings(command.settings, command.ratio));
        assertEquals(mbrllab.core.dqn.TdLoss.SQUARED, spec.params().dqn().loss());
        assertEquals(AccelerationParams.defaults().dqn().withLoss(mbrllab.core.dqn.TdLoss.SQUARED),
                spec.params().dqn(), "only the loss changes");
    }

    @Test
    void helpPrintsTheDefaults() {
        CartPoleCommandTest.Result r = run("accelerate", "--help");
        assertEquals(0, r.exit());
        for (String text : new String[] {"(default: " + AccelerateCommand.DEFAULT_SETTINGS + ")",
            "--updates", "--ratio", "--refit-every", "--refit-steps", "--max-steps", "(default: 30000)"}) {
            // the help wraps its lines: compare without white space
            assertTrue(r.out().replaceAll("\\s", "").contains(text.replaceAll("\\s", "")), text + " in\n" + r.out());
        }
    }

    /** Bad or inapplicable input: one line on stderr naming the problem, exit code 2, nothing written. */
    @Test
    void badInputIsOneLineAndExitTwo() {
        String[][] cases = {
            {"--settings", "real,bogus:n=1", "unknown setting 'bogus'"},
            {"--settings", "real:n=10", "real takes no options"},
            {"--settings", "model:n=0", "n must be in 1..1000, got 0"},
            {"--settings", "model:k=x", "k needs a number, got 'x'"},
            {"--settings", "model:n=10:n=5", "gives n twice"},
            {"--settings", "model:q=1", "unknown option 'q=1'"},
            {"--settings", "model:k", "write k=VALUE"},
            {"--settings", "true:n=10:k=1,true:k=1:n=10", "lists 'true:k=1:n=10' twice"},
            {"--settings", "real,,true", "empty setting"},
            {"--settings", "model:ratio=1.5", "ratio must be in 0..1, got 1.5"},
            {"--settings", "model:noise=0.1", "noise is for the true physics only"},
            {"--settings", "true:noise=1.5", "noise must be in 0..1, got 1.5"},
            {"--settings", "true:noise=x", "noise needs a number, got 'x'"},
            {"--settings", "real", "--ratio", "0.3", "--ratio applies to settings with a model"},
            {"--settings", "real,true", "--refit-steps", "10", "--refit-steps applies to learned models"},
            {"--settings", "real,single", "--members", "3", "--members applies to the learned ensemble"},
            {"--runs", "0", "--runs must be in [1, 10000], got 0"},
            {"--updates", "0", "--updates must be in [1, 1000], got 0"},
            {"--epsilon", "1,0.05", "--epsilon needs E0,E1,N"},
            {"--polyak", "2", "--polyak must be in (0, 1], got 2.0"},
            {"--polyak", "0.1", "--target-every", "10", "not both"},
            {"--rollout-epsilon", "2", "--rollout-epsilon must be in [0, 1], got 2.0"},
            {"--rollout-window", "0", "--rollout-window must be in [1, 10000000], got 0"},
            {"--settings", "real", "--rollout-window", "10", "--rollout-window applies to settings with a model"},
            {"--loss", "l1", "--loss must be huber or squared, got 'l1'"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 2];
            args[0] = "accelerate";
            System.arraycopy(c, 0, args, 1, c.length - 1);
            args[c.length] = "--out";
            args[c.length + 1] = dir.resolve("never").toString();
            CartPoleCommandTest.Result r = run(args);
            assertEquals(2, r.exit(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().contains(c[c.length - 1]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertFalse(Files.exists(dir.resolve("never")));
    }

    /**
     * A small run end to end: every file, the columns the issue names, one row per episode, and the same bytes for the
     * same seed (with a different number of threads).
     */
    @Test
    void writesTheFilesReproducibly() throws Exception {
        String[] common = {"accelerate", "--settings", "real,model:n=2:k=3,true:n=2:k=1", "--runs", "2", "--episodes",
            "30", "--max-steps", "300", "--hidden", "8", "--batch", "8", "--learning-starts", "50", "--refit-every",
            "100", "--refit-steps", "20", "--seed", "5"};
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CartPoleCommandTest.Result r = run(concat(common, "--out", a.toString(), "--threads", "1"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, run(concat(common, "--out", b.toString(), "--threads", "2")).exit());
        for (String f : new String[] {"accelerate.csv", "accelerate-summary.csv", "accelerate-model-error.csv"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        assertTrue(Files.size(a.resolve("accelerate.png")) > 10_000);
        assertTrue(Files.size(a.resolve("accelerate-model-error.png")) > 10_000);
        List<String> curves = Files.readAllLines(a.resolve("accelerate.csv"));
        assertEquals("episode,real_mean,real_se,real_real_steps_mean,model_n2_k3_mean,model_n2_k3_se,"
                + "model_n2_k3_real_steps_mean,true_n2_k1_mean,true_n2_k1_se,true_n2_k1_real_steps_mean",
                curves.get(0));
        assertEquals("1", curves.get(1).split(",")[0]);
        assertEquals(10, curves.get(1).split(",", -1).length);
        List<String> summary = Files.readAllLines(a.resolve("accelerate-summary.csv"));
        assertEquals("setting,steps_to_195_mean,steps_to_195_se,reached,runs", summary.get(0));
        assertEquals(4, summary.size());
        assertTrue(summary.get(1).startsWith("real,"), summary.get(1));
        assertTrue(summary.get(1).endsWith(",2"), summary.get(1));
        List<String> error = Files.readAllLines(a.resolve("accelerate-model-error.csv"));
        assertEquals("setting,k,error_mean,error_se,x_rmse,x_dot_rmse,theta_rmse,theta_dot_rmse,step_error_mean,"
                + "step_error_se", error.get(0));
        assertEquals(1 + 2 * 20, error.size());
        assertTrue(error.get(1).startsWith("model_n2_k3,1,"));
        String[] first = error.get(1).split(",");
        assertEquals(first[2], first[8], "the first step alone is the one-step error");
        assertEquals("true_n2_k1,1,0.00000000,0.00000000,0.00000000,0.00000000,0.00000000,0.00000000,0.00000000,"
                + "0.00000000", error.get(21));
        assertTrue(r.out().contains("steps to 195"), r.out());
        // the counts grouped by thousands, as the app writes them ("model rollouts 250 (1,500 transitions)")
        List<String> counts = r.out().lines().filter(l -> l.contains("per run:")).toList();
        assertEquals(3, counts.size(), r.out());
        assertTrue(counts.stream().anyMatch(l -> l.matches(".*\\d,\\d{3}.*")), r.out());
        assertTrue(counts.stream().noneMatch(l -> l.matches(".*\\d{4}.*")), r.out());
    }

    /**
     * Runs that end before Q learning starts never fit their learned model: the command finishes (it failed with an
     * internal error), says the error was not measured, and measures the true physics, which needs no fit.
     */
    @Test
    void runsThatEndBeforeTheFirstFitMeasureNoModelError() throws Exception {
        Path out = dir.resolve("short");
        CartPoleCommandTest.Result r = run("accelerate", "--settings", "real,model:n=2:k=1,true:n=2:k=1", "--runs",
                "2", "--max-steps", "40", "--learning-starts", "50", "--hidden", "8", "--batch", "8", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("model error not measured: no run fitted its model (the first fit comes with Q "
                + "learning, at real step 50)"), r.out());
        List<String> error = Files.readAllLines(out.resolve("accelerate-model-error.csv"));
        assertEquals(1 + 20, error.size(), "rows of the true physics only");
        assertTrue(error.stream().skip(1).allMatch(l -> l.startsWith("true_n2_k1,")), error.get(1));

        Path learnedOnly = dir.resolve("learned");
        r = run("accelerate", "--settings", "real,model:n=2:k=1", "--runs", "2", "--max-steps", "40",
                "--learning-starts", "50", "--hidden", "8", "--batch", "8", "--out", learnedOnly.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(learnedOnly.resolve("accelerate-model-error.csv")), "nothing measured, no file");
        assertTrue(Files.exists(learnedOnly.resolve("accelerate-summary.csv")));
    }

    /**
     * Runs of one setting that end at different real steps (an episode limit): only those that lasted to the first fit
     * measure the error, and the summary says how many.
     */
    @Test
    void theModelErrorOfTheRunsThatFittedTheirModel() {
        String[] args = {"accelerate", "--settings", "real,model:n=2:k=1", "--runs", "6", "--episodes", "2",
            "--learning-starts", "40", "--hidden", "8", "--batch", "8", "--seed", "3", "--out",
            dir.resolve("some").toString()};
        CartPoleCommandTest.Result r = run(args);
        assertEquals(0, r.exit(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("model error \\((\\d) of 6 runs; the others ended "
                + "before the first fit, at real step 40\\)").matcher(r.out());
        assertTrue(m.find(), r.out());
        int measured = Integer.parseInt(m.group(1));
        assertTrue(measured >= 1 && measured <= 5, r.out());
    }

    /** The bench lines of the acceleration lab: name, a positive number, a unit. */
    @Test
    void benchLines() {
        java.io.StringWriter text = new java.io.StringWriter();
        BenchCommand.benchAcceleration(new java.io.PrintWriter(text, true), 0.1);
        List<String> lines = text.toString().lines().toList();
        assertEquals(List.of("dqn_update_us", "dqn_update_cpu_us", "model_refit_ms", "model_refit_cpu_ms",
                "model_rollout_step_us", "model_rollout_step_cpu_us"),
                lines.stream().map(l -> l.split(" ")[0]).toList());
        for (String line : lines) {
            String[] parts = line.split(" ");
            assertEquals(3, parts.length, line);
            assertTrue(Double.parseDouble(parts[1]) > 0, line);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
