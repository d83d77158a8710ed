package mbrllab.app.cartpole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import javafx.beans.property.SimpleDoubleProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.Background;
import mbrllab.app.lab.CurveSnapshot;
import mbrllab.app.lab.CurveStats;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.Playback;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.RunBudget;
import mbrllab.app.lab.SessionState;
import mbrllab.app.shell.SessionFields;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesDynaQ;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;

/**
 * State of the cart-pole lab: which system and agent, the carts of the live run ({@link CartPoleRun}, played by a
 * {@link Playback}; their frames arrive at most once per screen pulse), the keyboard's push, the replay of
 * a recorded episode, and the Dyna-Q learning curves computed in the background. Views bind to the read-only
 * properties; only this class writes them. FX thread only, except where noted.
 */
public final class CartPoleViewModel implements SessionState {

    /** The planning steps of the three Dyna-Q panes. */
    public static final List<Integer> N_VALUES = List.of(0, 5, 50);
    /** Default runs R of the background experiment. */
    public static final int DEFAULT_RUNS = 30;
    /** Default episodes per background run. */
    public static final int DEFAULT_EPISODES = 100;
    /** Most episodes per background run (the learning curve reads the always-kept first episodes). */
    public static final int MAX_EPISODES = EpisodeLog.KEEP_FIRST;

    private final Playback playback;
    private final LiveExperiment<CurveSnapshot> curves;
    private final DoubleProperty speed;
    private final LongProperty seed;
    private final ReadOnlyObjectWrapper<CartSystem> system = new ReadOnlyObjectWrapper<>(this, "system",
            CartSystem.BALANCE);
    private final ReadOnlyObjectWrapper<AgentKind> agent = new ReadOnlyObjectWrapper<>(this, "agent", AgentKind.DYNA_Q);
    private final ReadOnlyObjectWrapper<BoxModelKind> model = new ReadOnlyObjectWrapper<>(this, "model",
            BoxModelKind.SAMPLE);
    private final ReadOnlyObjectWrapper<Publication<List<CartFrame>>> frames = new ReadOnlyObjectWrapper<>(this,
            "frames");
    private final ReadOnlyIntegerWrapper keyboardPush = new ReadOnlyIntegerWrapper(this, "keyboardPush", 0);
    private final ReadOnlyObjectWrapper<EpisodeRecord> replay = new ReadOnlyObjectWrapper<>(this, "replay");
    private final ReadOnlyIntegerWrapper replayPane = new ReadOnlyIntegerWrapper(this, "replayPane", 0);
    private final ReadOnlyDoubleWrapper replayPosition = new ReadOnlyDoubleWrapper(this, "replayPosition", 0);
    private final ReadOnlyBooleanWrapper replayPlaying = new ReadOnlyBooleanWrapper(this, "replayPlaying", false);
    private final DoubleProperty replaySpeed = new SimpleDoubleProperty(this, "replaySpeed", 1.0);
    private final ReadOnlyIntegerWrapper configVersion = new ReadOnlyIntegerWrapper(this, "configVersion");
    private BoxesDynaParams params = BoxesDynaParams.defaults();
    private int runs = DEFAULT_RUNS;
    private int episodes = DEFAULT_EPISODES;
    private CartPoleRun run;
    private List<EpisodeLog> logs = List.of();
    private double[] replayStates;
    private boolean leftHeld;
    private boolean rightHeld;

    public CartPoleViewModel(Dispatcher dispatcher, Background background) {
        this.playback = new Playback(dispatcher, Math.log10(50), this::describeSpeed);
        this.curves = new LiveExperiment<>(dispatcher, background.coordinators(), background.workers(), true);
        this.speed = playback.speedProperty();
        this.seed = playback.seedProperty();
        rebuild();
    }

    /** Play, pause, step, speed and seed of the live run. */
    public Playback playback() {
        return playback;
    }

    /** The Dyna-Q learning curves over the background runs finished so far, with progress and Cancel. */
    public LiveExperiment<CurveSnapshot> curves() {
        return curves;
    }

    public ReadOnlyObjectProperty<CartSystem> systemProperty() {
        return system.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AgentKind> agentProperty() {
        return agent.getReadOnlyProperty();
    }

    /** The tabular model of the Dyna-Q agents. */
    public ReadOnlyObjectProperty<BoxModelKind> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The latest frames of the carts (one per pane), with the timing the animation interpolates by. */
    public ReadOnlyObjectProperty<Publication<List<CartFrame>>> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** The keyboard's push now: -1 left, 0 none, +1 right. */
    public ReadOnlyIntegerProperty keyboardPushProperty() {
        return keyboardPush.getReadOnlyProperty();
    }

    /** The episode being replayed, or null while the panes show the live run. */
    public ReadOnlyObjectProperty<EpisodeRecord> replayProperty() {
        return replay.getReadOnlyProperty();
    }

    /** The pane whose episode is replayed. */
    public ReadOnlyIntegerProperty replayPaneProperty() {
        return replayPane.getReadOnlyProperty();
    }

    /** The replay's position in steps, 0 to the episode's steps; whole numbers except while the replay plays. */
    public ReadOnlyDoubleProperty replayPositionProperty() {
        return replayPosition.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty replayPlayingProperty() {
        return replayPlaying.getReadOnlyProperty();
    }

    /** Replay speed as a multiple of real time. */
    public DoubleProperty replaySpeedProperty() {
        return replaySpeed;
    }

    /** Changes whenever a session or preset replaces the settings as a whole (the side panel shows them anew). */
    public ReadOnlyIntegerProperty configVersionProperty() {
        return configVersion.getReadOnlyProperty();
    }

    public BoxesDynaParams params() {
        return params;
    }

    public int runs() {
        return runs;
    }

    public int episodes() {
        return episodes;
    }

    /** The episode log of pane {@code pane} (safe to read from the FX thread). */
    public EpisodeLog log(int pane) {
        return logs.get(pane);
    }

    public int paneCount() {
        return logs.size();
    }

    /** Switches the system; Dyna-Q on BOXES needs balance, so swing-up brings the keyboard. Resets. */
    public void setSystem(CartSystem newSystem) {
        if (newSystem == system.get()) {
            return;
        }
        system.set(newSystem);
        if (newSystem != CartSystem.BALANCE && agent.get() == AgentKind.DYNA_Q) {
            agent.set(AgentKind.KEYBOARD);
        }
        speed.set(Math.log10(newSystem.realTimeStepsPerSecond()));
        rebuild();
    }

    /** Switches the agent (Dyna-Q brings balance). Resets. */
    public void setAgent(AgentKind newAgent) {
        if (newAgent == agent.get()) {
            return;
        }
        agent.set(newAgent);
        if (newAgent == AgentKind.DYNA_Q && system.get() != CartSystem.BALANCE) {
            system.set(CartSystem.BALANCE);
            speed.set(Math.log10(CartSystem.BALANCE.realTimeStepsPerSecond()));
        }
        if (newAgent == AgentKind.KEYBOARD) {
            // a person plays in real time
            speed.set(Math.log10(system.get().realTimeStepsPerSecond()));
        }
        rebuild();
    }

    /** Switches the Dyna-Q agents' model. Resets. */
    public void setModel(BoxModelKind newModel) {
        if (newModel == model.get()) {
            return;
        }
        model.set(newModel);
        rebuild();
    }

    /**
     * Replaces alpha, gamma, epsilon and the size of the background experiment, then resets.
     *
     * @throws IllegalArgumentException when a value is out of range (nothing is changed then)
     */
    public void configure(BoxesDynaParams newParams, int newRuns, int newEpisodes) {
        if (newEpisodes > MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in [1, " + MAX_EPISODES + "], got " + newEpisodes);
        }
        RunBudget.require(BoxesLearningSpec.dynaQ(model.get(), newParams, N_VALUES, newRuns, newEpisodes, seed.get())
                .cost(RunBudget.workers()), "lower the runs or the episodes");
        params = newParams;
        runs = newRuns;
        episodes = newEpisodes;
        rebuild();
    }

    /** The settings now, as a session saves them. */
    public CartPoleSettings settings() {
        double perSecond = playback.stepsPerSecond();
        return new CartPoleSettings(system.get(), agent.get(), model.get(), params, runs, episodes, seed.get(),
                Double.isInfinite(perSecond) ? perSecond : Math.min(CartPoleSettings.MAX_STEPS_PER_SECOND, perSecond),
                false);
    }

    /** The settings now as a session's JSON object ({@link CartPoleSettings#toJson}). */
    @Override
    public ObjectNode toSettings() {
        return settings().toJson();
    }

    /**
     * Applies a session's settings ({@link CartPoleSettings#fromJson}): every field optional, a present one valid.
     * Nothing changes unless everything is valid; then the carts start afresh (and play, for {@code "action": "play"}).
     *
     * @return the reason the settings were refused, naming the field
     */
    @Override
    public Optional<String> applySettings(JsonNode json) {
        return SessionFields.applyIfValid(json, j -> {
            CartPoleSettings s = CartPoleSettings.fromJson(j);
            RunBudget.require(BoxesLearningSpec.dynaQ(s.model(), s.params(), N_VALUES, s.runs(), s.episodes(), s.seed())
                    .cost(RunBudget.workers()), "lower the runs or the episodes");
            return s;
        }, this::apply);
    }

    /** Replaces every setting at once, then resets (and plays when the settings say so). */
    public void apply(CartPoleSettings s) {
        system.set(s.system());
        agent.set(s.agent());
        model.set(s.model());
        params = s.params();
        runs = s.runs();
        episodes = s.episodes();
        seed.set(s.seed());
        playback.setStepsPerSecond(s.stepsPerSecond());
        configVersion.set(configVersion.get() + 1);
        rebuild();
        if (s.play()) {
            setPlaying(true);
        }
    }

    /** "50 steps/s (1.0x real time)": the speed against the system's real time. */
    private String describeSpeed(double s) {
        double factor = s / system.get().realTimeStepsPerSecond();
        return String.format(Locale.ROOT, s < 10 ? "%.1f steps/s (%s real time)" : "%.0f steps/s (%s real time)",
                s, factor < 10 ? String.format(Locale.ROOT, "%.2gx", factor)
                        : String.format(Locale.ROOT, "%.0fx", factor));
    }

    /** Plays or pauses the live run (leaves a replay). */
    public void togglePlay() {
        setPlaying(!playback.isPlaying());
    }

    public void setPlaying(boolean play) {
        if (play) {
            closeReplay();
        }
        playback.setPlaying(play);
    }

    /** One lock-step tick of the live run: every cart one real step. Pauses first; leaves a replay. */
    public void step() {
        closeReplay();
        if (agent.get() == AgentKind.KEYBOARD && run != null) {
            // Step is asked for: the keyboard's cart takes it (with no push) even before an arrow key
            run.press();
        }
        playback.step();
    }

    /** New carts and agents (Q = 0, empty models, empty recordings) with the current seed; paused. */
    public void reset() {
        rebuild();
    }

    /**
     * An arrow key went down: the keyboard pushes that way (-1 left, +1 right) while it is held. With the keyboard
     * agent, a paused live run starts playing; a key that was up (not a held key's repeat) starts a keyboard episode
     * that waits for it.
     */
    public void keyPressed(int direction) {
        boolean fresh = direction < 0 ? !leftHeld : !rightHeld;
        if (direction < 0) {
            leftHeld = true;
        } else {
            rightHeld = true;
        }
        applyKeys();
        if (fresh && run != null) {
            run.press();
        }
        if (agent.get() == AgentKind.KEYBOARD && !playback.isPlaying()) {
            setPlaying(true);
        }
    }

    /** An arrow key came up. */
    public void keyReleased(int direction) {
        if (direction < 0) {
            leftHeld = false;
        } else {
            rightHeld = false;
        }
        applyKeys();
    }

    private void applyKeys() {
        int push = (rightHeld ? 1 : 0) - (leftHeld ? 1 : 0);
        keyboardPush.set(push);
        if (run != null) {
            run.setKeys(push);
        }
    }

    /** The random cart is handed to the keyboard in mid-episode (the agent becomes Keyboard, no reset; real time). */
    public void takeOver() {
        if (agent.get() == AgentKind.RANDOM) {
            agent.set(AgentKind.KEYBOARD);
            CartPoleRun myRun = run;
            playback.run(work -> myRun.takeOver());
            speed.set(Math.log10(system.get().realTimeStepsPerSecond()));
        }
    }

    /**
     * Opens episode {@code episode} of pane {@code pane} for replay at step 0; pauses the live run.
     *
     * @return false when that episode is not recorded (not finished yet, or dropped)
     */
    public boolean openReplay(int pane, int episode) {
        if (pane < 0 || pane >= logs.size()) {
            return false;
        }
        EpisodeRecord record = logs.get(pane).get(episode);
        if (record == null) {
            return false;
        }
        if (playback.isPlaying()) {
            setPlaying(false);
        }
        replayStates = record.states();
        replayPlaying.set(false);
        replayPane.set(pane);
        replayPosition.set(0);
        replay.set(record);
        return true;
    }

    /** The states of the replayed episode ({@link EpisodeRecord#states()}), or null. Read only. */
    public double[] replayStates() {
        return replay.get() == null ? null : replayStates;
    }

    /** Plays the replay from where it stands (from the start when at the end). */
    public void playReplay() {
        EpisodeRecord r = replay.get();
        if (r == null) {
            return;
        }
        if (replayPosition.get() >= r.steps()) {
            replayPosition.set(0);
        }
        replayPlaying.set(true);
    }

    /** Pauses the replay on the nearest recorded step. */
    public void pauseReplay() {
        replayPlaying.set(false);
        replayPosition.set(Math.rint(replayPosition.get()));
    }

    /** Back to the live run (paused). */
    public void closeReplay() {
        replayPlaying.set(false);
        replay.set(null);
        replayStates = null;
    }

    /** Moves the scrubber to a step (rounded to a whole step unless the replay plays), within the episode. */
    public void scrubTo(double position) {
        EpisodeRecord r = replay.get();
        if (r == null || Double.isNaN(position)) {
            return;
        }
        double p = Math.max(0, Math.min(r.steps(), position));
        replayPosition.set(replayPlaying.get() ? p : Math.rint(p));
    }

    /** Advances a playing replay by {@code nanos} of wall time at the replay speed (called by the animation). */
    public void advanceReplay(long nanos) {
        EpisodeRecord r = replay.get();
        if (r == null || !replayPlaying.get() || nanos <= 0) {
            return;
        }
        double p = replayPosition.get() + nanos / 1e9 * replaySpeed.get() / r.system().period();
        if (p >= r.steps()) {
            replayPosition.set(r.steps());
            replayPlaying.set(false);
        } else {
            replayPosition.set(p);
        }
    }

    /** Stops the runner thread and the background experiment (lab switch, window close). */
    public void shutdown() {
        playback.stop();
        curves.stop();
        replayPlaying.set(false);
    }

    private void rebuild() {
        shutdown();
        closeReplay();
        long s = seed.get();
        List<Cart> carts = new ArrayList<>();
        switch (agent.get()) {
            case KEYBOARD -> carts.add(Cart.keyboard(system.get(), BoxesLearningSpec.random(1, 1, s).envSeed(0)));
            case RANDOM -> {
                BoxesLearningSpec spec = BoxesLearningSpec.random(1, 1, s);
                carts.add(Cart.random(system.get(), spec.realSeed(0), spec.envSeed(0)));
            }
            case DYNA_Q -> {
                BoxesLearningSpec spec = dynaSpec();
                for (int n : N_VALUES) {
                    BoxesDynaQ agentN = new BoxesDynaQ(params.withN(n), model.get().create(), spec.realSeed(0),
                            spec.planSeed(0));
                    carts.add(Cart.dynaQ(agentN, spec.envSeed(0)));
                }
            }
            default -> throw new IllegalStateException();
        }
        run = new CartPoleRun(carts);
        logs = run.logs();
        applyKeys();
        playback.refreshSpeedText();
        frames.set(null);
        playback.launch(CartPoleRun.THREAD_NAME, run, run.pacing(), frames::set);
        if (agent.get() == AgentKind.DYNA_Q) {
            BoxesLearningSpec spec = dynaSpec();
            CurveStats stats = new CurveStats(spec.curveNs(), spec.runs(), spec.episodes());
            curves.start(new LiveExperiment.Job<>(spec, spec.runs(), "Computing " + runs + " runs of " + episodes
                    + " episodes (" + model.get().label() + ") in the background",
                    (workers, observer) -> CurveStats.exact(BoxesLearningExperiment.run(spec, workers, observer)),
                    stats::add, CurveSnapshot::runsDone,
                    c -> "Mean of " + c.runsTotal() + " runs with 95% confidence bands (" + spec.model().label()
                            + ", seed " + spec.seed() + ")"));
        } else {
            curves.clear("");
        }
    }

    private BoxesLearningSpec dynaSpec() {
        return BoxesLearningSpec.dynaQ(model.get(), params, N_VALUES, runs, episodes, seed.get());
    }
}
