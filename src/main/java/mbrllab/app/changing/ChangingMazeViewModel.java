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
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.Background;
import mbrllab.app.FxDispatcher;
import mbrllab.app.debugger.DebuggerViewModel;
import mbrllab.app.maze.DivergingScale;
import mbrllab.app.shell.Sessions;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.CumulativeRewards;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;
import mbrllab.io.BundledMazes;

/**
 * State of the Changing mazes lab: Dyna-Q, Dyna-Q+ and optionally prioritized sweeping on one changing maze. The
 * animated agents run on a {@link ChangingRunner} thread and their frames arrive through the {@link FxDispatcher}, at
 * most once per screen pulse; the cumulative-reward experiment (R runs, Figures 8.4 and 8.5) runs on the background
 * pool and fills in live. Views bind to the read-only properties; only this class writes them. FX thread only,
 * except where noted.
 */
public final class ChangingMazeViewModel {

    /** Slider position meaning "as fast as possible"; positions below are log10(steps per second). */
    public static final double SPEED_MAX_POSITION = 5.0;
    /** Default speed: 100 real steps per second, so a class sees the change of the blocking maze after 10 s. */
    static final double DEFAULT_SPEED_POSITION = 2.0;

    private final FxDispatcher dispatcher;
    private final Background background;
    private final Example84Model example84;
    private final DebuggerViewModel debugger;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyObjectWrapper<ChangingRunner.Published> published = new ReadOnlyObjectWrapper<>(this,
            "published");
    private final ReadOnlyDoubleWrapper colourLimit = new ReadOnlyDoubleWrapper(this, "colourLimit", 1e-3);
    private final ReadOnlyDoubleWrapper tauLimit = new ReadOnlyDoubleWrapper(this, "tauLimit", 1);
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", DEFAULT_SPEED_POSITION);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final BooleanProperty showTau = new SimpleBooleanProperty(this, "showTau", false);
    private final ReadOnlyObjectWrapper<Maze> maze = new ReadOnlyObjectWrapper<>(this, "maze");
    private final ReadOnlyObjectWrapper<ChangingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ReadOnlyObjectWrapper<CumulativeRewards> rewards = new ReadOnlyObjectWrapper<>(this, "rewards");
    private final ReadOnlyBooleanWrapper rewardsFinal = new ReadOnlyBooleanWrapper(this, "rewardsFinal");
    private final ReadOnlyBooleanWrapper experimentRunning = new ReadOnlyBooleanWrapper(this, "experimentRunning");
    private final ReadOnlyDoubleWrapper experimentProgress = new ReadOnlyDoubleWrapper(this, "experimentProgress");
    private final ReadOnlyStringWrapper experimentMessage = new ReadOnlyStringWrapper(this, "experimentMessage", "");
    private final ReadOnlyStringWrapper changeNotice = new ReadOnlyStringWrapper(this, "changeNotice", "");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    private final ReadOnlyIntegerWrapper configVersion = new ReadOnlyIntegerWrapper(this, "configVersion");
    private final ReadOnlyIntegerWrapper example84Requests = new ReadOnlyIntegerWrapper(this, "example84Requests");
    private final ReadOnlyIntegerWrapper debuggerRequests = new ReadOnlyIntegerWrapper(this, "debuggerRequests");
    private ChangingRunner runner;
    private RewardExperiment experiment;
    private long generation;
    private int[] changedCells = new int[0];
    private int example84Runs = Example84Model.DEFAULT_RUNS;
    /** Play and pause requests sent to the runner so far. */
    private long playCommands;

    public ChangingMazeViewModel(FxDispatcher dispatcher, Background background) {
        this(dispatcher, background, BundledMazes.load(BundledMazes.BLOCKING_MAZE));
    }

    public ChangingMazeViewModel(FxDispatcher dispatcher, Background background, Maze initialMaze) {
        this.dispatcher = dispatcher;
        this.background = background;
        this.example84 = new Example84Model(dispatcher, background);
        this.debugger = new DebuggerViewModel(dispatcher);
        this.maze.set(initialMaze);
        this.settings.set(ChangingSettings.bookDefaults(initialMaze));
        this.changedCells = changedCells(initialMaze);
        speed.addListener((o, a, b) -> applySpeed());
        applySpeedText();
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

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** The animated agents' latest frames (null before the first). */
    public ReadOnlyObjectProperty<ChangingRunner.Published> publishedProperty() {
        return published.getReadOnlyProperty();
    }

    /** The agents' frames, in the order Dyna-Q, Dyna-Q+, (prioritized sweeping); empty before the first. */
    public List<AgentFrame> frames() {
        ChangingRunner.Published p = published.get();
        return p == null ? List.of() : p.frames();
    }

    /** The symmetric limit m of the shared Q colour scale [-m, m]. */
    public ReadOnlyDoubleProperty colourLimitProperty() {
        return colourLimit.getReadOnlyProperty();
    }

    /** The top of the shared tau scale: a round number at or above the real steps taken. */
    public ReadOnlyDoubleProperty tauLimitProperty() {
        return tauLimit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** Slider position: log10 of steps per second from 0 up to {@link #SPEED_MAX_POSITION} (as fast as possible). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Seed of the next reset (and of the background runs). */
    public LongProperty seedProperty() {
        return seed;
    }

    /** True to colour the panes by tau, how stale each (x,u) of the model is, instead of by Q. */
    public BooleanProperty showTauProperty() {
        return showTau;
    }

    public ReadOnlyObjectProperty<Maze> mazeProperty() {
        return maze.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChangingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ChangingSettings settings() {
        return settings.get();
    }

    /** The experiment's statistics over the runs finished so far (null before the first). */
    public ReadOnlyObjectProperty<CumulativeRewards> rewardsProperty() {
        return rewards.getReadOnlyProperty();
    }

    /** True once {@link #rewardsProperty()} holds the finished experiment's result. */
    public ReadOnlyBooleanProperty rewardsFinalProperty() {
        return rewardsFinal.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty experimentRunningProperty() {
        return experimentRunning.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty experimentProgressProperty() {
        return experimentProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty experimentMessageProperty() {
        return experimentMessage.getReadOnlyProperty();
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

    /** Steps per second for a slider position; infinity at the top. */
    public static double stepsPerSecond(double position) {
        return position >= SPEED_MAX_POSITION - 1e-9 ? Double.POSITIVE_INFINITY : Math.pow(10, position);
    }

    private void applySpeed() {
        applySpeedText();
        if (runner != null) {
            runner.setSpeed(stepsPerSecond(speed.get()));
        }
    }

    private void applySpeedText() {
        double s = stepsPerSecond(speed.get());
        speedText.set(Double.isInfinite(s) ? "max speed"
                : s < 10 ? String.format(Locale.ROOT, "%.1f steps/s", s) : String.format(Locale.ROOT, "%.0f steps/s", s));
    }

    public void togglePlay() {
        setPlaying(!playing.get());
    }

    public void setPlaying(boolean play) {
        playing.set(play);
        runner.setPlaying(play, ++playCommands);
    }

    /** One lock-step tick: every agent one real step and its planning. Pauses first. */
    public void step() {
        if (playing.get()) {
            setPlaying(false);
        }
        runner.stepOnce();
    }

    /** Runs the animated agents, paused, until {@code realSteps} real steps have been taken. */
    public void runTo(long realSteps) {
        playing.set(false);
        runner.setPlaying(false, ++playCommands);
        runner.runTo(realSteps);
    }

    /** New agents (Q = 0, empty model, the maze's first layout) with the current seed; a new background experiment. */
    public void reset() {
        rebuild();
    }

    /** Stops the background experiment; the chart keeps the runs finished so far. */
    public void cancelExperiment() {
        if (experiment != null) {
            experiment.cancel();
            experiment = null;
        }
        if (experimentRunning.get()) {
            experimentRunning.set(false);
            CumulativeRewards r = rewards.get();
            experimentMessage.set("Cancelled after " + (r == null ? 0 : r.runs()) + " of " + settings.get().runs()
                    + " runs");
        }
    }

    // ------------------------------------------------------------------------------------------------ configuration

    /** Replaces the settings (checked when they were built), then resets. */
    public void configure(ChangingSettings newSettings) {
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
    public Optional<String> useMaze(Maze newMaze) {
        if (newMaze.layout().shortestPathLength() < 0) {
            return Optional.of("G cannot be reached from S in this maze");
        }
        ChangingSettings defaults = ChangingSettings.bookDefaults(newMaze).withSweeping(settings.get().sweeping());
        maze.set(newMaze);
        changedCells = changedCells(newMaze);
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
        if (runner != null) {
            runner.stop();
            runner = null;
        }
        if (experiment != null) {
            experiment.cancel();
            experiment = null;
        }
        experimentRunning.set(false);
        playing.set(false);
    }

    /** True while the learning thread is alive (for tests of clean shutdown). */
    public boolean isRunnerAlive() {
        return runner != null && runner.isAlive();
    }

    private void rebuild() {
        stopAnimation();
        long myGeneration = ++generation;
        colourLimit.set(1e-3);
        tauLimit.set(1);
        changed.set(false);
        changeNotice.set(noticeBefore());
        CumulativeRewardSpec spec = spec();
        // A key per runner: a stopped runner that outlives stop()'s bounded join must not replace the new runner's
        // pending frame in the dispatcher (the generation check would then drop both).
        Object key = new Object();
        runner = new ChangingRunner(spec, p -> dispatcher.post(key, () -> {
            if (myGeneration == generation) {
                accept(p);
            }
        }));
        runner.setSpeed(stepsPerSecond(speed.get()));
        runner.start();
        startExperiment(spec, myGeneration);
    }

    private void startExperiment(CumulativeRewardSpec spec, long myGeneration) {
        RewardExperiment exp = new RewardExperiment(spec);
        experiment = exp;
        rewards.set(null);
        rewardsFinal.set(false);
        experimentRunning.set(true);
        experimentProgress.set(0);
        experimentMessage.set("Computing " + spec.runs() + " runs of " + spec.steps() + " steps in the background");
        Object key = new Object();
        try {
            exp.start(background.coordinators(), background.workers(),
                    partial -> dispatcher.post(key, () -> {
                        if (myGeneration == generation && !exp.isCancelled()) {
                            rewards.set(partial);
                            experimentProgress.set(partial.runs() / (double) spec.runs());
                        }
                    }),
                    result -> dispatcher.post(key, () -> {
                        if (myGeneration == generation && !exp.isCancelled()) {
                            rewardsFinal.set(true);
                            rewards.set(result);
                            experimentProgress.set(1);
                            experimentRunning.set(false);
                            experimentMessage.set("Cumulative reward: mean of " + result.runs()
                                    + " runs with 95% confidence bands");
                        }
                    }),
                    error -> dispatcher.post(key, () -> {
                        if (myGeneration == generation) {
                            experimentRunning.set(false);
                            experimentMessage.set(error);
                        }
                    }));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            experimentRunning.set(false);
            experimentMessage.set("The app is shutting down");
        }
    }

    private void accept(ChangingRunner.Published p) {
        double maxAbs = 0;
        for (AgentFrame f : p.frames()) {
            for (double v : f.pane().q()) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        colourLimit.set(DivergingScale.niceLimit(maxAbs));
        tauLimit.set(niceTauLimit(p.realSteps()));
        // The runner pauses by itself at the experiment's last step; frames older than the latest request are not its
        // answer to it.
        if (!p.playing() && playing.get() && p.playCommand() == playCommands) {
            playing.set(false);
        }
        boolean nowChanged = !p.frames().isEmpty() && p.frames().get(0).changed();
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
                m.name(), m.change().get().afterStep(), m.description().isEmpty() ? "" : " " + m.description());
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

    /** The cells whose wall, start or goal differ between the maze's two layouts. */
    static int[] changedCells(Maze m) {
        if (m.change().isEmpty()) {
            return new int[0];
        }
        Layout a = m.layout();
        Layout b = m.change().get().layout();
        List<Integer> cells = new ArrayList<>();
        for (int x = 0; x < a.cellCount(); x++) {
            int r = x / a.cols();
            int c = x % a.cols();
            boolean start = a.index(a.start()) == x || b.index(b.start()) == x;
            boolean goal = a.index(a.goal()) == x || b.index(b.goal()) == x;
            boolean moved = start && a.index(a.start()) != b.index(b.start())
                    || goal && a.index(a.goal()) != b.index(b.goal());
            if (a.isWall(r, c) != b.isWall(r, c) || moved) {
                cells.add(x);
            }
        }
        return cells.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------------------------------------ sessions

    /**
     * The lab's settings for a session file: seed, maze (its whole file text), the parameters, runs, steps, slip,
     * the third agent, the tau map, the speed, and the runs of the Example 8.4 tab.
     */
    public ObjectNode toSettings() {
        ChangingSettings s = settings.get();
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("seed", seed.get());
        o.put("alpha", s.alpha());
        o.put("gamma", s.gamma());
        o.put("epsilon", s.epsilon());
        o.put("n", s.n());
        o.put("kappa", s.kappa());
        o.put("theta", s.theta());
        o.put("runs", s.runs());
        o.put("steps", s.steps());
        o.put("slip", s.slip());
        o.put("prioritizedSweeping", s.sweeping());
        o.put("showTau", showTau.get());
        double perSecond = stepsPerSecond(speed.get());
        if (Double.isInfinite(perSecond)) {
            o.put("stepsPerSecond", "max");
        } else {
            o.put("stepsPerSecond", Math.round(perSecond * 1000) / 1000.0);
        }
        o.put("example84Runs", example84Runs);
        o.put("maze", MazeParser.format(maze.get()));
        return o;
    }

    /**
     * Applies saved settings. Every field is optional: a missing maze keeps the current one, a missing parameter
     * takes the book's value for the maze; a present one must be valid. The maze is given as its file text
     * ("maze") or as the name of a maze shipped in mazes/ ("bundledMaze", e.g. "blocking.maze"). "action": "play"
     * starts the animation, "example-8.4" shows the Example 8.4 tab (which computes it), "debugger" the step-through debugger with
     * Dyna-Q+. Nothing changes unless
     * everything is valid.
     *
     * @return the reason the settings were refused, naming the field
     */
    public Optional<String> applySettings(JsonNode o) {
        try {
            Maze newMaze = maze.get();
            if (o.has("maze") && o.has("bundledMaze")) {
                throw new IllegalArgumentException("give \"maze\" or \"bundledMaze\", not both");
            }
            if (o.has("maze")) {
                if (!o.get("maze").isTextual()) {
                    throw new IllegalArgumentException("\"maze\" must be the text of a maze file");
                }
                try {
                    newMaze = MazeParser.parse("maze", o.get("maze").asText());
                } catch (MazeFormatException ex) {
                    throw new IllegalArgumentException("\"maze\" is not a valid maze: " + ex.getMessage());
                }
            } else if (o.has("bundledMaze")) {
                String name = o.get("bundledMaze").asText("");
                if (!name.matches("[a-z0-9.-]+\\.maze")) {
                    throw new IllegalArgumentException("\"bundledMaze\" must name a maze in mazes/, e.g. "
                            + "\"blocking.maze\", got " + o.get("bundledMaze"));
                }
                try {
                    newMaze = BundledMazes.load(name);
                } catch (IllegalStateException ex) {
                    throw new IllegalArgumentException("\"bundledMaze\": no maze " + name + " in mazes/");
                }
            }
            if (newMaze.layout().shortestPathLength() < 0) {
                throw new IllegalArgumentException("\"maze\": G cannot be reached from S");
            }
            ChangingSettings d = ChangingSettings.bookDefaults(newMaze);
            long newSeed = o.has("seed") ? longField(o, "seed") : 1;
            ChangingSettings s = new ChangingSettings(
                    o.has("alpha") ? number(o, "alpha") : d.alpha(),
                    o.has("gamma") ? number(o, "gamma") : d.gamma(),
                    o.has("epsilon") ? number(o, "epsilon") : d.epsilon(),
                    o.has("n") ? intField(o, "n") : d.n(),
                    o.has("kappa") ? number(o, "kappa") : d.kappa(),
                    o.has("theta") ? number(o, "theta") : d.theta(),
                    o.has("runs") ? intField(o, "runs") : d.runs(),
                    o.has("steps") ? intField(o, "steps") : d.steps(),
                    o.has("slip") ? number(o, "slip") : d.slip(),
                    o.has("prioritizedSweeping") ? bool(o, "prioritizedSweeping") : d.sweeping());
            boolean tau = o.has("showTau") ? bool(o, "showTau") : false;
            double position = speed.get();
            if (o.has("stepsPerSecond")) {
                JsonNode sp = o.get("stepsPerSecond");
                if (sp.isTextual() && sp.asText().equals("max")) {
                    position = SPEED_MAX_POSITION;
                } else if (sp.isNumber() && sp.asDouble() >= 1 && sp.asDouble() < 100_000) {
                    position = Math.log10(sp.asDouble());
                } else {
                    throw new IllegalArgumentException("\"stepsPerSecond\" must be a number in 1..99999 or \"max\", got "
                            + sp);
                }
            }
            int e84Runs = o.has("example84Runs") ? intField(o, "example84Runs") : example84Runs;
            if (e84Runs < 1 || e84Runs > Example84Model.MAX_RUNS) {
                throw new IllegalArgumentException("example84Runs must be in 1.." + Example84Model.MAX_RUNS + ", got "
                        + e84Runs);
            }
            String action = o.path("action").asText("");
            if (!List.of("", "play", "example-8.4", "debugger").contains(action)) {
                throw new IllegalArgumentException("\"action\" must be \"play\", \"example-8.4\" or \"debugger\", got "
                        + "\"" + action + "\"");
            }
            // Everything is valid: apply.
            stopAnimation();
            seed.set(newSeed);
            maze.set(newMaze);
            changedCells = changedCells(newMaze);
            showTau.set(tau);
            speed.set(position);
            example84Runs = e84Runs;
            configure(s);
            if (action.equals("play")) {
                setPlaying(true);
            } else if (action.equals("example-8.4")) {
                example84Requests.set(example84Requests.get() + 1);
            } else if (action.equals("debugger")) {
                debuggerRequests.set(debuggerRequests.get() + 1);
            }
            return Optional.empty();
        } catch (IllegalArgumentException ex) {
            return Optional.of(ex.getMessage());
        }
    }

    /** The runs per maze of the Example 8.4 tab (its field shows them; sessions keep them). */
    public int example84Runs() {
        return example84Runs;
    }

    /**
     * Computes Example 8.4 with {@code runs} runs per maze and the lab's seed in the background.
     *
     * @throws IllegalArgumentException when runs is outside [1, {@link Example84Model#MAX_RUNS}]
     */
    public void computeExample84(int runs) {
        example84.compute(runs, seed.get());
        example84Runs = runs;
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static int intField(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number, got " + v);
        }
        return v.asInt();
    }

    private static long longField(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number, got " + v);
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode o, String field) {
        if (!o.get(field).isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false, got " + o.get(field));
        }
        return o.get(field).asBoolean();
    }
}
