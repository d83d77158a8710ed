package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import mbrllab.charts.PilcoCostChart;
import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.pilco.PilcoLearner;
import mbrllab.core.pilco.PilcoObserver;
import mbrllab.core.pilco.PilcoSettings;
import mbrllab.core.pilco.Propagation;
import mbrllab.core.pilco.TrialResult;
import mbrllab.io.PilcoRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pilco}: PILCO learns the cart-pole swing-up, headless; per-trial costs and every trial's true trajectory. */
@Command(name = "pilco", mixinStandardHelpOptions = true,
        description = {"PILCO (Deisenroth and Rasmussen 2011) on the cart-pole swing-up: one trial of random forces, "
                + "then per trial: train 4 GPs on all data, optimise the RBF policy on the model (moment matching, "
                + "exact gradient, pilco-matlab's BFGS), apply it for the horizon on the real system, add the data.",
            "Task: PILCO's cart-pole (0.1 s per step, start N(0, 0.1^2 I), observation noise 0.01), cost "
                + "1 - exp(-d^2 / (2 * 0.25^2)) of the pole tip's distance d from upright, success = d < 0.1 m at "
                + "every state of the last second.",
            "Writes DIR/pilco.csv (trial,predicted_cost,predicted_cost_sd,actual_cost,success,experience_s,wall_s: "
                + "costs summed over the H states after the start; predicted columns empty for the random trial 1; "
                + "predicted_cost_sd = sqrt of the summed per-step variances; success 0/1; experience_s and wall_s "
                + "cumulative), DIR/pilco.png, and DIR/pilco-trial-K.csv for every trial K: the true states and forces "
                + "in the format of 'cartpole rollout' (t,x,x_dot,theta,theta_dot,force; force empty on the last row).",
            "The same seed gives the same files to the bit (wall_s aside), whatever the number of threads."})
final class PilcoCommand implements Callable<Integer> {

    @Option(names = "--trials", paramLabel = "T", defaultValue = "8",
            description = "trials including the random first one, 1..100, at most 3000 / H (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "master seed; the same seed gives the same files bit for bit (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "output folder, created if missing (default: the current folder)")
    Path out;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "40",
            description = "control steps of 0.1 s per trial (optimised over and applied), 10..200 (default: "
                    + "${DEFAULT-VALUE}); the success window stays the last second")
    int horizon;

    @Option(names = "--centres", paramLabel = "K", defaultValue = "10",
            description = "RBF centres of the policy, 1..100 (default: ${DEFAULT-VALUE})")
    int centres;

    @Option(names = "--propagation", paramLabel = "P", defaultValue = "moment",
            description = "moment (PILCO: propagate the Gaussian state through the GPs) or mean (the GP mean only, "
                    + "no uncertainty) (default: ${DEFAULT-VALUE})")
    String propagation;

    @Option(names = "--evaluations", paramLabel = "E", defaultValue = "150",
            description = "evaluations of the expected cost and its gradient per policy optimisation, 1..100000 "
                    + "(default: ${DEFAULT-VALUE})")
    int evaluations;

    @Option(names = "--explore", paramLabel = "B", defaultValue = "0",
            description = "pilco-matlab's exploration parameter (cost.expl): the policy search minimises the sum of "
                    + "E[c] + B sd[c] over the steps; B < 0 seeks states whose cost is uncertain, -10..10 "
                    + "(default: ${DEFAULT-VALUE}, pilco-matlab's cartPole)")
    double explore;

    @Option(names = "--record", paramLabel = "FILE",
            description = "also write the run as the PILCO lab replays it (true states, forces, policies, predicted "
                    + "state and cost distributions; JSON, documented in mbrllab.io.PilcoRecording)")
    Path record;

    @Option(names = "--verbose", description = "also print the policy search's progress and the GPs' hyperparameters")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: one per core); the result does not depend on it")
    Integer threads;

    @picocli.CommandLine.Mixin
    CommandSupport.Budgeted budget;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PilcoSettings settings = settings();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new UserInputException("pilco: --threads must be in 1..1024, got " + t);
        }
        Outputs.inFolder("pilco", "--out", out); // the targets checked before the work
        if (record != null) {
            Outputs.toFile("pilco", "--record", record);
            Outputs.requireNotOurs("pilco", "--record", record, out,
                    name -> name.matches("pilco\\.csv|pilco\\.png|pilco-trial-[0-9]+\\.csv"),
                    "pilco.csv, pilco.png, pilco-trial-K.csv");
        }
        budget.check(settings.cost(trials, t), "lower --trials, --evaluations or --horizon");
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "PILCO: %d trials of %d steps, %d centres, %s propagation, at most %d evaluations "
                + "per optimisation%s, seed %d, %d threads%n", trials, horizon, centres, settings.propagation().label(),
                evaluations, explore == 0 ? "" : String.format(Locale.ROOT, ", exploration %s", explore), seed, t);
        console.flush();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread thread = new Thread(r, "pilco-worker");
            thread.setDaemon(true);
            return thread;
        });
        List<TrialResult> results = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        long start = System.nanoTime();
        try (Progress progress = Progress.start(spec, trials, "trials")) {
            PilcoLearner learner = new PilcoLearner(settings, seed);
            PilcoObserver printer = verbose ? progress(progress, console) : PilcoObserver.NONE;
            PilcoObserver observer = new PilcoObserver() {
                @Override
                public void phase(int trial, Phase phase) {
                    if (phase == Phase.TRAINING_DYNAMICS) {
                        progress.phase("trial " + trial + ": training the GPs");
                    }
                }

                @Override
                public void evaluation(int trial, int evaluation, double cost, double best) {
                    progress.phase("trial " + trial + ": policy search, evaluation " + evaluation + " of "
                            + evaluations);
                    printer.evaluation(trial, evaluation, cost, best);
                }
            };
            for (int k = 1; k <= trials; k++) {
                TrialResult r = learner.nextTrial(pool, observer);
                if (verbose && !r.isRandom()) {
                    progress.print(console, details(r) + System.lineSeparator());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                results.add(r);
                wall.add(seconds);
                progress.print(console, summary(r, seconds) + System.lineSeparator());
                progress.phase(""); // the trial's phases are over
                progress.advance();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> written = write(out, settings, seed, results, wall, record);
        console.println("wrote " + written.get(0) + ", " + written.get(1) + " and " + results.size()
                + " trial trajectories");
        if (record != null) {
            console.println("wrote " + record);
        }
        console.flush();
        return 0;
    }

    /** The settings from the options, or a one-line error (exit 2). */
    PilcoSettings settings() {
        if (trials < 1 || trials > 100) {
            throw new UserInputException("pilco: --trials must be in 1..100, got " + trials);
        }
        if (horizon < 10 || horizon > 200) {
            throw new UserInputException("pilco: --horizon must be in 10..200, got " + horizon);
        }
        if ((long) trials * horizon > 3000) {
            throw new UserInputException("pilco: --trials x --horizon must be at most 3000 (the GPs' data), got "
                    + trials + " x " + horizon);
        }
        if (centres < 1 || centres > 100) {
            throw new UserInputException("pilco: --centres must be in 1..100, got " + centres);
        }
        if (evaluations < 1 || evaluations > 100_000) {
            throw new UserInputException("pilco: --evaluations must be in 1..100000, got " + evaluations);
        }
        if (!(explore >= -10 && explore <= 10)) {
            throw new UserInputException("pilco: --explore must be in -10..10, got " + explore);
        }
        Propagation p;
        try {
            p = Propagation.fromLabel(propagation.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("pilco: --" + e.getMessage());
        }
        CommandSupport.refuseUnless(spec, p != Propagation.MEAN, "--explore", "with --propagation mean the state "
                + "keeps no covariance, so sd[c] is 0 and B changes nothing");
        return PilcoSettings.defaults().withHorizon(horizon).withCentres(centres).withMaxEvaluations(evaluations)
                .withPropagation(p).withExplore(explore);
    }

    /** Prints the expected cost at the first evaluation of each search and every 25th. */
    private static PilcoObserver progress(Progress progress, PrintWriter console) {
        return new PilcoObserver() {
            @Override
            public void evaluation(int trial, int evaluation, double cost, double best) {
                if (evaluation == 1 || evaluation % 25 == 0) {
                    progress.print(console, String.format(Locale.ROOT,
                            "  trial %d, evaluation %d: expected cost %.4f (best %.4f)%n", trial, evaluation, cost,
                            best));
                }
            }
        };
    }

    /** The search's end and the GPs' hyperparameters. */
    static String details(TrialResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  search: %d evaluations, %d iterations, %s, "
                + "expected cost %.4f%n", r.search().evaluations(), r.search().iterations(),
                r.search().termination(), r.search().value()));
        String[] names = {"dx", "dx'", "dtheta", "dtheta'"};
        for (int a = 0; a < 4; a++) {
            mbrllab.core.models.gp.SeHyperparameters h = r.hyperparameters()[a];
            sb.append(String.format(Locale.ROOT, "  GP %-7s l = [", names[a]));
            for (int j = 0; j < h.dim(); j++) {
                sb.append(String.format(Locale.ROOT, j == 0 ? "%.3g" : ", %.3g", h.lengthScale(j)));
            }
            sb.append(String.format(Locale.ROOT, "], sigma_f %.3g, sigma_n %.3g, SNR %.0f%n", h.signalStd(),
                    h.noiseStd(), h.signalStd() / h.noiseStd()));
        }
        return sb.toString().stripTrailing();
    }

    static String summary(TrialResult r, double wallSeconds) {
        String head = r.isRandom() ? String.format(Locale.ROOT, "trial %d (random forces):", r.trial())
                : String.format(Locale.ROOT, "trial %d: predicted cost %.2f +- %.2f (2 sd), %d evaluations;", r.trial(),
                        r.predictedCost(), 2 * r.predictedCostSd(), r.search().evaluations());
        return String.format(Locale.ROOT, "%s actual cost %.2f, %s; %s s of experience, %.1f s wall", head,
                r.actualCost(), r.success() ? "SUCCESS" : "no success", CartPoleCommand.brief(r.experienceSeconds()),
                wallSeconds);
    }

    /**
     * Writes every output file (the one place that writes, so that a shared atomic multi-file writer can take over):
     * pilco.csv, pilco.png, pilco-trial-K.csv.
     *
     * @return the paths written: the CSV, the PNG, then the trial files in order
     */
    static List<Path> write(Path dir, PilcoSettings settings, long seed, List<TrialResult> results, List<Double> wall) {
        return write(dir, settings, seed, results, wall, null);
    }

    /**
     * Writes every output file as one unit ({@link Outputs}): pilco.csv, pilco.png, pilco-trial-K.csv and, when
     * {@code record} is not null, the recording there; a failure leaves every earlier file as it was.
     *
     * @return the paths written: the CSV, the PNG, the trial files in order, then the recording if any
     */
    static List<Path> write(Path dir, PilcoSettings settings, long seed, List<TrialResult> results, List<Double> wall,
                            Path record) {
        Outputs files = Outputs.inFolder("pilco", "--out", dir);
        files.csv("pilco.csv", costsCsv(results, wall)).png("pilco.png", chart(settings, seed, results), 900, 560);
        for (TrialResult r : results) {
            files.csv("pilco-trial-" + r.trial() + ".csv",
                    trajectoryCsv(r.episode().truth(), settings.task().controlPeriod()));
        }
        if (record != null) {
            files.text(record, recording(settings, seed, results).toJson());
        }
        files.commit();
        return files.paths();
    }

    /** The run as the PILCO lab replays it ({@link PilcoRecording}). */
    static PilcoRecording recording(PilcoSettings settings, long seed, List<TrialResult> results) {
        List<PilcoRecording.Trial> trials = new ArrayList<>();
        for (TrialResult r : results) {
            trials.add(PilcoRecording.Trial.of(r));
        }
        return new PilcoRecording(seed, settings.horizon(), settings.centres(), settings.maxEvaluations(),
                settings.propagation().label(), settings.task().controlPeriod(), trials);
    }

    /** The header and one line per trial; numbers as {@link Double#toString} (wall_s with 3 decimals). */
    static String costsCsv(List<TrialResult> results, List<Double> wall) {
        StringBuilder sb = new StringBuilder(
                "trial,predicted_cost,predicted_cost_sd,actual_cost,success,experience_s,wall_s\n");
        for (int i = 0; i < results.size(); i++) {
            TrialResult r = results.get(i);
            sb.append(r.trial()).append(',');
            if (!r.isRandom()) {
                sb.append(r.predictedCost()).append(',').append(r.predictedCostSd());
            } else {
                sb.append(',');
            }
            sb.append(',').append(r.actualCost()).append(',').append(r.success() ? 1 : 0).append(',')
                    .append(Math.round(r.experienceSeconds() * 1e9) / 1e9).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", wall.get(i))).append('\n');
        }
        return sb.toString();
    }

    /**
     * The true trajectory in the format of {@code cartpole rollout}: {@code t,x,x_dot,theta,theta_dot,force}, one row
     * per control step from the start, the force applied during the following step (empty on the last row); numbers
     * as {@link Double#toString}, so re-simulating a row's state with its force gives the next row exactly.
     */
    static String trajectoryCsv(Trajectory truth, double dt) {
        StringBuilder sb = new StringBuilder("t,x,x_dot,theta,theta_dot,force\n");
        for (int t = 0; t <= truth.length(); t++) {
            sb.append(CartPoleCommand.fmt(Math.round(t * dt * 1e9) / 1e9));
            for (int i = 0; i < CartPoleState.DIMENSION; i++) {
                sb.append(',').append(CartPoleCommand.fmt(truth.state(t, i)));
            }
            sb.append(',');
            if (t < truth.length()) {
                sb.append(CartPoleCommand.fmt(truth.action(t)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static JFreeChart chart(PilcoSettings settings, long seed, List<TrialResult> results) {
        List<PilcoCostChart.Point> points = new ArrayList<>();
        for (TrialResult r : results) {
            points.add(new PilcoCostChart.Point(r.trial(), r.predictedCost(), r.predictedCostSd(), r.actualCost(),
                    r.success()));
        }
        JFreeChart chart = PilcoCostChart.create("PILCO on the cart-pole swing-up", points, settings.horizon());
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "seed %d; H = %d steps of 0.1 s, %d centres, %s "
                + "propagation, at most %d evaluations per trial", seed, settings.horizon(), settings.centres(),
                settings.propagation() == Propagation.MEAN ? "GP-mean" : "moment-matching",
                settings.maxEvaluations())));
        return chart;
    }
}
