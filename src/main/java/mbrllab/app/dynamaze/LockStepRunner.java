package mbrllab.app.dynamaze;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.app.maze.PaneFrame;

/**
 * Drives one Dyna-Q agent per n in lock step (each tick: one real step and its n planning updates for every
 * agent) on a thread of its own, and publishes {@link PaneFrame} copies at most every {@value #PUBLISH_NANOS}
 * ns while playing. The agents are run 1 of the background experiment with the same seed: they use
 * {@link LearningCurveSpec#realSeed(int)} and {@link LearningCurveSpec#planSeed(int)} of run 0, the same real
 * stream for every n (common random numbers).
 *
 * <p>All agent state is touched only by the runner thread; other threads send commands.
 */
final class LockStepRunner {

    /** Publish at most this often while playing (a little faster than a 60 Hz screen). */
    static final long PUBLISH_NANOS = 12_000_000L;
    /** Cells remembered in the trail. */
    static final int TRAIL = 24;
    /** Episode lengths kept per pane (the chart shows the first ones); later episodes are only counted. */
    static final int KEPT_EPISODES = 2_000;
    /** Speed meaning "as fast as possible". */
    static final double MAX_SPEED = Double.POSITIVE_INFINITY;

    private final Maze maze;
    private final List<Integer> nValues;
    private final DynaQ[] agents;
    private final int[][] trails;
    private final int[] trailCount;
    private final int[][] visits;
    private final int[][] episodeLengths;
    private final int[] episodeCount;
    private final Consumer<List<PaneFrame>> publisher;
    private final LinkedBlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;

    private volatile boolean stopped;
    private boolean playing;
    private double stepsPerSecond = 10;
    private long ticks;

    /**
     * @param maze      the maze
     * @param params    alpha, gamma, epsilon, choice rules (n replaced per pane)
     * @param nValues   one pane per n
     * @param seed      master seed, as in the background experiment
     * @param publisher receives the frames on the runner thread; must hand them over quickly
     */
    LockStepRunner(Maze maze, DynaParams params, List<Integer> nValues, long seed, Consumer<List<PaneFrame>> publisher) {
        this.maze = maze;
        this.nValues = List.copyOf(nValues);
        this.publisher = publisher;
        LearningCurveSpec spec = new LearningCurveSpec(maze, params, nValues, 1, 1, seed,
                LearningCurveSpec.DEFAULT_MAX_STEPS);
        MazeDynamics dynamics = new MazeDynamics(maze.layout());
        int panes = nValues.size();
        this.agents = new DynaQ[panes];
        this.trails = new int[panes][TRAIL];
        this.trailCount = new int[panes];
        this.visits = new int[panes][dynamics.stateCount()];
        this.episodeLengths = new int[panes][64];
        this.episodeCount = new int[panes];
        for (int i = 0; i < panes; i++) {
            agents[i] = new DynaQ(params.withN(nValues.get(i)), dynamics, spec.realSeed(0), spec.planSeed(0));
            visits[i][dynamics.start()] = 1;
            trails[i][0] = dynamics.start();
            trailCount[i] = 1;
        }
        this.thread = new Thread(this::loop, "dyna-maze-runner");
        this.thread.setDaemon(true);
    }

    /** Starts the thread and publishes the first frame. */
    void start() {
        thread.start();
        commands.add(this::publish);
    }

    /** Plays or pauses. */
    void setPlaying(boolean play) {
        commands.add(() -> playing = play);
    }

    /** Steps per second while playing; {@link #MAX_SPEED} for as fast as possible. */
    void setSpeed(double perSecond) {
        commands.add(() -> stepsPerSecond = perSecond);
    }

    /** One tick (every agent one real step plus its planning), then a frame. */
    void stepOnce() {
        commands.add(() -> {
            tick();
            publish();
        });
    }

    /** Runs ticks until every pane has finished {@code episodes} episodes, then publishes and pauses. */
    void runUntilEpisodes(int episodes) {
        commands.add(() -> {
            playing = false;
            while (!stopped && minEpisodesDone() < episodes) {
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

    private int minEpisodesDone() {
        int min = Integer.MAX_VALUE;
        for (int count : episodeCount) {
            min = Math.min(min, count);
        }
        return min;
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
                        for (int k = 0; k < 64; k++) {
                            tick();
                        }
                    } while (System.nanoTime() < sliceEnd && commands.isEmpty() && !stopped);
                    publish();
                    lastPublish = System.nanoTime();
                    // Leave a quarter of the time to the FX and render threads: "as fast as possible" must not
                    // starve the screen on a two-core machine.
                    Runnable next = commands.poll(PUBLISH_NANOS / 3, TimeUnit.NANOSECONDS);
                    if (next != null) {
                        next.run();
                    }
                } else {
                    long due = ticksAtPlayStart + (long) ((now - playStart) / 1e9 * stepsPerSecond) + 1;
                    if (ticks < due) {
                        long limit = now + PUBLISH_NANOS;
                        while (ticks < due && System.nanoTime() < limit && !stopped) {
                            tick();
                        }
                        if (System.nanoTime() - lastPublish >= PUBLISH_NANOS || ticks >= due) {
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

    private void tick() {
        ticks++;
        for (int i = 0; i < agents.length; i++) {
            stepPane(i);
        }
    }

    /** One real step and its planning in pane i, with the pane's bookkeeping (visits, trail, episode lengths). */
    private void stepPane(int i) {
        DynaQ agent = agents[i];
        int stepsBefore = agent.stepsThisEpisode();
        boolean ended = agent.step();
        int cell = agent.state();
        visits[i][cell]++;
        int[] trail = trails[i];
        trail[trailCount[i]++ % TRAIL] = cell;
        if (ended) {
            int count = episodeCount[i]++;
            if (count < KEPT_EPISODES) {
                if (count == episodeLengths[i].length) {
                    episodeLengths[i] = java.util.Arrays.copyOf(episodeLengths[i], Math.min(KEPT_EPISODES, count * 2));
                }
                episodeLengths[i][count] = stepsBefore + 1;
            }
        }
    }

    /**
     * Figure 8.3: every pane (from a fresh start) runs episode 1, then episode 2 is measured on a copy of the agent
     * and the pane takes half of its steps. The panes end at different real steps; then a frame, paused.
     *
     * @param done called on the runner thread with each pane's (episode 1 steps, episode 2 steps, steps taken)
     */
    void runFigure83(Consumer<int[][]> done) {
        commands.add(() -> {
            playing = false;
            int[][] summary = new int[agents.length][3];
            for (int i = 0; i < agents.length && !stopped; i++) {
                while (episodeCount[i] < 1 && !stopped) {
                    stepPane(i);
                }
                int length = agents[i].copy().runEpisode(LearningCurveSpec.DEFAULT_MAX_STEPS);
                for (int k = 0; k < length / 2 && !stopped; k++) {
                    stepPane(i);
                }
                summary[i] = new int[] {episodeLengths[i][0], length, length / 2};
            }
            publish();
            done.accept(summary);
        });
    }

    private void publish() {
        PaneFrame[] frames = new PaneFrame[agents.length];
        for (int i = 0; i < agents.length; i++) {
            DynaQ a = agents[i];
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
            frames[i] = new PaneFrame(nValues.get(i), maze.layout(), a.qTable(), a.state(), trail, known,
                    visits[i].clone(), a.lastPlannedPair(), a.lastPlannedNext(), a.episode(), a.stepsThisEpisode(),
                    a.realSteps(), a.updates(), java.util.Arrays.copyOf(episodeLengths[i], Math.min(episodeCount[i], KEPT_EPISODES)));
        }
        publisher.accept(List.of(frames));
    }
}
