package mbrllab.core.dyna;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import mbrllab.core.parallel.Tasks;

/**
 * Runs a {@link CumulativeRewardSpec}: every run is an independent task (all agents of one run in one task, so
 * they share their seeds), handed to the caller's executor. Run r is seeded by
 * {@link CumulativeRewardSpec#realSeed(int)} and {@link CumulativeRewardSpec#planSeed(int)} only, and the
 * statistics are exact integer sums, so the result is identical whatever the executor and its threads.
 */
public final class CumulativeRewardExperiment {

    private CumulativeRewardExperiment() {
    }

    /**
     * Runs the experiment and waits for it.
     *
     * @param executor runs the tasks; {@code Runnable::run} runs everything on the calling thread
     * @param observer told of each finished run (its curves are the goals after every step, as
     *                 {@link #runOne} returns them), and asked about cancellation
     * @throws CancellationException when the observer cancelled
     */
    public static CumulativeRewards run(CumulativeRewardSpec spec, Executor executor, ExperimentObserver observer) {
        CumulativeRewards.Accumulator accumulator = new CumulativeRewards.Accumulator(spec);
        Tasks.runAll(spec.runs(), executor, run -> {
            if (observer.isCancelled()) {
                return;
            }
            int[][] goals = runOne(spec, run, observer);
            if (goals == null) {
                return;
            }
            accumulator.add(goals);
            observer.runFinished(run, goals);
        });
        if (observer.isCancelled()) {
            throw new CancellationException("experiment cancelled");
        }
        return accumulator.snapshot();
    }

    /**
     * One run: for each agent, a fresh agent with this run's seeds acts for all steps, the maze changing at its
     * step.
     *
     * @return goals[i][t]: goals agent i reached in the first t + 1 real steps; null when cancelled midway
     */
    public static int[][] runOne(CumulativeRewardSpec spec, int run, ExperimentObserver observer) {
        int[][] goals = new int[spec.agents().size()][spec.steps()];
        for (int i = 0; i < goals.length; i++) {
            MazeAgent agent = spec.agents().get(i).create(spec.maze(), spec.slip(), spec.realSeed(run),
                    spec.planSeed(run));
            int[] g = goals[i];
            for (int t = 0; t < g.length; t++) {
                if ((t & 1023) == 0 && observer.isCancelled()) {
                    return null;
                }
                agent.step();
                g[t] = (int) agent.goalsReached();
            }
        }
        return goals;
    }
}
