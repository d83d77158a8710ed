package mbrllab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import mbrllab.charts.LearningCurveChart;
import mbrllab.charts.PolicyPicture;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurveExperiment;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;
import mbrllab.io.AtomicFiles;
import mbrllab.io.BundledMazes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code figure 8.2 ...}: the book's figures, headless, as CSV and PNG. */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = "Reproduce a figure of Sutton and Barto, Chapter 8, as CSV and PNG.",
        subcommands = {FigureCommand.Figure82.class, FigureCommand.Figure83.class})
final class FigureCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing figure number: 8.2 or 8.3");
    }

    /** Options shared by the figure commands. */
    static final class Common {
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
                description = "worker threads (default: one per core); the result does not depend on it")
        Integer threads;

        ExecutorService pool() {
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            if (t < 1 || t > 1024) {
                throw new UserInputException("--threads must be in 1..1024, got " + t);
            }
            return Executors.newFixedThreadPool(t, r -> {
                Thread thread = new Thread(r, "figure-worker");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    static Maze loadMaze(Path file) {
        if (file == null) {
            return BundledMazes.dynaMaze();
        }
        try {
            return MazeParser.read(file);
        } catch (MazeFormatException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, width, height);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }

    static void writeText(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + file + ": " + e.getMessage(), 1);
        }
    }

    @Command(name = "8.2", mixinStandardHelpOptions = true,
            description = {"Figure 8.2: steps per episode of Dyna-Q with n = 0, 5 and 50 planning steps on the "
                    + "Dyna-maze (gamma 0.95, alpha 0.1, epsilon 0.1).",
                "Writes DIR/figure-8.2.csv (episode,n0_mean,n0_se,n5_mean,n5_se,n50_mean,n50_se; se = standard "
                    + "error over runs) and DIR/figure-8.2.png."})
    static final class Figure82 implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        Common common;

        @Option(names = "--episodes", paramLabel = "E", defaultValue = "50",
                description = "episodes per run, 1..100000 (default: ${DEFAULT-VALUE})")
        int episodes;

        @Option(names = "--maze", paramLabel = "FILE", description = "maze file (default: the bundled Dyna-maze)")
        Path mazeFile;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Maze maze = loadMaze(mazeFile);
            LearningCurveSpec experiment;
            try {
                experiment = LearningCurveSpec.figure82(maze, common.runs, episodes, common.seed);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("figure 8.2: " + e.getMessage().replace("runs must", "--runs must")
                        .replace("episodes must", "--episodes must"));
            }
            ExecutorService pool = common.pool();
            LearningCurves curves;
            try {
                curves = LearningCurveExperiment.run(experiment, pool, ExperimentObserver.NONE);
            } finally {
                pool.shutdownNow();
            }
            Path csv = common.out.resolve("figure-8.2.csv");
            Path png = common.out.resolve("figure-8.2.png");
            writeText(csv, curves.toCsv());
            int first = episodes >= 2 ? 2 : 1;
            JFreeChart chart = LearningCurveChart.create("Dyna-Q on the " + maze.name() + " (Figure 8.2)",
                    LearningCurveChart.dataset(curves, first), maze.layout().shortestPathLength(), false, 1.0);
            chart.addSubtitle(new TextTitle("mean of " + curves.runs() + " runs with 95% confidence band, seed "
                    + common.seed + (first == 2 ? "; episode 1 (in the CSV) is left out as in the book" : "")));
            writePng(chart, png, 900, 560);
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + csv + " and " + png);
            for (int i = 0; i < curves.nValues().size(); i++) {
                out.printf(java.util.Locale.ROOT, "n = %-3d episode 1: %8.1f   episode 2: %7.1f   episode %d: %5.1f steps%n",
                        curves.nValues().get(i), curves.mean(i, 0), curves.mean(i, Math.min(1, episodes - 1)),
                        episodes, curves.mean(i, episodes - 1));
            }
            out.flush();
            return 0;
        }
    }

    /** The caption of Figure 8.3, in our words. */
    public static final String FIGURE_83_CAPTION = "Greedy policies halfway through episode 2 (arrows where one action "
            + "is strictly best; no arrow: all four action values equal; black square: the agent). Without planning "
            + "(n = 0) only the last step before G has been learned, so there is one arrow. With planning (n = 50) the "
            + "single reward found in episode 1 has been spread through the model, and the arrows reach almost back "
            + "to S.";

    @Command(name = "8.3", mixinStandardHelpOptions = true,
            description = {"Figure 8.3: the greedy policies of Dyna-Q with n = 0 and n = 50 halfway through episode 2 "
                    + "on the Dyna-maze (the animated agents of the app with the same seed).",
                "Writes DIR/figure-8.3.png and DIR/figure-8.3.csv (n,row,col,action; action = up, down, left, right "
                    + "where one action is strictly best, none otherwise; every free cell but G)."})
    static final class Figure83 implements Callable<Integer> {

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "output folder, created if missing (default: the current folder)")
        Path out;

        @Option(names = "--maze", paramLabel = "FILE", description = "maze file (default: the bundled Dyna-maze)")
        Path mazeFile;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Maze maze = loadMaze(mazeFile);
            MazeDynamics world = new MazeDynamics(maze.layout());
            LearningCurveSpec seeds = LearningCurveSpec.figure82(maze, 1, 1, seed);
            StringBuilder csv = new StringBuilder("n,row,col,action\n");
            java.util.List<PolicyPicture.Panel> panels = new java.util.ArrayList<>();
            PrintWriter out = spec.commandLine().getOut();
            for (int n : new int[] {0, 50}) {
                mbrllab.core.dyna.Figure83.Moment m = mbrllab.core.dyna.Figure83.run(DynaParams.defaults().withN(n),
                        world, seeds.realSeed(0), seeds.planSeed(0), LearningCurveSpec.DEFAULT_MAX_STEPS);
                int[] actions = m.strictlyGreedyActions();
                for (int x = 0; x < actions.length; x++) {
                    int row = x / maze.layout().cols();
                    int col = x % maze.layout().cols();
                    if (maze.layout().isWall(row, col) || world.isTerminal(x)) {
                        continue;
                    }
                    csv.append(n).append(',').append(row).append(',').append(col).append(',')
                            .append(actions[x] < 0 ? "none" : Action.of(actions[x]).label()).append('\n');
                }
                panels.add(new PolicyPicture.Panel(n == 0 ? "Without planning (n = 0)" : "With planning (n = 50)",
                        maze.layout(), actions, m.agent().state()));
                out.printf(java.util.Locale.ROOT, "n = %-2d episode 1: %d steps; episode 2: %d steps, stopped after %d;"
                        + " %d cells with an arrow%n", n, m.episode1Steps(), m.episode2Steps(), m.stepsTaken(),
                        m.arrowCount());
            }
            Path csvFile = out().resolve("figure-8.3.csv");
            Path pngFile = out().resolve("figure-8.3.png");
            writeText(csvFile, csv.toString());
            try {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                javax.imageio.ImageIO.write(PolicyPicture.render(panels, FIGURE_83_CAPTION, 56), "png", png);
                AtomicFiles.write(pngFile, png.toByteArray());
            } catch (IOException e) {
                throw new UserInputException("cannot write " + pngFile + ": " + e.getMessage(), 1);
            }
            out.println("wrote " + csvFile + " and " + pngFile);
            out.flush();
            return 0;
        }

        private Path out() {
            return out;
        }
    }
}
