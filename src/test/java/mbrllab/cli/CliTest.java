package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CliTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void figure82WritesTheCsvAndPngReproducibly(@TempDir Path dir) throws Exception {
        Result r = run("figure", "8.2", "--runs", "20", "--episodes", "15", "--seed", "7", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("figure-8.2.csv"));
        assertEquals("episode,n0_mean,n0_se,n5_mean,n5_se,n50_mean,n50_se", lines.get(0));
        assertEquals(16, lines.size());
        assertTrue(lines.get(1).startsWith("1,"));
        assertTrue(lines.get(15).startsWith("15,"));
        String[] first = lines.get(1).split(",");
        assertEquals(first[1], first[3], "episode 1 is the same for every n (common random numbers)");
        assertEquals(first[1], first[5]);
        var png = ImageIO.read(dir.resolve("figure-8.2.png").toFile());
        assertEquals(900, png.getWidth());
        assertTrue(r.out().matches("(?s).*n = 50 +episode 1: +[0-9.]+ +episode 2: +[0-9.]+ +episode 15: +[0-9.]+ "
                + "steps\n.*"), r.out());

        Result one = run("figure", "8.2", "--runs", "1", "--episodes", "1", "--out", dir.resolve("one").toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().matches("(?s).*n = 0 +episode 1: +[0-9.]+ steps\n.*"), "only the episode there is: "
                + one.out());

        Path again = dir.resolve("again");
        assertEquals(0, run("figure", "8.2", "--runs", "20", "--episodes", "15", "--seed", "7", "--threads", "1",
                "--out", again.toString()).code());
        assertEquals(Files.readString(dir.resolve("figure-8.2.csv")), Files.readString(again.resolve("figure-8.2.csv")),
                "same seed, same bits, whatever the number of threads");
    }

    @Test
    void figure83WritesTheGreedyActionOfEveryFreeCellForBothN(@TempDir Path dir) throws Exception {
        Result r = run("figure", "8.3", "--seed", "3", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("figure-8.3.csv"));
        assertEquals("n,row,col,action", lines.get(0));
        assertEquals(1 + 2 * 46, lines.size(), "46 free cells besides G, for n = 0 and n = 50");
        long n0Arrows = lines.stream().filter(l -> l.startsWith("0,") && !l.endsWith(",none")).count();
        long n50Arrows = lines.stream().filter(l -> l.startsWith("50,") && !l.endsWith(",none")).count();
        assertTrue(n0Arrows <= 2, "n = 0 arrows: " + n0Arrows);
        assertTrue(n50Arrows > n0Arrows + 5, "n = 50 arrows: " + n50Arrows);
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("(0|50),\\d,\\d,(up|down|left|right|none)"), line);
        }
        assertTrue(ImageIO.read(dir.resolve("figure-8.3.png").toFile()).getWidth() > 500);
    }

    @Test
    void mazeCheckSummarisesAGoodFileAndLocatesTheProblemInABadOne(@TempDir Path dir) throws Exception {
        Result good = run("maze", "check", "mazes/dyna-maze.maze");
        assertEquals(0, good.code(), good.err());
        assertEquals("mazes/dyna-maze.maze: ok: \"Dyna-maze\", 6x9, 47 free states, start (2,0), goal (0,8), "
                + "shortest path 14", good.out().strip());

        Path bad = dir.resolve("bad.maze");
        Files.writeString(bad, "name: two goals\nS..G\n...G\n");
        Result r = run("maze", "check", bad.toString());
        assertEquals(2, r.code());
        assertEquals(bad + ":3:4: second goal 'G' (the first is at line 2, column 4); a maze has exactly one G",
                r.err().strip());

        Result missing = run("maze", "check", dir.resolve("nope.maze").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.maze:1:1: no such file"), missing.err());
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        for (String[] args : new String[][] {
            {"figure", "8.2", "--runs", "zero"},
            {"figure", "8.2", "--runs", "0"},
            {"figure", "8.2", "--episodes", "-3"},
            {"figure", "9.9"},
            {"maze", "check"},
            {"bench", "--seconds", "1000"},
            {"nonsense"},
            {"screenshot", "--out", "x.png", "--size", "big"},
            {"screenshot", "--out", "x.txt"},
            {"screenshot", "--out", "x.png", "--lab", "pendulum"},
        }) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line for " + String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void anUnknownCommandNamesTheCommands() {
        Result r = run("accelerat", "--runs", "3");
        assertEquals(2, r.code(), r.err());
        assertEquals("mbrl-lab: unknown command 'accelerat'; the commands are figure, maze, cartpole, models, pets,"
                + " accelerate, pilco, bench, screenshot (try 'mbrl-lab --help')", r.err().strip());
        Result sub = run("models", "fitt");
        assertEquals(2, sub.code(), sub.err());
        assertTrue(sub.err().startsWith("mbrl-lab models: unknown command 'fitt'; the commands are fit, rollout"),
                sub.err());
    }

    @Test
    void theScreenshotCommandNamesItsLabs() {
        Result r = run("screenshot", "--out", "x.png", "--lab", "pendulum");
        assertEquals(2, r.code());
        assertEquals("screenshot: unknown --lab 'pendulum'; labs: " + String.join(", ", ScreenshotCommand.LABS),
                r.err().strip());
        assertTrue(ScreenshotCommand.LABS.contains("cart-pole"));
        Result help = run("screenshot", "--help");
        for (String lab : ScreenshotCommand.LABS) {
            assertTrue(help.out().contains(lab), "the help names " + lab + ": " + help.out());
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"figure", "--help"}, {"figure", "8.2", "--help"},
            {"figure", "8.3", "--help"}, {"maze", "check", "--help"}, {"bench", "--help"}, {"screenshot", "--help"}}) {
            Result r = run(args);
            assertEquals(0, r.code(), String.join(" ", args));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
    }

    @Test
    void benchPrintsNameValueUnitLines() {
        Result r = run("bench", "--seconds", "0.1");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertTrue(lines.size() >= 5, r.out());
        for (String line : lines) {
            String[] parts = line.split(" ");
            assertEquals(3, parts.length, line);
            assertTrue(Double.parseDouble(parts[1]) > 0, line);
        }
        assertTrue(r.out().contains("dynaq_updates_per_second "), r.out());
        assertTrue(r.out().contains("figure82_100runs_wall_ms "), r.out());
    }

    /** The --help text of each option with a choice lists every key of that choice (the keys of the sessions too). */
    @Test
    void helpListsEveryKeyOfEachChoice() {
        record Choice(String command, String subcommand, String option, Class<? extends Enum<?>> type) {
        }
        for (Choice c : List.of(
                new Choice("cartpole", "learn", "--agent", mbrllab.core.cartpole.BoxesAgentKind.class),
                new Choice("cartpole", "learn", "--model", mbrllab.core.cartpole.BoxModelKind.class),
                new Choice("cartpole", "rollout", "--system", mbrllab.app.cartpole.CartSystem.class),
                new Choice("models", "fit", "--model", mbrllab.core.models.ModelKind.class),
                new Choice("models", "rollout", "--model", mbrllab.core.models.ModelKind.class),
                new Choice("models", "rollout", "--method", mbrllab.core.models.dynamics.PredictionMethod.class))) {
            String help = String.join(" ", Cli.commandLine().getSubcommands().get(c.command()).getSubcommands()
                    .get(c.subcommand()).getCommandSpec().findOption(c.option()).description());
            for (Enum<?> e : c.type().getEnumConstants()) {
                String key = ((mbrllab.core.Keyed) e).key();
                assertTrue(java.util.regex.Pattern.compile("(^|[ (])" + java.util.regex.Pattern.quote(key)
                        + "([ ),]|$)").matcher(help).find(), c + " lists " + key + ": " + help);
            }
        }
    }

    /**
     * An output that would replace one of the command's own inputs, or one of its other outputs, is refused before any
     * work, and the input is left as it was (models fit --out TRAIN.csv replaced the training data).
     */
    @Test
    void anOutputThatWouldReplaceAnInputOrAnotherOutputIsRefused(@TempDir Path dir) throws Exception {
        Path forces = Files.writeString(dir.resolve("forces.txt"), "1\n-1\n");
        Result r = run("cartpole", "rollout", "--system", "balance", "--forces", forces.toString(), "--out",
                dir.resolve(".").resolve("forces.txt").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("is the --forces file; writing there would replace it"), r.err());
        assertEquals("1\n-1\n", Files.readString(forces));

        Path train = Files.writeString(dir.resolve("train.csv"), "x1,y\n0,0\n1,1\n2,4\n");
        Path query = Files.writeString(dir.resolve("query.csv"), "x1\n0.5\n");
        for (Path out : new Path[] {train, query}) {
            r = run("models", "fit", "--model", "gp", "--train", train.toString(), "--query", query.toString(),
                    "--out", out.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("models fit: --out " + out + " is the --"), r.err());
        }
        assertEquals("x1,y\n0,0\n1,1\n2,4\n", Files.readString(train));

        for (String name : new String[] {"pilco.csv", "pilco.png", "pilco-trial-2.csv"}) {
            r = run("pilco", "--trials", "2", "--horizon", "10", "--out", dir.toString(), "--record",
                    dir.resolve(name).toString());
            assertEquals(2, r.code(), name + ": " + r.err());
            assertTrue(r.err().contains("is one of the files written into"), r.err());
        }
        assertTrue(!Files.exists(dir.resolve("pilco.csv")), "nothing written");
    }

    /**
     * A maze whose first episode takes a random walk of millions of steps (a snake of 2,000 cells): the episode is
     * given up at the cap of 1,000,000 steps, and the console says so (it counted as 1,000,000 without a word).
     */
    @Test
    void episodesGivenUpAtTheCapAreCounted(@TempDir Path dir) throws Exception {
        StringBuilder maze = new StringBuilder("name: snake\n");
        int width = 100;
        int corridors = 21;
        for (int c = 0; c < corridors; c++) {
            String corridor = ".".repeat(width);
            if (c == 0) {
                corridor = "S" + corridor.substring(1);
            }
            if (c == corridors - 1) {
                corridor = c % 2 == 0 ? corridor.substring(0, width - 1) + "G" : "G" + corridor.substring(1);
            }
            maze.append(corridor).append('\n');
            if (c < corridors - 1) {
                String wall = "#".repeat(width - 1);
                maze.append(c % 2 == 0 ? wall + "." : "." + wall).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("snake.maze"), maze.toString());
        Result r = run("figure", "8.2", "--runs", "1", "--episodes", "1", "--maze", file.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("episodes did not reach the goal within 1,000,000 steps; they were given up "
                + "there and count as 1,000,000 steps"), r.out());
    }

    /** Word choices take any case in every command, as --model GP and --agent Random did (--system Balance did not). */
    @Test
    void wordChoicesTakeAnyCase(@TempDir Path dir) throws Exception {
        Path forces = Files.writeString(dir.resolve("f.txt"), "1\n");
        Result r = run("cartpole", "rollout", "--system", "Balance", "--forces", forces.toString(), "--out",
                dir.resolve("t.csv").toString());
        assertEquals(0, r.code(), r.err());
        PetsCommand pets = new PetsCommand();
        new CommandLine(pets).parseArgs("--task", "Balance", "--planner", "CEM", "--model", "True", "--propagation",
                "MEAN", "--episodes", "2", "--seed", "1", "--out", dir.toString());
        var spec = pets.parse();
        assertEquals(mbrllab.core.planning.PlannerKind.CEM, spec.planner().planner());
        assertEquals(mbrllab.core.planning.Propagation.MEAN, spec.planner().propagation());
    }
}
