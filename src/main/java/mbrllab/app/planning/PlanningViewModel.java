package mbrllab.app.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Playback;
import mbrllab.core.planning.PetsEpisode;
import mbrllab.core.planning.PetsLoop;
import mbrllab.core.planning.PetsObserver;

/**
 * The planning lab's state: the settings, the animated PETS run on a {@link LockStepRunner} (its frames reach
 * {@link #frameProperty()} on the FX thread, coalesced), and R background runs of the same settings with seeds
 * seed .. seed + R - 1 for the bands of the return chart (the first repeats the animated run bit for bit, as the
 * Dyna-maze's animated panes are run 1 of their curves). FX thread only.
 */
final class PlanningViewModel {

    /** The pause after an episode ends or a model is fitted, at speeds up to 20 steps per second. */
    static final LockStepRunner.Pacing PACING = new LockStepRunner.Pacing(700_000_000L, 20);

    private final Playback playback;
    private final LiveExperiment<ReturnBands> runs;
    private final ExecutorService workers;
    private final ReadOnlyObjectWrapper<PlanningSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings",
            PlanningSettings.defaults(TaskChoice.SWING_UP));
    private final ReadOnlyObjectWrapper<PlanningFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private PlanningRun run;

    /**
     * @param workers      run the fits and the planners' pieces (never waited on from inside)
     * @param coordinators run the background experiment's coordinating task
     */
    PlanningViewModel(Dispatcher dispatcher, ExecutorService workers, ExecutorService coordinators) {
        this.workers = workers;
        // a swing-up step is 0.1 s: 10 steps per second is real time
        this.playback = new Playback(dispatcher, 1.0, Playback::stepsText);
        this.runs = new LiveExperiment<>(dispatcher, coordinators, workers, true);
    }

    Playback playback() {
        return playback;
    }

    LiveExperiment<ReturnBands> runs() {
        return runs;
    }

    ReadOnlyObjectProperty<PlanningSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    PlanningSettings settings() {
        return settings.get();
    }

    /** The latest frame of the animated run (null before the first). */
    ReadOnlyObjectProperty<PlanningFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Takes new settings (their seed becomes the playback's) and starts again. */
    void apply(PlanningSettings s) {
        settings.set(s);
        playback.seedProperty().set(s.seed());
        reset();
    }

    /** A new animated run with the current settings and the playback's seed, paused; the background runs restart. */
    void reset() {
        PlanningSettings s = settings.get().withSeed(playback.seed());
        settings.set(s);
        run = new PlanningRun(s, workers);
        playback.launch("planning-runner", run, PACING, p -> frame.set(p.frame()));
        startRuns();
    }

    void togglePlay() {
        playback.togglePlay();
    }

    /** One control step (or the model's fit at the start of a planned episode). */
    void step() {
        playback.step();
    }

    /** The step mode: one CEM round of the coming step; after the last round, the step. */
    void round() {
        PlanningRun r = run;
        playback.runPaused(work -> r.round());
    }

    /** Starts the background runs of the current settings (none when R = 0). */
    void startRuns() {
        PlanningSettings s = settings.get();
        if (s.runs() == 0) {
            runs.clear("No background runs (R = 0): the chart shows the animated run only");
            return;
        }
        int total = s.runs();
        Map<Integer, PetsEpisode[]> done = new ConcurrentHashMap<>();
        LiveExperiment.Job<ReturnBands> job = new LiveExperiment.Job<>(s, total,
                "PETS: " + total + " background runs of " + s.episodes() + " episodes (seeds " + s.seed() + ".."
                        + (s.seed() + total - 1) + ")",
                (executor, observer) -> {
                    List<double[]> returns = new ArrayList<>();
                    List<boolean[]> successes = new ArrayList<>();
                    for (int r = 0; r < total; r++) {
                        List<PetsEpisode> episodes = PetsLoop.run(s.spec(r), executor, new PetsObserver() {
                            @Override
                            public boolean isCancelled() {
                                return observer.isCancelled();
                            }
                        });
                        if (episodes.size() < s.episodes() || observer.isCancelled()) {
                            throw new CancellationException();
                        }
                        PetsEpisode[] array = episodes.toArray(new PetsEpisode[0]);
                        done.put(r, array);
                        returns.add(returns(array));
                        successes.add(successes(array));
                        observer.runFinished(r, new int[][] {{r}});
                    }
                    return ReturnBands.of(returns, successes, total, true);
                },
                data -> {
                    List<double[]> returns = new ArrayList<>();
                    List<boolean[]> successes = new ArrayList<>();
                    for (PetsEpisode[] e : done.values()) {
                        returns.add(returns(e));
                        successes.add(successes(e));
                    }
                    return ReturnBands.of(returns, successes, total, false);
                },
                ReturnBands::runsDone,
                b -> "PETS: " + b.runsDone() + " background runs done");
        runs.start(job);
    }

    private static double[] returns(PetsEpisode[] episodes) {
        double[] r = new double[episodes.length];
        for (int e = 0; e < episodes.length; e++) {
            r[e] = episodes[e].totalReturn();
        }
        return r;
    }

    private static boolean[] successes(PetsEpisode[] episodes) {
        boolean[] r = new boolean[episodes.length];
        for (int e = 0; e < episodes.length; e++) {
            r[e] = episodes[e].success();
        }
        return r;
    }

    /** Stops the runner and the background runs (lab switch, window close). */
    void dispose() {
        playback.stop();
        runs.stop();
    }
}
