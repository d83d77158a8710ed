package mbrllab.core.dyna.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.DynaListener;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.dyna.MazeAgent;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Cell;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;

/**
 * The step-through debugger of one Dyna-Q run (SPEC section 3): a {@link DynaQ} agent stepped one update at a
 * time along the lecture's pseudocode, with breakpoints and a timeline that can be scrubbed back and forth.
 *
 * <p><b>Granularity.</b> The unit is the update. A real update runs steps (a) to (e) of the pseudocode
 * ({@link PseudocodeLine}): choose u, act, update Q(x,u), update Model(x,u). It is followed by its n planning
 * updates of step (f), one at a time; {@link #pendingPlanning()} says how many of them are still to come. The
 * sequence of updates is exactly that of {@link DynaQ#step()} repeated, bit for bit.
 *
 * <p><b>Timeline.</b> The position is the number of updates executed so far, the agent's update counter; the
 * update with index i (0-based, {@link DynaUpdate#index()}) takes the run from position i to i + 1. Any position
 * can be visited with {@link #seek(long)}: the session keeps copies of the agent every K updates
 * ({@link TimelineParams}) and replays deterministically from the nearest one, so memory stays bounded on runs of
 * millions of updates while a seek costs at most K updates of replay. The furthest position computed is the
 * {@link #head()}; seeking beyond it computes the missing updates.
 *
 * <p><b>Cost.</b> Planning updates that no breakpoint needs to see run in {@link DynaQ}'s fast loop; real
 * updates, the last update of every command and, while a {@link Breakpoint.DeltaQAbove} is enabled, every
 * planning update are observed one by one (about 0.1 microsecond each; two million updates with n = 50 take
 * about 50 ms, or 200 ms with a delta-Q breakpoint, on the development machine). Long commands block the
 * calling thread: the app runs them on its background executor, in chunks (e.g. {@code runToBreakpoint(1_000_000)}
 * repeated) if it wants to offer cancelling.
 *
 * <p><b>Agents.</b> Besides Dyna-Q, a session can step Dyna-Q+ ({@link #DebugSession(AgentSpec, Maze, double, long,
 * long, TimelineParams)}): its real step is Dyna-Q's, and each of its n planning updates is one update with the
 * exploration bonus in {@link DynaUpdate#bonus()}; a planning update of an action never tried has no real step as
 * its source ({@link DebugStep#sourceRealStep()} 0). Such a session also follows the maze's layout change at its
 * step and its slip ({@link #dynamics()} is the maze in force at the current position). Prioritized sweeping cannot
 * be stepped: its real step makes no Q update and its planning stops when its queue runs empty, while the unit of
 * the timeline is one Q update.
 *
 * <p>Not thread-safe: one thread drives a session and reads it; the read methods return copies or immutable
 * values that can be handed to another thread.
 */
public final class DebugSession {

    /**
     * The limit on updates of {@link #stepEpisode()}: an agent that never finds G (epsilon 0, first-index ties)
     * would otherwise run forever.
     */
    public static final long DEFAULT_EPISODE_LIMIT = 10_000_000L;

    /** Rough bytes per snapshot besides the arrays (object headers, generators, the snapshot record). */
    private static final long SNAPSHOT_OVERHEAD_BYTES = 400;

    private final DynaParams params;
    private final int stateCount;
    private final AgentKind kind;
    private final long realSeed;
    private final long planSeed;
    private final int n;
    private final TimelineParams timeline;

    /** Snapshot i is at position i * interval; they run contiguously from 0 to the last one at or below head. */
    private final ArrayList<Snapshot> snapshots = new ArrayList<>();
    private long interval;
    private long head;

    private Cursor live;
    private List<Breakpoint> breakpoints = List.of();

    /** A session with the default timeline: a snapshot every 256 updates at first, at most 1024 snapshots. */
    public DebugSession(DynaParams params, MazeDynamics dynamics, long realSeed, long planSeed) {
        this(params, dynamics, realSeed, planSeed, TimelineParams.defaults());
    }

    /**
     * A session at position 0: a fresh agent {@code new DynaQ(params, dynamics, realSeed, planSeed)} in S,
     * before its first real step.
     *
     * @param timeline snapshot interval and cap of the timeline
     */
    public DebugSession(DynaParams params, MazeDynamics dynamics, long realSeed, long planSeed,
                        TimelineParams timeline) {
        this(new DynaQ(params, dynamics, realSeed, planSeed), realSeed, planSeed, timeline);
    }

    /**
     * A session at position 0 for a fresh agent {@code spec.create(maze, slip, realSeed, planSeed)}: Dyna-Q or
     * Dyna-Q+ in S of the maze's first layout, with the maze's layout change scheduled, before its first real step.
     * The same agent, bit for bit, as run {@code r} of an experiment that seeds it with these seeds.
     *
     * @param slip     the maze's slip probability, in [0, 1]
     * @param timeline snapshot interval and cap of the timeline
     * @throws IllegalArgumentException for prioritized sweeping (see the class comment), or a bad argument
     */
    public DebugSession(AgentSpec spec, Maze maze, double slip, long realSeed, long planSeed,
                        TimelineParams timeline) {
        this(create(spec, maze, slip, realSeed, planSeed), realSeed, planSeed, timeline);
    }

    private static MazeAgent create(AgentSpec spec, Maze maze, double slip, long realSeed, long planSeed) {
        if (spec == null) {
            throw new IllegalArgumentException("spec must not be null");
        }
        if (maze == null) {
            throw new IllegalArgumentException("maze must not be null");
        }
        if (spec.kind() == AgentKind.PRIORITIZED_SWEEPING) {
            throw new IllegalArgumentException("spec: prioritized sweeping cannot be stepped update by update (its "
                    + "real step makes no Q update and its planning stops when the queue runs empty); debug Dyna-Q or "
                    + "Dyna-Q+");
        }
        return spec.create(maze, slip, realSeed, planSeed);
    }

    /** A session whose live cursor starts from {@code agent}, a fresh Dyna-Q or Dyna-Q+ agent (kept, not copied). */
    private DebugSession(MazeAgent agent, long realSeed, long planSeed, TimelineParams timeline) {
        if (timeline == null) {
            throw new IllegalArgumentException("timeline must not be null");
        }
        this.params = agent.params();
        this.stateCount = agent.stateCount();
        this.kind = agent.kind();
        this.realSeed = realSeed;
        this.planSeed = planSeed;
        this.n = params.n();
        this.timeline = timeline;
        this.interval = timeline.initialInterval();
        this.live = new Cursor(agent, 0, null);
        snapshots.add(new Snapshot(0, live.agent.copy(), 0));
    }

    // ---------------------------------------------------------------------------------------------- stepping

    /**
     * Executes the next single update: the real update (steps (a) to (e)) when no planning update is pending,
     * else the next planning update of step (f).
     *
     * @return the update just executed
     */
    public DebugStep stepUpdate() {
        return advance(live, 1, List.of(), false).last();
    }

    /**
     * Finishes the pending planning updates of the current real step, then executes the next real update
     * (steps (a) to (e)); its n planning updates are then pending. Breakpoints are not consulted.
     *
     * @return the real update just executed
     */
    public DebugStep stepRealStep() {
        return advance(live, live.pending + 1L, List.of(), false).last();
    }

    /** {@link #stepEpisode(long)} with at most {@link #DEFAULT_EPISODE_LIMIT} updates. */
    public RunResult stepEpisode() {
        return stepEpisode(DEFAULT_EPISODE_LIMIT);
    }

    /**
     * Runs until the episode in progress has ended: the real update that enters G has been executed and so have
     * its n planning updates, so the agent stands in S at the start of the next episode. Started at the start of
     * an episode, runs that whole episode. Breakpoints are not consulted.
     *
     * @param maxUpdates the most updates to execute, &gt;= 1
     * @return {@link RunResult.StopReason#EPISODE_END}, or {@link RunResult.StopReason#LIMIT} when
     *         {@code maxUpdates} were executed before the episode ended
     */
    public RunResult stepEpisode(long maxUpdates) {
        checkMaxUpdates(maxUpdates);
        return advance(live, maxUpdates, List.of(), true);
    }

    /**
     * Executes updates until one triggers an enabled breakpoint (stopping right after it) or {@code maxUpdates}
     * have been executed. At least one update is executed, so calling it again after a hit moves on to the next
     * hit.
     *
     * @param maxUpdates the most updates to execute, &gt;= 1
     * @return {@link RunResult.StopReason#BREAKPOINT} with every enabled breakpoint the last update triggered, or
     *         {@link RunResult.StopReason#LIMIT}
     */
    public RunResult runToBreakpoint(long maxUpdates) {
        checkMaxUpdates(maxUpdates);
        List<Breakpoint> active = new ArrayList<>();
        for (Breakpoint b : breakpoints) {
            if (b.enabled()) {
                active.add(b);
            }
        }
        return advance(live, maxUpdates, active, false);
    }

    private static void checkMaxUpdates(long maxUpdates) {
        if (maxUpdates < 1) {
            throw new IllegalArgumentException("maxUpdates must be >= 1, got " + maxUpdates);
        }
    }

    /** The breakpoints, enabled or not, in the order hits are reported. */
    public List<Breakpoint> breakpoints() {
        return breakpoints;
    }

    /**
     * Replaces the breakpoints (an empty list removes them all). Disabled ones are kept but never trigger.
     *
     * @throws IllegalArgumentException when an {@link Breakpoint.EntersCell} lies outside the maze
     */
    public void setBreakpoints(List<Breakpoint> newBreakpoints) {
        List<Breakpoint> copy = List.copyOf(newBreakpoints);
        for (Breakpoint b : copy) {
            if (b instanceof Breakpoint.EntersCell cell && cell.state() >= stateCount) {
                throw new IllegalArgumentException("EntersCell state must be in [0, " + stateCount
                        + "), got " + cell.state());
            }
        }
        this.breakpoints = copy;
    }

    // ---------------------------------------------------------------------------------------------- timeline

    /**
     * Moves to {@code position}: the state after exactly that many updates, as if stepped there from the start,
     * bit for bit. Back or forward; beyond the {@link #head()} the missing updates are computed. Costs a copy of
     * the nearest snapshot before {@code position} and at most {@link #snapshotInterval()} updates of replay (or
     * the distance from the current position, when that is shorter).
     *
     * @param position &gt;= 0
     */
    public void seek(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
        if (position != live.position()) {
            live = cursorAt(position, true);
        }
    }

    /**
     * Undoes the last update: {@code seek(position() - 1)}.
     *
     * @throws IllegalStateException at position 0
     */
    public void stepBack() {
        if (live.position() == 0) {
            throw new IllegalStateException("already at position 0, nothing to step back over");
        }
        seek(live.position() - 1);
    }

    /**
     * The update that led to {@code position}: the one {@link #lastStep()} would return after
     * {@code seek(position)}, computed without moving the session (by replay from a snapshot, like a seek;
     * beyond the {@link #head()} the missing updates are computed and the head moves on).
     *
     * @param position &gt;= 0
     * @return empty at position 0
     */
    public Optional<DebugStep> lastStepAt(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
        if (position == live.position()) {
            return lastStep();
        }
        return Optional.ofNullable(cursorAt(position, false).last);
    }

    /** The current position: the number of updates executed, real and planning (the same as {@link #updates()}). */
    public long position() {
        return live.position();
    }

    /** The furthest position computed so far; positions up to it cost a seek, beyond it new computation. */
    public long head() {
        return head;
    }

    /** Snapshots held now, at most {@link TimelineParams#maxSnapshots()}. */
    public int snapshotCount() {
        return snapshots.size();
    }

    /** K, the updates between two snapshots now (doubles each time the snapshots are thinned). */
    public long snapshotInterval() {
        return interval;
    }

    /**
     * An estimate of the memory the snapshots take, in bytes: per snapshot the agent's arrays (37 bytes per
     * (x,u) pair and 8 per state) plus a few hundred bytes of objects, on a 64-bit JVM.
     */
    public long estimatedSnapshotBytes() {
        long perSnapshot = 37L * Action.COUNT * stateCount + 8L * stateCount + SNAPSHOT_OVERHEAD_BYTES;
        return perSnapshot * snapshots.size();
    }

    public TimelineParams timelineParams() {
        return timeline;
    }

    // ---------------------------------------------------------------------------------------------- state

    /** The update that led to the current position (what the inspector shows); empty at position 0. */
    public Optional<DebugStep> lastStep() {
        return Optional.ofNullable(live.last);
    }

    /** The line the next update starts with: (f) while planning updates are pending, else (a). */
    public PseudocodeLine nextLine() {
        return live.pending > 0 ? PseudocodeLine.F : PseudocodeLine.A;
    }

    /** Planning updates of the current real step still to come, in [0, n]. */
    public int pendingPlanning() {
        return live.pending;
    }

    /** A copy of Q, indexed x * 4 + u. */
    public double[] qTable() {
        return live.agent.qTable();
    }

    /** Q(x,u). */
    public double q(int x, int u) {
        return live.agent.q(x, u);
    }

    /** The agent's state index: x of the next real step (S right after an episode ended). */
    public int agentState() {
        return live.agent.state();
    }

    /** The agent's cell. */
    public Cell agentCell() {
        return live.agent.dynamics().layout().cell(live.agent.state());
    }

    /** The 1-based episode in progress (the next one as soon as the goal step has been executed). */
    public int episode() {
        return live.agent.episode();
    }

    /** Real steps taken in the episode in progress. */
    public int stepsThisEpisode() {
        return live.agent.stepsThisEpisode();
    }

    /** Real steps taken in all. */
    public long realSteps() {
        return live.agent.realSteps();
    }

    /** Updates executed in all, real and planning: the timeline position. */
    public long updates() {
        return live.agent.updates();
    }

    /**
     * The learned model: one entry per (x,u) tried so far, Model(x,u) = (x', r) with the real step at which it
     * was last set, ordered by x then u. A fresh list.
     */
    public List<ModelEntry> modelTable() {
        MazeAgent agent = live.agent;
        List<ModelEntry> rows = new ArrayList<>(agent.knownPairs());
        for (int x = 0; x < agent.stateCount(); x++) {
            for (int u = 0; u < Action.COUNT; u++) {
                int next = agent.modelNext(x, u);
                if (next >= 0) {
                    rows.add(new ModelEntry(x, u, next, agent.modelReward(x, u), agent.modelSetAt(x, u)));
                }
            }
        }
        return rows;
    }

    /** The (x,u) and predicted x' of the last planning update so far; empty before the first one. */
    public Optional<PlanningSample> lastPlanningSample() {
        int pair = live.agent.lastPlannedPair();
        if (pair < 0) {
            return Optional.empty();
        }
        return Optional.of(new PlanningSample(pair / Action.COUNT, pair % Action.COUNT,
                live.agent.lastPlannedNext()));
    }

    public DynaParams params() {
        return params;
    }

    /**
     * The maze in force at the current position: the first layout until the maze's scheduled change, the changed
     * layout after it (always the first for a session built from {@link MazeDynamics}).
     */
    public MazeDynamics dynamics() {
        return live.agent.dynamics();
    }

    /** The algorithm stepped: Dyna-Q or Dyna-Q+. */
    public AgentKind kind() {
        return kind;
    }

    public long realSeed() {
        return realSeed;
    }

    public long planSeed() {
        return planSeed;
    }

    // ---------------------------------------------------------------------------------------------- engine

    /**
     * Executes up to {@code maxUpdates} updates on {@code c}, stopping early after an update that triggers one of
     * {@code active} (all assumed enabled) or, when {@code untilEpisodeStart}, after the update that completes an
     * episode. Planning updates that cannot stop the run go through the agent's fast loop in chunks that end on
     * snapshot positions; the final update is always observed so that {@code c.last} is set.
     */
    private RunResult advance(Cursor c, long maxUpdates, List<Breakpoint> active, boolean untilEpisodeStart) {
        boolean perUpdate = false;
        boolean stopsAtEpisodeStart = untilEpisodeStart;
        for (Breakpoint b : active) {
            perUpdate |= b instanceof Breakpoint.DeltaQAbove;
            stopsAtEpisodeStart |= b instanceof Breakpoint.EpisodeEnd;
        }
        long done = 0;
        while (done < maxUpdates) {
            if (c.pending > 0 && !perUpdate) {
                long remaining = maxUpdates - done;
                long k = Math.min(Math.min(c.pending, remaining), nextSnapshotPosition() - c.position());
                // During the goal step's planning stepsThisEpisode is already 0: the chunk's end starts an episode.
                boolean endsRun = k == remaining
                        || (k == c.pending && stopsAtEpisodeStart && c.agent.stepsThisEpisode() == 0);
                long fast = endsRun ? k - 1 : k;
                if (fast > 0) {
                    executeFast(c, (int) fast);
                    done += fast;
                    continue;
                }
            }
            executeObserved(c);
            done++;
            boolean episodeStart = c.atEpisodeStart();
            List<Breakpoint> hits = List.of();
            for (Breakpoint b : active) {
                if (b.triggeredBy(c.last.update(), episodeStart)) {
                    if (hits.isEmpty()) {
                        hits = new ArrayList<>(2);
                    }
                    hits.add(b);
                }
            }
            if (!hits.isEmpty()) {
                return new RunResult(RunResult.StopReason.BREAKPOINT, hits, done, c.last);
            }
            if (untilEpisodeStart && episodeStart) {
                return new RunResult(RunResult.StopReason.EPISODE_END, hits, done, c.last);
            }
        }
        return new RunResult(RunResult.StopReason.LIMIT, List.of(), done, c.last);
    }

    /** One update with its arithmetic recorded in {@code c.last}: real when nothing is pending, else planning. */
    private void executeObserved(Cursor c) {
        if (c.pending == 0) {
            c.agent.realStep();
            c.pending = n;
        } else {
            c.agent.planningUpdates(1);
            c.pending--;
        }
        DynaUpdate update = c.captured;
        c.last = new DebugStep(update, c.agent.modelSetAt(update.x(), update.u()));
        reached(c);
    }

    /** {@code k} pending planning updates in the agent's fast loop (no listener, no records). */
    private void executeFast(Cursor c, int k) {
        c.agent.setListener(null);
        c.agent.planningUpdates(k);
        c.agent.setListener(c);
        c.pending -= k;
        c.last = null;
        reached(c);
    }

    /** Book-keeping after {@code c} moved forward: the head, and a snapshot on the next snapshot position. */
    private void reached(Cursor c) {
        long position = c.position();
        if (position > head) {
            head = position;
        }
        if (position == nextSnapshotPosition()) {
            snapshots.add(new Snapshot(position, c.agent.copy(), c.pending));
            if (snapshots.size() > timeline.maxSnapshots()) {
                thinSnapshots();
            }
        }
    }

    /** Keeps the snapshots at multiples of 2K (every other one, 0 included) and doubles K. */
    private void thinSnapshots() {
        int kept = 0;
        for (int i = 0; i < snapshots.size(); i += 2) {
            snapshots.set(kept++, snapshots.get(i));
        }
        snapshots.subList(kept, snapshots.size()).clear();
        interval *= 2;
    }

    private long nextSnapshotPosition() {
        return snapshots.get(snapshots.size() - 1).position() + interval;
    }

    /**
     * A cursor at {@code position}, started from the nearest snapshot strictly before it (so that the final
     * update is replayed and observed) or from the live cursor when that is nearer and not past it.
     *
     * @param mayMoveLive true to advance the live cursor itself when it is the starting point, false to leave it
     *                    untouched (a copy is advanced)
     */
    private Cursor cursorAt(long position, boolean mayMoveLive) {
        if (position == 0) {
            return Cursor.from(snapshots.get(0));
        }
        Snapshot snapshot = snapshots.get((int) Math.min((position - 1) / interval, snapshots.size() - 1));
        Cursor c;
        long livePosition = live.position();
        if (livePosition < position && livePosition >= snapshot.position()) {
            c = mayMoveLive ? live : new Cursor(live.agent.copy(), live.pending, live.last);
        } else {
            c = Cursor.from(snapshot);
        }
        advance(c, position - c.position(), List.of(), false);
        return c;
    }

    /** A copy of the agent and the session's own state at a snapshot position; the agent is never stepped. */
    private record Snapshot(long position, MazeAgent agent, int pending) {
    }

    /** A point of the run being stepped: an agent, its pending planning count, and the update that led there. */
    private static final class Cursor implements DynaListener {

        final MazeAgent agent;
        int pending;
        /** The last update executed, or null at position 0 (and inside a fast chunk). */
        DebugStep last;
        /** The latest update the agent reported. */
        DynaUpdate captured;

        Cursor(MazeAgent agent, int pending, DebugStep last) {
            this.agent = agent;
            this.pending = pending;
            this.last = last;
            agent.setListener(this);
        }

        static Cursor from(Snapshot snapshot) {
            return new Cursor(snapshot.agent().copy(), snapshot.pending(), null);
        }

        @Override
        public void onUpdate(DynaUpdate update) {
            captured = update;
        }

        long position() {
            return agent.updates();
        }

        /** True right after the goal step's planning: the agent stands in S at the start of a new episode. */
        boolean atEpisodeStart() {
            return pending == 0 && agent.stepsThisEpisode() == 0 && agent.realSteps() > 0;
        }
    }
}
