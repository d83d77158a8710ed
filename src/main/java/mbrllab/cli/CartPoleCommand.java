package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.charts.LearningCurveChart;
import mbrllab.core.Keyed;
import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesAgentKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.cartpole.CartPoleEpisode;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.cartpole.CartPoleSystem;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.text.TextLines;
import mbrllab.io.NumericCsv;
import mbrllab.io.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cartpole rollout ...} and {@code cartpole learn ...}: the cart-pole lab, headless. */
@Command(name = "cartpole", mixinStandardHelpOptions = true,
        description = "The cart-pole: roll out a force sequence, or learn to balance on BOXES with Dyna-Q.",
        subcommands = {CartPoleCommand.Rollout.class, CartPoleCommand.Learn.class})
final class CartPoleCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: rollout or learn");
    }

    /** Largest number of forces a rollout accepts. */
    static final int MAX_FORCES = 1_000_000;

    /** Largest force file read: 32 MiB (a million forces of up to 32 characters). */
    static final int MAX_FORCES_BYTES = 32 * TextFiles.MIB;

    /**
     * Largest magnitude of a force or an initial state component: 1e100, so that the physics' squares stay finite in
     * double arithmetic.
     */
    static final double MAX_MAGNITUDE = NumericCsv.MAX_MAGNITUDE;

    /** A decimal number: digits with an optional point and exponent (no NaN, Infinity, hex or 'd'/'f' suffix). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    @Command(name = "rollout", mixinStandardHelpOptions = true,
            description = {"Apply one force per control step from FILE and write the trajectory as CSV.",
                "balance: Gymnasium's CartPole-v1 (theta 0 upright, Euler, tau 0.02 s); forces are used as given "
                    + "(Gymnasium's actions are -10 and +10 N); stops at termination (|theta| > 12 degrees or "
                    + "|x| > 2.4 m) or truncation (500 steps) and says at which step.",
                "swingup: PILCO's cart-pole (theta 0 hanging down, pi upright; force clipped to [-10, 10] N and "
                    + "held for 0.1 s, 10 Runge-Kutta steps); runs through all forces.",
                "FILE: one force in newtons per line; blank lines and lines starting with # are skipped.",
                "TRAJ.csv: t,x,x_dot,theta,theta_dot,force: one row per control step starting with the initial state; "
                    + "force is the force applied during the following step (after clipping), empty on the last row."})
    static final class Rollout implements Callable<Integer> {

        @Option(names = "--system", paramLabel = "SYSTEM", required = true, description = "balance or swingup")
        String system;

        @Option(names = "--init", paramLabel = "X,XDOT,THETA,THETADOT", defaultValue = "0,0,0,0",
                description = "initial state in m, m/s, rad, rad/s (default: ${DEFAULT-VALUE}: at rest, upright for "
                        + "balance, hanging for swingup)")
        String init;

        @Option(names = "--forces", paramLabel = "FILE", required = true, description = "one force [N] per line")
        Path forces;

        @Option(names = "--out", paramLabel = "TRAJ.csv", required = true, description = "the trajectory CSV to write")
        Path out;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CartPoleSystem sys = switch (system.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "balance" -> BalanceSystem.cartPoleV1();
                case "swingup" -> SwingUpSystem.pilco();
                default -> throw new UserInputException("cartpole rollout: --system must be balance or swingup, got '"
                        + system + "'");
            };
            Outputs files = Outputs.toFile("cartpole rollout", "--out", out);
            CommandSupport.requireNotEmpty("cartpole rollout", "--forces", forces, "name the force file");
            Outputs.requireNotInput("cartpole rollout", "--out", out, "--forces", forces);
            CartPoleState start = parseInit(init);
            double[] f = readForces(forces);
            PrintWriter console = spec.commandLine().getOut();
            // Balance stops at CartPole-v1's truncation; the swing-up applies every force given (no 4 s horizon).
            boolean balance = sys instanceof BalanceSystem;
            CartPoleEpisode episode = new CartPoleEpisode(sys, balance ? sys.maxSteps() : CartPoleEpisode.NO_LIMIT);
            episode.start(start.toArray());
            double[] s = episode.state();
            double dt = sys.controlPeriod();
            StringBuilder csv = new StringBuilder("t,x,x_dot,theta,theta_dot,force\n");
            int k = 0;
            int clipped = 0;
            while (!episode.isOver() && k < f.length) {
                double applied = sys.appliedForce(f[k]);
                if (applied != f[k]) {
                    clipped++;
                }
                row(csv, k, dt, s, applied);
                episode.step(applied);
                k++;
                requireFinite(s, k);
            }
            row(csv, k, dt, s, Double.NaN);
            String end = null;
            if (episode.terminated()) {
                end = k == 0 ? "the initial state is already terminated (" + why(sys, s) + "); nothing applied"
                        : "terminated at step " + k + " (" + why(sys, s) + ")";
            } else if (episode.truncated()) {
                end = "truncated at step " + k + " (CartPole-v1's limit)"
                        + (k < f.length ? "; " + (f.length - k) + " forces not applied" : "");
            }
            String summary;
            if (balance) {
                summary = "balance: " + (end != null ? end : "all " + k + " forces applied, not terminated");
            } else {
                String limit = brief(sys.maxForce());
                summary = "swingup: " + k + " steps of " + brief(dt) + " s"
                        + (clipped > 0 ? "; " + clipped + " of the forces clipped to [-" + limit + ", " + limit + "] N"
                        : "");
            }
            files.csv(out, csv.toString()).commit();
            console.println(summary);
            console.println("wrote " + out);
            console.flush();
            return 0;
        }

        /**
         * Refuses a state that has left double arithmetic (NaN or infinite), which huge initial values or forces
         * cause: nothing is written.
         */
        private void requireFinite(double[] s, int step) {
            for (int i = 0; i < s.length; i++) {
                if (!Double.isFinite(s[i])) {
                    throw new UserInputException("cartpole rollout: the state is no longer finite after step " + step
                            + " (" + new String[] {"x", "x_dot", "theta", "theta_dot"}[i] + " = " + s[i] + "): --init "
                            + TextLines.quote(init) + " or the forces of " + forces + " are too large for the physics; "
                            + "nothing was written");
                }
            }
        }

        /** Why a balance state is a failure: the cart off the track (told first), else the pole's angle. */
        private static String why(CartPoleSystem sys, double[] s) {
            if (!(sys instanceof BalanceSystem balance)) {
                throw new IllegalStateException("only the balance system terminates");
            }
            return balance.isOffTrack(s) ? "|x| > " + brief(balance.xThreshold()) + " m"
                    : "|theta| > " + brief(balance.thetaThresholdDegrees()) + " degrees";
        }

        private static void row(StringBuilder csv, int k, double dt, double[] s, double force) {
            csv.append(fmt(Math.round(k * dt * 1e9) / 1e9));
            for (int i = 0; i < CartPoleState.DIMENSION; i++) {
                csv.append(',').append(fmt(s[i]));
            }
            csv.append(',');
            if (!Double.isNaN(force)) {
                csv.append(fmt(force));
            }
            csv.append('\n');
        }
    }

    /** Shortest text that reads back as the same double ({@link Double#toString}). */
    static String fmt(double v) {
        return Double.toString(v);
    }

    /** A number for messages: whole numbers without ".0" (12, 2.4, 0.1). */
    static String brief(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static final String[] INIT_NAMES = {"X", "XDOT", "THETA", "THETADOT"};

    /** Parses X,XDOT,THETA,THETADOT, each of magnitude at most {@link #MAX_MAGNITUDE}. */
    static CartPoleState parseInit(String text) {
        String[] parts = text.split(",", -1);
        String usage = "cartpole rollout: --init needs four numbers X,XDOT,THETA,THETADOT, got "
                + TextLines.quote(text);
        if (parts.length != 4) {
            throw new UserInputException(usage);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i].trim();
            if (!NUMBER.matcher(p).matches()) {
                throw new UserInputException(usage);
            }
            v[i] = Double.parseDouble(p);
            if (!(Math.abs(v[i]) <= MAX_MAGNITUDE)) {
                throw new UserInputException("cartpole rollout: --init " + INIT_NAMES[i] + " = " + p + " is beyond the "
                        + "limit of 1e100 in magnitude (larger values overflow the physics)");
            }
        }
        return new CartPoleState(v[0], v[1], v[2], v[3]);
    }

    /**
     * Reads one force per line; blank lines and lines starting with # are skipped. The file is read by
     * {@link TextFiles} (at most {@link #MAX_FORCES_BYTES}); a bad line is reported as {@code FILE:LINE: reason}
     * (exit 2).
     */
    static double[] readForces(Path file) {
        TextLines text = CommandSupport.readText(file, MAX_FORCES_BYTES, "a force file");
        double[] forces = new double[Math.min(text.count(), MAX_FORCES)];
        int count = 0;
        for (int lineNo = 1; lineNo <= text.count(); lineNo++) {
            String line = text.line(lineNo).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!NUMBER.matcher(line).matches()) {
                throw new UserInputException(file + ":" + lineNo + ": expected a force in newtons (a decimal "
                        + "number), got " + TextLines.quote(line));
            }
            double value = Double.parseDouble(line);
            if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
                throw new UserInputException(file + ":" + lineNo + ": force " + TextLines.quote(line) + " is beyond "
                        + "the limit of 1e100 N in magnitude");
            }
            if (count >= MAX_FORCES) {
                throw new UserInputException(file + ":" + lineNo + ": more than " + MAX_FORCES + " forces");
            }
            forces[count++] = value;
        }
        if (count == 0) {
            throw new UserInputException(file + ": no forces (expected one force in newtons per line)");
        }
        return Arrays.copyOf(forces, count);
    }

    @Command(name = "learn", mixinStandardHelpOptions = true,
            description = {"Learning curves on the BOXES task (Barto, Sutton and Anderson 1983: 162 boxes, pushes of "
                    + "+-10 N, reward 0 per step and -1 on failure, CartPole-v1 physics, truncation at 500 steps).",
                "Writes DIR/cartpole-learn.csv (episode,n0_mean,n0_se,n5_mean,... or episode,random_mean,random_se; "
                    + "steps balanced per episode, se = standard error over runs) and DIR/cartpole-learn.png."})
    static final class Learn implements Callable<Integer> {

        @Mixin
        CommandSupport.RunOptions common;

        @Option(names = "--agent", paramLabel = "AGENT", defaultValue = "dynaq-boxes",
                description = "random or dynaq-boxes (default: ${DEFAULT-VALUE})")
        String agent;

        @Option(names = "--n", paramLabel = "N", split = ",", defaultValue = "0,5,50",
                description = "planning steps per real step, comma-separated, each 0..1000000 (default: "
                        + "${DEFAULT-VALUE}); not used by the random agent")
        List<Integer> nValues;

        @Option(names = "--model", paramLabel = "MODEL", defaultValue = "sample",
                description = "sample (every outcome with its count) or last (the latest outcome only) "
                        + "(default: ${DEFAULT-VALUE})")
        String model;

        @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.1",
                description = "step size in (0, 1] (default: ${DEFAULT-VALUE})")
        double alpha;

        @Option(names = "--epsilon", paramLabel = "E", defaultValue = "0.1",
                description = "exploration in [0, 1] (default: ${DEFAULT-VALUE})")
        double epsilon;

        @Option(names = "--gamma", paramLabel = "G", defaultValue = "0.99",
                description = "discount in [0, 1] (default: ${DEFAULT-VALUE})")
        double gamma;

        @Option(names = "--episodes", paramLabel = "E", defaultValue = "100",
                description = "episodes per run, 1..100000 (default: ${DEFAULT-VALUE})")
        int episodes;

        @Mixin
        CommandSupport.Budgeted budget;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Outputs files = Outputs.inFolder("cartpole learn", "--out", common.out, "cartpole-learn.csv",
                    "cartpole-learn.png");
            BoxesAgentKind agentKind = choice("--agent", BoxesAgentKind.class, agent);
            BoxModelKind modelKind = choice("--model", BoxModelKind.class, model);
            for (String option : new String[] {"--n", "--model", "--alpha", "--epsilon", "--gamma"}) {
                CommandSupport.refuseUnless(spec, agentKind != BoxesAgentKind.RANDOM, option,
                        "the random agent neither learns nor plans");
            }
            Set<Integer> distinct = new HashSet<>();
            for (int n : nValues) {
                if (!distinct.add(n)) {
                    throw new UserInputException("cartpole learn: --n lists " + n + " twice");
                }
            }
            BoxesLearningSpec experiment;
            try {
                BoxesDynaParams params = new BoxesDynaParams(alpha, gamma, epsilon, 0);
                experiment = new BoxesLearningSpec(BalanceSystem.cartPoleV1(), agentKind, params, modelKind, nValues,
                        common.runs, episodes, common.seed);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("cartpole learn: --" + e.getMessage()
                        .replace("each n must", "n: each must").replace("nValues must", "n must"));
            }
            budget.check(experiment.cost(common.workers()), "lower --runs, --episodes or --n");
            ExecutorService pool = common.pool();
            LearningCurves curves;
            try (Progress progress = Progress.start(spec, experiment.runs(), "runs")) {
                curves = BoxesLearningExperiment.run(experiment, pool, progress.observer());
            } finally {
                pool.shutdownNow();
            }
            List<String> names = experiment.curveNames();
            Path csv = files.file("cartpole-learn.csv");
            Path png = files.file("cartpole-learn.png");
            files.csv(csv, toCsv(curves, names)).png(png, chart(experiment, curves), 900, 560).commit();

            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + csv + " and " + png);
            TreeSet<Integer> shown = new TreeSet<>();
            for (int e : new int[] {1, 10, 50, 100, episodes}) {
                if (e <= episodes) {
                    shown.add(e);
                }
            }
            for (int i = 0; i < names.size(); i++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-7s", label(experiment, i)));
                for (int e : shown) {
                    line.append(String.format(Locale.ROOT, "  episode %d: %6.1f", e, curves.mean(i, e - 1)));
                }
                out.println(line.append("  steps (mean of ").append(curves.runs()).append(" runs)"));
            }
            out.flush();
            return 0;
        }
    }

    /** The {@code type} whose key is {@code value} (case ignored), or the message of {@code cartpole learn OPTION}. */
    private static <E extends Enum<E> & Keyed> E choice(String option, Class<E> type, String value) {
        try {
            return Keyed.fromKey(type, value);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cartpole learn: " + option + " must be " + Keyed.alternatives(type, "")
                    + ", got '" + value + "'");
        }
    }

    /** "n = 5" or "random". */
    static String label(BoxesLearningSpec spec, int curve) {
        return spec.agent() == BoxesAgentKind.RANDOM ? "random" : "n = " + spec.curveNs().get(curve);
    }

    /** Header {@code episode,NAME_mean,NAME_se,...}, then one line per episode from 1; numbers with six decimals. */
    static String toCsv(LearningCurves curves, List<String> names) {
        StringBuilder sb = new StringBuilder("episode");
        for (String name : names) {
            sb.append(',').append(name).append("_mean,").append(name).append("_se");
        }
        sb.append('\n');
        for (int e = 0; e < curves.episodes(); e++) {
            sb.append(e + 1);
            for (int i = 0; i < names.size(); i++) {
                sb.append(String.format(Locale.ROOT, ",%.6f,%.6f", curves.mean(i, e), curves.standardError(i, e)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static JFreeChart chart(BoxesLearningSpec spec, LearningCurves curves) {
        YIntervalSeriesCollection data = LearningCurveChart.dataset(curves, 1, spec.system().maxSteps());
        if (spec.agent() == BoxesAgentKind.RANDOM) {
            data.getSeries(0).setKey("random agent");
        }
        String title = spec.agent() == BoxesAgentKind.RANDOM ? "Random agent on the cart-pole"
                : "Dyna-Q on BOXES, " + spec.model().label();
        JFreeChart chart = LearningCurveChart.create(title, data, 0, false, 1.0);
        chart.getXYPlot().getRangeAxis().setLabel("Steps balanced per episode");
        String params = spec.agent() == BoxesAgentKind.RANDOM ? ""
                : String.format(Locale.ROOT, "; alpha %s, epsilon %s, gamma %s", brief(spec.params().alpha()),
                        brief(spec.params().epsilon()), brief(spec.params().gamma()));
        chart.addSubtitle(new TextTitle("mean of " + curves.runs() + " runs with 95% confidence band, seed "
                + spec.seed() + params + "; episodes truncated at " + spec.system().maxSteps() + " steps"));
        return chart;
    }

}
