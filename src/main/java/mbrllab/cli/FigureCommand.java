package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import mbrllab.charts.CumulativeRewardChart;
import mbrllab.charts.LearningCurveChart;
import mbrllab.charts.PolicyPicture;
import mbrllab.charts.UpdatesToOptimalChart;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.CumulativeRewardExperiment;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.CumulativeRewards;
import mbrllab.core.dyna.UpdatesToOptimal;
import mbrllab.core.dyna.UpdatesToOptimalExperiment;
import mbrllab.core.dyna.UpdatesToOptimalSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.dyna.LearningCurveExperiment;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.maze.Maze;
import mbrllab.io.BundledMazes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code figure 8.2 ...}: the book's figures, headless, as CSV and PNG. */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = "Reproduce a figure of Sutton and Barto, Chapter 8, as CSV and PNG.",
        subcommands = {FigureCommand.Figure82.class, FigureCommand.Figure83.class, FigureCommand.Figure84.class,
            FigureCommand.Figure85.class, FigureCommand.Example84.class})
final class FigureCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing figure number: 8.2, 8.3, 8.4, "
                + "8.5 or example-8.4");
    }

    /** What an empty --maze is told. */
    private static final String MAZE_HINT = "name a maze file, or leave --maze out for the bundled one";

    static Maze loadMaze(Path file) {
        return loadMaze(file, BundledMazes.DYNA_MAZE);
    }

    /** Reads {@code file}, or the bundled maze {@code bundled} when file is null. */
    static Maze loadMaze(Path file, String bundled) {
        return CommandSupport.readMaze(file, bundled);
    }

    @Command(name = "8.2", mixinStandardHelpOptions = true,
            description = {"Figure 8.2: steps per episode of Dyna-Q with n = 0, 5 and 50 planning steps on the "
                    + "Dyna-maze (gamma 0.95, alpha 0.1, epsilon 0.1).",
                "Writes DIR/figure-8.2.csv (episode,n0_mean,n0_se,n5_mean,n5_se,n50_mean,n50_se; se = standard "
                    + "error over runs) and DIR/figure-8.2.png. An episode that has not reached the goal after "
                    + "1,000,000 steps is given up and counts as 1,000,000 (the console says how many were)."})
    static final class Figure82 implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        CommandSupport.RunOptions common;

        @picocli.CommandLine.Mixin
        CommandSupport.Budgeted budget;

        @Option(names = "--episodes", paramLabel = "E", defaultValue = "50",
                description = "episodes per run, 1..100000 (default: ${DEFAULT-VALUE})")
        int episodes;

        @Option(names = "--maze", paramLabel = "FILE", description = "maze file (default: the bundled Dyna-maze)")
        Path mazeFile;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Outputs files = Outputs.inFolder("figure 8.2", "--out", common.out, "figure-8.2.csv", "figure-8.2.png");
            CommandSupport.requireNotEmpty("figure 8.2", "--maze", mazeFile, MAZE_HINT);
            Maze maze = loadMaze(mazeFile);
            LearningCurveSpec experiment;
            try {
                experiment = LearningCurveSpec.figure82(maze, common.runs, episodes, common.seed);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("figure 8.2: " + e.getMessage().replace("runs must", "--runs must")
                        .replace("episodes must", "--episodes must"));
            }
            budget.check(experiment.cost(common.workers()), "lower --runs or --episodes");
            ExecutorService pool = common.pool();
            LearningCurves curves;
            try (Progress progress = Progress.start(spec, experiment.runs(), "runs")) {
                curves = LearningCurveExperiment.run(experiment, pool, progress.observer());
            } finally {
                pool.shutdownNow();
            }
            Path csv = files.file("figure-8.2.csv");
            Path png = files.file("figure-8.2.png");
            files.csv(csv, curves.toCsv());
            int first = episodes >= 2 ? 2 : 1;
            JFreeChart chart = LearningCurveChart.create("Dyna-Q on the " + maze.name() + " (Figure 8.2)",
                    LearningCurveChart.dataset(curves, first), maze.layout().shortestPathLength(), false, 1.0);
            chart.addSubtitle(new TextTitle("mean of " + curves.runs() + " runs with 95% confidence band, seed "
                    + common.seed + (first == 2 ? "; episode 1 (in the CSV) is left out as in the book" : "")));
            files.png(png, chart, 900, 560).commit();
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + csv + " and " + png);
            for (int i = 0; i < curves.nValues().size(); i++) {
                // episodes 1, 2 and the last, each once (with fewer than three episodes, those there are)
                StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "n = %-3d",
                        curves.nValues().get(i)));
                for (int e : java.util.stream.IntStream.of(1, 2, episodes).filter(e -> e <= episodes).distinct()
                        .toArray()) {
                    line.append(String.format(java.util.Locale.ROOT, " episode %d: %8.1f ", e, curves.mean(i, e - 1)));
                }
                out.println(line.toString().stripTrailing() + " steps");
            }
            int cap = experiment.maxStepsPerEpisode();
            long given = 0;
            for (int i = 0; i < curves.nValues().size(); i++) {
                for (int run = 0; run < curves.runs(); run++) {
                    for (int e = 0; e < curves.episodes(); e++) {
                        given += curves.steps(i, run, e) >= cap ? 1 : 0;
                    }
                }
            }
            if (given > 0) {
                out.printf(java.util.Locale.ROOT, "note: %,d of %,d episodes did not reach the goal within %,d steps; "
                        + "they were given up there and count as %,d steps%n", given,
                        (long) curves.nValues().size() * curves.runs() * curves.episodes(), cap, cap);
            }
            out.flush();
            return 0;
        }
    }

    /** What the picture of Figure 8.3 shows, on any maze. */
    private static final String FIGURE_83_KEY = "(arrows where one action is strictly best; no arrow: all four action "
            + "values equal; black square: the agent)";

    /** The caption of Figure 8.3, in our words. */
    public static final String FIGURE_83_CAPTION = "Greedy policies halfway through episode 2 " + FIGURE_83_KEY
            + ". Without planning (n = 0) only the last step before G has been learned, so there is one arrow. With "
            + "planning (n = 50) the single reward found in episode 1 has been spread through the model, and the "
            + "arrows reach almost back to S.";

    @Command(name = "8.3", mixinStandardHelpOptions = true,
            description = {"Figure 8.3: the greedy policies of Dyna-Q with n = 0 and n = 50 halfway through episode 2 "
                    + "on the Dyna-maze (the animated agents of the app with the same seed).",
                "Writes DIR/figure-8.3.png and DIR/figure-8.3.csv (n,row,col,action; action = up, down, left, right "
                    + "where one action is strictly best, none otherwise; every free cell but G). An episode that has "
                    + "not reached the goal after 1,000,000 steps is given up there."})
    static final class Figure83 implements Callable<Integer> {

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "output folder, created if missing (default: the current folder)")
        Path out;

        @Option(names = "--maze", paramLabel = "FILE", description = "maze file (default: the bundled Dyna-maze)")
        Path mazeFile;

        @picocli.CommandLine.Mixin
        CommandSupport.Budgeted budget;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Outputs files = Outputs.inFolder("figure 8.3", "--out", out, "figure-8.3.csv", "figure-8.3.png");
            CommandSupport.requireNotEmpty("figure 8.3", "--maze", mazeFile, MAZE_HINT);
            Maze maze = loadMaze(mazeFile);
            MazeDynamics world = new MazeDynamics(maze.layout());
            LearningCurveSpec seeds = LearningCurveSpec.figure82(maze, 1, 1, seed);
            StringBuilder csv = new StringBuilder("n,row,col,action\n");
            java.util.List<PolicyPicture.Panel> panels = new java.util.ArrayList<>();
            PrintWriter out = spec.commandLine().getOut();
            budget.check(mbrllab.core.dyna.Figure83.cost(maze.layout(), java.util.List.of(0, 50),
                    LearningCurveSpec.DEFAULT_MAX_STEPS), "use a smaller --maze");
            java.util.List<mbrllab.core.dyna.Figure83.Moment> moments = new java.util.ArrayList<>();
            try (Progress progress = Progress.start(spec, 2, "agents (n = 0 and n = 50)")) {
                for (int n : new int[] {0, 50}) {
                    moments.add(mbrllab.core.dyna.Figure83.run(DynaParams.defaults().withN(n), world,
                            seeds.realSeed(0), seeds.planSeed(0), LearningCurveSpec.DEFAULT_MAX_STEPS));
                    progress.advance();
                }
            }
            for (mbrllab.core.dyna.Figure83.Moment m : moments) {
                int n = m.agent().params().n();
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
                if (m.episode1Steps() >= LearningCurveSpec.DEFAULT_MAX_STEPS) {
                    out.printf(java.util.Locale.ROOT, "note: n = %d did not reach the goal within %,d steps in "
                            + "episode 1; it was given up there%n", n, LearningCurveSpec.DEFAULT_MAX_STEPS);
                }
            }
            Path csvFile = files.file("figure-8.3.csv");
            Path pngFile = files.file("figure-8.3.png");
            // the book's reading holds for the Dyna-maze; on another maze only what the picture shows
            String caption = mazeFile == null ? FIGURE_83_CAPTION : "Greedy policies halfway through episode 2 on "
                    + maze.name() + " " + FIGURE_83_KEY + ".";
            files.csv(csvFile, csv.toString()).png(pngFile, PolicyPicture.render(panels, caption, 56))
                    .commit();
            out.println("wrote " + csvFile + " and " + pngFile);
            out.flush();
            return 0;
        }
    }

    /** Figures 8.4 and 8.5: Dyna-Q against Dyna-Q+ on a changing maze. */
    abstract static class ChangingMazeFigure implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        CommandSupport.RunOptions common;

        @Option(names = "--steps", paramLabel = "T",
                description = "time steps per run, 1..1000000 (default: the book's)")
        Integer steps;

        @Option(names = "--maze", paramLabel = "FILE",
                description = "maze file (default: the bundled maze of the figure)")
        Path mazeFile;

        @Option(names = "--n", paramLabel = "N",
                description = "planning updates per real step, 0..1000000 (default: the book's)")
        Integer n;

        @Option(names = "--alpha", paramLabel = "A", description = "step size in (0, 1] (default: 1.0)")
        Double alpha;

        @Option(names = "--kappa", paramLabel = "K",
                description = "Dyna-Q+'s bonus weight in [0, 1] (default: the book's)")
        Double kappa;

        @Option(names = "--slip", paramLabel = "P", defaultValue = "0",
                description = "slip probability in [0, 1]: the chosen action is replaced by a random one (default: 0)")
        double slip;

        @picocli.CommandLine.Mixin
        CommandSupport.Budgeted budget;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract String number();

        abstract String bundledMaze();

        abstract CumulativeRewardSpec bookSpec(Maze maze, int runs, long seed);

        @Override
        public Integer call() {
            String name = "figure " + number();
            Outputs files = Outputs.inFolder(name, "--out", common.out, "figure-" + number() + ".csv",
                    "figure-" + number() + ".png");
            CommandSupport.requireNotEmpty(name, "--maze", mazeFile, MAZE_HINT);
            Maze maze = loadMaze(mazeFile, bundledMaze());
            CumulativeRewardSpec experiment;
            try {
                experiment = customise(bookSpec(maze, common.runs, common.seed));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(name + ": " + optionNames(e.getMessage()));
            }
            budget.check(experiment.cost(common.workers()), "lower --runs, --steps or --n");
            ExecutorService pool = common.pool();
            CumulativeRewards rewards;
            try (Progress progress = Progress.start(spec, experiment.runs(), "runs")) {
                rewards = CumulativeRewardExperiment.run(experiment, pool, progress.observer());
            } finally {
                pool.shutdownNow();
            }
            Path csv = files.file("figure-" + number() + ".csv");
            Path png = files.file("figure-" + number() + ".png");
            files.csv(csv, rewards.toCsv());
            AgentSpec plus = experiment.agents().get(1);
            JFreeChart chart = CumulativeRewardChart.create("Dyna-Q and Dyna-Q+ on the " + maze.name() + " (Figure "
                    + number() + ")", CumulativeRewardChart.dataset(rewards, 1), rewards.changeStep(), 1.0);
            chart.addSubtitle(new TextTitle(String.format(java.util.Locale.ROOT, "mean of %d runs with 95%% confidence "
                    + "band, seed %d; alpha %s, n %d, kappa %s, epsilon %s, gamma %s%s", rewards.runs(), common.seed,
                    plus.params().alpha(), plus.params().n(), plus.kappa(), plus.params().epsilon(),
                    plus.params().gamma(), experiment.slip() > 0 ? ", slip " + experiment.slip() : "")));
            files.png(png, chart, 900, 560).commit();
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + csv + " and " + png);
            int change = (int) rewards.changeStep();
            for (int i = 0; i < rewards.agentCount(); i++) {
                if (change > 0 && change <= rewards.steps()) {
                    out.printf(java.util.Locale.ROOT,
                            "%-8s cumulative reward after %d steps (the change): %7.2f +- %.2f;"
                            + " after %d steps: %7.2f +- %.2f (mean +- standard error over %d runs)%n",
                            rewards.labels().get(i), change, rewards.mean(i, change), rewards.standardError(i, change),
                            rewards.steps(), rewards.finalMean(i), rewards.finalStandardError(i), rewards.runs());
                } else {
                    out.printf(java.util.Locale.ROOT, "%-8s cumulative reward after %d steps: %7.2f +- %.2f (mean +- "
                            + "standard error over %d runs)%n", rewards.labels().get(i), rewards.steps(),
                            rewards.finalMean(i), rewards.finalStandardError(i), rewards.runs());
                }
            }
            out.flush();
            return 0;
        }

        private CumulativeRewardSpec customise(CumulativeRewardSpec book) {
            java.util.List<AgentSpec> agents = new java.util.ArrayList<>();
            for (AgentSpec agent : book.agents()) {
                DynaParams params = agent.params();
                if (n != null) {
                    params = params.withN(n);
                }
                if (alpha != null) {
                    params = params.withAlpha(alpha);
                }
                agents.add(new AgentSpec(agent.kind(), params, kappa != null && agent.kind() == AgentKind.DYNA_Q_PLUS
                        ? kappa : agent.kappa(), agent.theta()));
            }
            return new CumulativeRewardSpec(book.maze(), agents, book.runs(), steps == null ? book.steps() : steps,
                    book.seed(), slip);
        }
    }

    /** Turns field names of the core's messages into option names. */
    static String optionNames(String message) {
        for (String field : new String[] {"runs", "steps", "n", "alpha", "kappa", "slip", "theta"}) {
            if (message.startsWith(field + " must")) {
                return "--" + message;
            }
        }
        return message;
    }

    @Command(name = "8.4", mixinStandardHelpOptions = true,
            description = {"Figure 8.4: cumulative reward of Dyna-Q and Dyna-Q+ on the blocking maze, whose short way "
                    + "closes after 1000 steps (alpha 1.0, n 10, kappa 1e-4, epsilon 0.1, gamma 0.95, 3000 steps).",
                "Writes DIR/figure-8.4.csv (step,dynaq_mean,dynaq_se,dynaqplus_mean,dynaqplus_se: cumulative reward "
                    + "after each step; se = standard error over runs) and DIR/figure-8.4.png."})
    static final class Figure84 extends ChangingMazeFigure {

        @Override
        String number() {
            return "8.4";
        }

        @Override
        String bundledMaze() {
            return BundledMazes.BLOCKING_MAZE;
        }

        @Override
        CumulativeRewardSpec bookSpec(Maze maze, int runs, long seed) {
            return CumulativeRewardSpec.figure84(maze, runs, seed);
        }
    }

    @Command(name = "8.5", mixinStandardHelpOptions = true,
            description = {"Figure 8.5: cumulative reward of Dyna-Q and Dyna-Q+ on the shortcut maze, where a shortcut "
                    + "opens after 3000 steps (alpha 1.0, n 50, kappa 1e-3, epsilon 0.1, gamma 0.95, 6000 steps).",
                "Writes DIR/figure-8.5.csv (step,dynaq_mean,dynaq_se,dynaqplus_mean,dynaqplus_se: cumulative reward "
                    + "after each step; se = standard error over runs) and DIR/figure-8.5.png."})
    static final class Figure85 extends ChangingMazeFigure {

        @Override
        String number() {
            return "8.5";
        }

        @Override
        String bundledMaze() {
            return BundledMazes.SHORTCUT_MAZE;
        }

        @Override
        CumulativeRewardSpec bookSpec(Maze maze, int runs, long seed) {
            return CumulativeRewardSpec.figure85(maze, runs, seed);
        }
    }

    @Command(name = "example-8.4", mixinStandardHelpOptions = true,
            description = {"Example 8.4: updates until an optimal solution against maze size, Dyna-Q against "
                    + "prioritized sweeping, on the Dyna-maze at 1x to 6x resolution (47 to 1692 states). Both make at "
                    + "most n = 5 planning updates per real step; alpha 0.5, gamma 0.95, epsilon 0.1, theta 1e-4.",
                "Optimal solution: at the end of an episode, every greedy policy (however ties are broken) leads from "
                    + "S to G in the shortest number of steps. Updates: Dyna-Q's real and planning updates, "
                    + "prioritized sweeping's queue updates.",
                "Writes DIR/example-8.4.csv (maze,states,dynaq_updates_mean,dynaq_updates_se,ps_updates_mean,"
                    + "ps_updates_se; over the runs that found an optimal policy, empty where none did) and "
                    + "DIR/example-8.4.png."})
    static final class Example84 implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        CommandSupport.RunOptions common;

        @Option(names = "--max-steps", paramLabel = "N", defaultValue = "2000000",
                description = "give a run up after N real steps without an optimal policy (reported as censored, left "
                        + "out of the means), 1..1000000000 (default: ${DEFAULT-VALUE})")
        long maxSteps;

        @picocli.CommandLine.Mixin
        CommandSupport.Budgeted budget;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Outputs files = Outputs.inFolder("figure example-8.4", "--out", common.out, "example-8.4.csv",
                    "example-8.4.png");
            UpdatesToOptimalSpec experiment;
            try {
                UpdatesToOptimalSpec book = UpdatesToOptimalSpec.example84(BundledMazes.example84Mazes(), common.runs,
                        common.seed);
                experiment = new UpdatesToOptimalSpec(book.mazes(), book.agents(), book.runs(), book.seed(), maxSteps);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("figure example-8.4: " + optionNames(e.getMessage())
                        .replace("maxRealSteps must", "--max-steps must"));
            }
            budget.check(experiment.cost(common.workers()), "lower --runs or --max-steps");
            ExecutorService pool = common.pool();
            UpdatesToOptimal result;
            try (Progress progress = Progress.start(spec, (long) experiment.runs() * experiment.mazes().size(),
                    "maze runs")) {
                result = UpdatesToOptimalExperiment.run(experiment, pool, progress.observer());
            } finally {
                pool.shutdownNow();
            }
            Path csv = files.file("example-8.4.csv");
            Path png = files.file("example-8.4.png");
            files.csv(csv, result.toCsv());
            JFreeChart chart = UpdatesToOptimalChart.create("Updates until an optimal solution (Example 8.4)",
                    UpdatesToOptimalChart.dataset(result), 1.0);
            chart.addSubtitle(new TextTitle("mean of " + result.runs() + " runs per size with 95% confidence "
                    + "intervals, seed " + common.seed + "; n = 5, alpha 0.5, theta 1e-4"
                    + (result.censoredTotal() > 0 ? "; " + result.censoredTotal() + " runs without an optimal policy "
                    + "after " + maxSteps + " steps left out" : "")));
            files.png(png, chart, 900, 560).commit();
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + csv + " and " + png);
            out.println("updates until optimal, mean +- standard error over the runs that found an optimal policy:");
            for (int m = 0; m < result.states().size(); m++) {
                out.printf(java.util.Locale.ROOT, "%-13s %5d states:", result.mazeNames().get(m),
                        result.states().get(m));
                for (int a = 0; a < result.labels().size(); a++) {
                    if (result.censored(m, a) == result.runs()) {
                        out.printf(java.util.Locale.ROOT, "  %s: no run found an optimal policy within %d steps",
                                result.labels().get(a), maxSteps);
                        continue;
                    }
                    out.printf(java.util.Locale.ROOT, "  %s %10.0f +- %8.0f%s", result.labels().get(a),
                            result.mean(m, a), result.standardError(m, a), result.censored(m, a) > 0
                                    ? " (" + result.censored(m, a) + " of " + result.runs() + " censored)" : "");
                }
                out.println();
            }
            out.flush();
            return 0;
        }
    }
}
