package mbrllab.app.cartpole;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import mbrllab.charts.LearningCurveChart;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurves;

/**
 * Runs the lab's background experiment ({@link BoxesLearningExperiment}: R runs of every n) on the app's pool and
 * reports the curves over the finished runs as they come in, from running sums per (n, episode), so a report costs
 * O(curves x episodes) whatever R is. The last report is the exact result, the same numbers as
 * {@code cartpole learn} with the same seed. (The Dyna-maze lab's CurveExperiment does the same for the maze.)
 */
final class LiveCurves {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BoxesLearningSpec spec;
    private final double[][] sum;
    private final double[][] sumSquares;
    private int done;
    private volatile Future<?> task;

    LiveCurves(BoxesLearningSpec spec) {
        this.spec = spec;
        int curves = spec.curveNs().size();
        this.sum = new double[curves][spec.episodes()];
        this.sumSquares = new double[curves][spec.episodes()];
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** The coordinating task, once started (tests wait for it to end after a cancel). */
    Future<?> task() {
        return task;
    }

    /**
     * Starts the experiment: the coordinating task on {@code coordinators}, the runs on {@code workers}.
     *
     * @param onProgress receives partial snapshots (on worker threads)
     * @param onDone     receives the final snapshot; not called when cancelled
     * @param onError    receives a failure message
     */
    void start(ExecutorService coordinators, Executor workers, Consumer<CurvesSnapshot> onProgress,
               Consumer<CurvesSnapshot> onDone, Consumer<String> onError) {
        task = coordinators.submit(() -> {
            try {
                LearningCurves curves = BoxesLearningExperiment.run(spec, workers, new ExperimentObserver() {
                    @Override
                    public void runFinished(int run, int[][] steps) {
                        onProgress.accept(add(steps));
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.get() || Thread.currentThread().isInterrupted();
                    }
                });
                onDone.accept(exact(curves));
            } catch (CancellationException e) {
                // cancelled, reset or lab switch: nothing to report
            } catch (RuntimeException e) {
                if (!cancelled.get()) {
                    onError.accept("The experiment failed: " + e);
                }
            }
        });
    }

    private synchronized CurvesSnapshot add(int[][] steps) {
        done++;
        int curves = sum.length;
        int episodes = spec.episodes();
        double[][] mean = new double[curves][episodes];
        double[][] half = new double[curves][episodes];
        double t = LearningCurveChart.confidenceFactor(done);
        for (int i = 0; i < curves; i++) {
            for (int e = 0; e < episodes; e++) {
                double v = steps[i][e];
                sum[i][e] += v;
                sumSquares[i][e] += v * v;
                double m = sum[i][e] / done;
                mean[i][e] = m;
                if (done > 1) {
                    double var = Math.max(0, (sumSquares[i][e] - done * m * m) / (done - 1));
                    half[i][e] = t * Math.sqrt(var / done);
                }
            }
        }
        return new CurvesSnapshot(spec, done, mean, half, false);
    }

    private CurvesSnapshot exact(LearningCurves curves) {
        int n = curves.nValues().size();
        double[][] mean = new double[n][curves.episodes()];
        double[][] half = new double[n][curves.episodes()];
        double t = LearningCurveChart.confidenceFactor(curves.runs());
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < curves.episodes(); e++) {
                mean[i][e] = curves.mean(i, e);
                half[i][e] = t * curves.standardError(i, e);
            }
        }
        return new CurvesSnapshot(spec, curves.runs(), mean, half, true);
    }
}
