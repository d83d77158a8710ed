package mbrllab.app.models;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.models.Prediction;
import mbrllab.core.models.RegressionModel;
import mbrllab.core.models.ensemble.EnsembleModel;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.random.SplitMix64;

/**
 * Fits the playground's models and evaluates them on the grid (plain computation; the view model runs it on
 * a background thread). Every random choice comes from the lab's seed: the same points and seed give the same
 * curves.
 */
final class PlaygroundFitter {

    /** The grid the curves are drawn on: wider than the data's range [-3, 3], so extrapolation shows. */
    static final double GRID_MIN = -5;
    static final double GRID_MAX = 5;
    static final int GRID_POINTS = 201;
    /** Prior and posterior samples drawn. */
    static final int SAMPLES = 3;
    /** Fresh targets for the coverage figure. */
    static final int COVERAGE_TARGETS = 1000;

    private PlaygroundFitter() {
    }

    static double[] grid() {
        double[] g = new double[GRID_POINTS];
        for (int i = 0; i < GRID_POINTS; i++) {
            g[i] = GRID_MIN + (GRID_MAX - GRID_MIN) * i / (GRID_POINTS - 1);
        }
        return g;
    }

    /** The GP: hyperparameters by maximum marginal likelihood, then curves, 3 prior and 3 posterior samples. */
    static ModelCurves fitGp(Dataset data, PlaygroundData generator, long seed) {
        GpModel model = GpSpec.defaults().fit(data, new SplitMix64(SplitMix64.streamSeed(seed, 101)));
        GaussianProcess gp = model.output(0);
        SeHyperparameters h = gp.hyperparameters();
        double[] grid = grid();
        Prediction p = model.predict(grid);
        SplitMix64 rng = new SplitMix64(SplitMix64.streamSeed(seed, 102));
        double[][] prior = GaussianProcess.samplePrior(h, grid, SAMPLES, rng);
        double[][] posterior = gp.samplePosterior(grid, SAMPLES, rng);
        String summary = String.format(Locale.ROOT, "GP: length-scale l = %.3g, signal sigma_f = %.3g, noise "
                + "sigma_n = %.3g; log p(y | X) = %.2f (%d points)", h.lengthScale(0), h.signalStd(), h.noiseStd(),
                gp.logMarginalLikelihood(), data.size());
        return new ModelCurves(ModelKind.GP, p.means(), p.epistemicVars(), p.aleatoricVars(), prior, posterior, h,
                gp.logMarginalLikelihood(), coverage(model, generator, seed), summary);
    }

    /**
     * The ensemble ({@link EnsembleSpec#playground()}), its members trained one after another on the calling
     * thread; {@code cancelled} is checked before each member and {@code memberDone} told after each.
     *
     * @throws CancellationException when cancelled
     */
    static ModelCurves fitEnsemble(Dataset data, PlaygroundData generator, long seed, BooleanSupplier cancelled,
                                   IntConsumer memberDone) {
        EnsembleSpec spec = EnsembleSpec.playground();
        int[] done = {0};
        Executor counting = task -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled");
            }
            task.run();
            memberDone.accept(++done[0]);
        };
        EnsembleModel model = spec.fit(data, new SplitMix64(SplitMix64.streamSeed(seed, 103)), counting);
        double[] grid = grid();
        Prediction p = model.predict(grid);
        double[][] members = new double[model.memberCount()][GRID_POINTS];
        double[] var = new double[GRID_POINTS];
        for (int m = 0; m < members.length; m++) {
            model.predictMember(m, grid, members[m], var);
        }
        String summary = String.format(Locale.ROOT, "Ensemble: %d nets %s, %d epochs of Adam on bootstraps (%d points)",
                spec.members(), spec.hidden().toString().replace(" ", ""), spec.epochsFor(data.size()), data.size());
        return new ModelCurves(ModelKind.ENSEMBLE, p.means(), p.epistemicVars(), p.aleatoricVars(), new double[0][],
                members, null, Double.NaN, coverage(model, generator, seed), summary);
    }

    /**
     * The fraction of {@value #COVERAGE_TARGETS} fresh targets y = f(x) + noise, x from the generator's input
     * distribution, with |y - mean(x)| &lt;= 2 sqrt(epistemic + aleatoric variance at x).
     */
    static double coverage(RegressionModel model, PlaygroundData generator, long seed) {
        SplitMix64 rng = new SplitMix64(SplitMix64.streamSeed(seed, 104));
        double[] x = new double[COVERAGE_TARGETS];
        double[] y = new double[COVERAGE_TARGETS];
        for (int i = 0; i < x.length; i++) {
            x[i] = generator.input(rng);
            y[i] = generator.noisyTarget(x[i], rng);
        }
        Prediction p = model.predict(x);
        int inside = 0;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(y[i] - p.mean(i, 0)) <= 2 * Math.sqrt(p.totalVar(i, 0))) {
                inside++;
            }
        }
        return inside / (double) x.length;
    }
}
