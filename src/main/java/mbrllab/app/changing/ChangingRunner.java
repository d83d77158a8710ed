package mbrllab.app.changing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import mbrllab.app.maze.PaneFrame;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.MazeAgent;
import mbrllab.core.dyna.PrioritizedSweeping;

/**
 * Drives the lab's animated agents (Dyna-Q, Dyna-Q+ and optionally prioritized sweeping) in lock step on a thread of
 * its own: each tick is one real step and its planning updates for every agent. The agents are run 1 of the
 * background experiment ({@link CumulativeRewardSpec#realSeed(int)} and {@link CumulativeRewardSpec#planSeed(int)} of
 * run 0, shared by every agent: common random numbers), on the spec's maze with its layout change and slip. While
 * playing it publishes {@link Published} copies at most every {@value #PUBLISH_NANOS} ns. Playing pauses by itself
 * once, when the run reaches the experiment's last step T (Play goes on beyond it).
 *
 * <p>All agent state is touched only by the runner thread; other threads send commands.
 */
final class ChangingRunner {

    /** Publish at most this often while playing (a little faster than a 60 Hz screen). */
    static final long PUBLISH_NANOS = 12_000_000L;
    /** Cells remembered in the trail. */
    static final int TRAIL = 24;
    /** Queue entries shown for prioritized sweeping. */
    static final int QUEUE_TOP = 8;
    /** The runner thread's name (tests check that it stops). */
    static final String THREAD_NAME = "changing-mazes-runner";

    /**
     * One publication.
     *
     * @param frames     one per agent, in the spec's order
     * @param realSteps  ticks so far (real steps of every agent)
     * @param playing    whether the runner is playing after this frame (false after the pause at T)
     * @param playCommand the number of the last play/pause command the runner had carried out (see
     *                    {@link #setPlaying(boolean, long)}), so that a frame published before a command is not taken
     *                    for the runner's answer to it
     * @param pausedAtEnd true on the frame where playing paused by itself at step T
     */
    record Published(List<AgentFrame> frames, long realSteps, boolean playing, long playCommand,
                     boolean pausedAtEnd) {
    }

    private final CumulativeRewardSpec spec;
    private final MazeAgent[] agents;
    private final RewardTrace[] traces;
    private final int[][] trails;
    private final int[] trailCount;
    /**
     * Prioritized sweeping: the queue right after the latest real step that left it non-empty, before that step's
     * planning (null before there was one, and for the other agents), its size and that real step.
     */
    private final List<PrioritizedSweeping.QueueEntry>[] queueAfterReal;
    private final int[] queueSizeAfterReal;
    private final long[] queueStep;
    private final int[][] visits;
    private final Consumer<Published> publisher;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;

    private volatile boolean stopped;
    private boolean playing;
    private boolean pausedAtEnd;
    private long playCommand;
    private double stepsPerSecond = 10;
    private long ticks;

    /**
     * @param spec      the experiment whose run 1 this is: maze, agents, slip, steps T, seed
     * @param publisher receives publications on the runner thread; must hand them over quickly
     */
    ChangingRunner(CumulativeRewardSpec spec, Consumer<Published> publisher) {
        this.spec = spec;
        this.publisher = publisher;
        int count = spec.agents().size();
        this.agents = new MazeAgent[count];
        this.traces = new RewardTrace[count];
        this.trails = new int[count][TRAIL];
        this.trailCount = new int[count];
        this.visits = new int[count][];
        @SuppressWarnings("unchecked")
        List<PrioritizedSweeping.QueueEntry>[] queues = new List[count];
        this.queueAfterReal = queues;
        this.queueSizeAfterReal = new int[count];
        this.queueStep = new long[count];
        for (int i = 0; i < count; i++) {
            agents[i] = spec.agents().get(i).create(spec.maze(), spec.slip(), spec.realSeed(0), spec.planSeed(0));
            traces[i] = new RewardTrace();
            visits[i] = new int[agents[i].stateCount()];
            int start = agents[i].state();
            visits[i][start] = 1;
            trails[i][0] = start;
            trailCount[i] = 1;
        }
        this.thread = new Thread(this::loop, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /** Starts the thread and publishes the first frame. */
    void start() {
        thread.start();
        commands.add(this::publish);
    }

    /** Plays or pauses; {@code command} numbers the request (frames tell which one they answer). */
    void setPlaying(boolean play, long command) {
        commands.add(() -> {
            playing = play;
            playCommand = command;
        });
    }

    /** Steps per second while playing; infinity for as fast as possible. */
    void setSpeed(double perSecond) {
        commands.add(() -> stepsPerSecond = perSecond);
    }

    /** One tick, then a frame. */
    void stepOnce() {
        commands.add(() -> {
            tick();
            publish();
        });
    }

    /** Runs ticks until {@code realSteps} real steps have been taken, then publishes, paused. */
    void runTo(long realSteps) {
        commands.add(() -> {
            playing = false;
            while (!stopped && ticks < realSteps) {
                tick();
            }
            publish();
        });
    }

    /** Stops the thread and waits up to a second for it. Safe to call twice. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void loop() {
        long lastPublish = System.nanoTime();
        long playStart = 0;
        long ticksAtPlayStart = 0;
        boolean wasPlaying = false;
        double speedAtStart = 0;
        try {
            while (!stopped) {
                Runnable command = playing ? commands.poll() : commands.poll(200, TimeUnit.MILLISECONDS);
                if (command != null) {
                    command.run();
                    continue;
                }
                if (!playing) {
                    wasPlaying = false;
                    continue;
                }
                long now = System.nanoTime();
                if (!wasPlaying || speedAtStart != stepsPerSecond) {
                    wasPlaying = true;
                    playStart = now;
                    ticksAtPlayStart = ticks;
                    speedAtStart = stepsPerSecond;
                }
                if (Double.isInfinite(stepsPerSecond)) {
                    long sliceEnd = now + PUBLISH_NANOS;
                    do {
                        for (int k = 0; k < 16 && playing; k++) {
                            playTick();
                        }
                    } while (playing && System.nanoTime() < sliceEnd && commands.isEmpty() && !stopped);
                    publish();
                    lastPublish = System.nanoTime();
                    // Leave time to the FX and render threads: "as fast as possible" must not starve the screen on a
                    // two-core machine.
                    Runnable next = commands.poll(PUBLISH_NANOS / 3, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        next.run();
                    }
                } else {
                    long due = ticksAtPlayStart + (long) ((now - playStart) / 1e9 * stepsPerSecond) + 1;
                    if (ticks < due) {
                        long limit = now + PUBLISH_NANOS;
                        while (playing && ticks < due && System.nanoTime() < limit && !stopped) {
                            playTick();
                        }
                        if (!playing || System.nanoTime() - lastPublish >= PUBLISH_NANOS || ticks >= due) {
                            publish();
                            lastPublish = System.nanoTime();
                        }
                    } else {
                        long nextDue = playStart + (long) ((ticks - ticksAtPlayStart) * 1e9 / stepsPerSecond);
                        long waitNanos = Math.max(100_000L, Math.min(nextDue - now, 50_000_000L));
                        Runnable next = commands.poll(waitNanos, TimeUnit.NANOSECONDS);
                        if (next != null) {
                            next.run();
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts: leave quietly
        }
    }

    /** A tick while playing: pauses by itself when the run reaches the experiment's last step T (once: ticks pass T once). */
    private void playTick() {
        tick();
        if (ticks == spec.steps()) {
            playing = false;
            pausedAtEnd = true;
        }
    }

    private void tick() {
        ticks++;
        for (int i = 0; i < agents.length; i++) {
            MazeAgent agent = agents[i];
            // agent.step() is realStep() then n planning updates; the queue is caught in between, where it is fullest.
            agent.realStep();
            if (agent instanceof PrioritizedSweeping ps && ps.queueSize() > 0) {
                queueAfterReal[i] = ps.queueTop(QUEUE_TOP);
                queueSizeAfterReal[i] = ps.queueSize();
                queueStep[i] = ps.realSteps();
            }
            agent.planningUpdates(agent.params().n());
            int cell = agent.state();
            visits[i][cell]++;
            trails[i][trailCount[i]++ % TRAIL] = cell;
            traces[i].add(agent.realSteps(), agent.goalsReached());
        }
    }

    private void publish() {
        List<AgentFrame> frames = new ArrayList<>(agents.length);
        for (int i = 0; i < agents.length; i++) {
            MazeAgent a = agents[i];
            int cells = a.stateCount();
            boolean[] known = new boolean[cells];
            for (int x = 0; x < cells; x++) {
                known[x] = a.isObserved(x);
            }
            int count = Math.min(trailCount[i], TRAIL);
            int[] trail = new int[count];
            for (int k = 0; k < count; k++) {
                trail[k] = trails[i][(trailCount[i] - count + k) % TRAIL];
            }
            long[] tauTable = a.tauTable();
            double[] tau = new double[tauTable.length];
            for (int k = 0; k < tau.length; k++) {
                tau[k] = tauTable[k];
            }
            PaneFrame pane = new PaneFrame(a.params().n(), a.dynamics().layout(), a.qTable(), a.state(), trail, known,
                    visits[i].clone(), a.lastPlannedPair(), a.lastPlannedNext(), a.episode(), a.stepsThisEpisode(),
                    a.realSteps(), a.updates(), new int[0]);
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
            frames.add(new AgentFrame(a.kind(), pane, tau, a.goalsReached(), traces[i].points(), changed, top, queued,
                    step, queuedNow));
        }
        boolean paused = pausedAtEnd;
        pausedAtEnd = false;
        publisher.accept(new Published(List.copyOf(frames), ticks, playing, playCommand, paused));
    }
}
