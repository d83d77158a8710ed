package mbrllab.app.changing;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import mbrllab.core.dyna.CumulativeRewardExperiment;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.CumulativeRewards;
import mbrllab.core.dyna.ExperimentObserver;

/**
 * Runs the lab's background experiment ({@link CumulativeRewardExperiment}: R runs of every agent) on the app's
 * pool and reports the statistics over the finished runs as they come in. The sums are exact integers, so the last
 * report is the very result of {@link CumulativeRewardExperiment#run}, the same numbers as {@code figure 8.4} and
 * {@code figure 8.5} with the same seed.
 */
final class RewardExperiment {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CumulativeRewardSpec spec;
    private final CumulativeRewards.Accumulator live;

    RewardExperiment(CumulativeRewardSpec spec) {
        this.spec = spec;
        this.live = new CumulativeRewards.Accumulator(spec);
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Starts the experiment: the coordinating task runs on {@code pool}, the runs on {@code workers}.
     *
     * @param onProgress receives the statistics of the runs finished so far (on worker threads)
     * @param onDone     receives the final result (on a pool thread); not called when cancelled
     * @param onError    receives a failure message
     */
    void start(ExecutorService pool, Executor workers, Consumer<CumulativeRewards> onProgress,
               Consumer<CumulativeRewards> onDone, Consumer<String> onError) {
        pool.execute(() -> {
            try {
                CumulativeRewards result = CumulativeRewardExperiment.run(spec, workers, new ExperimentObserver() {
                    @Override
                    public void runFinished(int run, int[][] goals) {
                        live.add(goals);
                        onProgress.accept(live.snapshot());
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.get() || Thread.currentThread().isInterrupted();
                    }
                });
                onDone.accept(result);
            } catch (CancellationException e) {
                // the user cancelled or reset: nothing to report
            } catch (RuntimeException e) {
                onError.accept("The experiment failed: " + e);
            }
        });
    }
}
