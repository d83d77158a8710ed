package mbrllab.app.changing;

import java.util.List;

import mbrllab.app.maze.PaneFrame;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.PrioritizedSweeping.QueueEntry;

/**
 * What one agent's pane shows at one moment: copies made on the runner thread, read on the FX thread.
 *
 * @param kind        the algorithm
 * @param pane        the maze picture's data (layout in force, Q, agent, trail, model, planning sample, counters)
 * @param tau         tau(x,u) = real steps since (x,u) was last tried, indexed x * 4 + u (the staleness heat map)
 * @param goals       goals reached so far: the cumulative reward (+1 per goal)
 * @param trace       the cumulative reward of this run so far, sampled (for the chart's animated line)
 * @param changed     true once the maze's layout change has happened for this agent
 * @param queueTop    prioritized sweeping: the entries that leave the queue first, in order, right after the latest
 *                    real step that queued something (before that step's planning took from the queue); empty
 *                    before there was one, and for the other agents
 * @param queueSize   prioritized sweeping: the pairs queued at that moment; 0 for the others
 * @param queueStep   prioritized sweeping: that real step (0 before there was one)
 * @param queueSizeNow prioritized sweeping: the pairs queued now, after the latest planning; 0 for the others
 */
public record AgentFrame(AgentKind kind, PaneFrame pane, double[] tau, long goals, RewardTrace.Points trace,
                         boolean changed, List<QueueEntry> queueTop, int queueSize, long queueStep,
                         int queueSizeNow) {
}
