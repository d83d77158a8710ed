package mbrllab.app.acceleration;

import java.awt.BasicStroke;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.IdleStoppingAnimator;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.RunToolbar;
import mbrllab.app.lab.SessionState;
import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.app.render.Theme;
import mbrllab.charts.AccelerationChart;
import mbrllab.charts.Palette;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.FirstPush;
import mbrllab.core.acceleration.ModelChoice;
import mbrllab.core.acceleration.ModelRollout;
import mbrllab.core.acceleration.ProcessCounters;

/**
 * The acceleration lab: real-only DQN, model-augmented DQN and a third setting side by side on one real-step clock,
 * each with its cart, its returns and its data counts; the lecture's five processes of model-based DQN with live
 * counters, rates and lit arrows; one model rollout against the true physics; the learning curves of R background
 * runs against real steps. Views only: state lives in {@link AccelerationViewModel}. An {@link IdleStoppingAnimator}
 * only draws, and only what changed; it stops when nothing moves or waits to be drawn, and a new frame, curve or
 * redraw starts it again.
 */
public final class AccelerationLab extends BaseLab {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("acceleration", "Acceleration",
            // one status-bar line at 1024x768 with text 1.5 (it was cut at "the five proc...")
            "Dyna-style DQN: real data against model rollouts, the five processes, short and long rollouts",
            AccelerationLab::new);

    static final RunToolbar.Tips TIPS = new RunToolbar.Tips(
            "Play or pause the three learners (Space)",
            "One real step of every learner, and the learning after it (Right arrow)",
            "New learners and background runs with the seed (Ctrl+R)",
            "From 1 real step per second to as fast as possible (far right); real time is 50 steps/s",
            RunToolbar.SEED_TIP);

    /** Charts follow the live run at most this often. */
    static final long CHART_PERIOD_NANOS = 250_000_000L;
    /** An arrow stays lit this long after data flowed along it. */
    static final long LIT_NANOS = 300_000_000L;
    /** Rates are measured over about this many latest real steps (a refit comes every 500). */
    static final long RATE_WINDOW_STEPS = 1000;
    /** The rate history reaches this far back, for the last two moves of a rare process. */
    static final long RATE_HISTORY_STEPS = 2500;

    /** Columns of a rate history row: the target updates and refits, and the real steps of their latest moves. */
    static final int TARGET_COLUMN = 3;
    static final int REFIT_COLUMN = 4;
    static final int TARGET_STEP_COLUMN = 6;
    static final int REFIT_STEP_COLUMN = 7;

    private final AccelerationViewModel model;
    private final VBox root = new VBox();
    private final List<Label> titles = new ArrayList<>();
    private final List<Label> stats = new ArrayList<>();
    private final List<Label> counts = new ArrayList<>();
    private final List<PenCanvas> carts = new ArrayList<>();
    private final List<PenCanvas> bars = new ArrayList<>();
    private final PenCanvas processCanvas = new PenCanvas(560, 260, 300, 160);
    private final PenCanvas rolloutCanvas = new PenCanvas(480, 260, 260, 160);
    private final Label realStepsLabel = Layouts.realStepsLabel();
    private final Label nLabel = new Label();
    private final Label kLabel = new Label();
    private final Slider nSlider = new Slider(1, AccelerationSettings.MAX_N, 10);
    private final Slider kSlider = new Slider(1, AccelerationSettings.MAX_K, 1);
    private final ChoiceBox<ModelChoice> modelChoice = new ChoiceBox<>();
    private final TextField thirdField = new TextField();
    private final ChoiceBox<Integer> processesChoice = new ChoiceBox<>();
    private final TextField runsField = new TextField();
    private final TextField episodesField = new TextField();
    private final Label message = new Label();
    private final Label budgetNote = new Label();
    private final Label curvesNote = new Label();
    private final XYSeriesCollection paneData = new XYSeriesCollection();
    private final JFreeChart chart;
    private final ChartViewer chartViewer;
    /** Draws at the screen's pulses from the constructor's first wake on (both on the FX thread). */
    private final IdleStoppingAnimator animator = new IdleStoppingAnimator(this::pulse);
    private final javafx.scene.layout.StackPane bottom = new javafx.scene.layout.StackPane();
    private final TabPane tabs = new TabPane();
    private final SplitPane split = new SplitPane();
    /**
     * The learning curves' least height at text size 1, in pixels; it grows with the text. Below it the plot between
     * the axes and the three-line legend is too short to read: at 1024x768 with text 1.5 it kept 40 px of plot
     * and cut the axis label to "Return (mea" once the steps-to-195 text came in.
     */
    static final double CHART_MIN_HEIGHT = 170;
    /** The learning curves' value axis label, longest first: the longest that fits the plot's height is shown. */
    static final String[] RETURN_LABELS = {"Mean return", "Return", ""};

    private final Tab curvesTab;
    private final Tab rolloutTab;
    private final Tab processesTab;
    private Boolean wide;

    private final ArrayDeque<long[]> rateHistory = new ArrayDeque<>();
    private final long[] litAt = new long[Drawings.Processes.ARROWS];
    private ProcessCounters previousCounters;
    private Publication<AccelerationFrame> drawn;
    private Publication<AccelerationFrame> charted;
    private StepCurves shownCurves;
    private boolean curvesPending = true;
    private long lastChart;
    private double fontScale = 1;
    private boolean highContrast;
    private boolean updatingControls;

    public AccelerationLab(LabContext context) {
        this.model = new AccelerationViewModel(context.dispatcher(), context.background());
        root.getStyleClass().addAll("lab", "acceleration-lab");
        root.setId("accelerationLab");
        root.getProperties().put(AccelerationLab.class, this);

        PaneColumns panes = new PaneColumns(2, 8, 2, 120, 300);
        panes.setPadding(new Insets(6, 8, 4, 8));
        for (int i = 0; i < 3; i++) {
            panes.addColumn(buildPane(i));
        }

        processCanvas.setId("processCanvas");
        rolloutCanvas.setId("rolloutCanvas");
        chart = AccelerationChart.create(null, List.of(), 500, 195);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer thin = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, paneData);
        plot.setRenderer(1, thin);
        for (int i = 0; i < 3; i++) {
            paneData.addSeries(new XYSeries("pane " + (i + 1)));
            thin.setSeriesPaint(i, Palette.categorical(i));
            thin.setSeriesStroke(i, new BasicStroke(1f));
            thin.setSeriesVisibleInLegend(i, false);
        }
        // Short enough for the plot's height at 1024x768, text 1.5; the note says over how many episodes. Shorter
        // where even that does not fit the plot's height (presenter mode at text 2.0): fitted after each drawing.
        plot.getRangeAxis().setLabel(RETURN_LABELS[0]);
        mbrllab.app.render.AfterDrawing.fit(chart, this::fitLabels);
        chartViewer = new ChartViewer(chart);
        chartViewer.setId("accelerationChart");
        NoRoomForChart.install(chartViewer);
        chartViewer.setMinHeight(CHART_MIN_HEIGHT);
        curvesNote.setId("curvesNote");
        curvesNote.setWrapText(true);
        curvesNote.getStyleClass().add("note");
        curvesNote.setMinHeight(Region.USE_PREF_SIZE);
        Node chartColumn = Layouts.chartColumn(chartViewer, new Insets(2, 4, 2, 4), curvesNote);
        curvesTab = new Tab("Learning curves", chartColumn);
        curvesTab.setClosable(false);
        rolloutTab = new Tab("One model rollout", rolloutCanvas);
        rolloutTab.setClosable(false);
        processesTab = new Tab("Five processes");
        processesTab.setClosable(false);
        // shorter titles where the whole ones do not fit (presenter mode at text 2.0 put "One model rollout" into the
        // tab pane's overflow menu)
        Layouts.tabTitles(processesTab, "Five processes", "Processes");
        Layouts.tabTitles(curvesTab, "Learning curves", "Curves");
        Layouts.tabTitles(rolloutTab, "One model rollout", "Rollout");
        Layouts.fitTabTitles(tabs);
        tabs.setId("accelerationTabs");
        bottom.widthProperty().addListener((o, a, b) -> arrange(b.doubleValue() >= WIDE));
        arrange(true);

        Node center = Layouts.pictureOverChart(panes, bottom, 0.42);
        SplitPane sides = Layouts.withSidePanel(center, buildSide(), 0.78);
        VBox.setVgrow(sides, Priority.ALWAYS);
        root.getChildren().add(sides);
        install(root, center, RunToolbar.build(model.playback(), controls(), TIPS, realStepsLabel));

        model.curves().snapshotProperty().addListener((o, a, b) -> redrawCurves());
        model.curves().runningProperty().addListener((o, a, b) -> redrawCurves());
        model.curves().completeProperty().addListener((o, a, b) -> redrawCurves());
        model.framesProperty().addListener((o, a, b) -> wake());
        model.playback().playingProperty().addListener((o, a, b) -> wake());
        model.settingsProperty().addListener((o, a, b) -> settingsChanged());
        model.configVersionProperty().addListener((o, a, b) -> showControls());
        context.status().follow(model.curves());
        showControls();
        settingsChanged();
        wake();
    }

    private void redrawCurves() {
        curvesPending = true;
        wake();
    }

    /** Runs the animator (again) from the next pulse on, unless the lab is closed. FX thread. */
    private void wake() {
        animator.wake();
    }

    /** True while the animator runs (tests: it stops when nothing moves). */
    boolean animatorRunning() {
        return animator.isRunning();
    }

    /** Below this width the processes get a tab of their own instead of half the area [px]. */
    static final double WIDE = 820;

    /**
     * Wide: the five processes on the left, the curves and the rollout in tabs on the right; narrow: all three in
     * tabs, the processes first, so that each keeps a readable size.
     */
    private void arrange(boolean makeWide) {
        if (wide != null && wide == makeWide) {
            return;
        }
        wide = makeWide;
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        tabs.getTabs().clear();
        split.getItems().clear();
        processesTab.setContent(null);
        if (makeWide) {
            tabs.getTabs().addAll(curvesTab, rolloutTab);
            split.getItems().addAll(processCanvas, tabs);
            split.setDividerPositions(0.55);
            bottom.getChildren().setAll(split);
        } else {
            processesTab.setContent(processCanvas);
            tabs.getTabs().addAll(processesTab, curvesTab, rolloutTab);
            bottom.getChildren().setAll(tabs);
        }
        if (!makeWide && selected != rolloutTab) {
            tabs.getSelectionModel().select(processesTab);
        } else if (selected != null && tabs.getTabs().contains(selected)) {
            tabs.getSelectionModel().select(selected);
        }
    }

    /** A pane's title in its colour, of the theme on show (the palette lightened on black). */
    private void paintTitle(Label title, int i) {
        title.setStyle("-fx-text-fill: " + Palette.categoricalHex(i, highContrast) + "; -fx-font-weight: bold;");
    }

    /** The title, returns, cart, returns strip and data counts of pane i, top to bottom. */
    private Node[] buildPane(int i) {
        Label title = new Label();
        paintTitle(title, i);
        title.setId("paneTitle" + i);
        title.setMinWidth(0);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setAlignment(Pos.CENTER);
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label stat = new Label(" ");
        stat.setId("paneStats" + i);
        stat.setTooltip(new Tooltip("The return (steps balanced) of the last finished episode, and the mean of the "
                + "last 10"));
        stat.getStyleClass().add("pane-stats");
        stat.setMinWidth(0);
        stat.setWrapText(true);
        stat.setMinHeight(Region.USE_PREF_SIZE);
        stat.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        PenCanvas cart = new PenCanvas(300, 120, 120, 70);
        cart.setId("cartCanvas" + i);
        PenCanvas bar = new PenCanvas(300, 46, 120, 30);
        bar.setId("returnsCanvas" + i);
        Label count = new Label(" ");
        count.setId("dataCounts" + i);
        count.getStyleClass().add("pane-stats");
        count.setMinWidth(0);
        count.setWrapText(true);
        count.setMinHeight(Region.USE_PREF_SIZE);
        count.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        titles.add(title);
        stats.add(stat);
        carts.add(cart);
        bars.add(bar);
        counts.add(count);
        return new Node[] {title, stat, cart, bar, count};
    }

    private Node buildSide() {
        VBox side = new VBox(6);
        side.setPadding(new Insets(8));
        side.setId("accelerationOptions");
        Label head2 = new Label("Pane 2: model-augmented DQN");
        head2.getStyleClass().add("section-title");
        nSlider.setId("nSlider");
        kSlider.setId("kSlider");
        for (Slider s : List.of(nSlider, kSlider)) {
            s.setMajorTickUnit(10);
            s.setMinorTickCount(9);
            s.setSnapToTicks(true);
            s.setShowTickMarks(true);
            s.setBlockIncrement(1);
            s.valueProperty().addListener((o, a, b) -> {
                showSliderText();
                if (!s.isValueChanging()) {
                    applySliders();
                }
            });
            s.valueChangingProperty().addListener((o, a, b) -> {
                if (!b) {
                    applySliders();
                }
            });
        }
        nSlider.setTooltip(new Tooltip("n: model rollouts started after every real step, from states of the real "
                + "buffer"));
        kSlider.setTooltip(new Tooltip("k: model steps per rollout. Errors compound with k."));
        nLabel.setId("nLabel");
        kLabel.setId("kLabel");
        modelChoice.setId("modelChoice");
        modelChoice.getItems().addAll(ModelChoice.ENSEMBLE, ModelChoice.SINGLE, ModelChoice.TRUE);
        modelChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelChoice m) {
                return m == null ? "" : m.label();
            }

            @Override
            public ModelChoice fromString(String s) {
                return null;
            }
        });
        modelChoice.valueProperty().addListener((o, a, b) -> {
            if (!updatingControls && b != null) {
                report(model.setModel(b));
            }
        });
        Label head3 = new Label("Pane 3: your choice");
        head3.getStyleClass().add("section-title");
        thirdField.setId("thirdField");
        thirdField.setPrefColumnCount(10);
        thirdField.setTooltip(new Tooltip("real, or KIND:n=N:k=K with KIND model (learned ensemble), single (one "
                + "learned net) or true (the true physics), n and k up to 50; :ratio=R sets the fraction of real data "
                + "in each minibatch (0.5 if not given); :push=dataset gives each rollout's first step the push its "
                + "start state's real transition took (with the true physics: a copy of real data), :push=other the "
                + "push it did not take; true:n=N:k=K:noise=S adds Gaussian noise of S times each "
                + "component's scale to every model step (a model of known error); Enter applies"));
        thirdField.setOnAction(e -> applyThird());
        Button thirdApply = new Button("Apply");
        thirdApply.setId("thirdApply");
        thirdApply.setOnAction(e -> applyThird());
        Label headP = new Label("Processes and rollout of");
        headP.getStyleClass().add("section-title");
        processesChoice.setId("processesChoice");
        processesChoice.getItems().addAll(0, 1, 2);
        processesChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null ? "" : "pane " + (p + 1);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        processesChoice.valueProperty().addListener((o, a, b) -> {
            if (!updatingControls && b != null) {
                model.setProcesses(b);
            }
        });
        Label headE = new Label("Background runs");
        headE.getStyleClass().add("section-title");
        runsField.setId("runsField");
        runsField.setPrefColumnCount(4);
        episodesField.setId("episodesField");
        episodesField.setPrefColumnCount(5);
        Button experimentApply = new Button("Apply");
        experimentApply.setId("experimentApply");
        experimentApply.setOnAction(e -> applyExperiment());
        runsField.setOnAction(e -> applyExperiment());
        episodesField.setOnAction(e -> applyExperiment());
        message.setId("optionsMessage");
        message.setWrapText(true);
        message.getStyleClass().add("field-error");
        message.setMinHeight(Region.USE_PREF_SIZE);
        budgetNote.setId("budgetNote");
        budgetNote.setWrapText(true);
        budgetNote.getStyleClass().add("note");
        budgetNote.setMinHeight(Region.USE_PREF_SIZE);
        showBudgetNote();
        model.backgroundRunsProperty().addListener((o, a, b) -> showBudgetNote());
        model.settingsProperty().addListener((o, a, b) -> showBudgetNote());
        Label note = new Label(sharedNote(AccelerationParams.defaults()));
        note.setWrapText(true);
        note.getStyleClass().add("note");
        note.setMinHeight(Region.USE_PREF_SIZE);
        for (Label l : List.of(head2, head3, headP, headE, nLabel, kLabel)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        side.getChildren().addAll(head2, nLabel, nSlider, kLabel, kSlider, new Label("Model"), modelChoice,
                head3, thirdField, thirdApply, headP, processesChoice, headE,
                row("R (runs per setting)", runsField), row("episodes per run", episodesField), budgetNote,
                experimentApply, message, note);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(200);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private static Node row(String label, TextField field) {
        Label l = new Label(label);
        l.setWrapText(true);
        field.setMinWidth(Region.USE_PREF_SIZE);
        field.setMaxWidth(Region.USE_PREF_SIZE);
        return new VBox(2, l, field);
    }

    /** The lab's view model (tests reach the lab's state through it). */
    public AccelerationViewModel model() {
        return model;
    }

    @Override
    public RunControls controls() {
        return new RunControls(model::togglePlay, model::step, model::reset);
    }

    private void report(Optional<String> refusal) {
        message.setText(refusal.orElse(""));
        if (refusal.isPresent()) {
            showControls();
        }
    }

    private void applySliders() {
        if (updatingControls) {
            return;
        }
        report(model.setNk((int) Math.round(nSlider.getValue()), (int) Math.round(kSlider.getValue())));
    }

    private void applyThird() {
        try {
            report(model.setThird(AccelerationSettings.parseSetting(thirdField.getText())));
        } catch (IllegalArgumentException e) {
            message.setText("Pane 3: " + e.getMessage());
        }
    }

    private void applyExperiment() {
        int runs;
        int episodes;
        try {
            runs = Integer.parseInt(runsField.getText().strip());
        } catch (NumberFormatException e) {
            message.setText("R must be a whole number in 1.." + AccelerationSettings.MAX_RUNS + ", got '"
                    + runsField.getText().strip() + "'");
            return;
        }
        try {
            episodes = Integer.parseInt(episodesField.getText().strip());
        } catch (NumberFormatException e) {
            message.setText("episodes must be a whole number in 1.." + AccelerationSettings.MAX_EPISODES + ", got '"
                    + episodesField.getText().strip() + "'");
            return;
        }
        if (runs < 1 || runs > AccelerationSettings.MAX_RUNS) {
            message.setText("R must be in 1.." + AccelerationSettings.MAX_RUNS + ", got " + runs);
            return;
        }
        if (episodes < 1 || episodes > AccelerationSettings.MAX_EPISODES) {
            message.setText("episodes must be in 1.." + AccelerationSettings.MAX_EPISODES + ", got " + episodes);
            return;
        }
        report(model.setExperiment(runs, episodes));
    }

    /**
     * Under R, when the background runs are cut to fit the app's budget: how many run (the sliders, the model and pane
     * 3 are not refused for the budget, R is kept for when they come down again).
     */
    private void showBudgetNote() {
        int fit = model.backgroundRunsProperty().get();
        int runs = model.settings().runs();
        boolean cut = fit < runs;
        budgetNote.setText(!cut ? "" : fit == 0
                ? "With these settings not one background run fits the app's budget: the curves wait for lower n, k "
                + "or episodes."
                : String.format(Locale.ROOT, "With these settings %d of the %d runs fit the app's budget: the curves "
                + "are over %d.", fit, runs, fit));
        budgetNote.setVisible(cut);
        budgetNote.setManaged(cut);
    }

    /** The controls show the settings (after a session, a preset or a refusal). */
    private void showControls() {
        updatingControls = true;
        try {
            AccelerationSettings s = model.settings();
            nSlider.setValue(s.n());
            kSlider.setValue(s.k());
            modelChoice.setValue(s.model());
            thirdField.setText(s.third().text(AccelerationSettings.RATIO));
            processesChoice.setValue(s.processes());
            runsField.setText(Integer.toString(s.runs()));
            episodesField.setText(Integer.toString(s.episodes()));
            showSliderText();
        } finally {
            updatingControls = false;
        }
    }

    private void showSliderText() {
        nLabel.setText(String.format(Locale.ROOT, "n = %d rollouts per real step", Math.round(nSlider.getValue())));
        kLabel.setText(String.format(Locale.ROOT, "k = %d model steps per rollout", Math.round(kSlider.getValue())));
    }

    /** New settings: titles, cleared curves and rates. */
    private void settingsChanged() {
        List<String> names = model.paneNames();
        for (int i = 0; i < titles.size(); i++) {
            titles.get(i).setText((i + 1) + ": " + shortName(model.settings().panes().get(i)));
            titles.get(i).setTooltip(new Tooltip(names.get(i)));
        }
        for (int i = 0; i < paneData.getSeriesCount(); i++) {
            paneData.getSeries(i).clear();
        }
        rateHistory.clear();
        previousCounters = null;
        drawn = null;
        charted = null;
        curvesPending = true;
        showControls();
        wake();
    }

    /**
     * "real data only", "ensemble n=10 k=1", "true physics n=10 k=20", "true physics + noise 0.1 n=10 k=1", and
     * " ratio=0.25" after a ratio other than the lab's, " push=dataset" or " push=other" after such a first push.
     */
    static String shortName(AccelerationSetting s) {
        String name = paneName(s);
        if (s.usesModel() && s.realRatio() != AccelerationSettings.RATIO) {
            name += " ratio=" + s.realRatio();
        }
        return s.push() == FirstPush.EPSILON ? name : name + " push=" + s.push().key();
    }

    private static String paneName(AccelerationSetting s) {
        return switch (s.model()) {
            case NONE -> "real data only";
            case ENSEMBLE -> "ensemble n=" + s.n() + " k=" + s.k();
            case SINGLE -> "single net n=" + s.n() + " k=" + s.k();
            case TRUE -> (s.noise() == 0 ? "true physics" : "true physics + noise " + s.noise()) + " n=" + s.n()
                    + " k=" + s.k();
        };
    }

    private Drawings.Style style(int pane) {
        return new Drawings.Style(12 * fontScale, highContrast ? Drawings.HIGH_CONTRAST : Drawings.NORMAL,
                Palette.categorical(pane));
    }

    /**
     * One screen pulse: draw what changed; charts at most every {@value #CHART_PERIOD_NANOS} ns while playing.
     *
     * @return whether anything moves or waits to be drawn (else the animator may stop)
     */
    private boolean pulse(long now) {
        Publication<AccelerationFrame> f = model.framesProperty().get();
        boolean live = model.playback().isPlaying();
        if (f != drawn) {
            drawn = f;
            showFrame(f, now);
        } else if (f != null && litUntil(now)) {
            showProcesses(f.frame(), now);
        }
        if (curvesPending && (!live || now - lastChart >= CHART_PERIOD_NANOS)) {
            curvesPending = false;
            lastChart = now;
            showCurves(model.curves().snapshot());
        }
        if (f != charted && (!live || now - lastChart >= CHART_PERIOD_NANOS)) {
            charted = f;
            lastChart = now;
            appendPaneCurves(f);
        }
        return live || curvesPending || f != charted || f != drawn || litUntil(now);
    }

    private boolean litUntil(long now) {
        for (long at : litAt) {
            if (at != 0 && now - at < LIT_NANOS + 20_000_000L) {
                return true;
            }
        }
        return false;
    }

    private void showFrame(Publication<AccelerationFrame> f, long now) {
        if (f == null) {
            realStepsLabel.setText("real steps: 0");
            return;
        }
        AccelerationFrame frame = f.frame();
        realStepsLabel.setText(String.format(Locale.ROOT, "real steps: %,d", frame.realSteps()));
        for (int i = 0; i < frame.panes().size() && i < carts.size(); i++) {
            AccelerationFrame.Pane p = frame.panes().get(i);
            Drawings.Style st = style(i);
            String[] header = header(p, frame);
            carts.get(i).show((pen, w, h) -> Drawings.cart(pen, w, h, p.state(), p.force(), header, st));
            bars.get(i).show((pen, w, h) -> Drawings.returns(pen, w, h, p.returns(), 100, st));
            double recent = p.recentMean();
            stats.get(i).setText(p.lastReturn() < 0 ? "no episode yet" : String.format(Locale.ROOT,
                    "return %d · mean of 10: %.0f", p.lastReturn(), recent));
            ProcessCounters c = p.counters();
            counts.get(i).setText(p.setting().usesModel()
                    ? String.format(Locale.ROOT, "data: real %,d · model %,d", c.realBufferSize(),
                    c.modelBufferSize())
                    : String.format(Locale.ROOT, "data: real %,d · model none", c.realBufferSize()));
        }
        track(frame, now);
        showProcesses(frame, now);
        showRollout(frame);
    }

    /**
     * A pane's header in its forms, longest first (the pane shows the longest that fits: at 1024x768 with text 1.5
     * the first was squeezed): the episode and step under way, or that its run is over and why.
     */
    static String[] header(AccelerationFrame.Pane p, AccelerationFrame frame) {
        if (p.ended()) {
            return new String[] {
                String.format(Locale.ROOT, "run over after %,d episodes", p.episodesFinished()),
                String.format(Locale.ROOT, "over: %,d episodes", p.episodesFinished()), "run over"};
        }
        if (frame.over()) {
            return new String[] {
                String.format(Locale.ROOT, "run over at the %,d-step cap", frame.realSteps()),
                String.format(Locale.ROOT, "over: %,d steps", frame.realSteps()), "run over"};
        }
        return new String[] {
            String.format(Locale.ROOT, "episode %,d · step %,d · ε %.2f", p.episode(), p.step(), p.epsilon()),
            String.format(Locale.ROOT, "ep. %,d · step %,d · ε %.2f", p.episode(), p.step(), p.epsilon()),
            String.format(Locale.ROOT, "ep. %,d · step %,d", p.episode(), p.step())};
    }

    /** Rates and lit arrows of the pane whose processes are drawn. */
    private void track(AccelerationFrame frame, long now) {
        int pane = model.settings().processes();
        ProcessCounters c = frame.panes().get(pane).counters();
        if (previousCounters != null && c.realSteps() < previousCounters.realSteps()) {
            previousCounters = null;
            rateHistory.clear();
        }
        if (previousCounters != null && previousCounters.qUpdates() == 0 && c.qUpdates() > 0) {
            // learning has started: rates from the last frame before it, not diluted by the steps that only
            // collected data (the first refit, at the start of learning, still counts)
            rateHistory.clear();
            rateHistory.addLast(rateEntry(now, previousCounters));
        }
        if (previousCounters != null) {
            ProcessCounters p = previousCounters;
            light(Drawings.Processes.COLLECT, c.realSteps() > p.realSteps(), now);
            boolean updated = c.qUpdates() > p.qUpdates();
            light(Drawings.Processes.REAL_TO_Q, updated, now);
            light(Drawings.Processes.MODEL_TO_Q, updated && c.modelBufferSize() > 0, now);
            light(Drawings.Processes.TARGET, c.targetUpdates() > p.targetUpdates(), now);
            light(Drawings.Processes.FIT, c.modelRefits() > p.modelRefits(), now);
            boolean rolled = c.modelRollouts() > p.modelRollouts();
            light(Drawings.Processes.MODEL_USE, rolled || c.modelRefits() > p.modelRefits(), now);
            light(Drawings.Processes.STARTS, rolled, now);
            light(Drawings.Processes.ROLLOUTS, c.modelTransitions() > p.modelTransitions(), now);
        }
        previousCounters = c;
        if (rateHistory.isEmpty() || rateHistory.peekLast()[1] != c.realSteps()) {
            rateHistory.addLast(rateEntry(now, c));
        }
        while (rateHistory.size() > 2 && c.realSteps() - rateHistory.peekFirst()[1] > RATE_HISTORY_STEPS) {
            rateHistory.removeFirst();
        }
    }

    /**
     * A process's rate per real step from the rate history (rows {time, real steps, counters...} in order, the last
     * {@link #RATE_HISTORY_STEPS} real steps; column the counter's). Over the last {@link #RATE_WINDOW_STEPS} real
     * steps, between the first and the last row at which the counter moved when it moved at least twice there; for a
     * rarer process, between its last two moves in the history (so that a refit every 500 real steps reads "1 per
     * 500" wherever the window's edges fall; over a fixed window it read "1 per 997"); 0 when it has not moved for
     * the window. NaN before two rows span a real step, and while it has moved only once.
     */
    static double perStep(java.util.Collection<long[]> history, int column) {
        return perStep(history.toArray(new long[0][]), column, 1);
    }

    /**
     * {@link #perStep(java.util.Collection, int)} on the history's rows, in order, with the real step of the
     * counter's latest move in column {@code stepColumn} of each row (1, the row's own real step, for a counter that
     * moves at most once between rows): a process that runs every 100 real steps reads "1 per 100" however the rows
     * fall, not "1 per 99" or "1 per 101".
     */
    static double perStep(long[][] rows, int column, int stepColumn) {
        if (rows.length < 2) {
            return Double.NaN;
        }
        long[] last = rows[rows.length - 1];
        if (last[1] <= rows[0][1]) {
            return Double.NaN;
        }
        int newest = -1;
        int oldestInWindow = -1;
        int secondNewest = -1;
        for (int r = rows.length - 1; r >= 1; r--) {
            if (rows[r][column] > rows[r - 1][column]) {
                if (newest < 0) {
                    newest = r;
                } else if (secondNewest < 0) {
                    secondNewest = r;
                }
                if (last[1] - rows[r][1] <= RATE_WINDOW_STEPS) {
                    oldestInWindow = r;
                }
            }
        }
        if (newest < 0 || last[1] - rows[newest][1] > RATE_WINDOW_STEPS) {
            return last[1] - rows[0][1] >= RATE_WINDOW_STEPS ? 0 : newest < 0 ? 0
                    : (double) (last[column] - rows[0][column]) / (last[1] - rows[0][1]);
        }
        int from = oldestInWindow != newest ? oldestInWindow : secondNewest;
        if (from < 0 || rows[newest][1] <= rows[from][1]) {
            // one move: its rate is not known yet (over the history it read "1 per 93 real steps" for the first
            // refit, which comes every 500)
            return Double.NaN;
        }
        // both rows are moves of the counter, so their move steps differ
        return (double) (rows[newest][column] - rows[from][column])
                / (rows[newest][stepColumn] - rows[from][stepColumn]);
    }

    private static long[] rateEntry(long now, ProcessCounters c) {
        return new long[] {now, c.realSteps(), c.qUpdates(), c.targetUpdates(), c.modelRefits(), c.modelTransitions(),
                c.targetUpdateStep(), c.refitStep()};
    }

    private void light(int arrow, boolean flowed, long now) {
        if (flowed) {
            litAt[arrow] = now;
        }
    }

    private void showProcesses(AccelerationFrame frame, long now) {
        int pane = model.settings().processes();
        AccelerationFrame.Pane p = frame.panes().get(pane);
        double[] perStep = new double[5];
        long[][] rows = rateHistory.toArray(new long[0][]); // once per frame, for the five processes
        for (int i = 0; i < 5; i++) {
            int column = i + 1;
            perStep[i] = perStep(rows, column, column == TARGET_COLUMN ? TARGET_STEP_COLUMN
                    : column == REFIT_COLUMN ? REFIT_STEP_COLUMN : 1);
        }
        boolean[] lit = new boolean[Drawings.Processes.ARROWS];
        for (int i = 0; i < lit.length; i++) {
            lit[i] = litAt[i] != 0 && now - litAt[i] < LIT_NANOS;
        }
        AccelerationSetting s = p.setting();
        // its forms, longest first: on one line where the width allows (the pane's title above names its setting)
        String[] titles = {"Model-based acceleration of DQN: the five processes of pane " + (pane + 1) + " ("
                + s.label() + ")", "Model-based acceleration of DQN: pane " + (pane + 1) + " (" + s.label() + ")",
            "Model-based acceleration of DQN: pane " + (pane + 1), "The five processes of pane " + (pane + 1)};
        Drawings.Processes d = new Drawings.Processes(titles, s.usesModel(), s.model().learned(), p.counters(), perStep,
                lit, model.spec().params().modelBufferCapacity());
        Drawings.Style st = style(pane);
        processCanvas.show((pen, w, h) -> Drawings.processes(pen, w, h, d, st));
    }

    private void showRollout(AccelerationFrame frame) {
        int pane = frame.rolloutPane();
        AccelerationSetting s = frame.panes().get(pane).setting();
        ModelRollout r = frame.rollout();
        String[] titles = {"One model rollout of pane " + (pane + 1) + " (" + s.label() + "): k = " + s.k()
                + " imagined steps from a real state", "One model rollout of pane " + (pane + 1) + " (" + s.label()
                + ")", "Pane " + (pane + 1) + ": one model rollout, k = " + s.k()};
        Drawings.Style st = style(pane);
        rolloutCanvas.show((pen, w, h) -> Drawings.rollout(pen, w, h, r, titles, st));
    }

    private void showCurves(StepCurves c) {
        shownCurves = c;
        XYPlot plot = chart.getXYPlot();
        chart.setNotify(false);
        try {
            List<AccelerationChart.Curve> curves = new ArrayList<>();
            if (c != null) {
                List<AccelerationSetting> panes = model.settings().panes();
                for (int i = 0; i < c.curves().size(); i++) {
                    AccelerationChart.Curve curve = c.curves().get(i);
                    curves.add(new AccelerationChart.Curve(legendName(i, panes.get(i), c), curve.steps(), curve.mean(),
                            curve.se(), curve.runs()));
                }
            }
            plot.setDataset(0, AccelerationChart.dataset(curves, 500));
        } finally {
            chart.setNotify(true);
        }
        curvesNote.setText(curvesText(c, model.backgroundRunsWaiting()));
    }

    /**
     * A curve's legend entry: its pane's title ("2: ensemble n=10 k=1"), with the runs in its mean while they come in
     * ("(4/10 runs)"; the status line gives their number once all are in). Short, so that the three lines leave the
     * plot its height and width on a projector with large text.
     */
    static String legendName(int pane, AccelerationSetting setting, StepCurves c) {
        String title = (pane + 1) + ": " + shortName(setting);
        return c.finished() ? title : title + " (" + c.runsDone() + "/" + c.runsTotal() + " runs)";
    }

    /** What the three learners share, and how much of a minibatch is model data. */
    static String sharedNote(AccelerationParams p) {
        return String.format(Locale.ROOT, "The three learners share the seed, the first Q-network, the start states "
                + "and %d Q updates per real step: only their data differ. %s of each minibatch is model data.",
                p.updatesPerStep(), percent(1 - AccelerationSettings.RATIO));
    }

    private static String percent(double fraction) {
        return fraction == 0.5 ? "Half" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /** The note under the chart: what the lines are, and steps to 195 once the runs are in. */
    static String curvesText(StepCurves c, boolean waiting) {
        if (waiting) {
            return "Each line: the mean return of the last 10 episodes. The R background runs of the three settings "
                    + "start with Play or Step; their mean and 95% band then fill in here, run by run. Thin lines: the "
                    + "panes (run 1).";
        }
        StringBuilder sb = new StringBuilder("Each line: the mean return of the last 10 episodes. Bands: mean of the R "
                + "background runs, 95%. Thin lines: the panes (run 1).");
        if (c != null && c.finished()) {
            sb.append(" Real steps until the mean of the last 10 episodes reaches 195:");
            for (int s = 0; s < c.names().size(); s++) {
                double[] v = c.stepsTo195()[s];
                sb.append(String.format(Locale.ROOT, " %d: %,.0f ± %,.0f, median %,.0f (%d/%d runs reached)%s", s + 1,
                        v[0], v[1], v[3], (int) v[2], c.runsTotal(), s + 1 < c.names().size() ? ";" : "."));
            }
        }
        return sb.toString();
    }

    /** The panes' own curves: the mean of their last 10 episodes at the end of each finished episode. */
    private void appendPaneCurves(Publication<AccelerationFrame> f) {
        if (f == null) {
            return;
        }
        chart.setNotify(false);
        try {
            for (int i = 0; i < f.frame().panes().size(); i++) {
                AccelerationFrame.Pane p = f.frame().panes().get(i);
                XYSeries series = paneData.getSeries(i);
                int have = series.getItemCount();
                if (p.episodesFinished() < have) {
                    series.clear();
                    have = 0;
                }
                series.setNotify(false);
                for (int e = have; e < p.episodesFinished(); e++) {
                    int from = Math.max(0, e - 9);
                    double sum = 0;
                    for (int j = from; j <= e; j++) {
                        sum += p.returns()[j];
                    }
                    series.add(p.realSteps()[e], sum / (e - from + 1), false);
                }
                series.setNotify(true);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The value axis label and the reference line's label that fit the plot as last drawn: JFreeChart cuts a rotated
     * label longer than the plot at both ends, and a line label that runs out of the plot's top.
     */
    private void fitLabels() {
        org.jfree.chart.ChartRenderingInfo info = chartViewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getDataArea().getHeight() <= 0) {
            return;
        }
        double height = info.getPlotInfo().getDataArea().getHeight();
        mbrllab.charts.AxisLabels.fit(chart.getXYPlot().getRangeAxis(), height, RETURN_LABELS);
        AccelerationChart.fitMarkerLabel(chart, height);
    }

    /**
     * The labels whole, for an export at least 420 px high, whatever was fitted to the screen (the screen's chart fits
     * them again when it is next drawn).
     */
    private void wholeLabels() {
        mbrllab.charts.AxisLabels.fit(chart.getXYPlot().getRangeAxis(), Double.MAX_VALUE, RETURN_LABELS[0]);
        AccelerationChart.fitMarkerLabel(chart, Double.MAX_VALUE);
    }

    @Override
    public void setFontScale(double scale) {
        this.fontScale = scale;
        ChartThemes.apply(chart, scale, Theme.of(highContrast));
        AccelerationChart.setFontScale(chart, scale);
        chartViewer.setMinHeight(CHART_MIN_HEIGHT * scale);
        drawn = null;
        wake();
    }

    @Override
    public void setHighContrast(boolean on) {
        this.highContrast = on;
        ChartThemes.apply(chart, fontScale, Theme.of(on));
        for (int i = 0; i < titles.size(); i++) {
            paintTitle(titles.get(i), i);
        }
        drawn = null;
        wake();
    }

    @Override
    public void dispose() {
        animator.close(); // before the shutdown, whose last frames must not start it again
        model.shutdown();
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(model);
    }

    /**
     * The carts, the five processes and the model rollout as figures (their data as CSV), and the learning curves.
     */
    @Override
    public List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        Publication<AccelerationFrame> f = model.framesProperty().get();
        if (f != null) {
            AccelerationFrame frame = f.frame();
            for (int i = 0; i < frame.panes().size(); i++) {
                PenCanvas canvas = carts.get(i);
                PenCanvas.Painter painter = canvas.painter();
                if (painter == null) {
                    continue;
                }
                AccelerationFrame.Pane p = frame.panes().get(i);
                double w = Math.max(300, canvas.getWidth());
                double h = Math.max(150, canvas.getHeight());
                targets.add(new ExportTarget("cart-" + (i + 1) + "-" + p.setting().name(AccelerationSettings.RATIO),
                        "Cart " + (i + 1) + " (" + p.setting().label() + ")", () -> Exports.png2x(w, h,
                        pen -> painter.paint(pen, w, h)), () -> Exports.svg(w, h, pen -> painter.paint(pen, w, h)),
                        () -> paneCsv(p)));
            }
            addCanvas(targets, processCanvas, "processes", "The five processes", () -> processesCsv(frame));
            addCanvas(targets, rolloutCanvas, "model-rollout", "One model rollout", () -> rolloutCsv(frame.rollout()));
        }
        double cw = Math.max(720, chartViewer.getWidth());
        double ch = Math.max(420, chartViewer.getHeight());
        targets.add(new ExportTarget("learning-curves", "Learning curves", () -> {
            wholeLabels();
            return Exports.chartPng2x(chart, cw, ch);
        }, () -> {
            wholeLabels();
            return Exports.chartSvg(chart, cw, ch);
        }, () -> Exports.chartCsv(chart)));
        return targets;
    }

    private void addCanvas(List<ExportTarget> targets, PenCanvas canvas, String name, String title,
                           java.util.function.Supplier<String> csv) {
        PenCanvas.Painter painter = canvas.painter();
        if (painter == null) {
            return;
        }
        double w = Math.max(480, canvas.getWidth());
        double h = Math.max(260, canvas.getHeight());
        targets.add(new ExportTarget(name, title, () -> Exports.png2x(w, h, pen -> painter.paint(pen, w, h)),
                () -> Exports.svg(w, h, pen -> painter.paint(pen, w, h)), csv));
    }

    /** A pane's finished episodes: episode, return, real steps by its end. */
    static String paneCsv(AccelerationFrame.Pane p) {
        StringBuilder sb = new StringBuilder("episode,return,real_steps\n");
        for (int e = 0; e < p.episodesFinished(); e++) {
            sb.append(e + 1).append(',').append(p.returns()[e]).append(',').append(p.realSteps()[e]).append('\n');
        }
        return sb.toString();
    }

    /** Every pane's process counters and dataset sizes. */
    static String processesCsv(AccelerationFrame frame) {
        StringBuilder sb = new StringBuilder("pane,setting,real_steps,episodes,q_updates,target_updates,model_refits,"
                + "model_fit_steps,model_rollouts,model_transitions,real_data,model_data\n");
        for (int i = 0; i < frame.panes().size(); i++) {
            AccelerationFrame.Pane p = frame.panes().get(i);
            ProcessCounters c = p.counters();
            sb.append(i + 1).append(',').append(p.setting().name(AccelerationSettings.RATIO)).append(',')
                    .append(c.realSteps()).append(',').append(c.episodes()).append(',').append(c.qUpdates()).append(',')
                    .append(c.targetUpdates()).append(',').append(c.modelRefits()).append(',').append(c.modelSteps())
                    .append(',').append(c.modelRollouts()).append(',').append(c.modelTransitions()).append(',')
                    .append(c.realBufferSize()).append(',').append(c.modelBufferSize()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The rollout on show: step, force, the imagined and the true state, the state error after the step and the error
     * of that step alone (from the model's own state before it).
     */
    static String rolloutCsv(ModelRollout r) {
        StringBuilder sb = new StringBuilder("step,force,x_model,x_dot_model,theta_model,theta_dot_model,x_true,"
                + "x_dot_true,theta_true,theta_dot_true,error,step_error\n");
        if (r == null) {
            return sb.toString();
        }
        for (int t = 0; t <= r.steps(); t++) {
            sb.append(t).append(',').append(t == 0 ? "" : Double.toString(r.forces()[t - 1]));
            for (int i = 0; i < 4; i++) {
                sb.append(',').append(r.imagined(t, i));
            }
            for (int i = 0; i < 4; i++) {
                sb.append(',').append(r.truth(t, i));
            }
            sb.append(',').append(r.error(t)).append(',').append(t == 0 ? "" : Double.toString(r.stepError(t)));
            sb.append('\n');
        }
        return sb.toString();
    }

    StepCurves shownCurves() {
        return shownCurves;
    }

    Tab curvesTab() {
        return curvesTab;
    }

    PenCanvas processCanvas() {
        return processCanvas;
    }

    PenCanvas rolloutCanvas() {
        return rolloutCanvas;
    }
}
