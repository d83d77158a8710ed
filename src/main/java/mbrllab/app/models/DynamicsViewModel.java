package mbrllab.app.models;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.RunBudget;
import mbrllab.core.budget.Cost;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.Prediction;
import mbrllab.core.models.dynamics.CompoundingError;
import mbrllab.core.models.dynamics.CompoundingErrorSpec;
import mbrllab.core.models.dynamics.DynamicsModels;
import mbrllab.core.models.dynamics.MultiStepPrediction;
import mbrllab.core.models.dynamics.MultiStepPredictor;
import mbrllab.core.models.dynamics.RolloutSettings;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.dynamics.Transitions;
import mbrllab.core.models.ensemble.EnsembleModel;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.random.SplitMix64;

/**
 * State of the cart-pole tab: the settings, and the background job that collects random-action episodes of the
 * swing-up cart-pole, fits the GP and/or the ensemble to the state differences, and predicts H steps ahead from
 * held-out starts by every method the fitted models allow. The job publishes each stage through the
 * {@link Dispatcher} as a new {@link DynamicsResult}. FX thread only, except where noted.
 *
 * <p>With the same seed and settings the numbers equal those of {@code models rollout}: both follow
 * {@link CompoundingErrorSpec} (the held-out episodes are the tab's windows).
 */
final class DynamicsViewModel {

    /** Steps of one swing-up episode (4 s). */
    static final int EPISODE_STEPS = CompoundingErrorSpec.EPISODE_STEPS;

    /**
     * The tab's settings.
     *
     * @param model     which models to fit
     * @param episodes  training episodes of 40 steps
     * @param horizon   steps predicted ahead, 1..40
     * @param windows   held-out starts (one per held-out episode)
     * @param particles particles of TS1 and TS-infinity
     * @param start     the held-out start shown, 0-based
     * @param shown     the rollouts drawn
     */
    record Settings(ModelChoice model, int episodes, int horizon, int windows, int particles, int start,
                    Set<Rollout> shown) {

        Settings {
            int maxEpisodes = CompoundingErrorSpec.maxEpisodes(model.shows(ModelKind.GP) ? ModelKind.GP
                    : ModelKind.ENSEMBLE);
            check("episodes", episodes, 1, maxEpisodes);
            check("horizon", horizon, 1, EPISODE_STEPS);
            check("windows", windows, 1, 50);
            check("particles", particles, 2, 2000);
            check("start", start, 0, windows - 1);
            shown = shown.isEmpty() ? EnumSet.noneOf(Rollout.class) : EnumSet.copyOf(shown);
            RunBudget.require("the fits and predictions are", cost(model, episodes, horizon, windows, particles),
                    "lower the episodes, the held-out starts, the horizon or the particles");
        }

        /**
         * What the tab computes with these sizes on its one background thread: per rollout of the models chosen,
         * {@link CompoundingErrorSpec#cost} (the model's fit counted with each of its rollouts: a high estimate).
         */
        static Cost cost(ModelChoice model, int episodes, int horizon, int windows, int particles) {
            CompoundingErrorSpec study = new CompoundingErrorSpec(episodes, windows, horizon, 1);
            RolloutSettings rs = new RolloutSettings(particles, true);
            Cost all = null;
            for (Rollout ro : Rollout.values()) {
                if (model.shows(ro.kind())) {
                    ModelSpec spec = ro.kind() == ModelKind.GP ? DynamicsModels.gp() : DynamicsModels.ensemble();
                    Cost c = study.cost(spec, ro.method(), rs, 1);
                    all = all == null ? c : all.then(c);
                }
            }
            return all == null ? Cost.NONE : all;
        }

        private static void check(String field, int v, int min, int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException("\"cartpole." + field + "\" must be in " + min + ".." + max
                        + ", got " + v);
            }
        }

        static Settings defaults() {
            return new Settings(ModelChoice.BOTH, 8, 25, 6, 50, 0, EnumSet.of(Rollout.GP_MOMENT_MATCHING,
                    Rollout.ENSEMBLE_TS1, Rollout.ENSEMBLE_TS_INF));
        }

        @Override
        public Set<Rollout> shown() {
            return shown.isEmpty() ? EnumSet.noneOf(Rollout.class) : EnumSet.copyOf(shown);
        }

        Settings withStart(int newStart) {
            return new Settings(model, episodes, horizon, windows, particles, newStart, shown);
        }

        Settings withShown(Set<Rollout> newShown) {
            return new Settings(model, episodes, horizon, windows, particles, start, newShown);
        }

        /** Same data, models and predictions (only what is shown differs). */
        boolean sameWork(Settings o) {
            return model == o.model && episodes == o.episodes && horizon == o.horizon && windows == o.windows
                    && particles == o.particles;
        }
    }

    private final Dispatcher dispatcher;
    private final Background background;
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>(this, "settings",
            Settings.defaults());
    private final ReadOnlyObjectWrapper<DynamicsResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private AtomicBoolean cancelled;
    private long generation;

    DynamicsViewModel(Dispatcher dispatcher, Background background) {
        this.dispatcher = dispatcher;
        this.background = background;
    }

    ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The latest stage of the computation (null before the first). */
    ReadOnlyObjectProperty<DynamicsResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the job does now, e.g. "fitting the GP (output 2 of 4)". */
    ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows another held-out start (no recomputation: what is computed is drawn from it at once). */
    void showStart(int start) {
        Settings s = settings.get();
        if (start >= 0 && start < s.windows() && start != s.start()) {
            settings.set(s.withStart(start));
            showChoices();
        }
    }

    /** Shows these rollouts (no recomputation: what is computed is drawn at once). */
    void showRollouts(Set<Rollout> shown) {
        settings.set(settings.get().withShown(shown));
        showChoices();
    }

    /** Replaces the settings; the next {@link #collectAndFit} uses them (the start and rollouts shown at once). */
    void apply(Settings s) {
        settings.set(s);
        showChoices();
    }

    /**
     * The result as the tab's choices show it: the charts read the held-out start and the rollouts from the result,
     * which kept those of its computation, so a choice changed nothing until the next refit.
     */
    private DynamicsResult viewed(DynamicsResult r) {
        Settings s = settings.get();
        return r == null ? null : r.showing(s.start(), s.shown());
    }

    private void showChoices() {
        result.set(viewed(result.get()));
    }

    /** Stops the job; what it has published stays. */
    void cancel() {
        if (cancelled != null) {
            cancelled.set(true);
            cancelled = null;
        }
        generation++;
        if (working.get()) {
            working.set(false);
            message.set("Cancelled; the charts show what was finished");
        }
    }

    void shutdown() {
        cancel();
    }

    /** Collects the data with this seed, fits the models and predicts, in the background. */
    void collectAndFit(long seed) {
        cancel();
        long myGeneration = ++generation;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        Settings s = settings.get();
        working.set(true);
        progress.set(0);
        phase.set("collecting data");
        message.set("Collecting " + s.episodes() + " random-action episodes and fitting");
        background.workers().execute(() -> {
            try {
                run(s, seed, stop, myGeneration);
            } catch (CancellationException e) {
                // cancelled: nothing more to publish
            } catch (RuntimeException e) {
                dispatcher.post(List.of(this, myGeneration), () -> {
                    if (myGeneration == generation) {
                        working.set(false);
                        message.set("The computation failed: " + e.getMessage());
                    }
                });
            }
        });
    }

    /** The job (on a worker thread). */
    private void run(Settings s, long seed, AtomicBoolean stop, long myGeneration) {
        CompoundingErrorSpec study = new CompoundingErrorSpec(s.episodes(), s.windows(), s.horizon(), seed);
        CompoundingErrorSpec.Data collected = study.collect();
        List<Trajectory> test = collected.test();
        List<Trajectory> windows = collected.windows();
        Dataset data = collected.transitions();
        DynamicsResult r = new DynamicsResult(s, seed, collected.train(), windows, collected.offsets(), null, null,
                null, Map.of(), Map.of(), false);
        publish(r, 0.02, "fitting", myGeneration);
        boolean fitGp = s.model().shows(ModelKind.GP);
        boolean fitEnsemble = s.model().shows(ModelKind.ENSEMBLE);
        List<Rollout> rollouts = new ArrayList<>();
        for (Rollout ro : Rollout.values()) {
            if (s.model().shows(ro.kind())) {
                rollouts.add(ro);
            }
        }
        // progress: GP fit 0.45 (or 0), ensemble 0.25 (or 0), predictions the rest
        double gpShare = fitGp ? 0.4 : 0;
        double ensShare = fitEnsemble ? 0.25 : 0;
        double predictShare = 1 - 0.02 - gpShare - ensShare;
        GpModel gp = null;
        if (fitGp) {
            GpSpec spec = DynamicsModels.gp();
            SplitMix64 rng = study.fitRng();
            double[] x = data.inputs();
            GaussianProcess[] outputs = new GaussianProcess[data.outputDim()];
            for (int k = 0; k < outputs.length; k++) {
                checkCancelled(stop);
                publishPhase(0.02 + gpShare * k / outputs.length, "fitting the GP (output " + (k + 1) + " of "
                        + outputs.length + ")", myGeneration);
                outputs[k] = spec.fitOutput(x, data.inputDim(), data.target(k), rng);
            }
            gp = new GpModel(outputs);
        }
        EnsembleModel ensemble = null;
        if (fitEnsemble) {
            EnsembleSpec spec = DynamicsModels.ensemble();
            int[] done = {0};
            double base = 0.02 + gpShare;
            publishPhase(base, "training the ensemble (net 1 of " + spec.members() + ")", myGeneration);
            Executor counting = task -> {
                checkCancelled(stop);
                task.run();
                done[0]++;
                publishPhase(base + ensShare * done[0] / spec.members(), "training the ensemble (net "
                        + Math.min(done[0] + 1, spec.members()) + " of " + spec.members() + ")", myGeneration);
            };
            ensemble = spec.fit(data, study.fitRng(), counting);
        }
        checkCancelled(stop);
        r = r.with(gp, ensemble, parity(test, gp, ensemble));
        double at = 0.02 + gpShare + ensShare;
        publish(r, at, "predicting " + s.horizon() + " steps ahead", myGeneration);
        RolloutSettings rs = new RolloutSettings(s.particles(), true);
        for (int i = 0; i < rollouts.size(); i++) {
            Rollout ro = rollouts.get(i);
            MultiStepPredictor predictor = MultiStepPredictor.of(ro.kind() == ModelKind.GP ? gp : ensemble,
                    ro.method(), rs);
            MultiStepPrediction[] predictions = new MultiStepPrediction[windows.size()];
            List<double[][]> errors = new ArrayList<>();
            for (int w = 0; w < windows.size(); w++) {
                checkCancelled(stop);
                publishPhase(at + predictShare * (i + w / (double) windows.size()) / rollouts.size(), "predicting: "
                        + ro.label() + ", start " + (w + 1) + " of " + windows.size(), myGeneration);
                Trajectory t = windows.get(w);
                predictions[w] = predictor.predict(t.state(0), t.actions(), study.windowRng(w));
                errors.add(CompoundingError.stepErrors(predictions[w], t));
            }
            r = r.with(ro, predictions, CompoundingError.of(errors));
            publish(r, at + predictShare * (i + 1) / rollouts.size(), "predicting", myGeneration);
        }
        DynamicsResult last = r.finished();
        dispatcher.post(List.of(this, myGeneration), () -> {
            if (myGeneration == generation) {
                result.set(viewed(last));
                working.set(false);
                progress.set(1);
                cancelled = null;
                message.set(summary(last));
            }
        });
    }

    private static void checkCancelled(AtomicBoolean stop) {
        if (stop.get() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    private void publish(DynamicsResult r, double fraction, String what, long myGeneration) {
        dispatcher.post(List.of(this, myGeneration), () -> {
            if (myGeneration == generation) {
                result.set(viewed(r));
                progress.set(fraction);
                phase.set(what);
            }
        });
    }

    private void publishPhase(double fraction, String what, long myGeneration) {
        dispatcher.post(List.of(phase, myGeneration), () -> {
            if (myGeneration == generation) {
                progress.set(fraction);
                phase.set(what);
            }
        });
    }

    /** One-step predictions on every transition of the held-out episodes. */
    static DynamicsResult.Parity parity(List<Trajectory> test, GpModel gp, EnsembleModel ensemble) {
        Dataset d = Transitions.of(test);
        double[] q = d.inputs();
        double[] truth = d.targets();
        double[][] gpPart = gp == null ? new double[2][] : meanAndVar(gp.predict(q));
        double[][] ensPart = ensemble == null ? new double[2][] : meanAndVar(ensemble.predict(q));
        return new DynamicsResult.Parity(truth, gpPart[0], gpPart[1], ensPart[0], ensPart[1]);
    }

    private static double[][] meanAndVar(Prediction p) {
        double[] mean = p.means();
        double[] var = new double[mean.length];
        for (int i = 0; i < p.points(); i++) {
            for (int k = 0; k < p.outputDim(); k++) {
                var[i * p.outputDim() + k] = p.totalVar(i, k);
            }
        }
        return new double[][] {mean, var};
    }

    static String summary(DynamicsResult r) {
        return String.format(Locale.ROOT, "Done: %d transitions from %d episodes, %d held-out starts, %d steps ahead "
                + "(seed %d)", r.train().size() * EPISODE_STEPS, r.train().size(), r.windows().size(),
                r.settings().horizon(), r.seed());
    }
}
