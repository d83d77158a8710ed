package mbrllab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import mbrllab.core.budget.Budget;

/**
 * What a run of the command line depends on besides its arguments, in one place so that tests can make it small:
 * the work and memory {@link Budget}, when {@link Progress} starts to show and whether stderr is a terminal (a bar)
 * or not (sparse lines), and where bug reports are logged.
 *
 * @param budget          refuses runs estimated over it (unless {@code --allow-long})
 * @param progressAfter   seconds of running before progress is shown (about 2)
 * @param progressEvery   seconds between progress lines when stderr is not a terminal
 * @param terminal        stderr is a terminal: progress is a bar redrawn in place
 * @param logFolder       where a bug's stack trace is written
 * @param budgetOnly      stop every command right after its budget check ({@link #checkingBudgetOnly()})
 */
record Environment(Budget budget, double progressAfter, double progressEvery, boolean terminal, Path logFolder,
                   boolean budgetOnly) {

    /** The standard budget, progress after 2 s (lines every 10 s), stderr's kind, logs in the temporary folder. */
    static Environment standard() {
        return new Environment(Budget.standard(), 2, 10, stderrIsTerminal(),
                Path.of(System.getProperty("java.io.tmpdir")), false);
    }

    /** The same with another budget. */
    Environment withBudget(Budget newBudget) {
        return new Environment(newBudget, progressAfter, progressEvery, terminal, logFolder, budgetOnly);
    }

    /**
     * The same, but a command stops right after its budget check (exit 0, the estimate on stderr): for testing that
     * commands pass the check without running them.
     */
    Environment checkingBudgetOnly() {
        return new Environment(budget, progressAfter, progressEvery, terminal, logFolder, true);
    }

    /**
     * Whether file descriptor 2 is a terminal: on Linux, /proc/self/fd/2 links to /dev/pts/N or /dev/ttyN; elsewhere,
     * whether the JVM has a console at all.
     */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall back below
        }
        return System.console() != null;
    }
}
