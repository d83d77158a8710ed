package mbrllab.app.dynamaze;

import java.util.List;
import java.util.Locale;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

import java.util.ArrayList;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import mbrllab.app.Background;
import mbrllab.app.shell.Sessions;
import mbrllab.core.dyna.PlanningSampling;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;
import mbrllab.app.FxDispatcher;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.maze.Maze;
import mbrllab.app.maze.DivergingScale;
import mbrllab.app.maze.Overlays;
import mbrllab.app.maze.PaneFrame;

/**
 * State of the Dyna-maze lab's animated panes: the agents run on a {@link LockStepRunner} thread, and their
 * frames arrive here through the {@link FxDispatcher}, at most once per screen pulse. Views bind to the
 * read-only properties; only this class writes them. FX thread only, except where noted.
 */
public final class DynaMazeViewModel {

    /** Slider position meaning "as fast as possible"; positions below are log10(steps per second). */
    public static final double SPEED_MAX_POSITION = 5.0;

    private final FxDispatcher dispatcher;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final ReadOnlyObjectWrapper<List<PaneFrame>> frames = new ReadOnlyObjectWrapper<>(this, "frames", List.of());
    private final ReadOnlyDoubleWrapper colourLimit = new ReadOnlyDoubleWrapper(this, "colourLimit", 1e-3);
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper(this, "speedText", "");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ReadOnlyObjectWrapper<Maze> maze = new ReadOnlyObjectWrapper<>(this, "maze");
    private final ReadOnlyObjectWrapper<List<Integer>> nValues = new ReadOnlyObjectWrapper<>(this, "nValues",
            List.of(0, 5, 50));
    private final ReadOnlyObjectWrapper<CurveSnapshot> curves = new ReadOnlyObjectWrapper<>(this, "curves");
    private final ReadOnlyBooleanWrapper experimentRunning = new ReadOnlyBooleanWrapper(this, "experimentRunning");
    private final ReadOnlyDoubleWrapper experimentProgress = new ReadOnlyDoubleWrapper(this, "experimentProgress");
    private final ReadOnlyStringWrapper experimentMessage = new ReadOnlyStringWrapper(this, "experimentMessage", "");
    private final ReadOnlyObjectWrapper<Overlays> overlays = new ReadOnlyObjectWrapper<>(this, "overlays",
            Overlays.defaults());
    private final ReadOnlyStringWrapper figureCaption = new ReadOnlyStringWrapper(this, "figureCaption");
    private List<Integer> nValuesBeforeFigure;
    private final ReadOnlyIntegerWrapper configVersion = new ReadOnlyIntegerWrapper(this, "configVersion");
    private final ReadOnlyIntegerWrapper debuggerRequests = new ReadOnlyIntegerWrapper(this, "debuggerRequests");
    private final Background background;
    private DynaParams params = DynaParams.defaults();
    private int runs = 30;
    private int episodes = 50;
    private LockStepRunner runner;
    private CurveExperiment experiment;
    private long generation;

    public DynaMazeViewModel(FxDispatcher dispatcher, Background background, Maze initialMaze) {
        this.dispatcher = dispatcher;
        this.background = background;
        this.maze.set(initialMaze);
        speed.addListener((o, a, b) -> applySpeed());
        applySpeedText();
        rebuild();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<PaneFrame>> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** The symmetric limit m of the shared Q colour scale [-m, m]. */
    public ReadOnlyDoubleProperty colourLimitProperty() {
        return colourLimit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    /** Slider position: log10 of steps per second from 0 (1 per second) up to {@link #SPEED_MAX_POSITION} (max). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Seed of the next reset. */
    public LongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyObjectProperty<Maze> mazeProperty() {
        return maze.getReadOnlyProperty();
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

    /** The learning curves over the background runs finished so far (null before the first). */
    public ReadOnlyObjectProperty<CurveSnapshot> curvesProperty() {
        return curves.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty experimentRunningProperty() {
        return experimentRunning.getReadOnlyProperty();
    }

    /** Fraction of the background runs finished, 0 to 1. */
    public ReadOnlyDoubleProperty experimentProgressProperty() {
        return experimentProgress.getReadOnlyProperty();
    }

    /** What the background experiment is doing, or its failure. */
    public ReadOnlyStringProperty experimentMessageProperty() {
        return experimentMessage.getReadOnlyProperty();
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
     * panes back.
     */
    public void showFigure83() {
        if (nValuesBeforeFigure == null) {
            nValuesBeforeFigure = nValues.get();
        }
        nValues.set(List.of(0, 50));
        rebuild();
        long myGeneration = generation;
        Object key = new Object();
        runner.runFigure83(summary -> dispatcher.post(key, () -> {
            if (myGeneration != generation) {
                return;
            }
            figureCaption.set(String.format(Locale.ROOT, "Figure 8.3: halfway through episode 2 (seed %d). "
                    + "Without planning (n = 0: episode 2 takes %d steps, stopped after %d) only the last step before "
                    + "G has been learned. With planning (n = 50: %d steps, stopped after %d) the reward found in "
                    + "episode 1 has spread through the model and the arrows reach back towards S. An arrow shows "
                    + "the action that is strictly best; no arrow: all four values are equal.", seed.get(),
                    summary[0][1], summary[0][2], summary[1][1], summary[1][2]));
        }));
    }

    /** Leaves Figure 8.3: the panes of before, reset. */
    public void closeFigure() {
        figureCaption.set(null);
        if (nValuesBeforeFigure != null) {
            nValues.set(nValuesBeforeFigure);
            nValuesBeforeFigure = null;
        }
        rebuild();
    }

    /** Stops the background experiment; the curves keep the runs finished so far. */
    public void cancelExperiment() {
        if (experiment != null) {
            experiment.cancel();
            experiment = null;
        }
        if (experimentRunning.get()) {
            experimentRunning.set(false);
            CurveSnapshot c = curves.get();
            experimentMessage.set("Cancelled after " + (c == null ? 0 : c.runsDone()) + " of " + runs + " runs");
        }
    }

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
        runner.setPlaying(play);
    }

    /** One lock-step tick: every pane one real step and its planning updates. Pauses first. */
    public void step() {
        if (playing.get()) {
            setPlaying(false);
        }
        runner.stepOnce();
    }

    /** New agents (Q = 0, empty model) with the current seed, maze and parameters; paused. Leaves a figure. */
    public void reset() {
        if (figureCaption.get() != null) {
            closeFigure();
            return;
        }
        rebuild();
    }

    /**
     * Replaces the parameters, the list of n and the size of the background experiment, then resets.
     *
     * @throws IllegalArgumentException when a value is out of range (nothing is changed then)
     */
    public void configure(DynaParams newParams, List<Integer> newNValues, int newRuns, int newEpisodes) {
        new LearningCurveSpec(maze.get(), newParams, newNValues, newRuns, newEpisodes, 1,
                LearningCurveSpec.DEFAULT_MAX_STEPS);
        this.params = newParams;
        this.runs = newRuns;
        this.episodes = newEpisodes;
        this.nValues.set(List.copyOf(newNValues));
        nValuesBeforeFigure = null;
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
    public Optional<String> useMaze(Maze newMaze) {
        try {
            new LearningCurveSpec(newMaze, params, nValues.get(), runs, episodes, seed.get(),
                    LearningCurveSpec.DEFAULT_MAX_STEPS);
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

    /**
     * The lab's settings for a session file: seed, parameters, n list, runs, episodes, speed, overlays and the
     * maze (its whole file text).
     */
    public ObjectNode toSettings() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("seed", seed.get());
        o.put("alpha", params.alpha());
        o.put("gamma", params.gamma());
        o.put("epsilon", params.epsilon());
        o.put("tieBreaking", params.tieBreaking() == TieBreaking.RANDOM ? "random" : "first-index");
        o.put("planningSampling", params.sampling() == PlanningSampling.STATE_THEN_ACTION ? "state-then-action"
                : "uniform-pairs");
        ArrayNode ns = o.putArray("nValues");
        (nValuesBeforeFigure != null ? nValuesBeforeFigure : nValues.get()).forEach(ns::add);
        o.put("runs", runs);
        o.put("episodes", episodes);
        double perSecond = stepsPerSecond(speed.get());
        if (Double.isInfinite(perSecond)) {
            o.put("stepsPerSecond", "max");
        } else {
            o.put("stepsPerSecond", Math.round(perSecond * 1000) / 1000.0);
        }
        ObjectNode ov = o.putObject("overlays");
        Overlays v = overlays.get();
        ov.put("qTriangles", v.qTriangles());
        ov.put("greedyArrows", v.greedyArrows());
        ov.put("stateValues", v.stateValues());
        ov.put("visitCounts", v.visitCounts());
        ov.put("modelKnown", v.modelKnown());
        ov.put("planning", v.planning());
        ov.put("trail", v.trail());
        o.put("maze", MazeParser.format(maze.get()));
        return o;
    }

    /**
     * Applies saved settings. Every field is optional (a missing one keeps the book's default); a present one
     * must be valid. Nothing changes unless everything is valid.
     *
     * @return the reason the settings were refused, naming the field
     */
    public Optional<String> applySettings(JsonNode o) {
        try {
            DynaParams d = DynaParams.defaults();
            long newSeed = o.has("seed") ? longField(o, "seed") : 1;
            double a = o.has("alpha") ? number(o, "alpha") : d.alpha();
            double g = o.has("gamma") ? number(o, "gamma") : d.gamma();
            double e = o.has("epsilon") ? number(o, "epsilon") : d.epsilon();
            TieBreaking tb = switch (o.path("tieBreaking").asText("random")) {
                case "random" -> TieBreaking.RANDOM;
                case "first-index" -> TieBreaking.FIRST_INDEX;
                default -> throw new IllegalArgumentException("\"tieBreaking\" must be \"random\" or \"first-index\"");
            };
            PlanningSampling ps = switch (o.path("planningSampling").asText("state-then-action")) {
                case "state-then-action" -> PlanningSampling.STATE_THEN_ACTION;
                case "uniform-pairs" -> PlanningSampling.UNIFORM_PAIRS;
                default -> throw new IllegalArgumentException(
                        "\"planningSampling\" must be \"state-then-action\" or \"uniform-pairs\"");
            };
            DynaParams p = new DynaParams(a, g, e, 0, tb, ps);
            List<Integer> ns = new ArrayList<>();
            if (o.has("nValues")) {
                if (!o.get("nValues").isArray() || o.get("nValues").isEmpty()) {
                    throw new IllegalArgumentException("\"nValues\" must be a list of whole numbers, e.g. [0, 5, 50]");
                }
                for (JsonNode n : o.get("nValues")) {
                    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
                        throw new IllegalArgumentException("\"nValues\" must hold whole numbers, got " + n);
                    }
                    ns.add(n.asInt());
                }
                if (ns.size() > OptionsPanel.MAX_PANES) {
                    throw new IllegalArgumentException("\"nValues\" may list at most " + OptionsPanel.MAX_PANES + " n");
                }
            } else {
                ns.addAll(List.of(0, 5, 50));
            }
            int r = o.has("runs") ? intField(o, "runs") : 30;
            int ep = o.has("episodes") ? intField(o, "episodes") : 50;
            if (ep > 10_000) {
                throw new IllegalArgumentException("\"episodes\" must be in 1..10000, got " + ep);
            }
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
            Overlays ov = overlays.get();
            if (o.has("overlays")) {
                JsonNode v = o.get("overlays");
                Overlays def = Overlays.defaults();
                ov = new Overlays(bool(v, "qTriangles", def.qTriangles()), bool(v, "greedyArrows", def.greedyArrows()),
                        bool(v, "stateValues", def.stateValues()), bool(v, "visitCounts", def.visitCounts()),
                        bool(v, "modelKnown", def.modelKnown()), bool(v, "planning", def.planning()),
                        bool(v, "trail", def.trail()));
            }
            Maze newMaze = maze.get();
            if (o.has("maze")) {
                if (!o.get("maze").isTextual()) {
                    throw new IllegalArgumentException("\"maze\" must be the text of a maze file");
                }
                try {
                    newMaze = MazeParser.parse("maze", o.get("maze").asText());
                } catch (MazeFormatException ex) {
                    throw new IllegalArgumentException("\"maze\" is not a valid maze: " + ex.getMessage());
                }
            }
            String action = o.path("action").asText("");
            if (!List.of("", "figure-8.3", "play", "debugger").contains(action)) {
                throw new IllegalArgumentException("\"action\" must be \"figure-8.3\", \"play\" or \"debugger\", got \""
                        + action + "\"");
            }
            new LearningCurveSpec(newMaze, p, ns, r, ep, newSeed, LearningCurveSpec.DEFAULT_MAX_STEPS);
            // Everything is valid: apply.
            shutdown();
            seed.set(newSeed);
            maze.set(newMaze);
            overlays.set(ov);
            speed.set(position);
            configure(p, ns, r, ep);
            if (action.equals("figure-8.3")) {
                showFigure83();
            } else if (action.equals("play")) {
                setPlaying(true);
            } else if (action.equals("debugger")) {
                debuggerRequests.set(debuggerRequests.get() + 1);
            }
            return Optional.empty();
        } catch (IllegalArgumentException ex) {
            return Optional.of(ex.getMessage());
        }
    }

    private static double number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static int intField(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number, got " + v);
        }
        return v.asInt();
    }

    private static long longField(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number, got " + v);
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode o, String field, boolean fallback) {
        if (!o.has(field)) {
            return fallback;
        }
        if (!o.get(field).isBoolean()) {
            throw new IllegalArgumentException("\"overlays." + field + "\" must be true or false, got " + o.get(field));
        }
        return o.get(field).asBoolean();
    }

    /** Stops the learning thread and the background experiment (lab switch, window close). */
    public void shutdown() {
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
        shutdown();
        long myGeneration = ++generation;
        colourLimit.set(1e-3);
        // A key per runner: a stopped runner that outlives stop()'s bounded join must not replace the new runner's
        // pending frame in the dispatcher (the generation check would then drop both).
        Object key = new Object();
        runner = new LockStepRunner(maze.get(), params, nValues.get(), seed.get(), list -> dispatcher.post(key, () -> {
            if (myGeneration == generation) {
                accept(list);
            }
        }));
        runner.setSpeed(stepsPerSecond(speed.get()));
        runner.start();
        startExperiment(myGeneration);
    }

    private void startExperiment(long myGeneration) {
        LearningCurveSpec spec = new LearningCurveSpec(maze.get(), params, nValues.get(), runs, episodes, seed.get(),
                LearningCurveSpec.DEFAULT_MAX_STEPS);
        CurveExperiment exp = new CurveExperiment(spec);
        experiment = exp;
        curves.set(null);
        experimentRunning.set(true);
        experimentProgress.set(0);
        experimentMessage.set("Computing " + runs + " runs of " + episodes + " episodes in the background");
        Object key = new Object();
        exp.start(background.coordinators(), background.workers(),
                snapshot -> dispatcher.post(key, () -> {
                    if (myGeneration == generation && !exp.isCancelled()) {
                        curves.set(snapshot);
                        experimentProgress.set(snapshot.runsDone() / (double) snapshot.runsTotal());
                    }
                }),
                snapshot -> dispatcher.post(key, () -> {
                    if (myGeneration == generation && !exp.isCancelled()) {
                        curves.set(snapshot);
                        experimentProgress.set(1);
                        experimentRunning.set(false);
                        experimentMessage.set("Mean of " + snapshot.runsTotal() + " runs with 95% confidence bands");
                    }
                }),
                error -> dispatcher.post(key, () -> {
                    if (myGeneration == generation) {
                        experimentRunning.set(false);
                        experimentMessage.set(error);
                    }
                }));
    }

    private void accept(List<PaneFrame> list) {
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
