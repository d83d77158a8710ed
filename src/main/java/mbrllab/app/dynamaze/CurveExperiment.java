package mbrllab.app.dynamaze;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import mbrllab.charts.LearningCurveChart;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurveExperiment;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.LearningCurves;

/**
 * Runs the lab's background experiment (R runs of every n) on the app's pool and reports the curves over
 * the finished runs as they come in: running sums per (n, episode), so each report costs
 * O(curves x episodes) whatever R is. The last report is the exact result of
 * {@link LearningCurveExperiment#run}, the same numbers as {@code figure 8.2} with the same seed.
 */
final class CurveExperiment {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final LearningCurveSpec spec;
    private final double[][] sum;
    private final double[][] sumSquares;
    private int done;

    CurveExperiment(LearningCurveSpec spec) {
        this.spec = spec;
        int curves = spec.nValues().size();
        this.sum = new double[curves][spec.episodes()];
        this.sumSquares = new double[curves][spec.episodes()];
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
     * @param onProgress receives partial snapshots (on worker threads)
     * @param onDone     receives the final snapshot (on a pool thread); not called when cancelled
     * @param onError    receives a failure message
     */
    void start(ExecutorService pool, Executor workers, Consumer<CurveSnapshot> onProgress,
               Consumer<CurveSnapshot> onDone, Consumer<String> onError) {
        pool.execute(() -> {
            try {
                LearningCurves curves = LearningCurveExperiment.run(spec, workers, new ExperimentObserver() {
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
                // the user cancelled or reset: nothing to report
            } catch (RuntimeException e) {
                onError.accept("The experiment failed: " + e);
            }
        });
    }

    private synchronized CurveSnapshot add(int[][] steps) {
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
        return new CurveSnapshot(spec.nValues(), done, spec.runs(), mean, half, false);
    }

    private CurveSnapshot exact(LearningCurves curves) {
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
        return new CurveSnapshot(curves.nValues(), curves.runs(), curves.runs(), mean, half, true);
    }
}
