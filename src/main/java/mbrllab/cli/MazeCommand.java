package mbrllab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code maze check FILE}. */
@Command(name = "maze", mixinStandardHelpOptions = true,
        description = "Work with maze files (format: mazes/README.md).", subcommands = MazeCommand.Check.class)
final class MazeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a maze file. Exit 0 and a one-line summary when it is good; "
                    + "FILE:LINE:COL: reason on stderr and exit 2 when it is not.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "the maze file")
        Path file;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommandSupport.requireNotEmpty("maze check", "FILE", file, "name the maze file to check");
            Maze maze = CommandSupport.readMaze(file, null);
            spec.commandLine().getOut().println(summary(file.toString(), maze));
            return 0;
        }
    }

    /**
     * e.g.
     * {@code mazes/dyna-maze.maze: ok: "Dyna-maze", 6x9, 47 free states, start (2,0), goal (0,8), shortest path 14}.
     */
    static String summary(String file, Maze maze) {
        Layout l = maze.layout();
        String text = file + ": ok: \"" + maze.name() + "\", " + l.rows() + "x" + l.cols() + ", " + l.freeCellCount()
                + " free states, start " + l.start() + ", goal " + l.goal() + ", shortest path "
                + l.shortestPathLength();
        if (maze.change().isPresent()) {
            Layout after = maze.change().get().layout();
            text += "; changes after " + maze.change().get().afterStep() + " steps (then shortest path "
                    + after.shortestPathLength() + ")";
        }
        return text;
    }
}
