package mbrllab.app.changing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextBoundsType;
import javafx.util.Duration;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.debugger.DebuggerTab;
import mbrllab.app.debugger.DebuggerView;
import mbrllab.app.debugger.DebuggerViewModel;
import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.MazeRenderer;
import mbrllab.app.maze.Overlays;
import mbrllab.app.maze.PaneBox;
import mbrllab.app.maze.PaneCsv;
import mbrllab.app.maze.PaneFrame;
import mbrllab.app.maze.QLegend;
import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.SessionState;
import mbrllab.app.controls.CompactCount;
import mbrllab.app.controls.HeaderLabel;
import mbrllab.app.controls.TextMeasure;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.app.render.Theme;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.ChartColumn;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.Presenter;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.RunToolbar;
import mbrllab.app.lab.Status;
import mbrllab.charts.CumulativeRewardChart;
import mbrllab.charts.Palette;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.CumulativeRewards;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.PrioritizedSweeping.QueueEntry;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Maze;
import mbrllab.app.maze.TauLegend;

/**
 * The Changing mazes lab (Sutton and Barto, Sections 8.3 and 8.4): Dyna-Q and Dyna-Q+ side by side on a maze that
 * changes (and prioritized sweeping as an optional third pane with its queue), in lock step; the maze's change
 * announced above the panes and outlined in them; Q or the tau heat map; the cumulative-reward chart of Figures 8.4
 * and 8.5 filling in live from the background runs, with the animated run and the change marked. A second tab holds
 * Example 8.4. Views only: state lives in {@link ChangingMazeViewModel} and {@link Example84Model}.
 */
public final class ChangingMazesLab extends BaseLab {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("changing-mazes", "Changing mazes",
            "Changing mazes: Dyna-Q against Dyna-Q+ when the maze changes (Figures 8.4 and 8.5), prioritized sweeping "
                    + "(Example 8.4)", ChangingMazesLab::new);

    /** What the toolbar's run controls do in this lab. */
    static final RunToolbar.Tips TIPS = new RunToolbar.Tips(
            "Play or pause all agents (Space)",
            "One real step, and its planning updates, for every agent (Right arrow)",
            "New agents with Q = 0 and an empty model on the maze's first layout, using the seed (Ctrl+R)",
            RunToolbar.SPEED_TIP, "Seed of the random numbers of the animated run and of the background runs; "
            + "applied on Reset. Same seed, same numbers as figure 8.4 / 8.5 on the command line.");

    /** The chart's animated lines are redrawn at most this often. */
    static final int CHART_UPDATES_PER_SECOND = 5;
    /**
     * The chart's least height at text size 1, in pixels; it grows with the text. Below it the plot between the axes'
     * labels and the legend is too short to read (at 1024x768 with text 1.5 it was 75 px).
     */
    static final double CHART_MIN_HEIGHT = 150;
    /** Points per mean curve on the chart (the CSV has every step). */
    static final int CHART_POINTS = 600;

    private final ChangingMazeViewModel model;
    private final Status status;
    private final VBox root = new VBox();
    /** Pixels between the panes. */
    static final double PANE_GAP = 10;
    private final mbrllab.app.maze.PaneGrid panes = new mbrllab.app.maze.PaneGrid(PANE_GAP);
    private final List<MazeCanvas> canvases = new ArrayList<>();
    private final List<HeaderLabel> paneStats = new ArrayList<>();
    private final HeaderLabel.Group statsGroup = new HeaderLabel.Group();
    private TableView<QueueEntry> queueTable;
    /** The queue table asks for about this many rows' height (it takes what the mazes beside it take). */
    static final int QUEUE_PREF_ROWS = 5;
    private Label queueLabel;
    private VBox queueBox;
    /** Where the queue goes outside presenter mode when the row of panes has no cell wide enough for it. */
    private final Tab queueTab = new Tab("Queue");
    private final Tab rewardTab = new Tab("Reward");
    private final TabPane chartTabs = new TabPane(rewardTab, queueTab);
    /** The chart column, or the tabs of the chart and the queue (keeping the chart column's least height). */
    private final StackPane chartHolder = new StackPane() {
        @Override
        protected double computeMinHeight(double width) {
            if (!queueInTab) {
                return super.computeMinHeight(width);
            }
            return snappedTopInset() + chartColumn.minHeight(width) + snappedBottomInset();
        }
    };
    private VBox chartColumn;
    /** Whether the queue is in its tab beside the chart now (else in the row of panes, or there is none). */
    private boolean queueInTab;
    private final List<HeaderLabel> paneTitles = new ArrayList<>();
    private final QLegend qLegend = new QLegend();
    private final TauLegend tauLegend = new TauLegend();
    private final StackPane legendHolder = new StackPane();
    /** The tau switch's text, and its short form for when the legend row has no room for both on one line. */
    static final String TAU_TEXT = "Show tau: how stale the model is";
    static final String TAU_TEXT_SHORT = "Show tau";
    private final CheckBox tauToggle = new CheckBox(TAU_TEXT);
    /** The Q (or tau) legend and the tau switch: a flow, so that the switch goes under the legend when narrow. */
    private final javafx.scene.layout.FlowPane legendRow = new javafx.scene.layout.FlowPane(16, 4);
    private final Label changeNotice = new Label();
    private final Tooltip noticeTip = new Tooltip();
    private final Label realStepsLabel = Layouts.realStepsLabel();
    /** The real steps of the panes, which the toolbar shows unless the debugger's tab is shown. */
    private final javafx.beans.property.StringProperty panesRealSteps =
            new javafx.beans.property.SimpleStringProperty(DebuggerTab.realStepsText(0));
    private final Label summary = new Label();
    private final Label runSummary = new Label();
    private final ChartViewer chartViewer;
    private JFreeChart chart;
    private final XYSeriesCollection animated = new XYSeriesCollection();
    private final TabPane tabs = new TabPane();
    private final Tab mainTab;
    private final Tab example84Tab;
    private final DebuggerTab debugger;
    private final Example84View example84View;
    private final ChangingOptions options;
    private final Timeline chartTimer = new Timeline(new KeyFrame(Duration.millis(1000.0 / CHART_UPDATES_PER_SECOND),
            e -> updateAnimatedSeries()));
    private boolean chartDirty;
    private double fontScale = 1;
    private boolean highContrast;

    /** Opens the lab on the blocking maze. */
    public ChangingMazesLab(LabContext context) {
        this.status = context.status();
        this.model = new ChangingMazeViewModel(context.dispatcher(), context.background());
        chartTimer.setCycleCount(Animation.INDEFINITE);
        root.getStyleClass().addAll("lab", "changing-mazes-lab");
        root.setId("changingMazesLab");
        // Lets UI tests reach the lab from the shell's content node.
        root.getProperties().put(ChangingMazesLab.class, this);

        changeNotice.setId("changeNotice");
        changeNotice.setWrapText(true);
        changeNotice.setMaxWidth(Double.MAX_VALUE);
        changeNotice.setMinHeight(Region.USE_PREF_SIZE);
        changeNotice.getStyleClass().add("change-notice");
        noticeTip.setWrapText(true);
        noticeTip.setMaxWidth(520);
        changeNotice.setTooltip(noticeTip);
        model.changeNoticeProperty().addListener((o, a, b) -> fitNotice());
        changeNotice.widthProperty().addListener((o, a, b) -> fitNotice());
        changeNotice.fontProperty().addListener((o, a, b) -> fitNotice());
        root.heightProperty().addListener((o, a, b) -> fitNotice());
        // In presenter mode the chart stands beside the mazes, which then have the height for two lines.
        Presenter.follow(root, on -> {
            presenterOn = on;
            fitNotice();
            placeQueue();
        });
        fitNotice();
        model.changedProperty().addListener((o, a, b) -> styleNotice());
        styleNotice();

        panes.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(panes, Priority.ALWAYS);
        tauToggle.setId("tauToggle");
        tauToggle.selectedProperty().bindBidirectional(model.showTauProperty());
        tauToggle.setTooltip(new Tooltip("Colour each (x,u) by tau, the real steps since it was last tried (never "
                + "tried: all the steps so far). Dyna-Q+ adds kappa sqrt(tau) to the reward when it plans with it."));
        tauToggle.setWrapText(true);
        tauToggle.setMinWidth(120);
        legendHolder.getChildren().setAll(qLegend);
        legendHolder.setMinWidth(0);
        legendRow.getChildren().setAll(legendHolder, tauToggle);
        legendRow.setAlignment(Pos.CENTER);
        model.showTauProperty().addListener((o, a, b) -> applyTau());
        legendRow.widthProperty().addListener((o, a, b) -> fitTauText());
        tauToggle.fontProperty().addListener((o, a, b) -> fitTauText());

        panes.setFooter(legendRow);
        VBox top = new VBox(4, changeNotice, panes);
        top.setPadding(new Insets(6, 0, 4, 0));

        chart = createChart();
        chartViewer = new ChartViewer(chart);
        chartViewer.setId("cumulativeRewardChart");
        NoRoomForChart.install(chartViewer);
        chartViewer.setMinHeight(CHART_MIN_HEIGHT);
        summary.setId("rewardSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        // Folds (into the chart's tooltip) in presenter mode and when the chart would be squeezed below its minimum.
        summary.getStyleClass().add(ChartColumn.FOLDS);
        runSummary.setId("runSummary");
        runSummary.setWrapText(true);
        runSummary.getStyleClass().add("note");
        runSummary.setMinHeight(Region.USE_PREF_SIZE);
        Label chartNote = new Label("Thick: mean of the background runs, band: 95% confidence. Thin: the animated run "
                + "(run 1). Dashed: the maze changes.");
        chartNote.setWrapText(true);
        chartNote.getStyleClass().add("note");
        VBox bottom = Layouts.chartColumn(chartViewer, new Insets(0, 8, 6, 8), summary, runSummary, chartNote);
        chartColumn = bottom;
        Layouts.clipToBounds(top);
        top.setMinHeight(0);
        // The chart column keeps its minimum height (the chart's, growing with the text): the divider that follows
        // the mazes stops there, and the notes under the chart fold first.
        Layouts.clipToBounds(bottom);
        chartTabs.setId("chartTabs");
        // The tabs on the side, where they take width the chart can spare: above it they took the 40 px of height
        // that the mazes over it lacked at 1024x768 with text 1.5.
        chartTabs.setSide(javafx.geometry.Side.RIGHT);
        rewardTab.setTooltip(new Tooltip("The cumulative-reward chart"));
        queueTab.setTooltip(new Tooltip("Prioritized sweeping's priority queue (in a cell beside the mazes when "
                + "the window is wider)"));
        chartTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        queueTab.setId("queueTab");
        rewardTab.setId("rewardTab");
        chartHolder.getChildren().setAll(bottom);
        panes.widthProperty().addListener((o, a, b) -> placeQueue());
        options = new ChangingOptions(model);
        SplitPane sides = Layouts.withSidePanel(Layouts.pictureOverChart(top, chartHolder, 0.56)
                .besideInPresenterMode(),
                options.view(), 0.79);

        mainTab = new Tab("Dyna-Q and Dyna-Q+ on a changing maze", sides);
        mainTab.setId("changingTab");
        Layouts.tabTitles(mainTab, "Dyna-Q and Dyna-Q+ on a changing maze", "Dyna-Q vs Dyna-Q+");
        example84View = new Example84View(model.example84(), model);
        example84Tab = new Tab("Example 8.4: prioritized sweeping", example84View.view());
        example84Tab.setId("example84Tab");
        Layouts.tabTitles(example84Tab, "Example 8.4: prioritized sweeping", "Example 8.4");
        DebuggerView debuggerView = new DebuggerView(model.debugger(), new DebuggerView.Host() {
            @Override
            public Maze maze() {
                return model.mazeProperty().get();
            }

            @Override
            public DynaParams params() {
                return model.settings().params();
            }

            @Override
            public List<AgentKind> kinds() {
                return List.of(AgentKind.DYNA_Q_PLUS, AgentKind.DYNA_Q);
            }

            @Override
            public void reset(DebuggerViewModel debugger, AgentKind kind, int n) {
                model.resetDebugger(kind, n);
            }
        });
        tabs.getTabs().setAll(mainTab, example84Tab);
        debugger = new DebuggerTab(debuggerView, tabs, "changingDebuggerTab", () -> {
            int n = model.settings().n();
            java.util.TreeSet<Integer> ns = new java.util.TreeSet<>(List.of(0, 5, 10, 50));
            ns.add(n);
            debuggerView.setNChoices(List.copyOf(ns), n);
            debuggerView.reset();
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("changingTabs");
        Layouts.fitTabTitles(tabs);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == example84Tab) {
                example84View.computeOnFirstVisit();
            }
            showProgress();
        });
        model.debuggerRequestsProperty().addListener((o, a, b) -> debugger.show());
        debugger.followInToolbar(model.playback(), realStepsLabel, panesRealSteps);
        model.example84RequestsProperty().addListener((o, a, b) -> {
            example84View.compute();
            tabs.getSelectionModel().select(example84Tab);
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().add(tabs);

        install(root, panes, RunToolbar.build(model.playback(), controls(), TIPS, realStepsLabel));
        model.configVersionProperty().addListener((o, a, b) -> {
            rebuildPanesAndChart();
            debugger.restartIfStarted();
        });
        model.publishedProperty().addListener((o, a, b) -> show());
        model.colourLimitProperty().addListener((o, a, b) -> {
            qLegend.setLimit(b.doubleValue());
        });
        model.tauLimitProperty().addListener((o, a, b) -> tauLegend.setLimit(b.doubleValue()));
        model.rewards().snapshotProperty().addListener((o, a, b) -> showRewards());
        model.rewards().progressProperty().addListener((o, a, b) -> showProgress());
        model.rewards().runningProperty().addListener((o, a, b) -> showProgress());
        model.rewards().messageProperty().addListener((o, a, b) -> status.setMessage(b));
        model.example84().runningProperty().addListener((o, a, b) -> showProgress());
        model.example84().progressProperty().addListener((o, a, b) -> showProgress());
        model.example84().messageProperty().addListener((o, a, b) -> status.setMessage(b));
        rebuildPanesAndChart();
        applyTau();
        show();
        showProgress();
    }

    /** Play/pause, step and reset for the shell's keyboard shortcuts; in the debugger tab, the debugger's. */
    @Override
    public RunControls controls() {
        return debugger.around(model.playback(), model::reset);
    }

    /** The lab's view model (tests reach the lab's state through it). */
    public ChangingMazeViewModel model() {
        return model;
    }

    /** Stops every thread of the lab (lab switch, window close). */
    @Override
    public void dispose() {
        chartTimer.stop();
        model.shutdown();
    }

    /** The priority queue's least width at text size 1 (its table's two columns). */
    static final double QUEUE_MIN_WIDTH = 150;

    /** The change notice takes at most this many lines; the rest is in its tooltip. */
    static final int NOTICE_LINES = 2;
    /** A lab less high than this many lines of text shows the notice on one line (not in presenter mode). */
    static final int NOTICE_SHORT_LAB = 30;
    private boolean presenterOn;

    /**
     * Shows the change notice whole when it fits {@value #NOTICE_LINES} lines, else its longest start of whole
     * sentences or clauses that does ("Step 1,000: the maze changed. 1 cell became a wall, 1 cell opened (outlined)
     * …"), at least the first. At 1024x768 with text 1.5 the whole notice took five lines and left the mazes 10 to
     * 15 px cells. The tooltip holds it whole.
     */
    private void fitNotice() {
        String full = model.changeNoticeProperty().get();
        noticeTip.setText(full);
        double w = changeNotice.getWidth() - changeNotice.snappedLeftInset() - changeNotice.snappedRightInset()
                - changeNotice.getLabelPadding().getLeft() - changeNotice.getLabelPadding().getRight();
        if (w <= 0 || full.isEmpty()) {
            changeNotice.setText(full);
            return;
        }
        java.util.function.ToDoubleFunction<String> height = s -> TextMeasure.height(s, changeNotice.getFont(), w,
                changeNotice.getLineSpacing(), TextBoundsType.LOGICAL);
        double line = height.applyAsDouble("X");
        // A short lab (1024x768 with text 1.5: under NOTICE_SHORT_LAB lines of text high) gives the notice one line,
        // and the mazes the other.
        int lines = !presenterOn && root.getHeight() > 0 && root.getHeight() < NOTICE_SHORT_LAB * line ? 1
                : NOTICE_LINES;
        double most = lines * line + 0.5;
        if (height.applyAsDouble(full) <= most) {
            changeNotice.setText(full);
            return;
        }
        String shown = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[.;] ").matcher(full);
        while (m.find()) {
            String prefix = full.substring(0, m.start()) + (full.charAt(m.start()) == ';' ? " …" : ". …");
            if (shown != null && height.applyAsDouble(prefix) > most) {
                break;
            }
            shown = prefix;
        }
        if (shown == null) {
            shown = full;
        }
        if (height.applyAsDouble(shown) > most) {
            // Even the first sentence is too long: its first words, as many as fit.
            String[] words = shown.replace(" …", "").split(" ");
            String fits = words[0] + " …";
            for (int k = 2; k <= words.length; k++) {
                String candidate = String.join(" ", java.util.Arrays.copyOf(words, k)) + " …";
                if (height.applyAsDouble(candidate) > most) {
                    break;
                }
                fits = candidate;
            }
            shown = fits;
        }
        changeNotice.setText(shown);
    }

    private void styleNotice() {
        changeNotice.getStyleClass().remove("change-notice-done");
        if (model.changedProperty().get()) {
            changeNotice.getStyleClass().add("change-notice-done");
        }
    }

    private void showProgress() {
        boolean rewardsRunning = model.rewards().runningProperty().get();
        Example84Model e84 = model.example84();
        boolean e84Running = e84.runningProperty().get();
        boolean preferE84 = e84Running && (tabs.getSelectionModel().getSelectedItem() == example84Tab
                || !rewardsRunning);
        if (preferE84) {
            int total = e84.runs() * e84.mazes().size();
            status.showProgress(e84.progressProperty().get(), Math.round(e84.progressProperty().get() * total) + " / "
                    + total + " runs of Example 8.4", e84::cancel);
        } else if (rewardsRunning) {
            status.showProgress(model.rewards().progressProperty().get(), model.rewards().progressText(),
                    model.rewards()::cancel);
        } else {
            status.hideProgress();
        }
    }

    // ------------------------------------------------------------------------------------------------ panes

    private void rebuildPanesAndChart() {
        panes.clearPanes();
        canvases.clear();
        paneStats.clear();
        paneTitles.clear();
        statsGroup.clear();
        queueTable = null;
        queueLabel = null;
        CumulativeRewardSpec spec = model.spec();
        for (int i = 0; i < spec.agents().size(); i++) {
            AgentSpec agent = spec.agents().get(i);
            HeaderLabel title = new HeaderLabel(paneTitles(agent));
            title.setMaxWidth(Double.MAX_VALUE);
            title.setAlignment(Pos.CENTER);
            title.setTextAlignment(TextAlignment.CENTER);
            title.getStyleClass().addAll("pane-title", "series-" + colour(agent.kind()));
            title.setTooltip(new Tooltip(paneParameter(agent) + ". " + paneTooltip(agent.kind())));
            HeaderLabel stats = new HeaderLabel(" \n ");
            stats.setTooltip(new Tooltip(paneParameter(agent) + "; reward: goals reached so far (+1 each); updates: Q "
                    + "updates, real and planning" + (agent.kind() == AgentKind.PRIORITIZED_SWEEPING ? ". Prioritized "
                    + "sweeping updates only the pairs whose value would change by more than theta (|TD error| > "
                    + "theta): none before the first reward, few once the values have settled, so far fewer than "
                    + "Dyna-Q's n on every step" : "")));
            stats.getStyleClass().add("pane-stats");
            stats.setId("changingStats" + i);
            stats.setTextAlignment(TextAlignment.CENTER);
            MazeCanvas canvas = new MazeCanvas();
            canvas.setId("changingCanvas" + i);
            canvas.setFontScale(fontScale);
            canvas.setHighContrast(highContrast);
            canvas.setOverlays(new Overlays(true, true, false, false, false, true, true));
            VBox box = PaneBox.of(title, stats, canvas);
            panes.addPane(box);
            paneTitles.add(title);
            if (agent.kind() == AgentKind.PRIORITIZED_SWEEPING) {
                panes.addPane(queueBox());
            }
            canvases.add(canvas);
            paneStats.add(stats);
            statsGroup.add(stats);
        }
        animated.removeAllSeries();
        for (AgentSpec agent : spec.agents()) {
            animated.addSeries(new XYSeries(agent.label() + ": run 1 (animated)"));
        }
        queueInTab = false;
        placeQueue();
        rebuildChart();
        show();
        showRewards();
    }

    /**
     * Outside presenter mode, the priority queue takes a cell of the row of panes only when every cell of that row
     * would be as wide as the queue's table and the panes' titles and counters (in their shortest forms) need;
     * otherwise it is a tab beside the chart. At 1024x768 with text 1.5 four cells of 137 px showed "Prior." over
     * "ep. 134 · 3 r 133 ·" and a table of "(1, ..." and "0.9...", and two rows of panes leave the chart no room.
     */
    private void placeQueue() {
        boolean tab = queueBox != null && !presenterOn && queueCramped();
        if (tab == queueInTab && (queueBox == null || queueBox.getParent() != null)) {
            return;
        }
        queueInTab = tab;
        if (tab) {
            panes.getChildren().remove(queueBox);
            // in its tab the queue keeps a margin from the tab's edges, as the chart does
            queueBox.setPadding(new Insets(4, 8, 6, 8));
            rewardTab.setContent(chartColumn);
            queueTab.setContent(queueBox);
            chartHolder.getChildren().setAll(chartTabs);
        } else {
            queueTab.setContent(null);
            rewardTab.setContent(null);
            chartHolder.getChildren().setAll(chartColumn);
            if (queueBox != null) {
                queueBox.setPadding(Insets.EMPTY);
                panes.addPane(queueBox);
            }
        }
        show();
    }

    /** Whether a row of the agents' panes and the queue is too narrow for the queue or for a pane's headers. */
    private boolean queueCramped() {
        double w = panes.getWidth() - panes.snappedLeftInset() - panes.snappedRightInset();
        if (w <= 0) {
            return false;
        }
        int cells = paneTitles.size() + 1;
        double cell = (w - (cells - 1) * PANE_GAP) / cells;
        double need = QUEUE_MIN_WIDTH * fontScale;
        for (HeaderLabel h : paneTitles) {
            need = Math.max(need, h.shortestFormWidth());
        }
        for (HeaderLabel h : paneStats) {
            need = Math.max(need, h.shortestFormWidth());
        }
        return cell < need;
    }

    private Node queueBox() {
        queueTable = new TableView<>();
        queueTable.setId("queueTable");
        queueTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        queueTable.setPlaceholder(new Label("queue empty"));
        queueTable.setFocusTraversable(false);
        TableColumn<QueueEntry, String> cell = new TableColumn<>("(x, u)");
        cell.setCellValueFactory(e -> new javafx.beans.property.SimpleStringProperty(pairText(e.getValue())));
        TableColumn<QueueEntry, String> priority = new TableColumn<>("P");
        priority.setCellValueFactory(e -> new javafx.beans.property.SimpleStringProperty(
                priorityText(e.getValue().priority())));
        cell.setSortable(false);
        priority.setSortable(false);
        cell.setPrefWidth(90);
        priority.setPrefWidth(80);
        queueTable.getColumns().setAll(List.of(cell, priority));
        queueTable.setPrefWidth(190 * fontScale);
        queueTable.setMinWidth(160);
        queueTable.setMaxWidth(260 * fontScale);
        queueLabel = new Label("Priority queue");
        queueLabel.setId("queueLabel");
        queueLabel.setWrapText(true);
        queueLabel.getStyleClass().add("pane-stats");
        queueLabel.setMinHeight(Region.USE_PREF_SIZE);
        Label title = new Label("Priority queue");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.getStyleClass().add("queue-title");
        title.setTooltip(new Tooltip("Prioritized sweeping's queue right after the latest real step that queued "
                + "something, highest priority |TD error| first (the top " + ChangingRun.QUEUE_TOP + "): the pairs "
                + "that step's planning updates took. (x, u) is x's (row, col) and the action u. Once the values are "
                + "right, real steps queue nothing and the queue stays empty."));
        VBox box = new VBox(2, title, queueLabel, queueTable);
        VBox.setVgrow(queueTable, Priority.ALWAYS);
        // The table fills the height the mazes take, but asks for little: with a table's 400 px the queue made the
        // picture over the chart ask for more than its mazes use, and the chart lost its notes at 1280x800.
        queueTable.setPrefHeight(QUEUE_PREF_ROWS * 24 * fontScale);
        box.setAlignment(Pos.TOP_LEFT);
        // At least as wide as the table's two columns need at this text size: in 137 px at text 1.5 they showed
        // "(1, ..." and "0.9...".
        box.setMinWidth(QUEUE_MIN_WIDTH * fontScale);
        box.setPrefWidth(190 * fontScale);
        queueBox = box;
        return box;
    }

    /** A priority in few characters: 0.663, or 4.2e-04 below 0.001. */
    static String priorityText(double p) {
        return p >= 1e-3 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** "(r, c) →" for a queue entry of the maze on show. */
    private String pairText(QueueEntry e) {
        int cols = model.mazeProperty().get().layout().cols();
        String arrow = switch (Action.of(e.u())) {
            case UP -> "\u2191";
            case DOWN -> "\u2193";
            case LEFT -> "\u2190";
            case RIGHT -> "\u2192";
        };
        return "(" + e.x() / cols + ", " + e.x() % cols + ") " + arrow;
    }

    static int colour(AgentKind kind) {
        return kind.ordinal();
    }

    /** Why prioritized sweeping's update count is so small, on one line under it (the formula never broken). */
    static final String SWEEPING_UPDATES_REASON = "only where |TD\u00a0error|\u00a0>\u00a0theta";

    /** A pane's title, longest first: "Prioritized sweeping" shortens before it wraps. */
    private static String[] paneTitles(AgentSpec agent) {
        return agent.kind() == AgentKind.PRIORITIZED_SWEEPING
                ? new String[] {agent.kind().label(), "Prior. sweeping", "Prioritized\nsweeping"}
                : new String[] {agent.kind().label()};
    }

    /**
     * A pane's counters, longest first; with {@code reason}, prioritized sweeping's say why its updates are few (left
     * to the tooltip where the panes are short of height: when the queue is a tab under them).
     */
    static String[] statsForms(PaneFrame pane, long goals, AgentKind kind, boolean reason) {
        String why = reason && kind == AgentKind.PRIORITIZED_SWEEPING ? "\n" + SWEEPING_UPDATES_REASON : "";
        String[] forms = {
            String.format(Locale.ROOT, "episode %,d, step %,d · reward %d · %,d updates", pane.episode(),
                    pane.stepsThisEpisode(), goals, pane.updates()),
            String.format(Locale.ROOT, "ep. %,d, step %,d · reward %d · %,d upd.", pane.episode(),
                    pane.stepsThisEpisode(), goals, pane.updates()),
            String.format(Locale.ROOT, "episode %,d, step %,d%nreward %d · %,d updates", pane.episode(),
                    pane.stepsThisEpisode(), goals, pane.updates()),
            String.format(Locale.ROOT, "ep. %,d, step %,d%nreward %d · %,d upd.", pane.episode(),
                    pane.stepsThisEpisode(), goals, pane.updates()),
            String.format(Locale.ROOT, "ep. %,d · %,d%nr %d · %,d upd.", pane.episode(), pane.stepsThisEpisode(), goals,
                    pane.updates()),
            String.format(Locale.ROOT, "ep. %s · %,d%nr %s · %s upd.", CompactCount.of(pane.episode()),
                    pane.stepsThisEpisode(), CompactCount.of(goals), CompactCount.of(pane.updates())),
        };
        if (why.isEmpty()) {
            return forms;
        }
        // The reason on a line of its own, and in the narrowest form on two ("only where" over the formula, which is
        // never split): a header cut after "only where" said nothing.
        String[] withReason = new String[forms.length + 1];
        for (int i = 0; i < forms.length; i++) {
            withReason[i] = forms[i] + why;
        }
        withReason[forms.length] = forms[forms.length - 1] + "\n"
                + SWEEPING_UPDATES_REASON.replace("where ", "where\n");
        return withReason;
    }

    /** The agent's own parameter, shown over its counters: kappa for Dyna-Q+, theta for prioritized sweeping. */
    private static String paneParameter(AgentSpec agent) {
        return switch (agent.kind()) {
            case DYNA_Q -> "n " + agent.params().n();
            case DYNA_Q_PLUS -> "n " + agent.params().n() + ", kappa " + ChangingOptions.fmt(agent.kappa());
            case PRIORITIZED_SWEEPING -> "n " + agent.params().n() + ", theta " + ChangingOptions.fmt(agent.theta());
        };
    }

    private static String paneTooltip(AgentKind kind) {
        return switch (kind) {
            case DYNA_Q -> "Dyna-Q: n planning updates per real step, replaying remembered (x,u) at random";
            case DYNA_Q_PLUS -> "Dyna-Q+: Dyna-Q whose planning adds kappa sqrt(tau) to the reward, tau the real steps "
                    + "since (x,u) was tried; untried actions are planned too (as leading back, reward 0)";
            case PRIORITIZED_SWEEPING -> "Prioritized sweeping: up to n planning updates per real step, taken from a "
                    + "queue ordered by |TD error|, sweeping backwards through the predecessors";
        };
    }

    private void applyTau() {
        boolean tau = model.showTauProperty().get();
        legendHolder.getChildren().setAll(tau ? tauLegend : qLegend);
        fitTauText();
        show();
    }

    private MazeRenderer.Extras extras(AgentFrame f) {
        int[] outlined = f.changed() ? model.changedCells() : new int[0];
        if (model.showTauProperty().get()) {
            return new MazeRenderer.Extras(f.tau(), model.tauLimitProperty().get(), "tau", outlined);
        }
        return new MazeRenderer.Extras(null, 1, "", outlined);
    }

    private void show() {
        List<AgentFrame> frames = model.frames();
        if (frames.size() != canvases.size()) {
            return;
        }
        Publication<List<AgentFrame>> p = model.publishedProperty().get();
        panesRealSteps.set(DebuggerTab.realStepsText(p == null ? 0 : p.ticks()));
        double limit = model.colourLimitProperty().get();
        for (int i = 0; i < frames.size(); i++) {
            AgentFrame f = frames.get(i);
            MazeCanvas canvas = canvases.get(i);
            canvas.setExtras(extras(f));
            canvas.show(f.pane(), limit);
            PaneFrame pane = f.pane();
            paneStats.get(i).setForms(statsForms(pane, f.goals(), f.kind(), !queueInTab));
            if (f.kind() == AgentKind.PRIORITIZED_SWEEPING && queueTable != null) {
                if (!queueTable.getItems().equals(f.queueTop())) {
                    queueTable.getItems().setAll(f.queueTop());
                }
                queueLabel.setText(f.queueStep() == 0 ? "nothing queued yet" : String.format(Locale.ROOT,
                        "after real step %,d: %,d queued%nnow: %,d", f.queueStep(), f.queueSize(), f.queueSizeNow()));
            }
        }
        if (!frames.isEmpty()) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Animated run 1 at step %,d:",
                    p.ticks()));
            for (int i = 0; i < frames.size(); i++) {
                sb.append(i == 0 ? " " : ", ").append(frames.get(i).kind().label()).append(' ')
                        .append(frames.get(i).goals());
            }
            runSummary.setText(sb.append(p.pausedByItself() || !model.playback().isPlaying() && p.ticks()
                    == model.settings().steps() ? " (paused at the experiment's last step; Play goes on)." : ".")
                    .toString());
        }
        chartDirty = true;
        if (chartTimer.getStatus() != Animation.Status.RUNNING) {
            chartTimer.play();
        }
    }

    // ------------------------------------------------------------------------------------------------ chart

    /**
     * The legend row on one line where it can be: the tau switch keeps its explanation when it fits beside the legend,
     * says "Show tau" (its tooltip explains) when only that fits, and beside the Q legend's compact form (three
     * numbers, the title above) when even that does not fit beside the full one (1024x768 with text 1.5): a second
     * line for the switch was taken from the mazes. With neither, the switch goes on a line of its own with its
     * explanation.
     */
    private void fitTauText() {
        double room = legendRow.getWidth() - legendRow.snappedLeftInset() - legendRow.snappedRightInset();
        if (room <= 0) {
            return;
        }
        boolean tau = model.showTauProperty().get();
        double gap = legendRow.getHgap();
        double legend = (tau ? tauLegend.widthOf(false) : qLegend.widthOf(false)) + gap;
        // the switch's box and gap: its width less its text's
        double box = tauToggle.prefWidth(-1) - textWidth(tauToggle.getText());
        boolean longFits = legend + box + textWidth(TAU_TEXT) <= room;
        boolean shortFits = legend + box + textWidth(TAU_TEXT_SHORT) <= room;
        double compactLegend = (tau ? tauLegend.widthOf(true) : qLegend.widthOf(true)) + gap;
        boolean compact = !longFits && !shortFits && compactLegend + box + textWidth(TAU_TEXT_SHORT) <= room;
        if (qLegend.isCompact() != (compact && !tau)) {
            qLegend.setCompact(compact && !tau);
        }
        tauLegend.setCompact(compact && tau);
        tauToggle.setText(longFits || !(shortFits || compact) ? TAU_TEXT : TAU_TEXT_SHORT);
    }

    private double textWidth(String text) {
        return TextMeasure.width(text, tauToggle.getFont());
    }

    private JFreeChart createChart() {
        CumulativeRewardSpec spec = model.spec();
        JFreeChart c = CumulativeRewardChart.create(null, new YIntervalSeriesCollection(), spec.changeStep(),
                fontScale);
        XYPlot plot = c.getXYPlot();
        XYLineAndShapeRenderer thin = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < spec.agents().size(); i++) {
            Color colour = Palette.categorical(colour(spec.agents().get(i).kind()));
            thin.setSeriesPaint(i, colour);
            thin.setSeriesStroke(i, new BasicStroke((float) Math.max(1, fontScale)));
            thin.setSeriesVisibleInLegend(i, false);
            if (plot.getRenderer(0) instanceof org.jfree.chart.renderer.xy.DeviationRenderer band) {
                band.setSeriesPaint(i, colour);
                band.setSeriesFillPaint(i, colour);
            }
        }
        plot.setDataset(1, animated);
        plot.setRenderer(1, thin);
        ChartThemes.apply(c, fontScale, Theme.of(highContrast));
        // The vertical axis' label in the tick labels' size: in the size of the time axis' label, "Cumulative reward"
        // was longer than the plot is high at 1024x768 with text 1.5, and cut.
        plot.getRangeAxis().setLabelFont(plot.getRangeAxis().getTickLabelFont());
        // The legend inside the plot, one agent a line (see fitLegend): a legend row under the
        // chart took a quarter of its height at 1024x768 with text 1.5.
        LegendTitle legend = c.getLegend();
        if (legend != null) {
            c.removeLegend();
            LegendTitle column = new LegendTitle(plot, new ColumnArrangement(), new ColumnArrangement());
            column.setItemFont(legend.getItemFont());
            column.setItemPaint(legend.getItemPaint());
            column.setBackgroundPaint(legend.getBackgroundPaint());
            legend = column;
            mbrllab.charts.InsideLegend.add(plot.getRenderer(0), legend, RectangleAnchor.TOP_LEFT);
        }
        mbrllab.app.render.AfterDrawing.fit(c, this::fitChartTexts);
        return c;
    }

    /** The change's label, longest first: right of the dashed line where it fits, else left of it. */
    static final String[] CHANGE_LABELS = {"maze changes", "change"};

    /**
     * Fits the legend and the change's label to the plot as drawn. In a narrow chart (beside three panes in presenter
     * mode at 1024x768 with text 1.5: a plot of 190 px) the legend inside the plot cut "Prioritized sweep" and the
     * label right of the line read "maze chan": there the legend goes under the plot, and the label left of the line
     * or shorter.
     */
    private void fitChartTexts() {
        org.jfree.chart.ChartRenderingInfo info = chartViewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getDataArea().getWidth() <= 0) {
            return;
        }
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        fitLegend(plot, area);
        for (Object m : Optional.ofNullable(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
                .orElse(List.of())) {
            if (m instanceof org.jfree.chart.plot.ValueMarker marker && marker.getLabel() != null) {
                double x = plot.getDomainAxis().valueToJava2D(marker.getValue(), area, plot.getDomainAxisEdge());
                fitMarkerLabel(marker, x - area.getMinX(), area.getMaxX() - x);
            }
        }
    }

    /**
     * The legend inside the plot at the corner over fewer of the curves' points (the upper left, under the change's
     * label at the top, where cumulative rewards mostly do not reach, or the lower right, under the curves' ends), drawn
     * beneath them ({@link mbrllab.charts.InsideLegend}): in front of the curves it hid them from the change at step
     * 3,000 to about 3,800 (the shortcut maze with three agents at 1024x768, text 1.5). Under the plot where it is
     * wider than the plot.
     */
    private void fitLegend(XYPlot plot, java.awt.geom.Rectangle2D area) {
        org.jfree.chart.renderer.xy.AbstractXYItemRenderer renderer =
                (org.jfree.chart.renderer.xy.AbstractXYItemRenderer) plot.getRenderer(0);
        XYTitleAnnotation inside = mbrllab.charts.InsideLegend.find(renderer);
        LegendTitle legend = inside != null ? (LegendTitle) inside.getTitle() : chart.getLegend();
        if (legend == null) {
            return;
        }
        double widest = 0;
        org.jfree.chart.LegendItemCollection items = plot.getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            widest = Math.max(widest, mbrllab.charts.AxisLabels.width(items.get(i).getLabel(), legend.getItemFont()));
        }
        // the line's swatch and the gaps beside it: about two and a half of the font's size
        double width = widest + 2.5 * legend.getItemFont().getSize2D();
        RectangleAnchor corner = width <= area.getWidth() * 0.97 ? mbrllab.charts.InsideLegend.corner(plot, area, width,
                mbrllab.charts.InsideLegend.size(legend)[1]) : null;
        if (corner != null && inside == null) {
            chart.removeLegend();
            mbrllab.charts.InsideLegend.add(renderer, legend, corner);
        } else if (corner != null) {
            mbrllab.charts.InsideLegend.moveTo(renderer, corner);
        } else if (inside != null) {
            renderer.removeAnnotation(inside);
            legend.setPosition(org.jfree.chart.ui.RectangleEdge.BOTTOM);
            chart.addLegend(legend);
        }
    }

    /** Puts the marker's label right of its line, else left of it, in the longest form that fits. */
    static void fitMarkerLabel(org.jfree.chart.plot.ValueMarker marker, double left, double right) {
        java.awt.Font font = marker.getLabelFont();
        double pad = 6;
        String label = CHANGE_LABELS[CHANGE_LABELS.length - 1];
        boolean onRight = right >= left;
        for (String candidate : CHANGE_LABELS) {
            double w = mbrllab.charts.AxisLabels.width(candidate, font) + pad;
            if (w <= right) {
                label = candidate;
                onRight = true;
                break;
            }
            if (w <= left) {
                label = candidate;
                onRight = false;
                break;
            }
        }
        RectangleAnchor anchor = onRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT;
        org.jfree.chart.ui.TextAnchor text = onRight ? org.jfree.chart.ui.TextAnchor.TOP_LEFT
                : org.jfree.chart.ui.TextAnchor.TOP_RIGHT;
        if (!label.equals(marker.getLabel())) {
            marker.setLabel(label);
        }
        if (marker.getLabelAnchor() != anchor) {
            marker.setLabelAnchor(anchor);
        }
        if (marker.getLabelTextAnchor() != text) {
            marker.setLabelTextAnchor(text);
        }
    }

    private void rebuildChart() {
        chart = createChart();
        chartViewer.setChart(chart);
        showRewards();
        chartDirty = true;
        updateAnimatedSeries();
    }

    private void showRewards() {
        CumulativeRewards r = model.rewards().snapshot();
        XYPlot plot = chart.getXYPlot();
        if (r == null || r.agentCount() != model.spec().agents().size()) {
            plot.setDataset(0, new YIntervalSeriesCollection());
            summary.setText("Computing the background runs...");
            return;
        }
        int stride = Math.max(1, r.steps() / CHART_POINTS);
        plot.setDataset(0, CumulativeRewardChart.dataset(r, stride));
        summary.setText(rewardText(r, model.rewards().completeProperty().get(), model.settings().runs()));
    }

    /**
     * The numbers under the chart: the mean cumulative reward +- its standard error at the change and at the end, per
     * agent (as the command line prints them).
     */
    static String rewardText(CumulativeRewards r, boolean finished, int runsAsked) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Cumulative reward, mean +- standard error over %d runs%s: ", r.runs(),
                finished ? "" : " (of " + runsAsked + ", so far)"));
        long change = r.changeStep();
        if (change > 0 && change <= r.steps()) {
            sb.append(String.format(Locale.ROOT, "at the change (step %,d) ", change));
            appendValues(sb, r, (int) change);
            sb.append("; ");
        }
        sb.append(String.format(Locale.ROOT, "at step %,d ", r.steps()));
        appendValues(sb, r, r.steps());
        return sb.append('.').toString();
    }

    private static void appendValues(StringBuilder sb, CumulativeRewards r, int step) {
        for (int i = 0; i < r.agentCount(); i++) {
            sb.append(i == 0 ? "" : ", ").append(r.labels().get(i)).append(String.format(Locale.ROOT, " %.2f +- %.2f",
                    r.mean(i, step), r.standardError(i, step)));
        }
    }

    private void updateAnimatedSeries() {
        if (!chartDirty) {
            chartTimer.stop();
            return;
        }
        chartDirty = false;
        List<AgentFrame> frames = model.frames();
        for (int i = 0; i < frames.size() && i < animated.getSeriesCount(); i++) {
            RewardTrace.Points points = frames.get(i).trace();
            XYSeries series = animated.getSeries(i);
            series.setNotify(false);
            series.clear();
            for (int k = 0; k < points.size(); k++) {
                series.add(points.steps()[k], points.rewards()[k], false);
            }
            series.setNotify(true);
        }
    }

    // ------------------------------------------------------------------------------------------------ classroom

    /** Scales canvas text and chart fonts (the CSS scales the controls). */
    @Override
    public void setFontScale(double scale) {
        fontScale = scale;
        chartViewer.setMinHeight(CHART_MIN_HEIGHT * scale);
        canvases.forEach(c -> c.setFontScale(scale));
        qLegend.setFontScale(scale);
        tauLegend.setFontScale(scale);
        fitTauText();
        debugger.setFontScale(scale);
        rebuildChart();
        example84View.setFontScale(scale);
        options.setFontScale(scale);
        if (queueBox != null) {
            queueBox.setPrefWidth(190 * scale);
            queueBox.setMinWidth(QUEUE_MIN_WIDTH * scale);
        }
        placeQueue();
        if (queueTable != null) {
            queueTable.setMaxWidth(260 * scale);
        }
    }

    @Override
    public void setHighContrast(boolean on) {
        highContrast = on;
        canvases.forEach(c -> c.setHighContrast(on));
        qLegend.setHighContrast(on);
        tauLegend.setHighContrast(on);
        debugger.setHighContrast(on);
        example84View.setHighContrast(on);
        rebuildChart();
    }

    // ------------------------------------------------------------------------------------------------ export

    /** Every maze pane (as a figure), the cumulative-reward chart and, once computed, the Example 8.4 chart. */
    @Override
    public List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        List<AgentFrame> frames = model.frames();
        for (int i = 0; i < canvases.size() && i < frames.size(); i++) {
            MazeCanvas canvas = canvases.get(i);
            AgentFrame f = frames.get(i);
            if (canvas.frame() == null) {
                continue;
            }
            MazeRenderer.Style style = canvas.style();
            MazeRenderer.Extras extras = canvas.extras();
            double w = Math.max(120, canvas.getWidth());
            double h = Math.max(80, canvas.getHeight());
            String title = String.format(Locale.ROOT, "%s · step %,d · cumulative reward %d%s", f.kind().label(),
                    f.pane().realSteps(), f.goals(), extras.heat() != null ? " · tau" : "");
            double fh = h + 2 * MazeRenderer.FIGURE_BAND;
            PaneFrame pane = canvas.frame();
            targets.add(new ExportTarget("maze-" + f.kind().key(), "Maze pane: " + f.kind().label(),
                    () -> Exports.png2x(w, fh, pen -> MazeRenderer.drawFigure(pen, pane, style, extras, title, w, h)),
                    () -> Exports.svg(w, fh, pen -> MazeRenderer.drawFigure(pen, pane, style, extras, title, w, h)),
                    () -> paneCsv(f.kind().key(), f.pane(), f.tau())));
        }
        CumulativeRewards r = model.rewards().snapshot();
        double cw = Math.max(720, chartViewer.getWidth());
        double ch = Math.max(440, chartViewer.getHeight());
        targets.add(new ExportTarget("cumulative-reward", "Cumulative reward chart",
                () -> Exports.chartPng2x(titledChart(), cw, ch), () -> Exports.chartSvg(titledChart(), cw, ch),
                () -> r == null ? "step\n" : r.toCsv()));
        targets.addAll(example84View.exportTargets());
        debugger.exportTarget(frame -> String.format(Locale.ROOT, "Debugger, n = %d · update %,d · real step %,d",
                frame.n(), frame.updates(), frame.realSteps()), frame -> paneCsv("debugger", frame, null))
                .ifPresent(targets::add);
        return targets;
    }

    /** A copy of the chart with a title, for files. */
    private JFreeChart titledChart() {
        try {
            JFreeChart copy = (JFreeChart) chart.clone();
            CumulativeRewards r = model.rewards().snapshot();
            copy.setTitle(new org.jfree.chart.title.TextTitle("Cumulative reward on the "
                    + model.mazeProperty().get().name() + (r == null ? "" : ", mean of " + r.runs() + " runs, seed "
                    + model.playback().seed()), new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD,
                    (int) Math.round(15 * fontScale))));
            return copy;
        } catch (CloneNotSupportedException e) {
            return chart;
        }
    }

    /**
     * One line per free cell and action: Q, the strictly greedy action, tau (empty when not given), whether the model
     * knows the state, visits.
     */
    static String paneCsv(String agent, PaneFrame p, double[] tau) {
        return PaneCsv.BY_AGENT.write(agent, p, tau);
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(model);
    }
}
