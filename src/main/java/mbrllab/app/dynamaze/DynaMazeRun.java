package mbrllab.app.dynamaze;

import java.util.ArrayList;
import java.util.List;

import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Ticker;
import mbrllab.app.maze.MazePane;
import mbrllab.app.maze.PaneFrame;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;

/**
 * The Dyna-maze lab's animated run: one Dyna-Q agent per n, a tick is one real step and its n planning updates in
 * every pane. The agents are run 1 of the background experiment with the same seed: they use
 * {@link LearningCurveSpec#realSeed(int)} and {@link LearningCurveSpec#planSeed(int)} of run 0, the same real stream
 * for every n (common random numbers). Used on its {@link LockStepRunner}'s thread only.
 */
final class DynaMazeRun implements Ticker<List<PaneFrame>> {

    /** The runner thread's name (tests check that it stops). */
    static final String THREAD_NAME = "dyna-maze-runner";

    private final MazePane[] panes;

    /**
     * @param maze    the maze
     * @param params  alpha, gamma, epsilon, choice rules (n replaced per pane)
     * @param nValues one pane per n
     * @param seed    master seed, as in the background experiment
     */
    DynaMazeRun(Maze maze, DynaParams params, List<Integer> nValues, long seed) {
        LearningCurveSpec spec = new LearningCurveSpec(maze, params, nValues, 1, 1, seed,
                LearningCurveSpec.DEFAULT_MAX_STEPS);
        MazeDynamics dynamics = new MazeDynamics(maze.layout());
        panes = new MazePane[nValues.size()];
        for (int i = 0; i < panes.length; i++) {
            panes[i] = new MazePane(new DynaQ(params.withN(nValues.get(i)), dynamics, spec.realSeed(0),
                    spec.planSeed(0)));
        }
    }

    @Override
    public After tick() {
        for (MazePane pane : panes) {
            pane.step();
        }
        return After.CONTINUE;
    }

    @Override
    public List<PaneFrame> frame() {
        List<PaneFrame> frames = new ArrayList<>(panes.length);
        for (MazePane pane : panes) {
            frames.add(pane.frame());
        }
        return List.copyOf(frames);
    }

    /**
     * Figure 8.3: every pane (from a fresh start) runs episode 1, then episode 2 is measured on a copy of the agent
     * and the pane takes half of its steps. The panes end at different real steps. Episode 1 is given up, as the
     * background runs give up an episode, after {@link LearningCurveSpec#DEFAULT_MAX_STEPS} steps without reaching G
     * (ties broken by first index with epsilon 0 repeat one move into a wall for ever): that pane and the ones after
     * it stay where they are.
     *
     * @return per pane: episode 1 steps, episode 2 steps, steps taken of episode 2; {-1, 0, 0} for a pane whose
     *         episode 1 was given up or not reached
     */
    int[][] figure83(LockStepRunner.Work work) {
        int[][] summary = new int[panes.length][];
        java.util.Arrays.fill(summary, new int[] {-1, 0, 0});
        for (int i = 0; i < panes.length && !work.stopping(); i++) {
            MazePane pane = panes[i];
            long steps = 0;
            while (pane.episodesDone() < 1 && !work.stopping() && steps < LearningCurveSpec.DEFAULT_MAX_STEPS) {
                pane.step();
                steps++;
            }
            if (pane.episodesDone() < 1) {
                break;
            }
            int length = ((DynaQ) pane.agent()).copy().runEpisode(LearningCurveSpec.DEFAULT_MAX_STEPS);
            for (int k = 0; k < length / 2 && !work.stopping(); k++) {
                pane.step();
            }
            summary[i] = new int[] {pane.episodeLength(0), length, length / 2};
        }
        return summary;
    }
}
