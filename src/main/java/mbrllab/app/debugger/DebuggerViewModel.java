package mbrllab.app.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import mbrllab.app.lab.Dispatcher;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.debug.Breakpoint;
import mbrllab.core.dyna.debug.DebugSession;
import mbrllab.core.dyna.debug.ModelEntry;
import mbrllab.core.dyna.debug.PlanningSample;
import mbrllab.core.dyna.debug.RunResult;
import mbrllab.core.dyna.debug.TimelineParams;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.app.maze.PaneFrame;

/**
 * The step-through debugger's state: one Dyna-Q agent in a {@link DebugSession} driven on a thread of its own
 * (the FX thread never steps it), its frames reaching the view through the {@link Dispatcher}. The agent is
 * run 1 of the lab with the same seed, so it matches the animated pane with the same n.
 */
public final class DebuggerViewModel {

    /** Most updates one "run to breakpoint" executes. */
    public static final long RUN_LIMIT = 5_000_000L;

    private final Dispatcher dispatcher;
    private final ReadOnlyObjectWrapper<DebugFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    /** The session the view shows and commands go to; replaced by every reset. FX thread. */
    private Driver current;
    private List<Breakpoint> breakpoints = List.of();

    /**
     * One session and the thread that drives it. A reset makes a new driver and shuts the old one's thread down,
     * but a command that thread has already begun still runs to its end (an executor cannot stop it). So what a
     * command reads, changes and publishes belongs to its own driver: its session, its last message, its pending
     * seek, and its key in the dispatcher. Were the key shared, such a late command of an old session could
     * replace the new session's first frame in the dispatcher before a pulse and be discarded there as stale,
     * leaving the new session without a frame until the next command.
     */
    private static final class Driver {
        final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "debugger");
            t.setDaemon(true);
            return t;
        });
        final AtomicLong requestedSeek = new AtomicLong(-1);
        /** The session and the last message shown; only the worker thread touches them. */
        DebugSession session;
        String message = "";
    }

    public DebuggerViewModel(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The current session's latest frame: null from a reset until that session's first frame arrives. */
    public ReadOnlyObjectProperty<DebugFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** A fresh session (position 0) for this maze, parameters, n and seed. */
    public void reset(Maze maze, DynaParams params, int n, long seed) {
        start(() -> {
            LearningCurveSpec seeds = new LearningCurveSpec(maze, params, List.of(n), 1, 1, seed,
                    LearningCurveSpec.DEFAULT_MAX_STEPS);
            return new DebugSession(params.withN(n), new MazeDynamics(maze.layout()), seeds.realSeed(0),
                    seeds.planSeed(0));
        }, "New agent with n = " + n + " at S. Step through the lecture's Dyna-Q line by line.");
    }

    /**
     * A fresh session (position 0) for the agent {@code spec} on {@code maze} with its layout change and this slip:
     * run 1 of an experiment with this master seed (the Changing mazes lab's animated agent with the same spec).
     */
    public void reset(AgentSpec spec, Maze maze, double slip, long seed) {
        start(() -> {
            CumulativeRewardSpec seeds = new CumulativeRewardSpec(maze, List.of(spec), 1, 1, seed, slip);
            return new DebugSession(spec, maze, slip, seeds.realSeed(0), seeds.planSeed(0),
                    TimelineParams.defaults());
        }, "New " + spec.label() + " agent with n = " + spec.params().n() + " at S. Step through the "
                + "lecture's lines one update at a time.");
    }

    /** Replaces the current driver by a new one whose first command creates its session. */
    private void start(Supplier<DebugSession> create, String message) {
        shutdown();
        frame.set(null);
        Driver d = new Driver();
        current = d;
        List<Breakpoint> bps = breakpoints;
        run(d, ignored -> {
            DebugSession s = create.get();
            s.setBreakpoints(bps);
            d.session = s;
            return message;
        });
    }

    /** The next single update: real, or the next planning update of the last real step. */
    public void stepUpdate() {
        command(s -> describe(s.stepUpdate().isReal() ? "Executed a real step, lines (a) to (e)"
                : "Executed one planning update, line (f)"));
    }

    /** Finishes the pending planning updates, then takes the next real step. */
    public void stepRealStep() {
        command(s -> {
            s.stepRealStep();
            return describe("Executed the next real step, lines (a) to (e)");
        });
    }

    /** Runs to the end of the current episode (the goal step and its planning). */
    public void stepEpisode() {
        command(s -> stopMessage(s.stepEpisode(RUN_LIMIT)));
    }

    /** Runs until an enabled breakpoint triggers, at most {@link #RUN_LIMIT} updates. */
    public void runToBreakpoint() {
        command(s -> stopMessage(s.runToBreakpoint(RUN_LIMIT)));
    }

    /** One update back on the timeline. */
    public void stepBack() {
        command(s -> {
            if (s.position() == 0) {
                return "Already at the start.";
            }
            s.stepBack();
            return describe("Stepped back one update");
        });
    }

    /** Moves to a point of the timeline; many requests in a row are coalesced to the latest. */
    public void seek(long position) {
        Driver d = current;
        if (d == null) {
            return;
        }
        d.requestedSeek.set(position);
        run(d, s -> {
            long target = d.requestedSeek.getAndSet(-1);
            if (target < 0) {
                return null;
            }
            s.seek(Math.max(0, target));
            return describe("Timeline: after update " + String.format(Locale.ROOT, "%,d", s.position()));
        });
    }

    /** Replaces the breakpoints (they apply to the next run). */
    public void setBreakpoints(List<Breakpoint> newBreakpoints) {
        breakpoints = List.copyOf(newBreakpoints);
        List<Breakpoint> bps = breakpoints;
        command(s -> {
            s.setBreakpoints(bps);
            return null;
        });
    }

    /** Stops the debugger thread (a command it has begun still finishes); later commands are ignored. */
    public void shutdown() {
        if (current != null) {
            current.worker.shutdownNow();
        }
    }

    private String describe(String what) {
        return what + ".";
    }

    private static String stopMessage(RunResult result) {
        String updates = String.format(Locale.ROOT, "%,d", result.updatesExecuted());
        return switch (result.reason()) {
            case BREAKPOINT -> "Stopped at a breakpoint after " + updates + " updates: " + names(result.hits()) + ".";
            case EPISODE_END -> "Episode finished after " + updates + " updates.";
            case LIMIT -> "No stop within " + updates + " updates; run again to go on.";
        };
    }

    private static String names(List<Breakpoint> hits) {
        List<String> names = new ArrayList<>();
        for (Breakpoint b : hits) {
            if (b instanceof Breakpoint.EpisodeEnd) {
                names.add("episode end");
            } else if (b instanceof Breakpoint.GoalReached) {
                names.add("goal reached");
            } else if (b instanceof Breakpoint.DeltaQAbove d) {
                names.add("|delta Q| > " + d.threshold());
            } else {
                names.add("agent entered the chosen cell");
            }
        }
        return String.join(", ", names);
    }

    /** Runs {@code command} on the current session, if there is one. */
    private void command(Function<DebugSession, String> command) {
        if (current != null) {
            run(current, command);
        }
    }

    /**
     * Runs {@code command} on {@code d}'s thread with {@code d}'s session, then publishes the session's frame with
     * the command's message (null: the last one) under {@code d}'s key; the FX thread shows it only while {@code d}
     * is still the current driver.
     */
    private void run(Driver d, Function<DebugSession, String> command) {
        try {
            d.worker.execute(() -> {
                String message;
                try {
                    message = command.apply(d.session);
                } catch (RuntimeException e) {
                    message = "The debugger could not do that: " + e.getMessage();
                }
                if (d.session == null) {
                    return;
                }
                if (message != null) {
                    d.message = message;
                }
                DebugFrame f = snapshot(d.session, d.message);
                dispatcher.post(d, () -> {
                    if (d == current) {
                        frame.set(f);
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shut down meanwhile
        }
    }

    private static DebugFrame snapshot(DebugSession s, String message) {
        MazeDynamics world = s.dynamics();
        int cells = world.stateCount();
        List<ModelEntry> model = s.modelTable();
        boolean[] known = new boolean[cells];
        for (ModelEntry m : model) {
            known[m.x()] = true;
        }
        var last = s.lastStep();
        int plannedPair = -1;
        int plannedNext = -1;
        if (last.isPresent() && !last.get().isReal()) {
            PlanningSample p = s.lastPlanningSample().orElse(null);
            if (p != null) {
                plannedPair = p.x() * 4 + p.u();
                plannedNext = p.xNext();
            }
        }
        PaneFrame pane = new PaneFrame(s.params().n(), world.layout(), s.qTable(), s.agentState(),
                new int[] {s.agentState()}, known, new int[cells], plannedPair, plannedNext, s.episode(),
                s.stepsThisEpisode(), s.realSteps(), s.updates(), new int[0]);
        return new DebugFrame(pane, last, s.nextLine(), s.position(), s.head(), s.pendingPlanning(), model,
                s.snapshotCount(), message);
    }
}
