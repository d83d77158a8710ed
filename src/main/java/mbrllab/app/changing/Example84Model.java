package mbrllab.app.changing;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
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
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.UpdatesToOptimal;
import mbrllab.core.dyna.UpdatesToOptimalExperiment;
import mbrllab.app.lab.RunBudget;
import mbrllab.core.dyna.UpdatesToOptimalSpec;
import mbrllab.core.maze.Maze;
import mbrllab.io.BundledMazes;

/**
 * The second tab's state: the book's Example 8.4, updates until an optimal solution against maze size for Dyna-Q
 * and prioritized sweeping ({@link UpdatesToOptimalSpec#example84}: the Dyna-maze at 1x to 6x resolution), computed
 * on the app's background pool with progress and cancel. The result is the same as {@code figure example-8.4} with
 * the same runs and seed. FX thread only, except where noted.
 */
public final class Example84Model {

    /** Runs per maze by default: few, so that the comparison is there in seconds (the command line takes more). */
    public static final int DEFAULT_RUNS = 8;
    /** Most runs the tab accepts (the command line goes to 10,000). */
    public static final int MAX_RUNS = 1000;

    private final Dispatcher dispatcher;
    private final Background background;
    private final List<Maze> mazes;
    private final ReadOnlyObjectWrapper<UpdatesToOptimal> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            "Press Compute to run the comparison.");
    private int runs = DEFAULT_RUNS;
    private long seed = 1;
    private AtomicBoolean cancelled;
    private long generation;

    public Example84Model(Dispatcher dispatcher, Background background) {
        this.dispatcher = dispatcher;
        this.background = background;
        this.mazes = BundledMazes.example84Mazes();
    }

    /** The comparison, or null before the first one finished. */
    public ReadOnlyObjectProperty<UpdatesToOptimal> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Fraction of the (maze, run) tasks finished, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public int runs() {
        return runs;
    }

    public long seed() {
        return seed;
    }

    /** The mazes compared, smallest first. */
    public List<Maze> mazes() {
        return mazes;
    }

    /**
     * Starts the comparison with {@code newRuns} runs per maze and this seed, cancelling one in progress.
     *
     * @throws IllegalArgumentException when newRuns is outside [1, {@link #MAX_RUNS}], or the comparison is estimated
     *                                  over the budget ({@link RunBudget}); nothing is started or cancelled then
     */
    public void compute(int newRuns, long newSeed) {
        if (newRuns < 1 || newRuns > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in 1.." + MAX_RUNS + ", got " + newRuns);
        }
        RunBudget.require(UpdatesToOptimalSpec.example84(mazes, newRuns, newSeed).cost(RunBudget.workers()),
                "lower the runs per maze");
        cancel();
        runs = newRuns;
        seed = newSeed;
        UpdatesToOptimalSpec spec = UpdatesToOptimalSpec.example84(mazes, runs, seed);
        long myGeneration = ++generation;
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(0);
        message.set(String.format(Locale.ROOT, "Example 8.4: %d runs on each of %d mazes in the background", runs,
                mazes.size()));
        Object key = new Object();
        try {
            background.coordinators().execute(() -> {
                try {
                    UpdatesToOptimal r = UpdatesToOptimalExperiment.run(spec, background.workers(),
                            new ExperimentObserver() {
                                @Override
                                public void taskFinished(int done, int total) {
                                    dispatcher.post(key, () -> {
                                        if (myGeneration == generation && !stop.get()) {
                                            progress.set(done / (double) total);
                                        }
                                    });
                                }

                                @Override
                                public boolean isCancelled() {
                                    return stop.get() || Thread.currentThread().isInterrupted();
                                }
                            });
                    dispatcher.post(key, () -> {
                        if (myGeneration == generation && !stop.get()) {
                            result.set(r);
                            progress.set(1);
                            running.set(false);
                            message.set(String.format(Locale.ROOT, "Example 8.4: mean of %d runs per maze, seed %d%s",
                                    runs, seed, r.censoredTotal() == 0 ? "" : "; " + r.censoredTotal()
                                            + " runs found no optimal policy within the step cap (left out)"));
                        }
                    });
                } catch (CancellationException e) {
                    // cancelled: nothing to report
                } catch (RuntimeException e) {
                    dispatcher.post(key, () -> {
                        if (myGeneration == generation) {
                            running.set(false);
                            message.set("Example 8.4 failed: " + e);
                        }
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            running.set(false);
            message.set("The app is shutting down");
        }
    }

    /** Stops the comparison in progress; the previous result stays. */
    public void cancel() {
        if (cancelled != null) {
            cancelled.set(true);
            cancelled = null;
        }
        if (running.get()) {
            running.set(false);
            message.set("Example 8.4 cancelled");
        }
        generation++;
    }
}
