package mbrllab.app.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.Status;

/**
 * The Models lab (GP versus ensemble): a tab with the 1-D playground and a tab with learned cart-pole dynamics.
 * Owns the toolbar (play, step, reset, seed), the status bar's progress for the background fits, the exports and
 * the session settings.
 */
public final class ModelsLab extends BaseLab implements SessionState {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("models", "Models (GP vs ensemble)",
            "Models: a Gaussian process and a probabilistic ensemble, epistemic and aleatoric uncertainty, "
                    + "one-step and multi-step predictions of the cart-pole", ModelsLab::new);

    /** Seconds between the points Play adds to the playground. */
    static final double PLAY_INTERVAL = 0.6;
    /** Background work shorter than this shows no progress bar. */
    static final Duration PROGRESS_DELAY = Duration.millis(500);

    private final PlaygroundViewModel playground;
    private final DynamicsViewModel dynamics;
    private final PlaygroundView playgroundView;
    private final DynamicsView dynamicsView;
    private final Status status;
    private final BooleanBinding computing;
    private final TabPane tabs = new TabPane();
    private final Tab playgroundTab;
    private final Tab dynamicsTab;
    private final List<Node> toolbarItems = new ArrayList<>();
    private final TextField seedField = new TextField("1");
    private final Button play = new Button("Play");
    private final Timeline playTimer = new Timeline(new KeyFrame(Duration.seconds(PLAY_INTERVAL), e -> playTick()));
    private final PauseTransition progressDelay = new PauseTransition(PROGRESS_DELAY);
    private boolean playing;
    private boolean dynamicsStarted;
    private Look look = Look.normal();

    /** Builds the lab and starts the playground's first fit. */
    public ModelsLab(LabContext context) {
        this(context.dispatcher(), context.background(), context.status());
    }

    /** Builds the lab and starts the playground's first fit. */
    public ModelsLab(Dispatcher dispatcher, Background background, Status status) {
        this.status = status;
        this.playground = new PlaygroundViewModel(dispatcher, background);
        this.dynamics = new DynamicsViewModel(dispatcher, background);
        this.playgroundView = new PlaygroundView(playground);
        this.dynamicsView = new DynamicsView(dynamics);
        playgroundTab = new Tab("1-D playground: GP vs ensemble", playgroundView.view());
        playgroundTab.setId("playgroundTab");
        Layouts.tabTitles(playgroundTab, "1-D playground: GP vs ensemble", "1-D playground");
        dynamicsTab = new Tab("Cart-pole dynamics: one step and many", dynamicsView.view());
        dynamicsTab.setId("dynamicsTab");
        Layouts.tabTitles(dynamicsTab, "Cart-pole dynamics: one step and many", "Cart-pole dynamics");
        tabs.getTabs().setAll(playgroundTab, dynamicsTab);
        dynamicsView.setOnCollect(() -> {
            dynamicsStarted = true;
            dynamics.collectAndFit(seed());
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("modelsTabs");
        Layouts.fitTabTitles(tabs);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            setPlaying(false);
            if (b == dynamicsTab) {
                startDynamicsOnce();
            }
            showProgress();
        });
        playTimer.setCycleCount(Animation.INDEFINITE);
        buildToolbar();
        install(tabs, tabs, toolbarItems);
        progressDelay.setOnFinished(e -> showProgress());
        playground.fittingProperty().addListener((o, a, b) -> onWork(b));
        playground.progressProperty().addListener((o, a, b) -> showProgress());
        dynamics.workingProperty().addListener((o, a, b) -> onWork(b));
        dynamics.progressProperty().addListener((o, a, b) -> showProgress());
        dynamics.messageProperty().addListener((o, a, b) -> status.setMessage(b));
        playground.messageProperty().addListener((o, a, b) -> {
            if (isPlaygroundShown()) {
                status.setMessage(b);
            }
        });
        playground.newData();
        computing = Bindings.createBooleanBinding(() -> playground.fittingProperty().get()
                || dynamics.workingProperty().get(), playground.fittingProperty(), dynamics.workingProperty());
    }

    /** True while the playground refits or the cart-pole tab collects, fits and predicts. */
    @Override
    public ObservableBooleanValue computing() {
        return computing;
    }

    /** The chart of the tab on show. */
    @Override
    public Node mainPicture() {
        return isPlaygroundShown() ? playgroundView.mainViewer() : dynamicsView.view();
    }

    boolean isPlaygroundShown() {
        return tabs.getSelectionModel().getSelectedItem() == playgroundTab;
    }

    private void startDynamicsOnce() {
        if (!dynamicsStarted) {
            dynamicsStarted = true;
            dynamics.collectAndFit(seed());
        }
    }

    /**
     * Space: on the playground, add a random point every {@value #PLAY_INTERVAL} s; on the cart-pole tab, animate
     * the ghost poles through the horizon. Right: one point, or one step k. Ctrl+R: new data, or collect and fit anew.
     */
    @Override
    public RunControls controls() {
        return new RunControls(() -> setPlaying(!playing), this::step, this::reset);
    }

    private void step() {
        setPlaying(false);
        if (isPlaygroundShown()) {
            playground.addRandomPoint();
        } else {
            dynamicsView.stepGhost();
        }
    }

    private void reset() {
        setPlaying(false);
        if (isPlaygroundShown()) {
            playground.setSeed(seed());
            playground.newData();
        } else {
            dynamicsStarted = true;
            dynamics.collectAndFit(seed());
        }
    }

    private void setPlaying(boolean on) {
        playing = on;
        play.setText(on ? "Pause" : "Play");
        if (on) {
            playTimer.play();
        } else {
            playTimer.stop();
        }
    }

    private void playTick() {
        if (isPlaygroundShown()) {
            playground.addRandomPoint();
        } else if (!dynamicsView.stepGhost()) {
            dynamicsView.rewindGhost();
        }
    }

    private long seed() {
        try {
            return Long.parseLong(seedField.getText());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void buildToolbar() {
        play.setId("playButton");
        play.setMinWidth(70);
        play.setOnAction(e -> controls().playPause().run());
        play.setTooltip(new Tooltip("Playground: add a random point every " + PLAY_INTERVAL + " s. Cart-pole: animate "
                + "the predicted poles through the horizon (Space)"));
        Button step = new Button("Step");
        step.setId("stepButton");
        step.setOnAction(e -> step());
        step.setTooltip(new Tooltip("Playground: one random point. Cart-pole: the next step k (Right arrow)"));
        Button reset = new Button("Reset");
        reset.setId("resetButton");
        reset.setOnAction(e -> reset());
        reset.setTooltip(new Tooltip("Playground: fresh points from the seed. Cart-pole: collect the data anew and "
                + "refit (Ctrl+R)"));
        seedField.setId("seedField");
        seedField.setPrefColumnCount(7);
        seedField.setTooltip(new Tooltip("Seed of the data, the fits and the particles; applied on Reset"));
        seedField.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("-?\\d{0,18}") ? c
                : null));
        toolbarItems.addAll(List.of(play, step, reset, new Separator(Orientation.VERTICAL), new Label("Seed"),
                seedField));
    }

    private void onWork(boolean started) {
        if (started) {
            progressDelay.playFromStart();
        } else {
            showProgress();
        }
    }

    /** Progress and Cancel in the status bar for the shown tab's work, once it has run half a second. */
    private void showProgress() {
        boolean playgroundShown = isPlaygroundShown();
        boolean working = playgroundShown ? playground.fittingProperty().get() : dynamics.workingProperty().get();
        boolean longEnough = progressDelay.getStatus() != Animation.Status.RUNNING;
        if (working && longEnough) {
            if (playgroundShown) {
                status.showProgress(playground.progressProperty().get(), "refitting", playground::cancelFit);
            } else {
                status.showProgress(dynamics.progressProperty().get(), dynamics.phaseProperty().get(),
                        dynamics::cancel);
            }
        } else if (!working) {
            status.hideProgress();
        }
    }

    /** Stops all background work (lab switch, window close). */
    @Override
    public void dispose() {
        setPlaying(false);
        playground.shutdown();
        dynamics.shutdown();
    }

    @Override
    public void setFontScale(double scale) {
        look = new Look(scale, look.highContrast());
        playgroundView.setLook(look);
        dynamicsView.setLook(look);
    }

    @Override
    public void setHighContrast(boolean on) {
        look = new Look(look.fontScale(), on);
        playgroundView.setLook(look);
        dynamicsView.setLook(look);
    }

    /** Every chart and drawing of both tabs, as PNG (2x), SVG and CSV. */
    @Override
    public List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        double w = Math.max(500, playgroundView.mainViewer().getWidth());
        double h = Math.max(320, playgroundView.mainViewer().getHeight());
        targets.add(new ExportTarget("playground", "Playground: data, means and bands",
                () -> Exports.chartPng2x(playgroundView.mainChart(), w, h),
                () -> Exports.chartSvg(playgroundView.mainChart(), w, h),
                () -> PlaygroundCharts.curvesCsv(playground.fitProperty().get(),
                        playground.generatorProperty().get())));
        double sw = Math.max(500, playgroundView.sigmaViewer().getWidth());
        double sh = Math.max(200, playgroundView.sigmaViewer().getHeight());
        targets.add(new ExportTarget("playground-sigma", "Playground: epistemic and aleatoric standard deviations",
                () -> {
                    playgroundView.wholeSigmaLabel();
                    return Exports.chartPng2x(playgroundView.sigmaChart(), sw, sh);
                }, () -> {
                    playgroundView.wholeSigmaLabel();
                    return Exports.chartSvg(playgroundView.sigmaChart(), sw, sh);
                },
                () -> PlaygroundCharts.curvesCsv(playground.fitProperty().get(),
                        playground.generatorProperty().get())));
        targets.add(new ExportTarget("playground-points", "Playground: the points",
                () -> Exports.chartPng2x(playgroundView.mainChart(), w, h),
                () -> Exports.chartSvg(playgroundView.mainChart(), w, h),
                () -> PlaygroundCharts.pointsCsv(playground.pointsProperty().get())));
        targets.addAll(dynamicsView.exportTargets());
        return targets;
    }

    /** The lab's settings for a session: the seed, the tab, the playground's and the cart-pole tab's settings. */
    @Override
    public ObjectNode toSettings() {
        ModelsSession.Tab tab = isPlaygroundShown() ? ModelsSession.Tab.PLAYGROUND : ModelsSession.Tab.CARTPOLE;
        return new ModelsSession(seed(), tab, playground.settings(), dynamics.settingsProperty().get()).toJson();
    }

    /**
     * Applies saved settings; every field is optional, a present one must be valid, and nothing changes unless all
     * are. The reason names the field.
     */
    @Override
    public Optional<String> applySettings(JsonNode o) {
        try {
            ModelsSession s = ModelsSession.fromJson(o);
            long newSeed = s.seed();
            PlaygroundSettings p = s.playground();
            DynamicsViewModel.Settings d = s.cartpole();
            setPlaying(false);
            seedField.setText(Long.toString(newSeed));
            playground.apply(p, newSeed);
            dynamics.apply(d);
            dynamicsView.showSettings(d);
            if (s.tab() == ModelsSession.Tab.CARTPOLE) {
                dynamicsStarted = true; // before the tab switch, which would start it with the old settings
                tabs.getSelectionModel().select(dynamicsTab);
                dynamics.collectAndFit(newSeed);
            } else {
                tabs.getSelectionModel().select(playgroundTab);
                if (dynamicsStarted) {
                    dynamics.collectAndFit(newSeed);
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(this);
    }
}
