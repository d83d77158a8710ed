package mbrllab.app.changing;

import java.util.ArrayList;
import java.util.List;

import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Ticker;
import mbrllab.app.maze.MazePane;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.MazeAgent;
import mbrllab.core.dyna.PrioritizedSweeping;

/**
 * The Changing mazes lab's animated run: Dyna-Q, Dyna-Q+ and optionally prioritized sweeping in lock step, a tick
 * is one real step and its planning updates for every agent. The agents are run 1 of the background experiment
 * ({@link CumulativeRewardSpec#realSeed(int)} and {@link CumulativeRewardSpec#planSeed(int)} of run 0, shared by
 * every agent: common random numbers), on the spec's maze with its layout change and slip. Playing pauses by itself
 * once, when the run reaches the experiment's last step T (Play goes on beyond it). Used on its
 * {@link LockStepRunner}'s thread only.
 */
final class ChangingRun implements Ticker<List<AgentFrame>> {

    /** The runner thread's name (tests check that it stops). */
    static final String THREAD_NAME = "changing-mazes-runner";
    /** Queue entries shown for prioritized sweeping. */
    static final int QUEUE_TOP = 8;

    private final CumulativeRewardSpec spec;
    private final MazePane[] panes;
    private final RewardTrace[] traces;
    /**
     * Prioritized sweeping: the queue right after the latest real step that left it non-empty, before that step's
     * planning (null before there was one, and for the other agents), its size and that real step.
     */
    private final List<PrioritizedSweeping.QueueEntry>[] queueAfterReal;
    private final int[] queueSizeAfterReal;
    private final long[] queueStep;

    /** @param spec the experiment whose run 1 this is: maze, agents, slip, steps T, seed */
    ChangingRun(CumulativeRewardSpec spec) {
        this.spec = spec;
        int count = spec.agents().size();
        this.panes = new MazePane[count];
        this.traces = new RewardTrace[count];
        @SuppressWarnings("unchecked")
        List<PrioritizedSweeping.QueueEntry>[] queues = new List[count];
        this.queueAfterReal = queues;
        this.queueSizeAfterReal = new int[count];
        this.queueStep = new long[count];
        for (int i = 0; i < count; i++) {
            panes[i] = new MazePane(spec.agents().get(i).create(spec.maze(), spec.slip(), spec.realSeed(0),
                    spec.planSeed(0)));
            traces[i] = new RewardTrace();
        }
    }

    @Override
    public After tick() {
        long realSteps = 0;
        for (int i = 0; i < panes.length; i++) {
            MazeAgent agent = panes[i].agent();
            int before = agent.stepsThisEpisode();
            // agent.step() is realStep() then n planning updates; the queue is caught in between, where it is fullest.
            boolean ended = agent.realStep();
            if (agent instanceof PrioritizedSweeping ps && ps.queueSize() > 0) {
                queueAfterReal[i] = ps.queueTop(QUEUE_TOP);
                queueSizeAfterReal[i] = ps.queueSize();
                queueStep[i] = ps.realSteps();
            }
            agent.planningUpdates(agent.params().n());
            panes[i].record(ended, before);
            traces[i].add(agent.realSteps(), agent.goalsReached());
            realSteps = agent.realSteps();
        }
        return realSteps == spec.steps() ? After.PAUSE : After.CONTINUE;
    }

    @Override
    public List<AgentFrame> frame() {
        List<AgentFrame> frames = new ArrayList<>(panes.length);
        for (int i = 0; i < panes.length; i++) {
            MazeAgent a = panes[i].agent();
            long[] tauTable = a.tauTable();
            double[] tau = new double[tauTable.length];
            for (int k = 0; k < tau.length; k++) {
                tau[k] = tauTable[k];
            }
            boolean changed = spec.maze().change().isPresent() && a.pendingChangeStep() < 0;
            List<PrioritizedSweeping.QueueEntry> top = List.of();
            int queued = 0;
            int queuedNow = 0;
            long step = 0;
            if (a instanceof PrioritizedSweeping ps) {
                top = queueAfterReal[i] == null ? List.of() : List.copyOf(queueAfterReal[i]);
                queued = queueSizeAfterReal[i];
                queuedNow = ps.queueSize();
                step = queueStep[i];
            }
            frames.add(new AgentFrame(a.kind(), panes[i].frame(), tau, a.goalsReached(), traces[i].points(), changed,
                    top, queued, step, queuedNow));
        }
        return List.copyOf(frames);
    }

    /** Runs ticks until {@code realSteps} real steps have been taken (or the runner stops). */
    static void runTo(LockStepRunner.Work work, long realSteps) {
        while (!work.stopping() && work.ticks() < realSteps) {
            work.tick();
        }
    }
}
