package mbrllab.core.dyna;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.parallel.Tasks;

/**
 * Runs an {@link UpdatesToOptimalSpec}: one task per maze and run (all agents of a run in one task, sharing its
 * seeds), handed to the caller's executor, largest maze first. Results are stored by index and seeded by the run
 * only, so they are identical whatever the executor and its threads.
 */
public final class UpdatesToOptimalExperiment {

    private UpdatesToOptimalExperiment() {
    }

    /**
     * Runs the experiment and waits for it.
     *
     * @param observer told of every finished task ({@link ExperimentObserver#taskFinished}) and asked about
     *                 cancellation
     * @throws CancellationException when the observer cancelled
     */
    public static UpdatesToOptimal run(UpdatesToOptimalSpec spec, Executor executor, ExperimentObserver observer) {
        int mazes = spec.mazes().size();
        int agents = spec.agents().size();
        UpdatesToOptimal.Outcome[][][] outcomes = new UpdatesToOptimal.Outcome[mazes][agents][spec.runs()];
        int total = mazes * spec.runs();
        AtomicInteger done = new AtomicInteger();
        MazeDynamics[] dynamicsOf = new MazeDynamics[mazes];
        for (int m = 0; m < mazes; m++) {
            dynamicsOf[m] = new MazeDynamics(spec.mazes().get(m).layout());
        }
        // Largest mazes first, so the longest tasks start early.
        Tasks.runAll(total, executor, task -> {
            int maze = mazes - 1 - task / spec.runs();
            int run = task % spec.runs();
            MazeDynamics dynamics = dynamicsOf[maze];
            for (int a = 0; a < agents; a++) {
                if (observer.isCancelled()) {
                    return;
                }
                MazeAgent agent = spec.agents().get(a).create(dynamics, spec.realSeed(run), spec.planSeed(run));
                UpdatesToOptimal.Outcome outcome = runOne(agent, new GreedyCheck(dynamics), spec.maxRealSteps(),
                        observer);
                if (outcome == null) {
                    return;
                }
                outcomes[maze][a][run] = outcome;
            }
            observer.taskFinished(done.incrementAndGet(), total);
        });
        if (observer.isCancelled()) {
            throw new CancellationException("experiment cancelled");
        }
        return new UpdatesToOptimal(spec, outcomes);
    }

    /**
     * Lets {@code agent} learn, episode after episode, until its greedy policy is optimal at the end of an episode
     * or it has taken {@code maxRealSteps} real steps.
     *
     * @param agent modified: it learns
     * @return the outcome, or null when the observer cancelled
     */
    public static UpdatesToOptimal.Outcome runOne(MazeAgent agent, GreedyCheck check, long maxRealSteps,
                                                  ExperimentObserver observer) {
        long polls = 0;
        while (agent.realSteps() < maxRealSteps) {
            if (agent.step()) {
                if (check.isOptimal(agent)) {
                    return new UpdatesToOptimal.Outcome(agent.updates(), agent.realSteps(), agent.episode() - 1, true);
                }
            }
            if ((++polls & 0xFFFF) == 0 && observer.isCancelled()) {
                return null;
            }
        }
        return new UpdatesToOptimal.Outcome(agent.updates(), agent.realSteps(), agent.episode() - 1, false);
    }
}
