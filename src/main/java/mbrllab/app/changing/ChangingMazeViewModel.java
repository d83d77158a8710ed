package mbrllab.app.changing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.MazeHolder;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Playback;
import mbrllab.app.lab.Publication;
import mbrllab.app.debugger.DebuggerViewModel;
import mbrllab.app.maze.DivergingScale;
import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.app.lab.RunBudget;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.CumulativeRewardExperiment;
import mbrllab.core.dyna.CumulativeRewards;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;
import mbrllab.io.BundledMazes;

/**
 * State of the Changing mazes lab: Dyna-Q, Dyna-Q+ and optionally prioritized sweeping on one changing maze. The
 * animated agents ({@link ChangingRun}) run with their {@link Playback} on a lab runner, their frames arriving at
 * most once per screen pulse; the cumulative-reward experiment (R runs, Figures 8.4 and 8.5) runs on the background
 * pool and fills in live ({@link LiveExperiment}). Views bind to the read-only properties; only this class writes
 * them. FX thread only, except where noted.
 */
public final class ChangingMazeViewModel implements SessionState, MazeHolder {

    /** Default speed: 100 real steps per second, so a class sees the change of the blocking maze after 10 s. */
    static final double DEFAULT_SPEED_POSITION = 2.0;

    private final Dispatcher dispatcher;
    private final Example84Model example84;
    private final DebuggerViewModel debugger;
    private final Playback playback;
    private final LiveExperiment<CumulativeRewards> rewards;
    private final DoubleProperty speed;
    private final LongProperty seed;
    private final ReadOnlyObjectWrapper<Publication<List<AgentFrame>>> published = new ReadOnlyObjectWrapper<>(this,
            "published");
    private final ReadOnlyDoubleWrapper colourLimit = new ReadOnlyDoubleWrapper(this, "colourLimit", 1e-3);
    private final ReadOnlyDoubleWrapper tauLimit = new ReadOnlyDoubleWrapper(this, "tauLimit", 1);
    private final BooleanProperty showTau = new SimpleBooleanProperty(this, "showTau", false);
    private final ReadOnlyObjectWrapper<Maze> maze = new ReadOnlyObjectWrapper<>(this, "maze");
    private final ReadOnlyObjectWrapper<ChangingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyStringWrapper changeNotice = new ReadOnlyStringWrapper(this, "changeNotice", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final ReadOnlyIntegerWrapper configVersion = new ReadOnlyIntegerWrapper(this, "configVersion");
    private final ReadOnlyIntegerWrapper example84Requests = new ReadOnlyIntegerWrapper(this, "example84Requests");
    private final ReadOnlyIntegerWrapper debuggerRequests = new ReadOnlyIntegerWrapper(this, "debuggerRequests");
    private int[] changedCells = new int[0];
    private int example84Runs = Example84Model.DEFAULT_RUNS;

    public ChangingMazeViewModel(Dispatcher dispatcher, Background background) {
        this(dispatcher, background, BundledMazes.load(BundledMazes.BLOCKING_MAZE));
    }

    public ChangingMazeViewModel(Dispatcher dispatcher, Background background, Maze initialMaze) {
        this.dispatcher = dispatcher;
        this.example84 = new Example84Model(dispatcher, background);
        this.debugger = new DebuggerViewModel(dispatcher);
        this.playback = new Playback(dispatcher, DEFAULT_SPEED_POSITION, Playback::stepsText);
        this.rewards = new LiveExperiment<>(dispatcher, background.coordinators(), background.workers(), false);
        this.speed = playback.speedProperty();
        this.seed = playback.seedProperty();
        this.maze.set(initialMaze);
        this.settings.set(ChangingSettings.bookDefaults(initialMaze));
        this.changedCells = initialMaze.changedCells();
        rebuild();
    }

    // ------------------------------------------------------------------------------------------------ properties

    public Example84Model example84() {
        return example84;
    }

    /** The step-through debugger's state (third tab). */
    public DebuggerViewModel debugger() {
        return debugger;
    }

    /**
     * Starts a fresh debugger session: Dyna-Q or Dyna-Q+ (the lab's kappa) with {@code n} planning updates on the
     * lab's maze, with its change and slip, and the lab's seed: with the lab's n, the animated pane's agent.
     */
    public void resetDebugger(AgentKind kind, int n) {
        ChangingSettings s = settings.get();
        DynaParams p = s.params().withN(n);
        AgentSpec spec = kind == AgentKind.DYNA_Q_PLUS ? AgentSpec.dynaQPlus(p, s.kappa()) : AgentSpec.dynaQ(p);
        debugger.reset(spec, maze.get(), s.slip(), seed.get());
    }

    /** Play, pause, step, speed and seed of the animated agents. */
    public Playback playback() {
        return playback;
    }

    /** The cumulative rewards over the background runs finished so far, with progress and Cancel. */
    public LiveExperiment<CumulativeRewards> rewards() {
        return rewards;
    }

    /** The animated agents' latest frames with the run's state (null before the first). */
    public ReadOnlyObjectProperty<Publication<List<AgentFrame>>> publishedProperty() {
        return published.getReadOnlyProperty();
    }

    /** The agents' frames, in the order Dyna-Q, Dyna-Q+, (prioritized sweeping); empty before the first. */
    public List<AgentFrame> frames() {
        Publication<List<AgentFrame>> p = published.get();
        return p == null ? List.of() : p.frame();
    }

    /** The symmetric limit m of the shared Q colour scale [-m, m]. */
    public ReadOnlyDoubleProperty colourLimitProperty() {
        return colourLimit.getReadOnlyProperty();
    }

    /** The top of the shared tau scale: a round number at or above the real steps taken. */
    public ReadOnlyDoubleProperty tauLimitProperty() {
        return tauLimit.getReadOnlyProperty();
    }

    /** True to colour the panes by tau, how stale each (x,u) of the model is, instead of by Q. */
    public BooleanProperty showTauProperty() {
        return showTau;
    }

    public ReadOnlyObjectProperty<Maze> mazeProperty() {
        return maze.getReadOnlyProperty();
    }

    @Override
    public Maze currentMaze() {
        return maze.get();
    }

    public ReadOnlyObjectProperty<ChangingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ChangingSettings settings() {
        return settings.get();
    }

    /** What the banner above the panes says about the maze's change (before and after it happens). */
    public ReadOnlyStringProperty changeNoticeProperty() {
        return changeNotice.getReadOnlyProperty();
    }

    /** True once the animated run has passed the maze's change. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** Changes whenever the maze, the settings or the seed are replaced as a whole. */
    public ReadOnlyIntegerProperty configVersionProperty() {
        return configVersion.getReadOnlyProperty();
    }

    /** Counts requests (from presets) to show the Example 8.4 tab. */
    public ReadOnlyIntegerProperty example84RequestsProperty() {
        return example84Requests.getReadOnlyProperty();
    }

    /** Counts requests (from presets) to show the step-through debugger. */
    public ReadOnlyIntegerProperty debuggerRequestsProperty() {
        return debuggerRequests.getReadOnlyProperty();
    }

    /** The cells whose wall, start or goal the maze's change alters (empty for a maze without change). */
    public int[] changedCells() {
        return changedCells.clone();
    }

    /** The experiment this lab runs now (its run 1 is the animated run). */
    public CumulativeRewardSpec spec() {
        return settings.get().spec(maze.get(), seed.get());
    }

    // ------------------------------------------------------------------------------------------------ run controls

    /** Runs the animated agents, paused, until {@code realSteps} real steps have been taken. */
    public void runTo(long realSteps) {
        playback.runPaused(work -> ChangingRun.runTo(work, realSteps));
    }

    /** New agents (Q = 0, empty model, the maze's first layout) with the current seed; a new background experiment. */
    public void reset() {
        rebuild();
    }

    // ------------------------------------------------------------------------------------------------ configuration

    /**
     * Replaces the settings (checked when they were built), then resets.
     *
     * @throws IllegalArgumentException when the background experiment is over the budget ({@link RunBudget}); nothing
     *                                  is changed then
     */
    public void configure(ChangingSettings newSettings) {
        requireWithinBudget(newSettings, maze.get());
        settings.set(newSettings);
        configVersion.set(configVersion.get() + 1);
        rebuild();
    }

    /**
     * Switches to another maze (bundled, from a file or from the editor) with the book's parameters for it
     * ({@link ChangingSettings#bookDefaults}), keeping the choice of a third agent; then resets.
     *
     * @return the reason when the maze cannot be used
     */
    @Override
    public Optional<String> useMaze(Maze newMaze) {
        if (newMaze.layout().shortestPathLength() < 0) {
            return Optional.of("G cannot be reached from S in this maze");
        }
        ChangingSettings defaults = ChangingSettings.bookDefaults(newMaze).withSweeping(settings.get().sweeping());
        try {
            requireWithinBudget(defaults, newMaze); // before anything changes (it threw after the maze was set)
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        maze.set(newMaze);
        changedCells = newMaze.changedCells();
        configure(defaults);
        return Optional.empty();
    }

    /** Stops the learning thread and both background experiments (lab switch, window close). */
    public void shutdown() {
        stopAnimation();
        example84.cancel();
        debugger.shutdown();
    }

    private void stopAnimation() {
        playback.stop();
        rewards.stop();
    }

    private void rebuild() {
        stopAnimation();
        colourLimit.set(1e-3);
        tauLimit.set(1);
        changed.set(false);
        changeNotice.set(noticeBefore());
        CumulativeRewardSpec spec = spec();
        playback.launch(ChangingRun.THREAD_NAME, new ChangingRun(spec), LockStepRunner.Pacing.NONE, this::accept);
        CumulativeRewards.Accumulator live = new CumulativeRewards.Accumulator(spec);
        rewards.start(new LiveExperiment.Job<>(spec, spec.runs(),
                "Computing " + spec.runs() + " runs of " + spec.steps() + " steps in the background",
                (workers, observer) -> CumulativeRewardExperiment.run(spec, workers, observer),
                goals -> {
                    live.add(goals);
                    return live.snapshot();
                }, CumulativeRewards::runs,
                r -> "Cumulative reward: mean of " + r.runs() + " runs with 95% confidence bands"));
    }

    private void accept(Publication<List<AgentFrame>> p) {
        double maxAbs = 0;
        for (AgentFrame f : p.frame()) {
            for (double v : f.pane().q()) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        colourLimit.set(DivergingScale.niceLimit(maxAbs));
        tauLimit.set(niceTauLimit(p.ticks()));
        boolean nowChanged = !p.frame().isEmpty() && p.frame().get(0).changed();
        if (nowChanged != changed.get()) {
            changed.set(nowChanged);
            changeNotice.set(nowChanged ? noticeAfter() : noticeBefore());
        }
        published.set(p);
    }

    /** A round tau limit at or above the steps taken (1, 2 or 5 times a power of ten), at least 10. */
    static double niceTauLimit(long realSteps) {
        double limit = DivergingScale.niceLimit(Math.max(10, realSteps));
        return Math.max(10, limit);
    }

    private String noticeBefore() {
        Maze m = maze.get();
        if (m.change().isEmpty()) {
            return m.name() + " does not change: open a changing maze (or add an \"after:\" layout in the maze editor"
                    + " file) to see Dyna-Q+ at work.";
        }
        return String.format(Locale.ROOT, "%s changes after real step %,d (the dashed line on the chart).%s",
                m.name(), m.change().get().afterStep(),
                m.description().isEmpty() ? "" : " " + sentence(m.description()));
    }

    /** The text as a sentence: a full stop added when it ends without one (maze files' descriptions often do). */
    static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private String noticeAfter() {
        Maze m = maze.get();
        int step = m.change().map(c -> c.afterStep()).orElse(0);
        Layout before = m.layout();
        Layout after = m.change().map(c -> c.layout()).orElse(before);
        int walled = 0;
        int opened = 0;
        for (int cell : changedCells) {
            int r = cell / before.cols();
            int c = cell % before.cols();
            if (!before.isWall(r, c) && after.isWall(r, c)) {
                walled++;
            } else if (before.isWall(r, c) && !after.isWall(r, c)) {
                opened++;
            }
        }
        String path = after.shortestPathLength() < 0 ? "G can no longer be reached"
                : "the shortest path is now " + after.shortestPathLength() + " steps (was "
                        + before.shortestPathLength() + ")";
        List<String> parts = new ArrayList<>();
        if (walled > 0) {
            parts.add(count(walled, "cell") + (walled == 1 ? " became a wall" : " became walls"));
        }
        if (opened > 0) {
            parts.add(count(opened, "cell") + " opened");
        }
        if (parts.isEmpty()) {
            parts.add("S or G moved");
        }
        return String.format(Locale.ROOT, "Step %,d: the maze changed. %s (outlined); %s. The agents' models still "
                + "describe the old maze until they try those moves again.", step, String.join(", ", parts), path);
    }

    private static String count(int k, String what) {
        return k + " " + what + (k == 1 ? "" : "s");
    }

    // ------------------------------------------------------------------------------------------------ sessions

    /** The settings now, as a session saves them. */
    public ChangingSession session() {
        return new ChangingSession(seed.get(), maze.get(), settings.get(), showTau.get(), playback.stepsPerSecond(),
                example84Runs, null);
    }

    /**
     * The lab's settings for a session file ({@link ChangingSession#toJson}): seed, maze (its whole file text), the
     * parameters, runs, steps, slip, the third agent, the tau map, the speed, and the runs of the Example 8.4 tab.
     */
    @Override
    public ObjectNode toSettings() {
        return session().toJson();
    }

    /**
     * Applies saved settings ({@link ChangingSession#fromJson}). Every field is optional: a missing maze keeps the
     * current one, a missing parameter takes the book's value for the maze; a present one must be valid. The maze is
     * given as its file text ("maze") or as the name of a maze shipped in mazes/ ("bundledMaze", e.g.
     * "blocking.maze"). Nothing changes unless everything is valid.
     *
     * @return the reason the settings were refused, naming the field
     */
    @Override
    public Optional<String> applySettings(JsonNode o) {
        return SessionFields.applyIfValid(o, json -> {
            ChangingSession s = ChangingSession.fromJson(json, session());
            requireWithinBudget(s.settings(), s.maze());
            return s;
        }, this::apply);
    }

    /** Refuses settings whose background experiment on {@code m} is estimated over the budget. */
    private void requireWithinBudget(ChangingSettings s, Maze m) {
        RunBudget.require(s.spec(m, seed.get()).cost(RunBudget.workers()), "lower the runs or the steps");
    }

    /**
     * Replaces every setting at once, resets, then does the settings' action: "play" starts the animation,
     * "example-8.4" shows the Example 8.4 tab (which computes it), "debugger" the step-through debugger with Dyna-Q+.
     */
    public void apply(ChangingSession s) {
        stopAnimation();
        seed.set(s.seed());
        maze.set(s.maze());
        changedCells = s.maze().changedCells();
        showTau.set(s.showTau());
        if (s.stepsPerSecond() != playback.stepsPerSecond()) {
            playback.setStepsPerSecond(s.stepsPerSecond());
        }
        example84Runs = s.example84Runs();
        configure(s.settings());
        if (s.action() == PresetAction.PLAY) {
            playback.setPlaying(true);
        } else if (s.action() == PresetAction.EXAMPLE_84) {
            example84Requests.set(example84Requests.get() + 1);
        } else if (s.action() == PresetAction.DEBUGGER) {
            debuggerRequests.set(debuggerRequests.get() + 1);
        }
    }

    /** The runs per maze of the Example 8.4 tab (its field shows them; sessions keep them). */
    public int example84Runs() {
        return example84Runs;
    }

    /**
     * Computes Example 8.4 with {@code runs} runs per maze and the lab's seed in the background.
     *
     * @throws IllegalArgumentException when runs is outside [1, {@link Example84Model#MAX_RUNS}], or over the budget
     */
    public void computeExample84(int runs) {
        example84.compute(runs, seed.get());
        example84Runs = runs;
    }
}
