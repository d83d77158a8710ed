package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.Prediction;
import mbrllab.core.models.RegressionModel;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.random.SplitMix64;
import mbrllab.io.NumericCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code models fit ...} and {@code models rollout ...}: the models lab's learned models, headless. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"Fit a Gaussian process or a probabilistic ensemble and predict with uncertainty (fit), or "
                + "measure how multi-step predictions of the cart-pole degrade with the horizon (rollout)."},
        subcommands = {ModelsCommand.Fit.class, ModelsRollout.class})
final class ModelsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: fit or rollout");
    }

    /** A {@link ModelKind} by its key, "gp" or "ensemble". */
    static final class ModelKindConverter implements CommandLine.ITypeConverter<ModelKind> {
        @Override
        public ModelKind convert(String value) {
            try {
                return ModelKind.fromKey(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Fit a model to TRAIN.csv and predict at the points of QUERY.csv.",
                "TRAIN.csv: header x1,...,xd,y (d >= 1; the last column is the target), then one point per line.",
                "QUERY.csv: header x1,...,xd with the same d.",
                "PRED.csv (written atomically): x1,...,xd,mean,epistemic_var,aleatoric_var. The predictive "
                    + "variance of a new target is epistemic_var + aleatoric_var.",
                "gp: zero-mean GP, squared-exponential ARD kernel; hyperparameters maximise the log marginal "
                    + "likelihood (printed with them). ensemble: bootstrapped nets predicting a mean and a "
                    + "variance (Gaussian NLL, Adam).",
                "A bad file gets FILE:LINE: reason and exit code 2."})
    static final class Fit implements Callable<Integer> {

        @Option(names = "--model", required = true, paramLabel = "gp|ensemble", converter = ModelKindConverter.class,
                description = "gp or ensemble")
        ModelKind model;

        @Option(names = "--train", required = true, paramLabel = "TRAIN.csv", description = "training data")
        Path train;

        @Option(names = "--query", required = true, paramLabel = "QUERY.csv", description = "query points")
        Path query;

        @Option(names = "--out", required = true, paramLabel = "PRED.csv", description = "predictions to write")
        Path out;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
                description = "seed of all randomness (restarts, weights, bootstraps); the same seed gives the "
                        + "same file bit for bit (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--restarts", paramLabel = "R", defaultValue = "5",
                description = "gp: optimiser starts, 1..100 (default: ${DEFAULT-VALUE})")
        int restarts;

        @Option(names = "--members", paramLabel = "M", defaultValue = "5",
                description = "ensemble: number of nets, 1..100 (default: ${DEFAULT-VALUE})")
        int members;

        @Option(names = "--hidden", paramLabel = "H1,H2,..", split = ",",
                description = "ensemble: hidden layer sizes, at most 8 layers of 1..4096 (default: 32,32 for one "
                        + "input, 64,64 for more)")
        List<Integer> hidden;

        @Option(names = "--epochs", paramLabel = "E",
                description = "ensemble: exactly E passes over each bootstrap sample, 1..100000 (default: 50, "
                        + "or more to make at least 2000 steps (3000 with one input))")
        Integer epochs;

        @Option(names = "--threads", paramLabel = "T",
                description = "ensemble: worker threads, 1..1024 (default: one per core); the result does not depend "
                        + "on it")
        Integer threads;

        @picocli.CommandLine.Mixin
        CommandSupport.Budgeted budget;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            boolean gp = model == ModelKind.GP;
            CommandSupport.refuseUnless(spec, gp, "--restarts", "only --model gp uses it");
            for (String option : new String[] {"--members", "--hidden", "--epochs", "--threads"}) {
                CommandSupport.refuseUnless(spec, !gp, option, "only --model ensemble uses it");
            }
            Outputs files = Outputs.toFile("models fit", "--out", out);
            CommandSupport.requireNotEmpty("models fit", "--train", train, "name the training CSV");
            CommandSupport.requireNotEmpty("models fit", "--query", query, "name the query CSV");
            Outputs.requireNotInput("models fit", "--out", out, "--train", train);
            Outputs.requireNotInput("models fit", "--out", out, "--query", query);
            NumericCsv trainCsv = readCsv(train);
            int d = trainCsv.leadingInputColumns();
            if (d < 1 || d != trainCsv.columns() - 1 || !trainCsv.header().get(d).equalsIgnoreCase("y")) {
                throw new UserInputException(train + ":" + trainCsv.headerLine() + ": header must be x1,...,xd,y with "
                        + "d >= 1, got \"" + String.join(",", trainCsv.header()) + "\"");
            }
            NumericCsv queryCsv = readCsv(query);
            int dq = queryCsv.leadingInputColumns();
            if (dq != queryCsv.columns() || dq < 1) {
                throw new UserInputException(query + ":" + queryCsv.headerLine() + ": header must be "
                        + NumericCsv.inputNames(d) + ", got \"" + String.join(",", queryCsv.header()) + "\"");
            }
            if (dq != d) {
                throw new UserInputException(query + ":" + queryCsv.headerLine() + ": the query has " + dq
                        + " inputs (" + NumericCsv.inputNames(dq) + ") but the training data has " + d + " ("
                        + NumericCsv.inputNames(d) + ")");
            }
            Dataset data = new Dataset(trainCsv.columns(0, d), trainCsv.columns(d, 1), d, 1);
            double[] queries = queryCsv.columns(0, d);

            PrintWriter stdout = spec.commandLine().getOut();
            ModelSpec method = gp ? gpSpec(data) : ensembleSpec(data);
            int workers = gp ? 1 : CommandSupport.workers(CommandSupport.threads("models fit: ", threads));
            budget.check(method.fitCost(data.size(), d, 1, workers).then(method.predictCost(data.size(), d, 1,
                    queryCsv.rows())), gp ? "lower --restarts or give fewer points" : "lower --members, --hidden or "
                    + "--epochs, or give fewer points");
            RegressionModel fitted;
            Prediction prediction;
            java.io.StringWriter report = new java.io.StringWriter(); // printed after the progress line is gone
            try (Progress progress = Progress.start(spec, "fitting " + (gp ? "a GP" : "an ensemble") + " to "
                    + data.size() + " points")) {
                PrintWriter lines = new PrintWriter(report);
                fitted = gp ? fitGp((GpSpec) method, data, lines) : fitEnsemble((EnsembleSpec) method, data, lines);
                progress.phase("predicting at " + queryCsv.rows() + " points");
                prediction = fitted.predict(queries);
            }
            stdout.print(report);
            requireFinite(prediction, queryCsv);
            files.csv(out, predictionCsv(queries, d, prediction)).commit();
            stdout.println("wrote " + out + " (" + prediction.points() + " rows)");
            stdout.flush();
            return 0;
        }

        /** The GP's settings from the options (exit 2 for a bad value or too many points). */
        private GpSpec gpSpec(Dataset data) {
            if (restarts < 1 || restarts > 100) {
                throw new UserInputException("models fit: --restarts must be in 1..100, got " + restarts);
            }
            if (data.size() > GpSpec.MAX_POINTS) {
                throw new UserInputException(train + ": a GP takes at most " + GpSpec.MAX_POINTS
                        + " training points (its cost grows with n^3), got " + data.size());
            }
            return GpSpec.defaults().withRestarts(restarts);
        }

        /**
         * Fits the GP and prints its hyperparameters; a fit that fails on these data (no start with a finite
         * likelihood) is the data's problem: exit 2 naming the file.
         */
        private RegressionModel fitGp(GpSpec method, Dataset data, PrintWriter stdout) {
            GpModel gp;
            try {
                gp = method.fit(data, new SplitMix64(seed));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("models fit: cannot fit a GP to " + train + ": " + e.getMessage());
            }
            GaussianProcess g = gp.output(0);
            SeHyperparameters h = g.hyperparameters();
            stdout.println("model gp");
            stdout.println("points " + data.size());
            for (int j = 0; j < h.dim(); j++) {
                stdout.printf(Locale.ROOT, "length_scale_%d %.6g%n", j + 1, h.lengthScale(j));
            }
            stdout.printf(Locale.ROOT, "signal_std %.6g%n", h.signalStd());
            stdout.printf(Locale.ROOT, "noise_std %.6g%n", h.noiseStd());
            stdout.printf(Locale.ROOT, "log_marginal_likelihood %.6f%n", g.logMarginalLikelihood());
            return gp;
        }

        /** The ensemble's settings from the options (exit 2 for a bad value). */
        private EnsembleSpec ensembleSpec(Dataset data) {
            if (members < 1 || members > 100) {
                throw new UserInputException("models fit: --members must be in 1..100, got " + members);
            }
            if (hidden != null && (hidden.size() > 8 || hidden.stream().anyMatch(h -> h < 1 || h > 4096))) {
                throw new UserInputException("models fit: --hidden must list at most 8 sizes, each in 1..4096, got "
                        + hidden);
            }
            if (epochs != null && (epochs < 1 || epochs > 100_000)) {
                throw new UserInputException("models fit: --epochs must be in 1..100000, got " + epochs);
            }
            EnsembleSpec ensemble = data.inputDim() == 1 ? EnsembleSpec.playground() : EnsembleSpec.dynamics();
            ensemble = ensemble.withMembers(members);
            if (hidden != null) {
                ensemble = ensemble.withHidden(hidden);
            }
            if (epochs != null) {
                ensemble = ensemble.withEpochs(epochs).withMinSteps(0);
            }
            return ensemble;
        }

        private RegressionModel fitEnsemble(EnsembleSpec ensemble, Dataset data, PrintWriter stdout) {
            int t = CommandSupport.threads("models fit: ", threads);
            ExecutorService pool = CommandSupport.pool(Math.min(t, ensemble.members()), "ensemble-worker");
            RegressionModel fitted;
            try {
                fitted = ensemble.fit(data, new SplitMix64(seed), pool);
            } finally {
                pool.shutdownNow();
            }
            stdout.println("model ensemble");
            stdout.println("points " + data.size());
            stdout.println("members " + ensemble.members());
            stdout.println("hidden " + (ensemble.hidden().isEmpty() ? "none" : ensemble.hidden().toString()
                    .replace(" ", "").replace("[", "").replace("]", "")));
            stdout.println("epochs " + ensemble.epochsFor(data.size()));
            return fitted;
        }

        /**
         * Refuses a prediction that is not finite (inputs far beyond the training data can overflow a model), naming
         * the query's line: nothing is written.
         */
        private void requireFinite(Prediction p, NumericCsv queryCsv) {
            for (int i = 0; i < p.points(); i++) {
                double[] v = {p.mean(i, 0), p.epistemicVar(i, 0), p.aleatoricVar(i, 0)};
                String[] names = {"mean", "epistemic_var", "aleatoric_var"};
                for (int k = 0; k < v.length; k++) {
                    if (!Double.isFinite(v[k])) {
                        throw new UserInputException(query + ":" + queryCsv.line(i) + ": the model's " + names[k]
                                + " at this point is " + v[k] + " (the arithmetic overflowed: the point is too far "
                                + "from the training data for this model); nothing was written");
                    }
                }
            }
        }

        private static NumericCsv readCsv(Path file) {
            return CommandSupport.readCsv(file);
        }
    }

    /** x1..xd,mean,epistemic_var,aleatoric_var with round-trip number formatting. */
    static String predictionCsv(double[] queries, int d, Prediction p) {
        StringBuilder s = new StringBuilder(NumericCsv.inputNames(d)).append(",mean,epistemic_var,aleatoric_var\n");
        for (int i = 0; i < p.points(); i++) {
            for (int j = 0; j < d; j++) {
                s.append(queries[i * d + j]).append(',');
            }
            s.append(p.mean(i, 0)).append(',').append(p.epistemicVar(i, 0)).append(',')
                    .append(p.aleatoricVar(i, 0)).append('\n');
        }
        return s.toString();
    }
}
