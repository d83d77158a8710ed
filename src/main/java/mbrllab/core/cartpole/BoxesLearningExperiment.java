package mbrllab.core.cartpole;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import mbrllab.core.parallel.Tasks;

import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.random.SplitMix64;

/**
 * Runs a {@link BoxesLearningSpec}: every run is an independent task (all curves of one run in one task, so
 * they share their random streams) handed to the caller's executor. A run's agents and start states depend on
 * the run's seeds only, so the result is the same bits whatever the executor and its number of threads.
 */
public final class BoxesLearningExperiment {

    private BoxesLearningExperiment() {
    }

    /**
     * Runs the experiment and waits for it.
     *
     * @param executor runs the tasks; {@code Runnable::run} runs everything on the calling thread
     * @param observer told of each finished run, and asked about cancellation between episodes
     * @return steps balanced per episode; curve i is {@code spec.curveNames().get(i)}, and its n is
     *         {@code spec.curveNs().get(i)}
     * @throws CancellationException when the observer cancelled
     */
    public static LearningCurves run(BoxesLearningSpec spec, Executor executor, ExperimentObserver observer) {
        int curves = spec.curveNs().size();
        int[][][] steps = new int[curves][spec.runs()][];
        Tasks.runAll(spec.runs(), executor, run -> {
            if (observer.isCancelled()) {
                return;
            }
            int[][] result = runOne(spec, run, observer);
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
        return new LearningCurves(spec.curveNs(), steps);
    }

    /**
     * One run: for each curve a fresh agent with this run's seeds balances for all episodes, the start states
     * drawn afresh from the run's start-state seed.
     *
     * @return steps[i][e] for curve i and episode e, or null when cancelled midway
     */
    public static int[][] runOne(BoxesLearningSpec spec, int run, ExperimentObserver observer) {
        Boxes boxes = new Boxes(spec.system());
        int curves = spec.curveNs().size();
        int[][] result = new int[curves][spec.episodes()];
        CartPoleEpisode episode = new CartPoleEpisode(spec.system());
        for (int i = 0; i < curves; i++) {
            BoxesAgent agent = spec.agent() == BoxesAgentKind.RANDOM
                    ? new RandomBoxesAgent(new SplitMix64(spec.realSeed(run)))
                    : new BoxesDynaQ(spec.params().withN(spec.curveNs().get(i)), spec.model().create(),
                            spec.realSeed(run), spec.planSeed(run));
            SplitMix64 envRng = new SplitMix64(spec.envSeed(run));
            for (int e = 0; e < spec.episodes(); e++) {
                if (observer.isCancelled()) {
                    return null;
                }
                result[i][e] = BoxesEpisode.run(boxes, agent, envRng, episode);
            }
        }
        return result;
    }
}
