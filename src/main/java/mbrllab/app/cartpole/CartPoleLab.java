package mbrllab.app.cartpole;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.IdleStoppingAnimator;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.CurveSnapshot;
import mbrllab.app.controls.HeaderLabel;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.PictureOverChart;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.RunToolbar;
import mbrllab.app.lab.Status;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.charts.Palette;
import mbrllab.charts.SyncedFontChart;
import mbrllab.core.cartpole.CartPoleState;

/**
 * The cart-pole lab: one big cart for the keyboard and the random agent, or three small carts for Dyna-Q on BOXES
 * with n = 0, 5 and 50 in lock step; the replay of any recorded episode; the learning curves; the side panel with the
 * system, the agent, the model and the parameters. Views only: state lives in {@link CartPoleViewModel}.
 *
 * <p>An {@link IdleStoppingAnimator} only draws: at every screen pulse it draws each cart between its last two physics
 * states (see {@link Publication}), or the replayed episode at the scrubber's position. It records the interval between
 * its frames and the time its drawing takes; with {@code -Dmbrllab.frameStats=true} it prints their percentiles when
 * the lab closes. It stops when nothing moves or waits to be drawn, and a new frame, replay, curve or redraw starts
 * it again.
 */
public final class CartPoleLab extends BaseLab {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("cart-pole", "Cart-pole",
            "Cart-pole: balance or swing up by keyboard, replay any episode, Dyna-Q on BOXES with n = 0, 5 and 50",
            CartPoleLab::new);

    /** What the toolbar's run controls do in this lab. */
    static final RunToolbar.Tips TIPS = new RunToolbar.Tips(
            "Play or pause the live run (Space); leaves a replay",
            "One step of every cart (Right arrow, except with the keyboard agent)",
            "New agents and carts with the seed; recordings cleared (Ctrl+R)",
            "From 1 step per second to as fast as possible (far right); real time is 50 steps/s for balance, 10 "
                    + "for swing-up", RunToolbar.SEED_TIP);

    /** Labels follow the live run at most this often. */
    static final long TEXT_PERIOD_NANOS = 100_000_000L;
    /** Charts follow the live run at most this often. */
    static final long CHART_PERIOD_NANOS = 250_000_000L;
    /**
     * The Dyna-Q panes leave their row for two over one, the chart in the fourth cell, when a third of the width
     * would give a cart less than this many times its text size (11 px at text 1.0): at 1024x768 with text 1.5 a
     * row gave each cart 181 x 90 px, read-outs only and cut; two over one gives 278 x 168 px carts.
     */
    static final double GRID_BELOW_FONTS = 15;
    /** Text size of the Dyna-Q panes' carts at text 1.0 [px]. */
    static final double PANE_FONT = 11;
    /** System property that makes the lab print its frame statistics when it closes. */
    public static final String FRAME_STATS_PROPERTY = "mbrllab.frameStats";

    private final CartPoleViewModel model;
    private final Status status;
    private final VBox root = new VBox();
    private final CartCanvas singleCanvas = new CartCanvas(860, 360);
    private final Label singleStats = new Label(" ");
    private final List<CartCanvas> paneCanvases = new ArrayList<>();
    private final List<HeaderLabel> paneStats = new ArrayList<>();
    private final HeaderLabel.Group statsGroup = new HeaderLabel.Group();
    private final List<FittedLabel> boxLabels = new ArrayList<>();
    private final List<HeaderLabel> paneTitles = new ArrayList<>();
    private final List<Tooltip> boxTips = new ArrayList<>();
    private final Node singleView;
    private final StackPane dynaView = new StackPane();
    private final HBox paneRow = new HBox(8);
    private final GridPane paneGrid = new GridPane();
    private final List<Node> paneColumns = new ArrayList<>();
    private final VBox dynaChartColumn;
    private final StackPane chartNoteHolder;
    private final PictureOverChart dynaRowView;
    /** The panes two over one with the chart in the fourth cell (narrow), or in a row over the chart. */
    private boolean paneGridShown;
    private final List<Cart.BoxView> boxViews = new ArrayList<>();
    private final ReplayBar replayBar;
    private final Label realStepsLabel = Layouts.realStepsLabel();

    private final YIntervalSeriesCollection meanData = new YIntervalSeriesCollection();
    private final XYSeriesCollection animatedData = new XYSeriesCollection();
    private final JFreeChart dynaChart;
    private final ChartViewer dynaChartViewer;
    private final XYSeriesCollection singleData = new XYSeriesCollection();
    private final JFreeChart singleChart;
    private final ChartViewer singleChartViewer;
    private final ChartLegend dynaLegend = new ChartLegend();
    private final ChartLegend singleLegend = new ChartLegend();

    /** Draws at the screen's pulses from the constructor's first wake on (both on the FX thread). */
    private final IdleStoppingAnimator animator = new IdleStoppingAnimator(this::pulse);
    private final FrameStats frameIntervals = new FrameStats();
    private final FrameStats drawTimes = new FrameStats();
    private long lastPulse;
    private Publication<List<CartFrame>> textFrames;
    private Publication<List<CartFrame>> chartFrames;
    private long lastText;
    private long lastChart;
    private boolean curvesPending;
    private boolean dirty = true;
    private boolean animating;
    private EpisodeRecord cumulativeFor;
    private double[] cumulativeScore;
    private final double[] replayState = new double[4];
    private final double[] replayNext = new double[4];
    private EpisodeRecord replayPathFor;
    private int replayPathStep = -1;
    private double[] replayPath;

    private double fontScale = 1;
    private boolean highContrast;
    private boolean disposed;

    /** Opens the lab: Dyna-Q on BOXES, balance. */
    public CartPoleLab(LabContext context) {
        this.status = context.status();
        this.model = new CartPoleViewModel(context.dispatcher(), context.background());
        root.getStyleClass().addAll("lab", "cart-pole-lab");
        root.setId("cartPoleLab");
        root.getProperties().put(CartPoleLab.class, this);

        singleCanvas.setId("cartCanvas");
        singleCanvas.setBaseFont(14);
        singleCanvas.setFocusTraversable(true);
        singleCanvas.setAccent(Palette.categorical(0));
        singleCanvas.setOnMousePressed(e -> singleCanvas.requestFocus());
        singleStats.setId("singleStats");
        singleStats.getStyleClass().add("pane-stats");

        singleChart = createSingleChart();
        singleChartViewer = new ChartViewer(singleChart);
        singleChartViewer.setId("episodeChart");
        NoRoomForChart.install(singleChartViewer);
        singleChartViewer.setMinHeight(120);
        VBox singleTop = new VBox(2, singleStats, singleCanvas);
        VBox.setVgrow(singleCanvas, Priority.ALWAYS);
        singleTop.setPadding(new Insets(6, 8, 4, 8));
        singleLegend.setId("episodeChartLegend");
        singleView = Layouts.pictureOverChart(singleTop,
                Layouts.chartColumn(singleChartViewer, new Insets(2, 8, 4, 8), singleLegend), 0.66);

        dynaChart = createDynaChart();
        dynaChartViewer = new ChartViewer(dynaChart);
        dynaChartViewer.setId("learningCurveChart");
        NoRoomForChart.install(dynaChartViewer);
        dynaChartViewer.setMinHeight(140);
        paneRow.setPadding(new Insets(6, 8, 4, 8));
        for (int i = 0; i < CartPoleViewModel.N_VALUES.size(); i++) {
            paneColumns.add(buildPane(i, CartPoleViewModel.N_VALUES.get(i)));
            boxViews.add(null);
        }
        paneRow.getChildren().setAll(paneColumns);
        Label chartNote = new Label("Steps balanced per episode: thick lines and bands are the mean of the background "
                + "runs with 95% confidence bands, thin lines the panes above (run 1 of those runs).");
        chartNote.setWrapText(true);
        chartNote.getStyleClass().add("note");
        chartNote.setMinHeight(Region.USE_PREF_SIZE);
        Layouts.hideInPresenterMode(chartNote);
        chartNoteHolder = new StackPane(chartNote);
        chartNoteHolder.setAlignment(Pos.TOP_LEFT);
        // folds when it would squeeze the chart (at 1280x720 with text 1.5 it was cut at the window's edge)
        chartNoteHolder.getStyleClass().add(mbrllab.app.lab.ChartColumn.FOLDS);
        dynaLegend.setId("learningCurveLegend");
        Tooltip.install(dynaLegend, new Tooltip(chartNote.getText()));
        dynaChartColumn = Layouts.chartColumn(dynaChartViewer, new Insets(2, 8, 4, 8), dynaLegend, chartNoteHolder);
        dynaRowView = Layouts.pictureOverChart(paneRow, dynaChartColumn, 0.54);
        paneGrid.setId("cartPaneGrid");
        // The grid takes the width the side panel leaves it (its legend's width made the main area push the side
        // panel 35 px narrower).
        paneGrid.setMinWidth(0);
        paneGrid.setHgap(8);
        paneGrid.setVgap(6);
        paneGrid.setPadding(new Insets(6, 8, 4, 8));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            column.setFillWidth(true);
            paneGrid.getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            row.setFillHeight(true);
            paneGrid.getRowConstraints().add(row);
        }
        dynaView.getChildren().setAll(dynaRowView);
        dynaView.widthProperty().addListener((o, a, b) -> arrangePanes());
        dynaView.heightProperty().addListener((o, a, b) -> arrangePanes());

        StackPane modes = new StackPane(singleView, dynaView);
        VBox.setVgrow(modes, Priority.ALWAYS);
        replayBar = new ReplayBar(model, status::setMessage);
        VBox center = new VBox(modes, replayBar.view());
        Node side = new CartPoleOptions(model).view();
        SplitPane sides = Layouts.withSidePanel(center, side, 0.79);
        VBox.setVgrow(sides, Priority.ALWAYS);
        root.getChildren().add(sides);
        install(root, root, RunToolbar.build(model.playback(), controls(), TIPS, realStepsLabel));

        model.agentProperty().addListener((o, a, b) -> showMode());
        model.systemProperty().addListener((o, a, b) -> showMode());
        model.framesProperty().addListener((o, a, b) -> redraw());
        model.replayProperty().addListener((o, a, b) -> redraw());
        model.replayPositionProperty().addListener((o, a, b) -> redraw());
        model.keyboardPushProperty().addListener((o, a, b) -> redraw());
        model.curves().snapshotProperty().addListener((o, a, b) -> {
            curvesPending = true;
            wake();
        });
        model.replayPlayingProperty().addListener((o, a, b) -> wake());
        model.playback().playingProperty().addListener((o, a, b) -> wake());
        status.follow(model.curves());
        singleCanvas.focusedProperty().addListener((o, a, b) -> redraw());
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, a2, window) -> {
                    if (window != null) {
                        window.focusedProperty().addListener((o3, a3, focused) -> {
                            if (!focused) {
                                model.keyReleased(-1);
                                model.keyReleased(1);
                            }
                        });
                    }
                });
            }
        });

        showMode();
        showCurves(model.curves().snapshot());
        wake();
    }

    private Node buildPane(int i, int n) {
        HeaderLabel title = new HeaderLabel("n = " + n);
        title.setTooltip(new Tooltip(n == 0 ? "No planning: Q-learning on the boxes"
                : n + " planning updates after every real step"));
        title.getStyleClass().addAll("pane-title", "series-" + i);
        HeaderLabel stats = new HeaderLabel(" ");
        stats.getStyleClass().add("pane-stats");
        stats.setId("paneStats" + i);
        CartCanvas canvas = new CartCanvas(300, 170);
        canvas.setId("paneCanvas" + i);
        canvas.setBaseFont(PANE_FONT);
        canvas.setCompact(true);
        canvas.setAccent(Palette.categorical(i));
        FittedLabel box = new FittedLabel(" \n \n ");
        box.setId("boxEntry" + i);
        box.getStyleClass().add("box-entry");
        box.setMinHeight(Region.USE_PREF_SIZE);
        box.setMinWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        Tooltip boxTip = new Tooltip();
        boxTip.setWrapText(true);
        boxTip.setMaxWidth(520);
        box.setTooltip(boxTip);
        boxTips.add(boxTip);
        // Title and counters on one line: at 1024x768 with text 1.5 the panes' height is what the cart lacks.
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(10, title, stats);
        header.setAlignment(Pos.CENTER);
        header.setMinWidth(0);
        VBox column = new VBox(2, header, canvas, box);
        Layouts.hideInPresenterMode(box);
        column.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setMinWidth(120);
        column.setPrefWidth(300);
        paneCanvases.add(canvas);
        paneStats.add(stats);
        statsGroup.add(stats);
        boxLabels.add(box);
        paneTitles.add(title);
        return column;
    }

    /**
     * Puts the Dyna-Q panes in a row over the chart when a third of the width gives each cart at least
     * {@value #GRID_BELOW_FONTS} times its text size, else two over one with the chart in the fourth cell (the chart's
     * note is then left out: the legend's tooltip says it) and the box entries shortened to
     * their first line. Called when the width or the text size changes.
     */
    private void arrangePanes() {
        double w = dynaView.getWidth();
        if (w <= 0) {
            return;
        }
        double cell = (w - paneRow.snappedLeftInset() - paneRow.snappedRightInset() - 2 * paneRow.getSpacing()) / 3;
        boolean grid = cell < GRID_BELOW_FONTS * PANE_FONT * fontScale || rowLeavesNoCart(w);
        if (grid == paneGridShown) {
            return;
        }
        paneGridShown = grid;
        if (grid) {
            dynaRowView.getItems().clear();
            paneRow.getChildren().clear();
            paneGrid.add(paneColumns.get(0), 0, 0);
            paneGrid.add(paneColumns.get(1), 1, 0);
            paneGrid.add(paneColumns.get(2), 0, 1);
            paneGrid.add(dynaChartColumn, 1, 1);
            dynaView.getChildren().setAll(paneGrid);
        } else {
            paneGrid.getChildren().clear();
            paneRow.getChildren().setAll(paneColumns);
            dynaRowView.getItems().setAll(paneRow, dynaChartColumn);
            dynaView.getChildren().setAll(dynaRowView);
        }
        chartNoteHolder.setVisible(!grid);
        chartNoteHolder.setManaged(!grid);
        dynaChart.getXYPlot().getRangeAxis().setLabel(grid ? "Steps" : "Steps balanced");
        showCurves(model.curves().snapshot());
        for (int i = 0; i < boxLabels.size(); i++) {
            showBoxEntry(i);
        }
    }

    /**
     * Whether a row of panes over the chart would leave the carts less height than they need to be drawn (a wide but
     * short window: at 1280x720 with text 1.5 the row kept the read-outs and no cart). The row's carts get the
     * height the chart's column leaves under its least height, less each pane's title line and its three-line box
     * entry, with a read-out line to spare; the same figures in either arrangement, so that the choice does not flip
     * back and forth.
     */
    private boolean rowLeavesNoCart(double w) {
        double h = dynaView.getHeight();
        if (h <= 0 || paneColumns.isEmpty()) {
            return false;
        }
        VBox column = (VBox) paneColumns.get(0);
        double header = column.getChildren().get(0).prefHeight(-1);
        Label box = boxLabels.get(0);
        double boxHeight = !box.isManaged() ? 0 : mbrllab.app.controls.TextMeasure.height(" \n \n ", box.getFont(),
                0, 0, javafx.scene.text.TextBoundsType.LOGICAL) + box.snappedTopInset() + box.snappedBottomInset()
                + column.getSpacing();
        double chart = dynaChartColumn.minHeight(w - dynaRowView.snappedLeftInset() - dynaRowView.snappedRightInset());
        double divider = 8;
        double cart = h - chart - divider - header - boxHeight - column.getSpacing();
        // a line to spare: the chart's legend may wrap to one more line at the width the row finally gives it (at
        // 1280x720 with text 1.5 the estimate said 140 px and the carts got 90)
        return cart < CartRenderer.leastHeight(PANE_FONT * fontScale, 3);
    }

    /** Whether the Dyna-Q panes stand two over one with the chart in the fourth cell (tests). */
    boolean paneGridShown() {
        return paneGridShown;
    }

    /** The box entry of pane {@code i}: three lines in a row of panes, the first alone two over one. */
    private void showBoxEntry(int i) {
        if (!boxKnown[i]) {
            return;
        }
        Cart.BoxView v = boxViews.get(i);
        FittedLabel label = boxLabels.get(i);
        if (v == null) {
            label.setForms(paneGridShown ? "failed: the episode ends" : "failed: the episode ends\n \n ");
        } else {
            label.setForms(paneGridShown ? BoxText.headlineForms(v) : BoxText.entryForms(v));
        }
    }

    private final boolean[] boxKnown = new boolean[CartPoleViewModel.N_VALUES.size()];

    /** The lab's view model (tests reach the lab's state through it). */
    public CartPoleViewModel model() {
        return model;
    }

    /** The carts: the single cart, or the three Dyna-Q panes. */
    @Override
    public Node mainPicture() {
        return model.agentProperty().get() == AgentKind.DYNA_Q ? dynaView : singleCanvas;
    }

    /** Play/pause, step, reset and the arrow keys, for the shell's keyboard handling. */
    @Override
    public RunControls controls() {
        return new RunControls(model::togglePlay, model::step, model::reset, this::handleKey);
    }

    /**
     * The arrow keys push the cart while the keyboard agent is chosen, or while the big cart canvas has the focus
     * (clicking it; the random agent then hands over to the keyboard). A focused slider, list, spinner or choice box
     * keeps its arrows. Otherwise the shell's shortcuts apply (Right = step).
     */
    boolean handleKey(KeyEvent e) {
        KeyCode code = e.getCode();
        if ((code != KeyCode.LEFT && code != KeyCode.RIGHT) || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        int dir = code == KeyCode.LEFT ? -1 : 1;
        if (e.getEventType() == KeyEvent.KEY_RELEASED) {
            boolean held = model.keyboardPushProperty().get() == dir
                    || model.keyboardPushProperty().get() == 0 && model.agentProperty().get() == AgentKind.KEYBOARD;
            model.keyReleased(dir);
            return held;
        }
        if (e.getEventType() != KeyEvent.KEY_PRESSED) {
            return false;
        }
        Object target = e.getTarget();
        if (target instanceof Slider || target instanceof ComboBoxBase || target instanceof Spinner
                || target instanceof ChoiceBox || target instanceof ListView) {
            return false;
        }
        AgentKind agent = model.agentProperty().get();
        boolean canvasFocused = singleCanvas.isFocused();
        if (agent == AgentKind.KEYBOARD || canvasFocused && agent == AgentKind.RANDOM) {
            if (agent == AgentKind.RANDOM) {
                model.takeOver();
            }
            model.keyPressed(dir);
            return true;
        }
        return false;
    }

    /**
     * The views that can be exported now: every cart pane on show (a replay included: it is drawn in its pane) as a
     * figure with the trajectory on show as CSV, and the chart beneath them (the learning curves with Dyna-Q, the
     * episode chart otherwise).
     */
    @Override
    public List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        Publication<List<CartFrame>> f = model.framesProperty().get();
        EpisodeRecord replay = model.replayProperty().get();
        if (dyna()) {
            for (int i = 0; i < paneCanvases.size(); i++) {
                int n = CartPoleViewModel.N_VALUES.get(i);
                addCart(targets, paneCanvases.get(i), i, f, replay, "cart-" + (i + 1) + "-n" + n,
                        "Cart pane " + (i + 1) + " (n = " + n + ")");
            }
            double cw = Math.max(720, dynaChartViewer.getWidth());
            double ch = Math.max(440, dynaChartViewer.getHeight());
            String title = "Steps balanced per episode: Dyna-Q on BOXES, " + model.modelProperty().get().label()
                    + " (thin lines: run 1, the panes)";
            targets.add(new ExportTarget("learning-curves", "Learning curves",
                    () -> CartExports.withLegend(dynaChart, title, true, fontScale, highContrast,
                            c -> Exports.chartPng2x(c, cw, ch)),
                    () -> CartExports.withLegend(dynaChart, title, true, fontScale, highContrast,
                            c -> Exports.chartSvg(c, cw, ch)),
                    this::curvesCsv));
        } else {
            addCart(targets, singleCanvas, 0, f, replay, "cart", "Cart");
            double cw = Math.max(720, singleChartViewer.getWidth());
            double ch = Math.max(440, singleChartViewer.getHeight());
            CartSystem sys = model.systemProperty().get();
            String title = model.agentProperty().get().label() + " · " + sys.label() + ": "
                    + singleData.getSeries(0).getKey();
            targets.add(new ExportTarget("episodes", "Episode chart",
                    () -> CartExports.withLegend(singleChart, title, false, fontScale, highContrast,
                            c -> Exports.chartPng2x(c, cw, ch)),
                    () -> CartExports.withLegend(singleChart, title, false, fontScale, highContrast,
                            c -> Exports.chartSvg(c, cw, ch)),
                    () -> model.paneCount() == 0 ? "" : CartExports.episodesCsv(model.log(0), sys,
                            EpisodeLog.KEEP_FIRST)));
        }
        return targets;
    }

    /** A cart pane as it is on show: the replay when it is replayed, else the live episode so far. */
    private void addCart(List<ExportTarget> targets, CartCanvas canvas, int pane, Publication<List<CartFrame>> f,
                         EpisodeRecord replay, String name, String title) {
        CartRenderer.Picture picture = canvas.picture();
        if (picture == null || canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            return;
        }
        EpisodeRecord episode;
        if (replay != null && model.replayPaneProperty().get() == pane) {
            episode = replay;
        } else if (f != null && pane < f.frame().size()) {
            episode = f.frame().get(pane).soFar();
        } else {
            return;
        }
        String who = episode.controller();
        String figureTitle = Character.toUpperCase(who.charAt(0)) + who.substring(1)
                + (dyna() ? " · " + model.modelProperty().get().label() : "") + " · " + episode.system().label();
        targets.add(CartExports.cart(name, title, figureTitle, picture, canvas.style(), canvas.getWidth(),
                canvas.getHeight(), episode));
    }

    /** The learning curves as CSV: per n the mean over runs, the 95% half-width and the pane's steps (run 1). */
    String curvesCsv() {
        List<int[]> run1 = new ArrayList<>();
        for (int i = 0; i < model.paneCount(); i++) {
            run1.add(model.log(i).steps(1, model.episodes()));
        }
        return CurveSnapshot.csv(model.curves().snapshot(), CartPoleViewModel.N_VALUES, run1,
                model.episodes());
    }

    /** Scales canvas text and chart fonts (the CSS scales the controls). */
    @Override
    public void setFontScale(double scale) {
        fontScale = scale;
        arrangePanes();
        singleCanvas.setFontScale(scale);
        for (CartCanvas c : paneCanvases) {
            c.setFontScale(scale);
        }
        ChartStyle.apply(dynaChart, scale, highContrast);
        ChartStyle.apply(singleChart, scale, highContrast);
        redraw();
    }

    @Override
    public void setHighContrast(boolean on) {
        highContrast = on;
        singleCanvas.setHighContrast(on);
        for (CartCanvas c : paneCanvases) {
            c.setHighContrast(on);
        }
        ChartStyle.apply(dynaChart, fontScale, on);
        ChartStyle.apply(singleChart, fontScale, on);
        float width = on ? 2.5f : 1.2f;
        XYLineAndShapeRenderer animated = (XYLineAndShapeRenderer) dynaChart.getXYPlot().getRenderer(1);
        XYLineAndShapeRenderer single = (XYLineAndShapeRenderer) singleChart.getXYPlot().getRenderer();
        for (int i = 0; i < 3; i++) {
            animated.setSeriesStroke(i, new BasicStroke(width));
        }
        single.setSeriesStroke(0, new BasicStroke(width + 0.5f));
        redraw();
    }

    /** Stops the animation and the model's threads (lab switch, window close). */
    @Override
    public void dispose() {
        boolean first = !disposed;
        disposed = true;
        animator.close(); // before the shutdown, whose last frames must not start it again
        model.shutdown();
        if (first && Boolean.getBoolean(FRAME_STATS_PROPERTY)) {
            System.out.println(frameStatsSummary());
        }
    }

    /** Draws the carts again at the next pulse. */
    private void redraw() {
        dirty = true;
        wake();
    }

    /** Runs the animator (again) from the next pulse on, unless the lab is closed. FX thread. */
    private void wake() {
        if (animator.wake()) {
            lastPulse = 0; // the pause is not a frame interval
        }
    }

    /** True while the animator runs (tests: it stops when nothing moves). */
    boolean animatorRunning() {
        return animator.isRunning();
    }

    /** The frame statistics so far, on one line each. */
    public String frameStatsSummary() {
        return "cart-pole animation: interval between frames " + frameIntervals.summary() + "\n"
                + "cart-pole animation: work per frame that drew (carts, labels, charts) " + drawTimes.summary();
    }

    FrameStats frameIntervals() {
        return frameIntervals;
    }

    FrameStats drawTimes() {
        return drawTimes;
    }

    private boolean dyna() {
        return model.agentProperty().get() == AgentKind.DYNA_Q;
    }

    private void showMode() {
        boolean d = dyna();
        singleView.setVisible(!d);
        singleView.setManaged(!d);
        dynaView.setVisible(d);
        dynaView.setManaged(d);
        replayBar.setDyna(d);
        CartSystem sys = model.systemProperty().get();
        singleChart.getXYPlot().getRangeAxis().setLabel(sys == CartSystem.BALANCE ? "Steps" : "Cost");
        singleData.getSeries(0).clear();
        singleData.getSeries(0).setKey(sys == CartSystem.BALANCE ? "steps balanced per episode"
                : "cost per episode (sum over its 40 steps)");
        singleLegend.setEntries(List.of(sys == CartSystem.BALANCE ? "steps balanced per episode (Gymnasium's return)"
                : "cost per episode (PILCO's saturating cost summed over its 40 steps)"),
                List.of(Palette.categorical(0)));
        if (!d) {
            status.setMessage(model.agentProperty().get() == AgentKind.KEYBOARD
                    ? "Keyboard: hold the left or right arrow to push the cart; Space pauses, Ctrl+R starts afresh"
                    : "Random pushes: click the cart, then press an arrow to take over with the keyboard");
        }
        for (int i = 0; i < animatedData.getSeriesCount(); i++) {
            animatedData.getSeries(i).clear();
        }
        redraw();
    }

    /** The most steps an episode of the learning curves can have: CartPole-v1's truncation. */
    static final int CURVE_MOST_STEPS = mbrllab.core.cartpole.BalanceSystem.cartPoleV1().maxSteps();

    private void showCurves(CurveSnapshot c) {
        dynaChart.setNotify(false);
        try {
            showCurvesOf(c);
        } finally {
            dynaChart.setNotify(true);
        }
    }

    private void showCurvesOf(CurveSnapshot c) {
        meanData.removeAllSeries();
        List<String> names = new ArrayList<>();
        List<java.awt.Color> colours = new ArrayList<>();
        for (int i = 0; i < CartPoleViewModel.N_VALUES.size(); i++) {
            // Two over one the chart has a quarter of the room: the names alone, on one line (the status line says
            // "Mean of 30 runs ...").
            names.add("n = " + CartPoleViewModel.N_VALUES.get(i) + (c == null || paneGridShown ? "" : ": mean of "
                    + c.runsDone() + (c.finished() ? "" : "/" + c.runsTotal()) + " runs"));
            colours.add(Palette.categorical(i));
        }
        dynaLegend.setEntries(names, colours);
        if (c == null) {
            return;
        }
        for (int i = 0; i < c.mean().length; i++) {
            YIntervalSeries series = new YIntervalSeries("n = " + c.curves().get(i) + ": mean of "
                    + c.runsDone() + (c.finished() ? "" : "/" + c.runsTotal()) + " runs");
            series.setNotify(false);
            for (int e = 0; e < c.mean()[i].length; e++) {
                double m = c.mean()[i][e];
                double h = c.halfWidth()[i][e];
                // cut at the truncation, as the command line's chart: with few runs the band passes far beyond it
                series.add(e + 1, m, Math.max(0, m - h), Math.min(CURVE_MOST_STEPS, m + h));
            }
            series.setNotify(true);
            meanData.addSeries(series);
        }
    }

    /** The episode charts follow the finished episodes: one repaint for all the series changed. */
    private void showEpisodeCharts(Publication<List<CartFrame>> f) {
        if (f == null) {
            return;
        }
        dynaChart.setNotify(false);
        singleChart.setNotify(false);
        try {
            List<CartFrame> panes = f.frame();
            if (dyna() && panes.size() == paneStats.size()) {
                for (int i = 0; i < panes.size(); i++) {
                    appendAnimated(i, panes.get(i).episodesFinished());
                }
            } else if (!dyna() && panes.size() == 1) {
                appendSingle(panes.get(0).episodesFinished());
            }
        } finally {
            dynaChart.setNotify(true);
            singleChart.setNotify(true);
        }
    }

    /** The labels about the panes: real steps, last episodes, model entries, the replay choices. */
    private void showStats(Publication<List<CartFrame>> f) {
        if (f == null) {
            realStepsLabel.setText("real steps: 0");
            return;
        }
        List<CartFrame> panes = f.frame();
        realStepsLabel.setText(String.format(Locale.ROOT, "real steps: %,d", panes.get(0).realSteps()));
        if (dyna() && panes.size() == paneStats.size()) {
            for (int i = 0; i < panes.size(); i++) {
                CartFrame p = panes.get(i);
                EpisodeRecord lastDone = p.episodesFinished() > 0 ? model.log(i).get(p.episodesFinished()) : null;
                paneStats.get(i).setForms(lastDone == null
                        ? new String[] {"no episode finished yet", "no episode yet"}
                        : new String[] {"last episode: " + lastDone.steps() + " steps", "last: " + lastDone.steps()
                                + " steps"});
                boxViews.set(i, p.box());
                boxKnown[i] = true;
                showBoxEntry(i);
                boxTips.get(i).setText(p.box() == null ? "The pole fell or the cart left the track."
                        : BoxText.details(p.box()) + "\n\nThe agent's current box, Q of both pushes, and the "
                        + "model's entry for each push: the next boxes seen, with counts (sample model) or the latest "
                        + "one (last outcome).");
            }
        } else if (!dyna() && panes.size() == 1) {
            CartFrame p = panes.get(0);
            EpisodeRecord lastDone = p.episodesFinished() > 0 ? model.log(0).get(p.episodesFinished()) : null;
            singleStats.setText(p.controller() + (lastDone == null ? "" : String.format(Locale.ROOT,
                    " · last episode: %d steps, %s", lastDone.steps(), lastDone.ending().afterSteps())));
            appendSingle(p.episodesFinished());
        }
        replayBar.refresh();
    }

    /**
     * The episode log a chart series was filled from ({@link #appendAnimated}, {@link #appendSingle}): a reset, a new
     * seed, model or settings make a new run with new logs, and its series start empty instead of keeping the previous
     * run's episodes (which stayed on the chart, and the new run's were appended after them).
     */
    private final EpisodeLog[] filledFrom = new EpisodeLog[CartPoleViewModel.N_VALUES.size()];
    private EpisodeLog singleFilledFrom;

    private void appendAnimated(int pane, int finished) {
        if (pane >= animatedData.getSeriesCount()) {
            return;
        }
        XYSeries series = animatedData.getSeries(pane);
        if (filledFrom[pane] != model.log(pane)) {
            filledFrom[pane] = model.log(pane);
            series.clear();
        }
        int limit = Math.min(finished, model.episodes());
        if (series.getItemCount() < limit) {
            int[] steps = model.log(pane).steps(series.getItemCount() + 1, limit);
            series.setNotify(false);
            for (int k = 0; k < steps.length; k++) {
                series.add(series.getItemCount() + 1, steps[k], false);
            }
            series.setNotify(true);
        }
    }

    private void appendSingle(int finished) {
        XYSeries series = singleData.getSeries(0);
        if (singleFilledFrom != model.log(0)) {
            singleFilledFrom = model.log(0);
            series.clear();
        }
        int limit = Math.min(finished, EpisodeLog.KEEP_FIRST);
        if (series.getItemCount() < limit) {
            double[] scores = model.log(0).scores(series.getItemCount() + 1, limit);
            series.setNotify(false);
            for (double s : scores) {
                series.add(series.getItemCount() + 1, s, false);
            }
            series.setNotify(true);
        }
    }

    /**
     * One screen pulse: advance a playing replay, draw the carts that moved, and keep the frame statistics. While the
     * live run plays, labels follow at most every {@value #TEXT_PERIOD_NANOS} ns and charts every
     * {@value #CHART_PERIOD_NANOS} ns (a chart repaint costs several milliseconds of the pulse); paused, at once.
     *
     * @return whether anything moves or waits to be drawn (else the animator may stop)
     */
    private boolean pulse(long now) {
        long start = System.nanoTime();
        long interval = lastPulse == 0 ? 0 : now - lastPulse;
        lastPulse = now;
        model.advanceReplay(interval);
        boolean live = model.playback().isPlaying();
        boolean moving = live || model.replayPlayingProperty().get();
        if (interval > 0 && moving) {
            frameIntervals.add(interval);
        }
        boolean worked = false;
        Publication<List<CartFrame>> f = model.framesProperty().get();
        if (f != textFrames && (!live || now - lastText >= TEXT_PERIOD_NANOS)) {
            textFrames = f;
            lastText = now;
            showStats(f);
            worked = true;
        }
        // The curves first: while the panes play, the episode charts would otherwise take every chart slot.
        CurveSnapshot c = model.curves().snapshot();
        if (curvesPending && (!live || c == null || c.finished() || now - lastChart >= CHART_PERIOD_NANOS)) {
            curvesPending = false;
            lastChart = now;
            showCurves(c);
            worked = true;
        }
        if (f != chartFrames && (!live || now - lastChart >= CHART_PERIOD_NANOS)) {
            chartFrames = f;
            lastChart = now;
            showEpisodeCharts(f);
            worked = true;
        }
        if (dirty || animating || model.replayPlayingProperty().get()) {
            dirty = false;
            render(now);
            worked = true;
        }
        if (moving && worked) {
            drawTimes.add(System.nanoTime() - start);
        }
        return moving || worked || animating || dirty || curvesPending || f != textFrames || f != chartFrames;
    }

    private void render(long now) {
        Publication<List<CartFrame>> f = model.framesProperty().get();
        EpisodeRecord r = model.replayProperty().get();
        int replayPane = model.replayPaneProperty().get();
        List<CartCanvas> canvases = dyna() ? paneCanvases : List.of(singleCanvas);
        animating = false;
        for (int i = 0; i < canvases.size(); i++) {
            CartCanvas canvas = canvases.get(i);
            if (r != null && replayPane == i) {
                canvas.show(replayPicture(r));
            } else if (f != null && i < f.frame().size()) {
                double alpha = f.alpha(now);
                if (alpha < 1) {
                    animating = true;
                }
                canvas.show(livePicture(f.frame().get(i), alpha, canvas == singleCanvas));
            }
        }
    }

    /** The live picture of a cart frame {@code alpha} of the way through its last step (package-private for tests). */
    CartRenderer.Picture livePicture(CartFrame p, double alpha, boolean single) {
        CartSystem sys = p.system();
        double[] shown = new double[CartPoleState.DIMENSION];
        if (p.path() != null) {
            Motion.along(p.path(), alpha, sys.period(), shown);
        } else {
            Motion.hermite(p.previous(), p.state(), alpha, sys.period(), shown);
        }
        String score = sys == CartSystem.BALANCE ? "return " + (long) p.score()
                : String.format(Locale.ROOT, "cost %.1f", p.score());
        String header = String.format(Locale.ROOT, "episode %,d · step %,d · %s", p.episode(), p.step(), score);
        String hint = null;
        int keys = Integer.MIN_VALUE;
        if (single) {
            AgentKind agent = model.agentProperty().get();
            if (agent == AgentKind.KEYBOARD) {
                keys = model.keyboardPushProperty().get();
                hint = model.playback().isPlaying() ? "hold ← or → to push" : "press ← or → to start";
            } else if (agent == AgentKind.RANDOM) {
                hint = singleCanvas.isFocused() ? "press ← or → to take over" : "click here, then ← → to take over";
            }
        }
        // The read-outs say what is drawn: on the way to the step's state, they are where the cart and pole are shown
        // (the state reached was read out a step ahead of the picture: 0.1 s on the swing-up, tens of degrees).
        return new CartRenderer.Picture(sys, shown, shown, p.force(), header, p.ending(), false, hint, keys);
    }

    private CartRenderer.Picture replayPicture(EpisodeRecord r) {
        double[] states = model.replayStates();
        double pos = Math.max(0, Math.min(r.steps(), model.replayPositionProperty().get()));
        int k = (int) Math.floor(pos + 1e-9);
        double a = pos - k;
        int d = replayState.length;
        System.arraycopy(states, k * d, replayState, 0, d);
        double[] shown = replayState.clone();
        boolean between = k < r.steps() && a > 1e-9;
        if (between) {
            if (replayPathFor != r || replayPathStep != k) {
                replayPathFor = r;
                replayPathStep = k;
                replayPath = r.system().path(replayState, r.force(k));
            }
            if (replayPath != null) {
                Motion.along(replayPath, a, r.system().period(), shown);
            } else {
                System.arraycopy(states, (k + 1) * d, replayNext, 0, d);
                Motion.hermite(replayState, replayNext, a, r.system().period(), shown);
            }
        }
        if (cumulativeFor != r) {
            cumulativeFor = r;
            cumulativeScore = new double[r.steps() + 1];
            double[] s = new double[d];
            for (int j = 1; j <= r.steps(); j++) {
                System.arraycopy(states, j * d, s, 0, d);
                cumulativeScore[j] = cumulativeScore[j - 1] + r.system().stepScore(s);
            }
        }
        String score = r.system() == CartSystem.BALANCE ? "return " + (long) cumulativeScore[k]
                : String.format(Locale.ROOT, "cost %.1f", cumulativeScore[k]);
        String header = String.format(Locale.ROOT, "REPLAY of episode %,d · step %,d / %d · %s", r.number(), k,
                r.steps(), score);
        // Read-outs of what is drawn; in between steps the force is the one acting, at step k the one that led there.
        return new CartRenderer.Picture(r.system(), shown, shown, between ? r.force(k) : k > 0 ? r.force(k - 1) : 0,
                header, k == r.steps() ? r.ending() : null, true, null, Integer.MIN_VALUE);
    }

    private JFreeChart createDynaChart() {
        NumberAxis x = new NumberAxis("Episode");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Steps balanced");
        y.setAutoRangeIncludesZero(true);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.2f);
        XYPlot plot = new XYPlot(meanData, x, y, band);
        XYLineAndShapeRenderer animated = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, animatedData);
        plot.setRenderer(1, animated);
        for (int i = 0; i < CartPoleViewModel.N_VALUES.size(); i++) {
            animatedData.addSeries(new XYSeries("n = " + CartPoleViewModel.N_VALUES.get(i) + ": run 1 (the pane)"));
            java.awt.Color c = Palette.categorical(i);
            animated.setSeriesPaint(i, c);
            animated.setSeriesStroke(i, new BasicStroke(1.2f));
            animated.setSeriesVisibleInLegend(i, false);
            band.setSeriesPaint(i, c);
            band.setSeriesFillPaint(i, c);
            band.setSeriesStroke(i, new BasicStroke(3f));
        }
        JFreeChart c = new SyncedFontChart(null, null, plot, false);
        ChartStyle.apply(c, 1, false);
        return c;
    }

    private JFreeChart createSingleChart() {
        NumberAxis x = new NumberAxis("Episode");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Steps");
        y.setAutoRangeIncludesZero(true);
        singleData.addSeries(new XYSeries("steps balanced per episode"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.categorical(0));
        renderer.setSeriesStroke(0, new BasicStroke(1.7f));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        XYPlot plot = new XYPlot(singleData, x, y, renderer);
        JFreeChart c = new SyncedFontChart(null, null, plot, false);
        ChartStyle.apply(c, 1, false);
        return c;
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(model);
    }
}
