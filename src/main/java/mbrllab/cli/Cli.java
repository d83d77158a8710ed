package mbrllab.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar mbrl-lab.jar COMMAND ...}. Exit codes: 0 success, 1 failure while
 * running, 2 bad arguments or bad input file.
 */
@Command(name = "mbrl-lab", mixinStandardHelpOptions = true, version = "MBRL Lab 0.1.0",
        description = "MBRL Lab: model-based RL (Dyna-style algorithms) teaching simulator. Without a command the "
                + "app opens; with one it runs headless.",
        subcommands = {FigureCommand.class, MazeCommand.class, CartPoleCommand.class, ModelsCommand.class,
            BenchCommand.class, ScreenshotCommand.class, PilcoCommand.class})
public final class Cli implements Runnable {

    /** Exit code for bad arguments or a bad input file. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command; try --help");
    }

    /** Builds the command line with our error handling: one line on stderr and exit code 2 for bad arguments. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandName().equals("mbrl-lab") ? "mbrl-lab: " + ex.getMessage()
                    : cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage()
                    + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof UserInputException u) {
                cmd.getErr().println(u.getMessage());
                cmd.getErr().flush();
                return u.exitCode();
            }
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": failed: " + ex);
            cmd.getErr().flush();
            return 1;
        });
        return cl;
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
