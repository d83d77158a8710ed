package mbrllab.core.acceleration;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import mbrllab.core.parallel.Tasks;
import mbrllab.core.random.SplitMix64;

/**
 * Runs an {@link AccelerationSpec}: every (setting, run) pair is one independent task on the caller's executor (the
 * core owns no threads). A task depends on its setting and its run's seed only, so the result is the same bits
 * whatever the executor and its number of threads.
 */
public final class AccelerationExperiment {

    private AccelerationExperiment() {
    }

    /**
     * Runs the comparison and waits for it.
     *
     * @param executor runs the tasks; {@code Runnable::run} runs everything on the calling thread, in order
     * @param observer told of each finished run and polled for cancellation after every episode
     * @throws CancellationException when the observer cancelled
     */
    public static AccelerationResult run(AccelerationSpec spec, Executor executor, AccelerationObserver observer) {
        int settings = spec.settings().size();
        int runs = spec.runs();
        RunRecord[][] records = new RunRecord[settings][runs];
        Tasks.runAll(settings * runs, executor, task -> {
            int run = task / settings;
            int setting = task % settings;
            if (observer.isCancelled()) {
                return;
            }
            RunRecord record = runOne(spec, setting, run, observer);
            if (record != null) {
                records[setting][run] = record;
                observer.runFinished(setting, run, record);
            }
        });
        if (observer.isCancelled()) {
            throw new CancellationException("experiment cancelled");
        }
        return new AccelerationResult(spec, records);
    }

    /**
     * One run of one setting: a fresh learner with the run's seed learns until it has finished the spec's episodes
     * or taken its real steps; then its model's k-step error is measured.
     *
     * @return the record, or null when cancelled midway
     */
    public static RunRecord runOne(AccelerationSpec spec, int setting, int run, AccelerationObserver observer) {
        DynaDqn learner = new DynaDqn(spec.task(), spec.params(), spec.settings().get(setting), spec.runSeed(run));
        int[] returns = new int[Math.min(spec.episodes(), spec.maxRealSteps())];
        int[] steps = new int[returns.length];
        int episodes = 0;
        long realSteps = 0;
        while (episodes < spec.episodes() && realSteps < spec.maxRealSteps()) {
            int r = learner.step();
            realSteps++;
            if (r >= 0) {
                returns[episodes] = r;
                steps[episodes] = (int) realSteps;
                episodes++;
                if (observer.isCancelled()) {
                    return null;
                }
            }
        }
        RolloutError error = learner.rolloutError(spec.errorStarts(), spec.errorHorizon(),
                new SplitMix64(spec.errorSeed(run)));
        return new RunRecord(java.util.Arrays.copyOf(returns, episodes), java.util.Arrays.copyOf(steps, episodes),
                learner.counters(), error);
    }
}
