package mbrllab.app.maze;

import mbrllab.core.maze.Layout;

/**
 * What one maze pane shows at one moment: copies made on the learning thread, read on the FX thread.
 *
 * @param n              planning steps of this pane's agent
 * @param layout         the maze layout in force
 * @param q              Q(x,u) indexed x * 4 + u
 * @param agent          the agent's cell index
 * @param trail          the agent's recent cells, oldest first
 * @param known          per cell: the model knows at least one action there
 * @param visits         per cell: real visits so far
 * @param plannedPair    the (x,u) of the last planning update as x * 4 + u, or -1
 * @param plannedNext    the x' the model predicted for it, or -1
 * @param episode        episode in progress, from 1
 * @param stepsThisEpisode real steps in the episode in progress
 * @param realSteps      real steps in all
 * @param updates        Q updates in all (real and planning)
 * @param episodeLengths steps of the finished episodes in order (the first {@value MazePane#KEPT_EPISODES}
 *                       at most: memory stays bounded on long runs)
 */
public record PaneFrame(int n, Layout layout, double[] q, int agent, int[] trail, boolean[] known, int[] visits,
                        int plannedPair, int plannedNext, int episode, int stepsThisEpisode, long realSteps,
                        long updates, int[] episodeLengths) {
}
