package mbrllab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar mbrl-lab.jar COMMAND ...}. Exit codes ({@link #EXIT_CODES}, in every
 * {@code --help}): 0 done; 2 the user's input, arguments or output target (one line on stderr with the reason); 1 a
 * bug (one line on stderr asking to report it, the stack trace in a log file).
 */
@Command(name = "mbrl-lab", mixinStandardHelpOptions = true, version = "MBRL Lab 0.1.0",
        description = "MBRL Lab: model-based RL (Dyna-style algorithms) teaching simulator. Without a command the "
                + "app opens; with one it runs headless.",
        subcommands = {FigureCommand.class, MazeCommand.class, CartPoleCommand.class, ModelsCommand.class,
            PetsCommand.class, AccelerateCommand.class, PilcoCommand.class, BenchCommand.class,
            ScreenshotCommand.class})
public final class Cli implements Runnable {

    /** Exit code when the command has done its work. */
    public static final int OK = 0;
    /** Exit code for a bug: the command failed where it should not have (the stack trace goes to a log file). */
    public static final int BUG = 1;
    /** Exit code for bad arguments, a bad input file or an output target that cannot be written. */
    public static final int USAGE = 2;

    /** The exit codes, as every {@code --help} ends. */
    static final String EXIT_CODES = "Exit codes: 0 done; 2 bad arguments, a bad input file, a run over the budget "
            + "or an output that cannot be written (the reason on stderr); 1 a bug (please report it with the log "
            + "file named on stderr).";

    private final Environment environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Cli(Environment environment) {
        this.environment = environment;
    }

    /** What this command line's runs depend on besides their arguments. */
    Environment environment() {
        return environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; try --help");
    }

    /** Builds the command line with our error handling, in the standard {@link Environment}. */
    public static CommandLine commandLine() {
        return commandLine(Environment.standard());
    }

    /**
     * Builds the command line with our error handling: one line on stderr and exit code 2 for bad arguments, input
     * and output targets; the bug report (exit code 1) for anything else.
     */
    static CommandLine commandLine(Environment environment) {
        CommandLine cl = new CommandLine(new Cli(environment));
        addExitCodes(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            String name = cmd.getCommandSpec().qualifiedName();
            String message = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !cmd.getSubcommands().isEmpty()
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
                // a word where a command was expected: name the commands there are
                message = "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                        + String.join(", ", cmd.getSubcommands().keySet());
            }
            err.println(name + ": " + message + " (try '" + name + " --help')");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserInputException u) {
                cmd.getErr().println(u.getMessage());
                cmd.getErr().flush();
                return u.exitCode();
            }
            if (ex instanceof CommandSupport.BudgetChecked checked) {
                cmd.getErr().println(checked.getMessage());
                cmd.getErr().flush();
                return OK;
            }
            return reportBug(ex, cmd, environment, parseResult.originalArgs().toArray(new String[0]));
        });
        return cl;
    }

    /** Ends every command's help with the exit codes. */
    private static void addExitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().footer(EXIT_CODES);
        for (CommandLine sub : cl.getSubcommands().values()) {
            addExitCodes(sub);
        }
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        Environment environment = Environment.standard();
        CommandLine cl = commandLine(environment);
        try {
            return cl.execute(args);
        } catch (Throwable t) { // an Error (out of memory, stack overflow) passes picocli's handlers
            CommandLine command = innermost(cl);
            if (t instanceof OutOfMemoryError && java.util.Arrays.asList(args).contains("--allow-long")) {
                command.getErr().println(CommandSupport.name(command.getCommandSpec()) + ": ran out of memory (the JVM "
                        + "may use " + mbrllab.core.budget.Cost.size(Runtime.getRuntime().maxMemory()) + "), as the "
                        + "budget warned: give it more (java -Xmx8g -jar mbrl-lab.jar ...) or lower the sizes");
                command.getErr().flush();
                return USAGE;
            }
            return reportBug(t, command, environment, args);
        }
    }

    /** The subcommand that was running (the whole command line when the arguments did not parse). */
    private static CommandLine innermost(CommandLine cl) {
        CommandLine.ParseResult result = cl.getParseResult();
        if (result == null) {
            return cl;
        }
        while (result.subcommand() != null) {
            result = result.subcommand();
        }
        return result.commandSpec().commandLine();
    }

    /**
     * The bug report: the stack trace and the arguments go to a log file, stderr gets one line naming it.
     *
     * @return {@link #BUG}
     */
    static int reportBug(Throwable t, CommandLine cmd, Environment environment, String[] args) {
        String name = cmd.getCommandSpec().qualifiedName();
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String what = t instanceof OutOfMemoryError ? "ran out of memory (the JVM may use "
                + mbrllab.core.budget.Cost.size(Runtime.getRuntime().maxMemory()) + "; the budget check should have "
                + "refused this run)" : "internal error (" + t.getClass().getSimpleName() + ")";
        String log;
        try {
            Path file = writeLog(environment.logFolder(), String.join(" ", args), trace.toString());
            log = "with the log " + file;
        } catch (IOException | RuntimeException e) {
            log = "(the log could not be written to " + environment.logFolder() + ": " + e.getMessage() + "): "
                    + t;
        }
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + what + ". This is a bug; please report it " + log);
        err.flush();
        return BUG;
    }

    private static Path writeLog(Path folder, String args, String trace) throws IOException {
        Files.createDirectories(folder);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        Path file = folder.resolve("mbrl-lab-error-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
        String text = "MBRL Lab 0.1.0 on Java " + System.getProperty("java.version") + " (" + System.getProperty(
                "os.name") + ")\narguments: " + args + "\n\n" + trace;
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
