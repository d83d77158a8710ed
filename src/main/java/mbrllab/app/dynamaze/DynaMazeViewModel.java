package mbrllab.app.dynamaze;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.Background;
import mbrllab.app.lab.CurveSnapshot;
import mbrllab.app.lab.CurveStats;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.MazeHolder;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Playback;
import mbrllab.app.lab.Publication;
import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.lab.RunBudget;
import mbrllab.app.maze.DivergingScale;
import mbrllab.app.maze.Overlays;
import mbrllab.app.maze.PaneFrame;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.LearningCurveExperiment;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.maze.Maze;

/**
 * State of the Dyna-maze lab: the animated panes (one Dyna-Q agent per n on a {@link LockStepRunner}, see
 * {@link DynaMazeRun}) with their {@link Playback}, and the learning curves over R runs computed live in the
 * background ({@link LiveExperiment}). Views bind to the read-only properties; only this class writes them. FX thread
 * only, except where noted.
 */
public final class DynaMazeViewModel implements SessionState, MazeHolder {

    private final Dispatcher dispatcher;
    private final Playback playback;
    private final LiveExperiment<CurveSnapshot> curves;
    private final DoubleProperty speed;
    private final LongProperty seed;
    private final ReadOnlyObjectWrapper<List<PaneFrame>> frames = new ReadOnlyObjectWrapper<>(this, "frames",
            List.of());
    private final ReadOnlyDoubleWrapper colourLimit = new ReadOnlyDoubleWrapper(this, "colourLimit", 1e-3);
    private final ReadOnlyObjectWrapper<Maze> maze = new ReadOnlyObjectWrapper<>(this, "maze");
    private final ReadOnlyObjectWrapper<List<Integer>> nValues = new ReadOnlyObjectWrapper<>(this, "nValues",
            List.of(0, 5, 50));
    private final ReadOnlyObjectWrapper<Overlays> overlays = new ReadOnlyObjectWrapper<>(this, "overlays",
            Overlays.defaults());
    private final ReadOnlyStringWrapper figureCaption = new ReadOnlyStringWrapper(this, "figureCaption");
    private List<Integer> nValuesBeforeFigure;
    /** The panes' run while Figure 8.3 is shown (its thread stopped), to resume; null when it cannot be. */
    private DynaMazeRun runBeforeFigure;
    private boolean playingBeforeFigure;
    private final ReadOnlyIntegerWrapper configVersion = new ReadOnlyIntegerWrapper(this, "configVersion");
    private final ReadOnlyIntegerWrapper debuggerRequests = new ReadOnlyIntegerWrapper(this, "debuggerRequests");
    private DynaParams params = DynaParams.defaults();
    private int runs = 30;
    private int episodes = 50;
    private DynaMazeRun run;

    public DynaMazeViewModel(Dispatcher dispatcher, Background background, Maze initialMaze) {
        this.dispatcher = dispatcher;
        this.playback = new Playback(dispatcher, 1.0, Playback::stepsText);
        this.curves = new LiveExperiment<>(dispatcher, background.coordinators(), background.workers(), false);
        this.speed = playback.speedProperty();
        this.seed = playback.seedProperty();
        this.maze.set(initialMaze);
        rebuild();
    }

    /** Play, pause, step, speed and seed of the animated panes. */
    public Playback playback() {
        return playback;
    }

    /** The learning curves over the background runs finished so far, with progress and Cancel. */
    public LiveExperiment<CurveSnapshot> curves() {
        return curves;
    }

    public ReadOnlyObjectProperty<List<PaneFrame>> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** The symmetric limit m of the shared Q colour scale [-m, m]. */
    public ReadOnlyDoubleProperty colourLimitProperty() {
        return colourLimit.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Maze> mazeProperty() {
        return maze.getReadOnlyProperty();
    }

    @Override
    public Maze currentMaze() {
        return maze.get();
    }

    public ReadOnlyObjectProperty<List<Integer>> nValuesProperty() {
        return nValues.getReadOnlyProperty();
    }

    public DynaParams params() {
        return params;
    }

    /** Runs R of the background experiment. */
    public int runs() {
        return runs;
    }

    /** Episodes per run of the background experiment. */
    public int episodes() {
        return episodes;
    }

    /** Changes whenever the parameters, n list, runs, episodes, maze or seed are replaced as a whole. */
    public ReadOnlyIntegerProperty configVersionProperty() {
        return configVersion.getReadOnlyProperty();
    }

    /** Counts requests (from presets) to open the step-through debugger. */
    public ReadOnlyIntegerProperty debuggerRequestsProperty() {
        return debuggerRequests.getReadOnlyProperty();
    }

    /** Which layers the panes draw. */
    public ReadOnlyObjectProperty<Overlays> overlaysProperty() {
        return overlays.getReadOnlyProperty();
    }

    public void setOverlays(Overlays newOverlays) {
        overlays.set(newOverlays);
    }

    /** The caption of the frozen Figure 8.3, or null while no figure is shown. */
    public ReadOnlyStringProperty figureCaptionProperty() {
        return figureCaption.getReadOnlyProperty();
    }

    /**
     * Figure 8.3: panes for n = 0 and n = 50 with fresh agents (this seed), each run to halfway through its
     * episode 2 and frozen there with the book's point as a caption. {@link #closeFigure()} brings the previous
     * panes back where they were.
     */
    public void showFigure83() {
        if (nValuesBeforeFigure == null) {
            nValuesBeforeFigure = nValues.get();
            playingBeforeFigure = playback.isPlaying();
            playback.stop();
            // Its agents may only be handed to another thread once their own has ended (stop waits a bounded time).
            runBeforeFigure = playback.isRunnerAlive() ? null : run;
        }
        nValues.set(List.of(0, 50));
        rebuild();
        DynaMazeRun myRun = run;
        playback.runPaused(work -> {
            int[][] summary = myRun.figure83(work);
            dispatcher.post(new Object(), () -> {
                if (myRun == run) {
                    figureCaption.set(caption(summary));
                }
            });
        });
    }

    private String caption(int[][] summary) {
        if (summary[0][0] < 0 || summary[1][0] < 0) {
            return String.format(Locale.ROOT, "Figure 8.3 cannot be drawn (seed %d): n = %d did not reach G within "
                    + "%,d steps of episode 1, so there is no episode 2. Every value is still 0 and %s; "
                    + "with random tie-breaking or some exploration the agent finds G.", seed.get(),
                    summary[0][0] < 0 ? 0 : 50, LearningCurveSpec.DEFAULT_MAX_STEPS,
                    params.tieBreaking() == TieBreaking.FIRST_INDEX && params.epsilon() == 0
                            ? "ties broken by first index with epsilon 0 repeat one move for ever"
                            : "the greedy moves found no way there");
        }
        return String.format(Locale.ROOT, "Figure 8.3: halfway through episode 2 (seed %d). "
                + "Without planning (n = 0: episode 2 takes %d steps, stopped after %d) only the last step before "
                + "G has been learned. With planning (n = 50: %d steps, stopped after %d) the reward found in "
                + "episode 1 has spread through the model and the arrows reach back towards S. An arrow shows "
                + "the action that is strictly best; no arrow: all four values are equal.", seed.get(),
                summary[0][1], summary[0][2], summary[1][1], summary[1][2]);
    }

    /**
     * Leaves Figure 8.3: the panes of before resume where they were (playing if they were), or start afresh when they
     * cannot (their thread did not stop in time).
     */
    public void closeFigure() {
        DynaMazeRun resume = runBeforeFigure;
        boolean play = playingBeforeFigure;
        leaveFigure();
        if (resume == null) {
            rebuild();
            return;
        }
        start(resume);
        if (play) {
            playback.setPlaying(true);
        }
    }

    private void leaveFigure() {
        figureCaption.set(null);
        if (nValuesBeforeFigure != null) {
            nValues.set(nValuesBeforeFigure);
            nValuesBeforeFigure = null;
        }
        runBeforeFigure = null;
    }

    /** New agents (Q = 0, empty model) with the current seed, maze and parameters; paused. Leaves a figure. */
    public void reset() {
        leaveFigure();
        rebuild();
    }

    /**
     * Replaces the parameters, the list of n and the size of the background experiment, then resets.
     *
     * @throws IllegalArgumentException when a value is out of range (nothing is changed then)
     */
    public void configure(DynaParams newParams, List<Integer> newNValues, int newRuns, int newEpisodes) {
        requireWithinBudget(maze.get(), newParams, newNValues, newRuns, newEpisodes);
        this.params = newParams;
        this.runs = newRuns;
        this.episodes = newEpisodes;
        this.nValues.set(List.copyOf(newNValues));
        nValuesBeforeFigure = null;
        runBeforeFigure = null;
        figureCaption.set(null);
        configVersion.set(configVersion.get() + 1);
        rebuild();
    }

    /**
     * Switches to another maze (from a file or the editor): new agents and a new background experiment, the
     * parameters kept.
     *
     * @return the reason when the maze cannot be used
     */
    @Override
    public Optional<String> useMaze(Maze newMaze) {
        try {
            requireWithinBudget(newMaze, params, nValues.get(), runs, episodes);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (newMaze.layout().shortestPathLength() < 0) {
            return Optional.of("G cannot be reached from S in this maze");
        }
        maze.set(newMaze);
        configure(params, nValuesBeforeFigure != null ? nValuesBeforeFigure : nValues.get(), runs, episodes);
        return Optional.empty();
    }

    /** This lab runs on the first layout of a changing maze: its change is the Changing mazes lab's. */
    @Override
    public Optional<String> leftOut(Maze m) {
        return m.change().map(c -> String.format(Locale.ROOT, "this lab runs on its first layout; the change after "
                + "step %,d is for the Changing mazes lab", c.afterStep()));
    }

    /** The settings now, as a session saves them (the panes of before while Figure 8.3 is shown). */
    public DynaMazeSession session() {
        return new DynaMazeSession(seed.get(), params, nValuesBeforeFigure != null ? nValuesBeforeFigure
                : nValues.get(), runs, episodes, playback.stepsPerSecond(), overlays.get(), maze.get(), null);
    }

    /**
     * The lab's settings for a session file ({@link DynaMazeSession#toJson}): seed, parameters, n list, runs,
     * episodes, speed, overlays and the maze (its whole file text).
     */
    @Override
    public ObjectNode toSettings() {
        return session().toJson();
    }

    /**
     * Applies saved settings ({@link DynaMazeSession#fromJson}). Every field is optional (a missing one keeps the
     * book's default); a present one must be valid. Nothing changes unless everything is valid.
     *
     * @return the reason the settings were refused, naming the field
     */
    @Override
    public Optional<String> applySettings(JsonNode o) {
        return SessionFields.applyIfValid(o, json -> {
            DynaMazeSession s = DynaMazeSession.fromJson(json, session());
            requireWithinBudget(s.maze(), s.params(), s.nValues(), s.runs(), s.episodes());
            return s;
        }, this::apply);
    }

    /**
     * Checks the background experiment's settings: their ranges, and its estimated work and memory against the
     * budget ({@link RunBudget}).
     *
     * @throws IllegalArgumentException naming the value, or the estimate and how to lower it
     */
    static void requireWithinBudget(Maze m, DynaParams p, List<Integer> n, int r, int e) {
        LearningCurveSpec spec = new LearningCurveSpec(m, p, n, r, e, 1, LearningCurveSpec.DEFAULT_MAX_STEPS);
        RunBudget.require(spec.cost(RunBudget.workers()), "lower the runs, the episodes or the n values");
    }

    /** Replaces every setting at once, resets, then does the settings' action (play, Figure 8.3, debugger). */
    public void apply(DynaMazeSession s) {
        shutdown();
        seed.set(s.seed());
        maze.set(s.maze());
        overlays.set(s.overlays());
        if (s.stepsPerSecond() != playback.stepsPerSecond()) {
            playback.setStepsPerSecond(s.stepsPerSecond());
        }
        configure(s.params(), s.nValues(), s.runs(), s.episodes());
        if (s.action() == PresetAction.FIGURE_83) {
            showFigure83();
        } else if (s.action() == PresetAction.PLAY) {
            playback.setPlaying(true);
        } else if (s.action() == PresetAction.DEBUGGER) {
            debuggerRequests.set(debuggerRequests.get() + 1);
        }
    }

    /** Stops the learning thread and the background experiment (lab switch, window close). */
    public void shutdown() {
        playback.stop();
        curves.stop();
    }

    /** Fresh agents for the panes and a fresh background experiment. */
    private void rebuild() {
        start(new DynaMazeRun(maze.get(), params, nValues.get(), seed.get()));
    }

    /** Plays {@code panes} (paused) on a new runner and starts the background experiment of the settings. */
    private void start(DynaMazeRun panes) {
        shutdown();
        colourLimit.set(1e-3);
        run = panes;
        playback.launch(DynaMazeRun.THREAD_NAME, run, LockStepRunner.Pacing.NONE, this::accept);
        LearningCurveSpec spec = new LearningCurveSpec(maze.get(), params, nValues.get(), runs, episodes, seed.get(),
                LearningCurveSpec.DEFAULT_MAX_STEPS);
        CurveStats stats = new CurveStats(spec.nValues(), runs, episodes);
        curves.start(new LiveExperiment.Job<>(spec, runs,
                "Computing " + runs + " runs of " + episodes + " episodes in the background",
                (workers, observer) -> CurveStats.exact(LearningCurveExperiment.run(spec, workers, observer)),
                stats::add, CurveSnapshot::runsDone,
                s -> "Mean of " + s.runsTotal() + " runs with 95% confidence bands" + (givenUp(s)
                        ? String.format(java.util.Locale.ROOT, "; at %,d steps G was never reached: given up",
                        LearningCurveSpec.DEFAULT_MAX_STEPS) : "")));
    }

    /**
     * Whether in some episode every run so far was given up at the episode cap ({@link
     * LearningCurveSpec#DEFAULT_MAX_STEPS}) without reaching G: the mean is the cap.
     */
    static boolean givenUp(CurveSnapshot c) {
        if (c != null) {
            for (double[] mean : c.mean()) {
                for (double m : mean) {
                    if (m >= LearningCurveSpec.DEFAULT_MAX_STEPS) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void accept(Publication<List<PaneFrame>> p) {
        List<PaneFrame> list = p.frame();
        double maxAbs = 0;
        for (PaneFrame f : list) {
            for (double v : f.q()) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        colourLimit.set(DivergingScale.niceLimit(maxAbs));
        frames.set(list);
    }
}
