package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import mbrllab.charts.CompoundingErrorChart;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.RegressionModel;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.models.dynamics.CompoundingError;
import mbrllab.core.models.dynamics.CompoundingErrorSpec;
import mbrllab.core.models.dynamics.DynamicsModels;
import mbrllab.core.models.dynamics.MultiStepPredictor;
import mbrllab.core.Keyed;
import mbrllab.core.models.dynamics.PredictionMethod;
import mbrllab.core.models.dynamics.RolloutSettings;
import mbrllab.core.models.dynamics.Trajectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code models rollout ...}: the compounding error of multi-step predictions on the swing-up cart-pole. */
@Command(name = "rollout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Collect K random-action episodes of PILCO's swing-up cart-pole (4 s = 40 steps each, start "
                + "near hanging, forces uniform in [-10, 10] N), fit a model of the state differences s' - s from "
                + "(s, u), and predict H steps ahead from held-out starts under their true forces.",
            "Writes DIR/models-rollout.csv with k,rmse,nll for k = 1..H and DIR/models-rollout.png (error and NLL "
                + "against k).",
            "rmse: root mean square error of the predicted mean over the held-out windows and the 4 state "
                + "components (m, m/s, rad, rad/s). nll: negative log-likelihood of the true state under the "
                + "predicted Gaussian (its mean and marginal variances, variances floored at 1e-9), summed over the "
                + "4 components and averaged over the windows.",
            "Methods: moment-matching (gp only; PILCO's exact moments, re-Gaussianised each step), ts1 (particles "
                + "that redraw the model every step: an ensemble member, or for the gp an independent draw of f "
                + "from its posterior marginal), tsinf (ensemble only: one member per particle for the whole "
                + "horizon). Aleatoric noise is propagated by every method (drawn by particles, added to the "
                + "covariance by moment matching)."})
final class ModelsRollout implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "gp|ensemble",
            converter = ModelsCommand.ModelKindConverter.class, description = "gp or ensemble")
    ModelKind model;

    @Option(names = "--method", required = true, paramLabel = "METHOD",
            description = "moment-matching (gp), ts1 (gp or ensemble) or tsinf (ensemble)")
    String method;

    @Option(names = "--episodes", paramLabel = "K", defaultValue = "10",
            description = "training episodes of 40 steps, 1..75 for the gp (3,000 transitions at most), 1..1000 "
                    + "for the ensemble (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--horizon", paramLabel = "H", defaultValue = "20",
            description = "steps predicted ahead, 1..40 (default: ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of everything (data, held-out starts, fit, particles); the same seed gives the same "
                    + "files bit for bit (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder, created if missing")
    Path out;

    @Option(names = "--test-episodes", paramLabel = "N", defaultValue = "10",
            description = "held-out episodes, one window of H steps from a random start in each, 1..1000 "
                    + "(default: ${DEFAULT-VALUE})")
    int testEpisodes;

    @Option(names = "--particles", paramLabel = "P", defaultValue = "50",
            description = "particles for ts1 and tsinf, 2..100000 (default: ${DEFAULT-VALUE})")
    int particles;

    @Option(names = "--restarts", paramLabel = "R", defaultValue = "5",
            description = "gp: optimiser starts per output, 1..100 (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--members", paramLabel = "M", defaultValue = "5",
            description = "ensemble: number of nets, 1..100 (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "5000",
            description = "ensemble: least number of Adam steps per net (batches of 32), 1..10000000 (default: "
                    + "${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads, 1..1024 (default: one per core); the result does not depend on it")
    Integer threads;

    @CommandLine.Mixin
    CommandSupport.Budgeted budget;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Outputs files = Outputs.inFolder("models rollout", "--out", out, "models-rollout.csv", "models-rollout.png");
        PredictionMethod m;
        try {
            m = PredictionMethod.fromKey(method);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("models rollout: --method must be "
                    + Keyed.alternatives(PredictionMethod.class, "") + ", got '" + method + "'");
        }
        if (!m.supports(model)) {
            throw new UserInputException("models rollout: --method " + m.key() + " does not work with --model "
                    + (model == ModelKind.GP ? "gp (tsinf keeps one ensemble member per particle; use ts1 or "
                    + "moment-matching)" : "ensemble (moment matching needs a gp; use ts1 or tsinf)"));
        }
        boolean gp = model == ModelKind.GP;
        CommandSupport.refuseUnless(spec, gp, "--restarts", "only --model gp uses it");
        CommandSupport.refuseUnless(spec, !gp, "--members", "only --model ensemble uses it");
        CommandSupport.refuseUnless(spec, !gp, "--steps", "only --model ensemble uses it");
        CommandSupport.refuseUnless(spec, m != PredictionMethod.MOMENT_MATCHING, "--particles",
                "moment matching propagates a Gaussian, not particles");
        int maxEpisodes = CompoundingErrorSpec.maxEpisodes(model);
        if (episodes < 1 || episodes > maxEpisodes) {
            throw new UserInputException("models rollout: --episodes must be in 1.." + maxEpisodes + " for --model "
                    + (model == ModelKind.GP ? "gp" : "ensemble") + ", got " + episodes);
        }
        if (horizon < 1 || horizon > CompoundingErrorSpec.EPISODE_STEPS) {
            throw new UserInputException("models rollout: --horizon must be in 1.." + CompoundingErrorSpec.EPISODE_STEPS
                    + " (one 4-s episode), got " + horizon);
        }
        if (testEpisodes < 1 || testEpisodes > 1000) {
            throw new UserInputException("models rollout: --test-episodes must be in 1..1000, got " + testEpisodes);
        }
        if (particles < 2 || particles > 100_000) {
            throw new UserInputException("models rollout: --particles must be in 2..100000, got " + particles);
        }
        if (restarts < 1 || restarts > 100) {
            throw new UserInputException("models rollout: --restarts must be in 1..100, got " + restarts);
        }
        if (members < 1 || members > 100) {
            throw new UserInputException("models rollout: --members must be in 1..100, got " + members);
        }
        if (steps < 1 || steps > 10_000_000) {
            throw new UserInputException("models rollout: --steps must be in 1..10000000, got " + steps);
        }
        int t = CommandSupport.threads("models rollout: ", threads);
        PrintWriter stdout = spec.commandLine().getOut();
        CompoundingErrorSpec study = new CompoundingErrorSpec(episodes, testEpisodes, horizon, seed);
        RolloutSettings settings = new RolloutSettings(particles, true);
        ModelSpec method = gp ? DynamicsModels.gp().withRestarts(restarts)
                : DynamicsModels.ensemble().withMembers(members).withMinSteps(steps);
        budget.check(study.cost(method, m, settings, CommandSupport.workers(t)), m == PredictionMethod.MOMENT_MATCHING
                ? "lower --episodes, --test-episodes or --horizon"
                : "lower --episodes, --test-episodes, --horizon or --particles");
        CompoundingErrorSpec.Data collected = study.collect();
        List<Trajectory> windows = collected.windows();
        Dataset data = collected.transitions();
        ExecutorService pool = CommandSupport.pool(t, "rollout-worker");
        CompoundingError error;
        java.io.StringWriter report = new java.io.StringWriter(); // printed after the progress line is gone
        try (Progress progress = Progress.start(spec, "fitting the " + (gp ? "GPs" : "ensemble") + " to "
                + data.size() + " transitions")) {
            RegressionModel fitted = fit(method, study, data, pool, new PrintWriter(report));
            MultiStepPredictor predictor = MultiStepPredictor.of(fitted, m, settings);
            progress.phase("predicting");
            progress.count(windows.size(), "windows");
            error = CompoundingError.evaluate(predictor, windows, study.predictionSeed(), pool, () -> false,
                    progress.doneListener());
        } finally {
            pool.shutdownNow();
        }
        stdout.print(report);
        Path csv = files.file("models-rollout.csv");
        Path png = files.file("models-rollout.png");
        files.csv(csv, toCsv(error));
        String name = (model == ModelKind.GP ? "GP" : "ensemble") + ", " + m.label();
        JFreeChart chart = CompoundingErrorChart.create("Compounding error of multi-step predictions",
                List.of(new CompoundingErrorChart.Curve(name, error, model == ModelKind.GP ? 0 : 1)));
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "swing-up cart-pole, %s; %d training episodes "
                + "(%d transitions), %d held-out windows, seed %d", name, episodes, data.size(), windows.size(),
                seed)));
        files.png(png, chart, 900, 640).commit();
        stdout.printf(Locale.ROOT, "%d transitions from %d episodes; %d held-out windows of %d steps; method %s%n",
                data.size(), episodes, windows.size(), horizon, m.key());
        for (int k : new int[] {1, 5, 10, 20, 40}) {
            if (k <= horizon) {
                stdout.printf(Locale.ROOT, "k %2d  rmse %.6f  nll %.4f%n", k, error.rmse(k), error.nll(k));
            }
        }
        stdout.println("wrote " + csv + " and " + png);
        stdout.flush();
        return 0;
    }

    private RegressionModel fit(ModelSpec method, CompoundingErrorSpec study, Dataset data, ExecutorService pool,
                                PrintWriter stdout) {
        if (method instanceof GpSpec gpSpec) {
            GpModel gp = gpSpec.fit(data, study.fitRng());
            String[] names = {"dx", "dx_dot", "dtheta", "dtheta_dot"};
            for (int a = 0; a < gp.outputDim(); a++) {
                GaussianProcess g = gp.output(a);
                SeHyperparameters h = g.hyperparameters();
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "gp %-10s length_scales", names[a]));
                for (int j = 0; j < h.dim(); j++) {
                    line.append(String.format(Locale.ROOT, " %.4g", h.lengthScale(j)));
                }
                line.append(String.format(Locale.ROOT,
                        "  signal_std %.4g  noise_std %.4g  log_marginal_likelihood %.3f",
                        h.signalStd(), h.noiseStd(), g.logMarginalLikelihood()));
                stdout.println(line);
            }
            return gp;
        }
        EnsembleSpec spec = (EnsembleSpec) method;
        stdout.println("ensemble members " + spec.members() + "  hidden " + spec.hidden() + "  epochs "
                + spec.epochsFor(data.size()));
        return spec.fit(data, study.fitRng(), pool);
    }

    /** k,rmse,nll with round-trip numbers. */
    static String toCsv(CompoundingError e) {
        StringBuilder sb = new StringBuilder("k,rmse,nll\n");
        for (int k = 1; k <= e.horizon(); k++) {
            sb.append(k).append(',').append(e.rmse(k)).append(',').append(e.nll(k)).append('\n');
        }
        return sb.toString();
    }
}
