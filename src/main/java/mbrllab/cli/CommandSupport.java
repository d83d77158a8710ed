package mbrllab.cli;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import mbrllab.core.maze.Maze;
import mbrllab.core.text.InputFormatException;
import mbrllab.core.text.TextLines;
import mbrllab.io.BundledMazes;
import mbrllab.io.MazeFiles;
import mbrllab.io.NumericCsv;
import mbrllab.io.TextFiles;
import mbrllab.core.budget.Cost;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the commands share, so that a command adopts each in a line or two:
 * <ul>
 *   <li>reading inputs: {@link #readText}, {@link #readCsv}, {@link #readMaze} (size limits, encoding, line ends,
 *       {@code FILE:LINE: reason} and exit code 2);</li>
 *   <li>writing outputs as one unit: {@link Outputs} (checked up front, written together at the end);</li>
 *   <li>the work and memory budget: {@link Budgeted} ({@code --allow-long} and the check of a {@link Cost});</li>
 *   <li>progress on stderr: {@link Progress};</li>
 *   <li>options that do not apply: {@link #refuseUnless};</li>
 *   <li>worker pools ({@link #threads}, {@link #pool}) and the options of the commands that average seeded runs
 *       ({@link RunOptions}).</li>
 * </ul>
 */
final class CommandSupport {

    /** Most worker threads a command accepts. */
    static final int MAX_THREADS = 1024;

    private CommandSupport() {
    }

    /**
     * Refuses an empty file or folder name given to an option ({@code --maze ""}), naming the option.
     *
     * @param path the option's value; null (not given) passes
     * @throws UserInputException (exit 2) {@code COMMAND: OPTION must not be empty (HINT)}
     */
    static void requireNotEmpty(String command, String option, Path path, String hint) {
        if (path != null && path.toString().isBlank()) {
            throw new UserInputException(command + ": " + option + " must not be empty (" + hint + ")");
        }
    }

    /**
     * Reads a text input given on the command line through {@link TextFiles} (size limit, UTF-8, any line ending).
     *
     * @param what what the file is, for the size message (e.g. "a force file")
     * @throws UserInputException (exit 2) {@code FILE: reason} or {@code FILE:LINE:COL: reason}
     */
    static TextLines readText(Path file, int maxBytes, String what) {
        try {
            return TextFiles.read(file, maxBytes, what);
        } catch (InputFormatException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /**
     * Reads a numeric CSV ({@link NumericCsv#read}).
     *
     * @throws UserInputException (exit 2) {@code FILE:LINE: reason}
     */
    static NumericCsv readCsv(Path file) {
        try {
            return NumericCsv.read(file);
        } catch (InputFormatException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /**
     * Reads a maze file, or the bundled maze {@code bundled} when {@code file} is null.
     *
     * @throws UserInputException (exit 2) {@code FILE:LINE:COL: reason}
     */
    static Maze readMaze(Path file, String bundled) {
        if (file == null) {
            return BundledMazes.load(bundled);
        }
        try {
            return MazeFiles.read(file);
        } catch (InputFormatException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /** The command's name for messages: "figure 8.2", "models fit". */
    static String name(CommandSpec spec) {
        String q = spec.qualifiedName();
        String root = spec.root().name() + " ";
        return q.startsWith(root) ? q.substring(root.length()) : q;
    }

    /** The environment of the command line the command runs in (the standard one outside {@link Cli}). */
    static Environment environment(CommandSpec spec) {
        return spec.root().userObject() instanceof Cli cli ? cli.environment() : Environment.standard();
    }

    /** The workers that can run at once: {@code threads}, but at most one per core. */
    static int workers(int threads) {
        return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Refuses an option that the other options make meaningless, when the user gave it.
     *
     * @param applies whether the option does anything with the other options given
     * @param why     e.g. "only --model ensemble uses it"
     * @throws UserInputException (exit 2) "COMMAND: OPTION does not apply: WHY"
     */
    static void refuseUnless(CommandSpec spec, boolean applies, String option, String why) {
        if (!applies && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new UserInputException(name(spec) + ": " + option + " does not apply here: " + why);
        }
    }

    /**
     * The number of worker threads: {@code requested}, or one per core when null.
     *
     * @param command prefix of the error message, e.g. {@code "models fit: "} (may be empty)
     * @throws UserInputException when it is not in 1..1024
     */
    static int threads(String command, Integer requested) {
        int t = requested == null ? Runtime.getRuntime().availableProcessors() : requested;
        if (t < 1 || t > MAX_THREADS) {
            throw new UserInputException(command + "--threads must be in 1.." + MAX_THREADS + ", got " + t);
        }
        return t;
    }

    /**
     * A fixed pool of daemon threads (so that a command that fails cannot keep the JVM alive); the caller shuts it
     * down. Results never depend on the number of threads: every task has its own seed.
     */
    static ExecutorService pool(int threads, String threadName) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Options of the commands that average R seeded runs and write into a folder (figures, {@code cartpole learn}). */
    static final class RunOptions {
        @Option(names = "--runs", paramLabel = "R", defaultValue = "30",
                description = "independent runs, 1..10000 (default: ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "master seed; the same seed gives the same files bit for bit (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "output folder, created if missing (default: the current folder)")
        Path out;

        @Option(names = "--threads", paramLabel = "T",
                description = "worker threads, 1..1024 (default: one per core); the result does not depend on it")
        Integer threads;

        /** The command this mixes into, for the messages. */
        @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
        CommandSpec mixee;

        private String prefix() {
            return mixee == null ? "" : name(mixee) + ": ";
        }

        /** A pool of {@code --threads} workers. */
        ExecutorService pool() {
            return CommandSupport.pool(threads(prefix(), threads), "figure-worker");
        }

        /** The workers that run at once: {@code --threads}, at most one per core. */
        int workers() {
            return CommandSupport.workers(threads(prefix(), threads));
        }
    }

    /**
     * The work and memory budget of a command: {@code --allow-long} and the check of an estimate. A command mixes it
     * in ({@code @Mixin CommandSupport.Budgeted budget;}) and calls {@link #check} with the experiment's
     * {@link Cost} before it starts.
     */
    static final class Budgeted {
        @Option(names = "--allow-long", description = "run even when the estimate is over the budget (15 min of work "
                + "on this machine, or 80%% of the memory the JVM may use); without it such a run is refused up front "
                + "with the estimate")
        boolean allowLong;

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        /**
         * Refuses {@code cost} when it is over the budget, unless {@code --allow-long} was given (then it says so on
         * stderr and goes on).
         *
         * @param howToLower e.g. "lower --runs or --episodes"
         * @throws UserInputException (exit 2) "COMMAND: this run is estimated at ...; HOW, or add --allow-long ..."
         */
        void check(Cost cost, String howToLower) {
            Environment environment = environment(spec);
            environment.budget().excess(cost).ifPresent(excess -> {
                if (!allowLong) {
                    throw new UserInputException(name(spec) + ": this run is estimated at " + excess + "; "
                            + howToLower + ", or add --allow-long to run it anyway");
                }
                spec.commandLine().getErr().println(name(spec) + ": estimated at " + excess
                        + "; running anyway (--allow-long)");
                spec.commandLine().getErr().flush();
            });
            if (environment.budgetOnly()) {
                throw new BudgetChecked(name(spec) + ": within the budget: " + (cost.seconds() < 1 ? "" : "about ")
                        + Cost.duration(cost.seconds()) + " and " + Cost.size(cost.bytes()) + " (" + cost.basis()
                        + ")");
            }
        }
    }

    /** Ends a command after its budget check in an {@link Environment#checkingBudgetOnly()} run (exit 0). */
    static final class BudgetChecked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetChecked(String message) {
            super(message);
        }
    }
}
