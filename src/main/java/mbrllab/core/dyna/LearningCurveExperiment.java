package mbrllab.core.dyna;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import mbrllab.core.parallel.Tasks;

import mbrllab.core.maze.MazeDynamics;

/**
 * Runs a {@link LearningCurveSpec}: every run is an independent task (all n of one run in one task, so
 * they share their random streams), handed to the caller's executor. Run r's agents are seeded by
 * {@link LearningCurveSpec#realSeed(int)} and {@link LearningCurveSpec#planSeed(int)} only, which makes the
 * result identical whatever the executor and its number of threads.
 */
public final class LearningCurveExperiment {

    private LearningCurveExperiment() {
    }

    /**
     * Runs the experiment and waits for it.
     *
     * @param executor runs the tasks; {@code Runnable::run} runs everything on the calling thread
     * @param observer told of each finished run, and asked about cancellation
     * @throws CancellationException when the observer cancelled
     */
    public static LearningCurves run(LearningCurveSpec spec, Executor executor, ExperimentObserver observer) {
        int curves = spec.nValues().size();
        int[][][] steps = new int[curves][spec.runs()][];
        MazeDynamics dynamics = new MazeDynamics(spec.maze().layout());
        Tasks.runAll(spec.runs(), executor, run -> {
            if (observer.isCancelled()) {
                return;
            }
            int[][] result = runOne(spec, dynamics, run, observer);
            if (result == null) {
                return;
            }
            for (int i = 0; i < curves; i++) {
                steps[i][run] = result[i];
            }
            observer.runFinished(run, result);
        });
        if (observer.isCancelled()) {
            throw new CancellationException("experiment cancelled");
        }
        return new LearningCurves(spec.nValues(), steps);
    }

    /**
     * One run: for each n, a fresh agent with this run's seeds learns for all episodes.
     *
     * @return steps[i][e] for the i-th n and episode e, or null when cancelled midway
     */
    public static int[][] runOne(LearningCurveSpec spec, MazeDynamics dynamics, int run, ExperimentObserver observer) {
        int curves = spec.nValues().size();
        int[][] result = new int[curves][spec.episodes()];
        for (int i = 0; i < curves; i++) {
            DynaQ agent = new DynaQ(spec.params().withN(spec.nValues().get(i)), dynamics, spec.realSeed(run),
                    spec.planSeed(run));
            for (int e = 0; e < spec.episodes(); e++) {
                if (observer.isCancelled()) {
                    return null;
                }
                result[i][e] = agent.runEpisode(spec.maxStepsPerEpisode());
            }
        }
        return result;
    }
}
