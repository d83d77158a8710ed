package mbrllab.app.acceleration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.Playback;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.RunBudget;
import mbrllab.app.lab.SessionState;
import mbrllab.app.shell.SessionFields;
import mbrllab.core.acceleration.AccelerationExperiment;
import mbrllab.core.acceleration.AccelerationObserver;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.ModelChoice;
import mbrllab.core.acceleration.RunRecord;
import mbrllab.core.dyna.ExperimentObserver;

/**
 * State of the acceleration lab: the settings ({@link AccelerationSettings}), the three learners of the lock-step run
 * ({@link AccelerationRun}, played by a {@link Playback}; their frames arrive at most once per screen pulse), and the
 * learning curves of R background runs of the same three settings ({@link LiveExperiment}; its final snapshot has the
 * bits of {@code accelerate --settings ...} with the same seed). Every change of a setting starts the run afresh and
 * drops the background runs; these start with the first Play or Step (opening the lab costs nothing: the runs take
 * minutes of CPU). Views
 * bind to the read-only properties; only this class writes them. FX thread only.
 */
public final class AccelerationViewModel implements SessionState {

    private final Playback playback;
    private final LiveExperiment<StepCurves> curves;
    private final ReadOnlyObjectWrapper<AccelerationSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings",
            AccelerationSettings.defaults());
    private final ReadOnlyObjectWrapper<Publication<AccelerationFrame>> frames = new ReadOnlyObjectWrapper<>(this,
            "frames");
    private final ReadOnlyIntegerWrapper configVersion = new ReadOnlyIntegerWrapper(this, "configVersion");
    private final ReadOnlyIntegerWrapper backgroundRuns = new ReadOnlyIntegerWrapper(this, "backgroundRuns");
    private AccelerationSpec spec;
    private AccelerationRun run;
    /** The background runs of the current settings until Play or Step starts them; null once started. */
    private LiveExperiment.Job<StepCurves> pendingRuns;

    /** The status line when not one background run of each setting fits the budget. */
    static final String NO_RUNS = "Background runs: none, one run of each setting is over the app's budget with these "
            + "settings (lower n, k or the episodes; the command line runs it with --allow-long)";

    /** The status line while the background runs wait for Play or Step. */
    static final String WAITING = "Background runs: they start with Play or Step (R runs of each of the three "
            + "settings)";

    public AccelerationViewModel(Dispatcher dispatcher, Background background) {
        this.playback = new Playback(dispatcher, Playback.position(AccelerationSettings.DEFAULT_SPEED),
                s -> String.format(Locale.ROOT,
                        s < 10 ? "%.1f steps/s (%.2gx real time)" : "%.0f steps/s (%.3gx real time)", s, s / 50));
        this.curves = new LiveExperiment<>(dispatcher, background.coordinators(), background.workers(), true);
        rebuild();
        playback.playingProperty().addListener((o, was, playing) -> {
            if (playing) {
                startBackgroundRuns();
            }
        });
    }

    /** Play, pause, step, speed and seed of the lock-step run. */
    public Playback playback() {
        return playback;
    }

    /** The learning curves of the background runs, with progress and Cancel. */
    public LiveExperiment<StepCurves> curves() {
        return curves;
    }

    public ReadOnlyObjectProperty<AccelerationSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public AccelerationSettings settings() {
        return settings.get();
    }

    /**
     * The background runs per setting of the current settings: R, or fewer when R runs of these settings are over
     * the app's budget ({@link #runsWithinBudget}); 0 when even one is.
     */
    public ReadOnlyIntegerProperty backgroundRunsProperty() {
        return backgroundRuns.getReadOnlyProperty();
    }

    /** The latest frame of the lock-step run. */
    public ReadOnlyObjectProperty<Publication<AccelerationFrame>> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** Changes whenever a session or preset replaces the settings as a whole (the side panel shows them anew). */
    public ReadOnlyIntegerProperty configVersionProperty() {
        return configVersion.getReadOnlyProperty();
    }

    /** The spec of the run and of the background experiment now. */
    public AccelerationSpec spec() {
        return spec;
    }

    /** The legend names of the three panes, e.g. "real data only", "learned ensemble, n = 10, k = 1". */
    public List<String> paneNames() {
        List<String> names = new ArrayList<>();
        for (AccelerationSetting s : settings.get().panes()) {
            names.add(s.label());
        }
        return names;
    }

    /**
     * Pane 2's rollouts: n per real step, k steps each. Restarts the run and the background runs.
     *
     * @return the reason when refused (pane 3 would then be the same setting), naming it
     */
    public Optional<String> setNk(int n, int k) {
        AccelerationSettings s = settings.get();
        if (s.n() == n && s.k() == k) {
            return Optional.empty();
        }
        return change(() -> s.withNk(n, k));
    }

    /** Pane 2's model. Restarts. */
    public Optional<String> setModel(ModelChoice model) {
        AccelerationSettings s = settings.get();
        if (s.model() == model) {
            return Optional.empty();
        }
        return change(() -> s.withModel(model));
    }

    /** Pane 3's setting. Restarts. */
    public Optional<String> setThird(AccelerationSetting third) {
        AccelerationSettings s = settings.get();
        if (s.third().equals(third)) {
            return Optional.empty();
        }
        return change(() -> s.withThird(third));
    }

    /** The pane whose processes and model rollout are drawn; the run goes on. */
    public void setProcesses(int pane) {
        AccelerationSettings s = settings.get();
        if (s.processes() != pane) {
            settings.set(s.withProcesses(pane));
            AccelerationRun r = run;
            int rolloutPane = rolloutPane(settings.get());
            playback.run(work -> r.setRolloutPane(rolloutPane));
        }
    }

    /**
     * The size of the background experiment. Restarts.
     *
     * @return the reason when refused: a value out of range, or the runs estimated over the budget ({@link RunBudget})
     */
    public Optional<String> setExperiment(int runs, int episodes) {
        AccelerationSettings s = settings.get();
        if (s.runs() == runs && s.episodes() == episodes) {
            return Optional.empty();
        }
        return change(() -> requireWithinBudget(s.withExperiment(runs, episodes)));
    }

    /**
     * Checks the background experiment of these settings against the budget ({@link RunBudget}: its estimated work
     * and memory).
     *
     * @return the settings
     * @throws IllegalArgumentException the estimate and how to lower it
     */
    static AccelerationSettings requireWithinBudget(AccelerationSettings s) {
        AccelerationSpec experiment = AccelerationSpec.of(AccelerationParams.defaults(), s.panes(), s.runs(),
                s.episodes(), s.seed());
        RunBudget.require(experiment.cost(RunBudget.workers()), "lower R or the episodes");
        return s;
    }

    /**
     * How many of the R background runs per setting fit the app's budget ({@link RunBudget}) with these settings: R
     * typed in the side panel is refused over the budget with the panes' settings of that moment, but the sliders,
     * the model, pane 3 and sessions are not refused for it (the panes play whatever they are); the background runs
     * are cut to fit instead, and the side panel and status say so. 0 when even one run of each setting is over it.
     */
    static int runsWithinBudget(AccelerationSettings s) {
        for (int r = s.runs(); r >= 1; r--) {
            AccelerationSpec experiment = AccelerationSpec.of(AccelerationParams.defaults(), s.panes(), r,
                    s.episodes(), s.seed());
            if (RunBudget.fits(experiment.cost(RunBudget.workers()))) {
                return r;
            }
        }
        return 0;
    }

    private Optional<String> change(java.util.function.Supplier<AccelerationSettings> make) {
        try {
            settings.set(make.get());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        rebuild();
        return Optional.empty();
    }

    /** The settings now, with the seed and speed of the playback, as a session saves them. */
    public AccelerationSettings current() {
        double perSecond = playback.stepsPerSecond();
        return settings.get().withSeedAndSpeed(playback.seed(), Double.isInfinite(perSecond) ? perSecond
                : Math.min(SessionFields.MAX_STEPS_PER_SECOND, perSecond));
    }

    @Override
    public ObjectNode toSettings() {
        return current().toJson();
    }

    @Override
    public Optional<String> applySettings(JsonNode json) {
        return SessionFields.applyIfValid(json, AccelerationSettings::fromJson, this::apply);
    }

    /** Replaces every setting at once, then restarts (and plays when the settings say so). */
    public void apply(AccelerationSettings s) {
        playback.seedProperty().set(s.seed());
        playback.setStepsPerSecond(s.stepsPerSecond());
        settings.set(s.withSeedAndSpeed(s.seed(), s.stepsPerSecond()));
        configVersion.set(configVersion.get() + 1);
        rebuild();
        if (s.play()) {
            startBackgroundRuns();
            playback.setPlaying(true);
        }
    }

    /** Play or pause; the first Play also starts the background runs. */
    public void togglePlay() {
        startBackgroundRuns();
        playback.togglePlay();
    }

    /** One real step; the first also starts the background runs. */
    public void step() {
        startBackgroundRuns();
        playback.step();
    }

    /** New learners with the seed; the background runs start afresh. Paused. */
    public void reset() {
        rebuild();
    }

    /** Stops the runner thread and the background experiment (lab switch, window close). */
    public void shutdown() {
        playback.stop();
        curves.stop();
    }

    private void rebuild() {
        shutdown();
        AccelerationSettings s = settings.get();
        int fit = runsWithinBudget(s);
        backgroundRuns.set(fit);
        spec = AccelerationSpec.of(AccelerationParams.defaults(), s.panes(), Math.max(1, fit), s.episodes(),
                playback.seed());
        relaunch();
        if (fit == 0) {
            pendingRuns = null;
            curves.clear(NO_RUNS);
            return;
        }
        String cut = fit < s.runs() ? String.format(java.util.Locale.ROOT, "; R = %,d is over the app's budget with "
                + "these settings", s.runs()) : "";
        List<String> names = paneNames();
        AccelerationSpec mySpec = spec;
        StepCurves.Builder builder = new StepCurves.Builder(mySpec, names);
        ConcurrentHashMap<Integer, RunRecord> pending = new ConcurrentHashMap<>();
        int settingsCount = mySpec.settings().size();
        pendingRuns = new LiveExperiment.Job<>(List.of(mySpec.settings(), mySpec.runs(), mySpec.episodes(),
                mySpec.seed()), mySpec.runs(), settingsCount,
                String.format(java.util.Locale.ROOT, "Computing %,d runs of the three settings in the background (up "
                        + "to %,d episodes or %,d real steps each%s)", fit, s.episodes(), mySpec.maxRealSteps(), cut),
                (workers, observer) -> StepCurves.exact(AccelerationExperiment.run(mySpec, workers,
                        adapt(observer, pending, settingsCount)), names),
                data -> builder.add(data[0][0], pending.remove(data[0][0] * 100_000 + data[0][1])),
                StepCurves::runsInAll,
                c -> "Mean of " + c.runsTotal() + " runs per setting with 95% bands (seed " + mySpec.seed() + cut
                        + ")");
        curves.clear(fit < s.runs() ? String.format(java.util.Locale.ROOT, "Background runs: %,d of the %,d (R) per "
                + "setting, as many as the app's budget allows with these settings; they start with Play or Step", fit,
                s.runs()) : WAITING);
    }

    /**
     * Starts the background runs of the current settings unless they have started already: the first Play or Step
     * after opening the lab or changing a setting does (a finished experiment of the same settings shows at once).
     */
    public void startBackgroundRuns() {
        LiveExperiment.Job<StepCurves> job = pendingRuns;
        if (job != null) {
            pendingRuns = null;
            curves.start(job);
        }
    }

    /** True until the background runs of the current settings have been started. */
    public boolean backgroundRunsWaiting() {
        return pendingRuns != null;
    }

    /** Hands each finished run to the live experiment (the record travels beside the observer's int arrays). */
    private static AccelerationObserver adapt(ExperimentObserver observer,
                                              ConcurrentHashMap<Integer, RunRecord> pending, int settingsCount) {
        return new AccelerationObserver() {
            @Override
            public void runFinished(int setting, int run, RunRecord record) {
                pending.put(setting * 100_000 + run, record);
                observer.runFinished(run, new int[][] {{setting, run}});
            }

            @Override
            public boolean isCancelled() {
                return observer.isCancelled();
            }
        };
    }

    private void relaunch() {
        playback.stop();
        frames.set(null);
        run = new AccelerationRun(spec, rolloutPane(settings.get()));
        playback.launch(AccelerationRun.THREAD_NAME, run, run.pacing(), frames::set);
    }

    /** The processes' pane when it has a model, else pane 2. */
    static int rolloutPane(AccelerationSettings s) {
        return s.panes().get(s.processes()).usesModel() ? s.processes() : 1;
    }
}
