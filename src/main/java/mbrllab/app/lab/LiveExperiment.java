package mbrllab.app.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import mbrllab.core.dyna.ExperimentObserver;

/**
 * The live background experiment of a lab (R independent runs for the learning curves or the cumulative rewards):
 * the coordinating task runs on the coordinators, the runs on the workers; every finished run updates a snapshot of
 * the statistics so far, which reaches the view through the {@link Dispatcher} coalesced to the screen rate; the
 * final snapshot is the experiment's own result (the command line's bits). Cancel keeps what has been computed.
 * Starting another experiment, {@link #stop()} or a reset drop the results still on their way. The properties are
 * written on the dispatcher's thread only (the FX thread in the app).
 *
 * @param <S> the snapshot type
 */
public final class LiveExperiment<S> {

    /** How many finished results are remembered. */
    static final int REMEMBERED = 8;

    /**
     * The experiment itself: runs everything and returns the final snapshot; throws CancellationException when asked
     * to.
     */
    @FunctionalInterface
    public interface Body<S> {
        S run(Executor workers, ExperimentObserver observer);
    }

    /**
     * One experiment to run.
     *
     * @param key          identifies the experiment's settings (equal keys give equal results)
     * @param runs         R, the runs the user asked for (per setting when there are several), for the progress
     * @param settings     how many settings each of the R runs is made for (1 when the runs are counted as they
     *                     are); the progress then reads "runs k / R, S settings"
     * @param startMessage shown while it computes
     * @param body         the experiment
     * @param onRun        folds one finished run's data into a partial snapshot (called one at a time)
     * @param runsDone     how many runs a snapshot holds, summed over the settings (R x S when finished)
     * @param doneMessage  the message for the final snapshot
     */
    public record Job<S>(Object key, int runs, int settings, String startMessage, Body<S> body,
                         Function<int[][], S> onRun, ToIntFunction<S> runsDone, Function<S, String> doneMessage) {

        public Job {
            if (settings < 1) {
                throw new IllegalArgumentException("settings must be at least 1, got " + settings);
            }
        }

        /** A job whose runs are counted as they are (one setting). */
        public Job(Object key, int runs, String startMessage, Body<S> body, Function<int[][], S> onRun,
                   ToIntFunction<S> runsDone, Function<S, String> doneMessage) {
            this(key, runs, 1, startMessage, body, onRun, runsDone, doneMessage);
        }

        /** R x S: the pieces of work, one per run and setting. */
        int pieces() {
            return runs * settings;
        }

        /** "k / R runs" for one setting, "runs k / R, S settings" for several (k: the runs every setting has). */
        String progress(int piecesDone) {
            return settings == 1 ? piecesDone + " / " + runs + " runs"
                    : "runs " + piecesDone / settings + " / " + runs + ", " + settings + " settings";
        }
    }

    private final Dispatcher dispatcher;
    private final ExecutorService coordinators;
    private final Executor workers;
    private final boolean remember;
    /** Finished results by key, the eight used last (remembered only when asked for). */
    private final Map<Object, S> finished = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, S> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final ReadOnlyObjectWrapper<S> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long generation;
    private Job<S> job;
    private AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Future<?> task;

    /**
     * @param remember true to keep finished results by key and show them at once when the same settings come back
     */
    public LiveExperiment(Dispatcher dispatcher, ExecutorService coordinators, Executor workers, boolean remember) {
        this.dispatcher = dispatcher;
        this.coordinators = coordinators;
        this.workers = workers;
        this.remember = remember;
    }

    /** The statistics over the runs finished so far (null before the first). */
    public ReadOnlyObjectProperty<S> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public S snapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once the snapshot is the finished experiment's result. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** Fraction of the runs finished, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the experiment is doing, its result, or its failure. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the latest experiment was cancelled or dropped (it reports nothing more). */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** The coordinating task of the latest experiment, or null (tests wait for it to end). */
    public Future<?> task() {
        return task;
    }

    /** Drops the current experiment (if any) and starts this one; a remembered result shows at once. */
    public void start(Job<S> newJob) {
        stop();
        long myGeneration = generation;
        job = newJob;
        S known = remember ? finished.get(newJob.key()) : null;
        if (known != null) {
            complete.set(true);
            snapshot.set(known);
            progress.set(1);
            message.set(newJob.doneMessage().apply(known));
            return;
        }
        snapshot.set(null);
        complete.set(false);
        progress.set(0);
        running.set(true);
        message.set(newJob.startMessage());
        AtomicBoolean myCancel = new AtomicBoolean();
        cancelled = myCancel;
        Object key = new Object();
        ExperimentObserver observer = new ExperimentObserver() {
            @Override
            public void runFinished(int run, int[][] data) {
                S partial;
                synchronized (myCancel) {
                    partial = newJob.onRun().apply(data);
                }
                dispatcher.post(key, () -> {
                    if (myGeneration == generation && !myCancel.get()) {
                        snapshot.set(partial);
                        progress.set(newJob.runsDone().applyAsInt(partial) / (double) newJob.pieces());
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return myCancel.get() || Thread.currentThread().isInterrupted();
            }
        };
        try {
            task = coordinators.submit(() -> runJob(newJob, observer, myCancel, myGeneration, key));
        } catch (RejectedExecutionException e) {
            running.set(false);
            message.set("The app is shutting down");
        }
    }

    /** The coordinating task: runs the experiment and posts its result or failure. */
    private void runJob(Job<S> newJob, ExperimentObserver observer, AtomicBoolean myCancel, long myGeneration,
                        Object key) {
        try {
            S result = newJob.body().run(workers, observer);
            dispatcher.post(key, () -> {
                if (myCancel.get()) {
                    return;
                }
                if (remember) {
                    finished.put(newJob.key(), result);
                }
                if (myGeneration == generation) {
                    // complete first: a view that listens to the snapshot reads it as final
                    complete.set(true);
                    snapshot.set(result);
                    progress.set(1);
                    running.set(false);
                    message.set(newJob.doneMessage().apply(result));
                }
            });
        } catch (CancellationException e) {
            // cancelled, reset or lab switch: nothing to report
        } catch (RuntimeException e) {
            dispatcher.post(key, () -> {
                if (myGeneration == generation && !myCancel.get()) {
                    running.set(false);
                    message.set("The experiment failed: " + e);
                }
            });
        }
    }

    /**
     * The runs finished so far: "k / R runs", or "runs k / R, S settings" when each of the R runs is made for S
     * settings (k counts the runs finished for every setting, R the runs the user asked for).
     */
    public String progressText() {
        S s = snapshot.get();
        int done = s == null || job == null ? 0 : job.runsDone().applyAsInt(s);
        return job == null ? "0 / 0 runs" : job.progress(done);
    }

    /** Stops the experiment the user asked to stop; the statistics keep the runs finished so far. */
    public void cancel() {
        cancelled.set(true);
        if (running.get()) {
            running.set(false);
            S s = snapshot.get();
            int done = s == null || job == null ? 0 : job.runsDone().applyAsInt(s);
            message.set(job == null || job.settings() == 1
                    ? "Cancelled after " + done + " of " + (job == null ? 0 : job.runs()) + " runs"
                    : "Cancelled after " + done / job.settings() + " of " + job.runs() + " runs per setting ("
                            + job.settings() + " settings)");
        }
    }

    /** Drops the experiment silently (reset, lab switch, window close): nothing more arrives from it. */
    public void stop() {
        generation++;
        cancelled.set(true);
        running.set(false);
    }

    /** No experiment for the current settings: an empty chart and this message. */
    public void clear(String text) {
        stop();
        job = null;
        snapshot.set(null);
        complete.set(false);
        progress.set(0);
        message.set(text);
    }
}
