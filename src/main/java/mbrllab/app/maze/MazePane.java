package mbrllab.app.maze;

import java.util.Arrays;

import mbrllab.core.dyna.MazeAgent;

/**
 * One animated maze pane's agent with what the pane draws besides the agent's own tables: the recent trail, the
 * real visits per cell and the lengths of the finished episodes (the first {@value #KEPT_EPISODES}; later ones are
 * only counted, so memory stays bounded). Used on a lab runner's thread only; {@link #frame()} makes the copy the FX
 * thread draws.
 */
public final class MazePane {

    /** Cells remembered in the trail. */
    public static final int TRAIL = 24;
    /** Episode lengths kept (the chart shows the first ones); later episodes are only counted. */
    public static final int KEPT_EPISODES = 2_000;

    private final MazeAgent agent;
    private final int[] trail = new int[TRAIL];
    private int trailCount;
    private final int[] visits;
    private int[] episodeLengths = new int[64];
    private int episodeCount;

    public MazePane(MazeAgent agent) {
        this.agent = agent;
        this.visits = new int[agent.stateCount()];
        int start = agent.state();
        visits[start] = 1;
        trail[0] = start;
        trailCount = 1;
    }

    public MazeAgent agent() {
        return agent;
    }

    /** Finished episodes so far. */
    public int episodesDone() {
        return episodeCount;
    }

    /** The length of finished episode {@code k} (0-based, k below {@link #KEPT_EPISODES}). */
    public int episodeLength(int k) {
        return episodeLengths[k];
    }

    /** One real step of the agent and its planning updates, with the pane's bookkeeping. */
    public boolean step() {
        int before = agent.stepsThisEpisode();
        boolean ended = agent.step();
        record(ended, before);
        return ended;
    }

    /**
     * The bookkeeping of a real step the caller made itself (with its planning): the agent's new cell joins the trail
     * and the visits, an ended episode its length.
     *
     * @param ended       whether the real step ended an episode
     * @param stepsBefore the agent's steps in that episode before the step
     */
    public void record(boolean ended, int stepsBefore) {
        int cell = agent.state();
        visits[cell]++;
        trail[trailCount++ % TRAIL] = cell;
        if (ended) {
            int count = episodeCount++;
            if (count < KEPT_EPISODES) {
                if (count == episodeLengths.length) {
                    episodeLengths = Arrays.copyOf(episodeLengths, Math.min(KEPT_EPISODES, count * 2));
                }
                episodeLengths[count] = stepsBefore + 1;
            }
        }
    }

    /** A copy of what the pane shows now. */
    public PaneFrame frame() {
        MazeAgent a = agent;
        int cells = a.stateCount();
        boolean[] known = new boolean[cells];
        for (int x = 0; x < cells; x++) {
            known[x] = a.isObserved(x);
        }
        int count = Math.min(trailCount, TRAIL);
        int[] recent = new int[count];
        for (int k = 0; k < count; k++) {
            recent[k] = trail[(trailCount - count + k) % TRAIL];
        }
        return new PaneFrame(a.params().n(), a.dynamics().layout(), a.qTable(), a.state(), recent, known,
                visits.clone(), a.lastPlannedPair(), a.lastPlannedNext(), a.episode(), a.stepsThisEpisode(),
                a.realSteps(), a.updates(), Arrays.copyOf(episodeLengths, Math.min(episodeCount, KEPT_EPISODES)));
    }
}
