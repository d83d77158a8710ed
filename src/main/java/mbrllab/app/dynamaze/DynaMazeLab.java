package mbrllab.app.dynamaze;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.controls.CompactCount;
import mbrllab.app.controls.HeaderLabel;
import mbrllab.app.controls.TextMeasure;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.app.render.Theme;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.RunToolbar;
import mbrllab.app.lab.Status;
import mbrllab.charts.SyncedFontChart;
import mbrllab.io.BundledMazes;
import mbrllab.charts.AxisLabels;
import mbrllab.charts.LearningCurveChart;
import mbrllab.charts.Palette;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;
import mbrllab.app.debugger.DebuggerTab;
import mbrllab.app.debugger.DebuggerView;
import mbrllab.app.debugger.DebuggerViewModel;
import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.MazeRenderer;
import mbrllab.app.maze.PaneBox;
import mbrllab.app.maze.PaneCsv;
import mbrllab.app.maze.PaneFrame;
import mbrllab.app.maze.QLegend;
import mbrllab.app.lab.CurveSnapshot;

/**
 * The Dyna-maze lab: one maze pane per n side by side, running in lock step, a shared Q legend, and the
 * live learning curve (steps per episode) of the animated agents. Views only: state lives in
 * {@link DynaMazeViewModel}.
 */
public final class DynaMazeLab extends BaseLab {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("dyna-maze", "Dyna-maze",
            "Dyna-maze: Dyna-Q with n = 0, 5 and 50 planning steps side by side (Sutton and Barto, Figure 8.2)",
            DynaMazeLab::new);

    /** What the toolbar's run controls do in this lab. */
    static final RunToolbar.Tips TIPS = new RunToolbar.Tips(
            "Play or pause all panes (Space); in the debugger: run to the next breakpoint",
            "One real step, and its n planning updates, in every pane (Right arrow); in the debugger: one update",
            "New agents with Q = 0 and an empty model, using the seed (Ctrl+R)", RunToolbar.SPEED_TIP,
            RunToolbar.SEED_TIP);

    private final DynaMazeViewModel model;
    private final VBox root = new VBox();
    private final mbrllab.app.maze.PaneGrid panes = new mbrllab.app.maze.PaneGrid(10);
    private final List<MazeCanvas> canvases = new ArrayList<>();
    private final List<HeaderLabel> paneTitles = new ArrayList<>();
    private final List<HeaderLabel> paneStats = new ArrayList<>();
    private final HeaderLabel.Group statsGroup = new HeaderLabel.Group();
    private final QLegend legend = new QLegend();
    private final XYSeriesCollection curveData = new XYSeriesCollection();
    private final YIntervalSeriesCollection meanData = new YIntervalSeriesCollection();
    private final CheckBox skipFirst = new CheckBox("Start at episode 2");
    /** What the lines are; and, when no run reached G in some episode, that those were given up at the cap. */
    private final Label chartNote = new Label();
    private static final String CHART_NOTE = "Thick: mean of the background runs, band: 95% confidence. Thin with "
            + "dots: the animated run. Dashed: shortest path.";
    private final Status status;
    private final JFreeChart chart;
    private final ChartViewer chartViewer;
    /** Where the animated run has got when it is past the last episode of the runs (the axis ends there). */
    private final TextTitle beyondNote = new TextTitle("");
    private final XYTitleAnnotation beyondAnnotation = new XYTitleAnnotation(0.99, 0.98, beyondNote,
            RectangleAnchor.TOP_RIGHT);
    private final CheckBox logScale = new CheckBox("Log scale");
    private double fontScale = 1;
    private boolean highContrast;
    private final Label realStepsLabel = Layouts.realStepsLabel();
    /** The real steps of the panes, which the toolbar shows unless the debugger's tab is shown. */
    private final javafx.beans.property.StringProperty panesRealSteps =
            new javafx.beans.property.SimpleStringProperty(DebuggerTab.realStepsText(0));
    private final javafx.scene.layout.FlowPane chartLegend = new javafx.scene.layout.FlowPane();
    static final int CHART_UPDATES_PER_SECOND = 5;
    private final javafx.animation.Timeline chartTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
            javafx.util.Duration.millis(1000.0 / CHART_UPDATES_PER_SECOND), e -> updateAnimatedSeries()));
    private boolean chartDirty;

    private final DebuggerTab debugger;
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();

    /** Opens the lab on the Dyna-maze. */
    public DynaMazeLab(LabContext context) {
        this.status = context.status();
        this.model = new DynaMazeViewModel(context.dispatcher(), context.background(), BundledMazes.dynaMaze());
        DebuggerViewModel debuggerModel = new DebuggerViewModel(context.dispatcher());
        DebuggerView debuggerView = new DebuggerView(debuggerModel, debuggerHost(model));
        chartTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        root.getStyleClass().add("lab");
        root.setId("dynaMazeLab");

        legend.setId("qLegend");
        panes.setPadding(new Insets(8));
        VBox.setVgrow(panes, Priority.ALWAYS);
        HBox legendRow = new HBox(legend);
        legendRow.setAlignment(Pos.CENTER);
        panes.setFooter(legendRow);
        // Presenter mode's grid of panes has a free cell for the legend when it is compact.
        mbrllab.app.lab.Presenter.follow(legend, legend::setCompact);

        chart = createChart();
        chartViewer = new ChartViewer(chart);
        chartViewer.setId("learningCurveChart");
        NoRoomForChart.install(chartViewer);
        chartViewer.setMinHeight(160);
        mbrllab.app.render.AfterDrawing.fit(chart, () -> {
            fitStepsLabel();
            showBeyond(fittingBeyond(beyondForms)); // the plot's size may have changed
        });
        logScale.setId("logScaleCheck");
        logScale.setOnAction(e -> applyLogScale());

        Label caption = new Label();
        caption.setId("figureCaption");
        caption.setWrapText(true);
        Button closeFigure = new Button("Back to the panes");
        closeFigure.setId("closeFigureButton");
        closeFigure.setOnAction(e -> model.closeFigure());
        closeFigure.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // The caption beside its button, scrolling where it is taller than a third of the room above the chart: at
        // 1024x768 with text 1.5 in normal mode its seven lines and the button's row took 250 px, and the two mazes
        // were left about 5 px high (Figure83ProjectorTest).
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.ScrollPane captionScroll = new javafx.scene.control.ScrollPane(caption);
        captionScroll.setFitToWidth(true);
        captionScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        captionScroll.getStyleClass().add("figure-caption-scroll");
        captionScroll.setMinHeight(0);
        HBox.setHgrow(captionScroll, Priority.ALWAYS);
        HBox captionBox = new HBox(8, captionScroll, closeFigure);
        captionBox.setId("figureCaptionBox");
        captionBox.getStyleClass().add("figure-caption");
        captionBox.visibleProperty().bind(model.figureCaptionProperty().isNotNull());
        captionBox.managedProperty().bind(captionBox.visibleProperty());
        caption.textProperty().bind(model.figureCaptionProperty());
        VBox top = new VBox(4, captionBox, panes);
        captionScroll.maxHeightProperty().bind(top.heightProperty().divide(3));
        // as high as the whole caption where there is room (a scroll pane asks only for a line or two of it); measured
        // with a text node, which has the new text and font when they change, not the label's cached height
        javafx.beans.InvalidationListener fitCaption = o -> {
            // from the box's width, not the viewport's, which follows this height (22 px wide at first)
            double width = captionBox.getWidth() - captionBox.snappedLeftInset() - captionBox.snappedRightInset()
                    - captionBox.getSpacing() - closeFigure.getWidth() - captionScroll.snappedLeftInset()
                    - captionScroll.snappedRightInset() - caption.snappedLeftInset() - caption.snappedRightInset()
                    - 16; // room for the scroll bar
            if (captionBox.getWidth() <= 0 || closeFigure.getWidth() <= 0 || width <= 0) {
                return;
            }
            double height = TextMeasure.height(caption.getText(), caption.getFont(), width, 0,
                    javafx.scene.text.TextBoundsType.LOGICAL);
            captionScroll.setPrefHeight(Math.ceil(height)
                    + caption.snappedTopInset() + caption.snappedBottomInset() + captionScroll.snappedTopInset()
                    + captionScroll.snappedBottomInset() + 4);
        };
        captionBox.widthProperty().addListener(fitCaption);
        closeFigure.widthProperty().addListener(fitCaption);
        caption.textProperty().addListener(fitCaption);
        caption.fontProperty().addListener(fitCaption);
        VBox.setVgrow(panes, Priority.ALWAYS);
        skipFirst.setId("skipFirstCheck");
        skipFirst.setTooltip(new Tooltip("As the book's Figure 8.2: episode 1 takes about as long for every n (nothing "
                + "is known before the goal is first reached), so the chart starts at episode 2"));
        skipFirst.setSelected(true);
        skipFirst.setOnAction(e -> {
            applyEpisodeRange();
            rebuildAnimatedSeries();
            showCurves(model.curves().snapshot());
        });
        chartNote.setText(CHART_NOTE);
        chartNote.setWrapText(true);
        logScale.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        skipFirst.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chartNote.getStyleClass().add("note");
        chartLegend.setId("chartLegend");
        chartLegend.setHgap(16);
        chartLegend.setVgap(2);
        chartLegend.setAlignment(Pos.CENTER_LEFT);
        // The legend's entries and the chart's options share a row, each wrapping to the next when the row is short,
        // never cut: the chart keeps the room. One flow of them all, not a flow in a flow: the outer flow asked for
        // the inner one's whole width, which kept the chart beside the presenter mode's mazes 400 px wide.
        chartLegend.getChildren().setAll(logScale, skipFirst);
        VBox bottom = Layouts.chartColumn(chartViewer, new Insets(0, 8, 6, 8), chartLegend, chartNote);
        OptionsPanel options = new OptionsPanel(model);
        SplitPane sides = Layouts.withSidePanel(Layouts.pictureOverChart(top, bottom, 0.55).besideInPresenterMode(),
                options.view(), 0.78);
        javafx.scene.control.Tab compareTab = new javafx.scene.control.Tab("Compare n side by side", sides);
        compareTab.setId("compareTab");
        Layouts.tabTitles(compareTab, "Compare n side by side", "Compare n");
        tabs.getTabs().setAll(compareTab);
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        this.debugger = new DebuggerTab(debuggerView, tabs, "debuggerTab", () -> {
            debuggerView.setNChoices(model.nValuesProperty().get());
            debuggerView.reset();
        });
        model.configVersionProperty().addListener((o, a, b) -> {
            debuggerView.setNChoices(model.nValuesProperty().get());
            debugger.restartIfStarted();
        });
        model.debuggerRequestsProperty().addListener((o, a, b) -> debugger.show());
        debugger.followInToolbar(model.playback(), realStepsLabel, panesRealSteps);
        tabs.setId("dynaMazeTabs");
        Layouts.fitTabTitles(tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getChildren().add(tabs);

        install(root, panes, RunToolbar.build(model.playback(), controls(), TIPS, realStepsLabel));
        model.nValuesProperty().addListener((o, a, b) -> buildPanes());
        model.configVersionProperty().addListener((o, a, b) -> buildPanes());
        model.framesProperty().addListener((o, a, frames) -> show(frames));
        model.colourLimitProperty().addListener((o, a, b) -> legend.setLimit(b.doubleValue()));
        model.curves().snapshotProperty().addListener((o, a, b) -> showCurves(b));
        model.overlaysProperty().addListener((o, a, b) -> canvases.forEach(c -> c.setOverlays(b)));
        status.follow(model.curves());
        legend.setLimit(model.colourLimitProperty().get());
        buildPanes();
        show(model.framesProperty().get());
        showCurves(model.curves().snapshot());
    }

    /**
     * The categorical colour of each pane: n = 0, 5 and 50 always get the first three colours (so Figure 8.3's n = 50
     * is green as in the three-pane view), other n the following ones in order.
     */
    static int[] colourIndices(List<Integer> ns) {
        int[] colour = new int[ns.size()];
        int next = 3;
        for (int i = 0; i < ns.size(); i++) {
            int n = ns.get(i);
            colour[i] = n == 0 ? 0 : n == 5 ? 1 : n == 50 ? 2 : Math.min(7, next++);
        }
        return colour;
    }

    /** The first episode drawn: 2 when episode 1 is left out, as in the book, unless there is no episode 2. */
    private int firstEpisode() {
        return skipFirst.isSelected() && model.episodes() >= 2 ? 2 : 1;
    }

    private void showCurves(CurveSnapshot c) {
        meanData.removeAllSeries();
        chartNote.setText(CHART_NOTE + givenUpNote(c));
        if (c == null || c.nValues().size() != curveData.getSeriesCount()) {
            return;
        }
        for (int i = 0; i < c.nValues().size(); i++) {
            YIntervalSeries series = new YIntervalSeries("n = " + c.nValues().get(i) + ": mean of " + c.runsDone()
                    + (c.finished() ? "" : "/" + c.runsTotal()) + " runs");
            series.setNotify(false);
            for (int e = firstEpisode() - 1; e < c.mean()[i].length; e++) {
                double m = c.mean()[i][e];
                double h = c.halfWidth()[i][e];
                series.add(e + 1, m, Math.max(0.5, m - h), m + h);
            }
            series.setNotify(true);
            meanData.addSeries(series);
        }
    }

    /**
     * " At 1,000,000 steps: no run reached G ..." when {@link DynaMazeViewModel#givenUp} (first-index ties keep the
     * agent at the top wall), else "".
     */
    static String givenUpNote(CurveSnapshot c) {
        return DynaMazeViewModel.givenUp(c) ? String.format(java.util.Locale.ROOT, " At %,d steps: no run reached G "
                + "in that episode; each was given up there.", LearningCurveSpec.DEFAULT_MAX_STEPS) : "";
    }

    private void rebuildAnimatedSeries() {
        for (int i = 0; i < curveData.getSeriesCount(); i++) {
            curveData.getSeries(i).clear();
        }
        List<PaneFrame> frames = model.framesProperty().get();
        if (frames != null) {
            show(frames);
        }
    }

    /** The lab's view model (tests reach the lab's state through it). */
    public DynaMazeViewModel model() {
        return model;
    }

    /** Play/pause, step and reset of the panes; in the debugger tab, the debugger's. */
    @Override
    public RunControls controls() {
        return debugger.around(model.playback(), model::reset);
    }

    /** The views that can be exported: every maze pane and the learning-curve chart. */
    @Override
    public List<mbrllab.app.export.ExportTarget> exportTargets() {
        List<mbrllab.app.export.ExportTarget> targets = new ArrayList<>();
        for (int i = 0; i < canvases.size(); i++) {
            MazeCanvas canvas = canvases.get(i);
            PaneFrame frame = canvas.frame();
            if (frame == null) {
                continue;
            }
            MazeRenderer.Style style = canvas.style();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            String name = "maze-" + (i + 1) + "-n" + frame.n();
            String title = String.format(Locale.ROOT, "n = %d · episode %,d, step %,d", frame.n(),
                    frame.episode(), frame.stepsThisEpisode());
            double fh = h + 2 * MazeRenderer.FIGURE_BAND;
            targets.add(new mbrllab.app.export.ExportTarget(name, "Maze pane " + (i + 1) + " (n = " + frame.n() + ")",
                    () -> mbrllab.app.export.Exports.png2x(w, fh,
                            pen -> MazeRenderer.drawFigure(pen, frame, style, title, w, h)),
                    () -> mbrllab.app.export.Exports.svg(w, fh,
                            pen -> MazeRenderer.drawFigure(pen, frame, style, title, w, h)),
                    () -> qTableCsv(frame)));
        }
        debugger.exportTarget(frame -> String.format(Locale.ROOT, "n = %d · update %,d · episode %,d", frame.n(),
                frame.updates(), frame.episode()), DynaMazeLab::qTableCsv).ifPresent(targets::add);
        double cw = Math.max(720, chartViewer.getWidth());
        double ch = Math.max(440, chartViewer.getHeight());
        targets.add(new mbrllab.app.export.ExportTarget("learning-curves", "Learning curves",
                () -> mbrllab.app.export.Exports.withCopy(chart, copy -> {
                    copy.getLegend().setVisible(true);
                    return mbrllab.app.export.Exports.chartPng2x(copy, cw, ch);
                }),
                () -> mbrllab.app.export.Exports.withCopy(chart, copy -> {
                    copy.getLegend().setVisible(true);
                    return mbrllab.app.export.Exports.chartSvg(copy, cw, ch);
                }), this::curvesCsv));
        return targets;
    }

    /** One line per free cell and action: Q, the greedy action if strict, what the model knows, visits. */
    static String qTableCsv(PaneFrame f) {
        return PaneCsv.BY_N.write(Integer.toString(f.n()), f, null);
    }

    /** The curves as CSV: per n the mean over runs, the 95% half-width and the animated run's steps. */
    String curvesCsv() {
        List<int[]> run1 = new ArrayList<>();
        for (PaneFrame f : model.framesProperty().get()) {
            run1.add(f.episodeLengths());
        }
        return CurveSnapshot.csv(model.curves().snapshot(), model.nValuesProperty().get(), run1, Integer.MAX_VALUE);
    }

    /** Scales canvas text and chart fonts (the CSS scales the controls). */
    @Override
    public void setFontScale(double scale) {
        fontScale = scale;
        legend.setFontScale(scale);
        debugger.setFontScale(scale);
        canvases.forEach(c -> c.setFontScale(scale));
        ChartThemes.apply(chart, scale, Theme.of(highContrast));
        beyondNote.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN,
                (int) Math.round(12 * scale)));
    }

    @Override
    public void setHighContrast(boolean on) {
        highContrast = on;
        debugger.setHighContrast(on);
        legend.setHighContrast(on);
        canvases.forEach(c -> c.setHighContrast(on));
        ChartThemes.apply(chart, fontScale, Theme.of(on));
    }

    private void buildPanes() {
        panes.clearPanes();
        canvases.clear();
        paneTitles.clear();
        paneStats.clear();
        statsGroup.clear();
        List<Integer> ns = model.nValuesProperty().get();
        int[] colour = colourIndices(ns);
        for (int i = 0; i < ns.size(); i++) {
            int n = ns.get(i);
            HeaderLabel title = new HeaderLabel("n = " + n);
            title.setTooltip(new Tooltip(n == 0 ? "No planning: plain Q-learning" : n + " planning updates after every "
                    + "real step"));
            title.setMaxWidth(Double.MAX_VALUE);
            title.setAlignment(Pos.CENTER);
            title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            title.getStyleClass().add("pane-title");
            title.getStyleClass().add("series-" + colour[i]);
            HeaderLabel stats = new HeaderLabel(" \n ");
            stats.getStyleClass().add("pane-stats");
            stats.setId("paneStats" + i);
            stats.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            MazeCanvas canvas = new MazeCanvas();
            canvas.setId("mazeCanvas" + i);
            canvas.setFontScale(fontScale);
            canvas.setHighContrast(highContrast);
            canvas.setOverlays(model.overlaysProperty().get());
            VBox box = PaneBox.of(title, stats, canvas);
            panes.addPane(box);
            canvases.add(canvas);
            paneTitles.add(title);
            paneStats.add(stats);
            statsGroup.add(stats);
        }
        curveData.removeAllSeries();
        meanData.removeAllSeries();
        chartLegend.getChildren().removeIf(n -> n.getStyleClass().contains("legend-entry"));
        for (int i = 0; i < ns.size(); i++) {
            javafx.scene.shape.Line swatch = new javafx.scene.shape.Line(0, 0, 26, 0);
            swatch.setStrokeWidth(4);
            swatch.getStyleClass().addAll("legend-swatch", "series-" + colour[i]);
            Label entry = new Label("n = " + ns.get(i), swatch);
            entry.getStyleClass().add("legend-entry");
            chartLegend.getChildren().add(i, entry);
        }
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer(1);
        DeviationRenderer band = (DeviationRenderer) plot.getRenderer(0);
        for (int i = 0; i < ns.size(); i++) {
            curveData.addSeries(new XYSeries("n = " + ns.get(i) + ": run 1 (animated)"));
            Color c = Palette.categorical(colour[i]);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesStroke(i, new BasicStroke(1f));
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            band.setSeriesPaint(i, c);
            band.setSeriesFillPaint(i, c);
            band.setSeriesStroke(i, new BasicStroke(3f));
        }
        applyEpisodeRange();
        showBeyond(new String[0]);
        Layout layout = model.mazeProperty().get().layout();
        plot.clearRangeMarkers();
        ValueMarker marker = new ValueMarker(layout.shortestPathLength(), new Color(0x44, 0x44, 0x44),
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.addRangeMarker(marker);
        ChartThemes.apply(chart, fontScale, Theme.of(highContrast));
    }

    private void show(List<PaneFrame> frames) {
        if (frames.size() != canvases.size()) {
            return;
        }
        double limit = model.colourLimitProperty().get();
        if (!frames.isEmpty()) {
            panesRealSteps.set(DebuggerTab.realStepsText(frames.get(0).realSteps()));
        }
        for (int i = 0; i < frames.size(); i++) {
            PaneFrame f = frames.get(i);
            canvases.get(i).show(f, limit);
            paneStats.get(i).setForms(statsForms(f));
        }
        chartDirty = true;
        if (!chartTimer.getStatus().equals(javafx.animation.Animation.Status.RUNNING)) {
            chartTimer.play();
        }
    }

    /**
     * A pane's counters, longest first: the header shortens before it wraps; the last form counts in k, M and B (the
     * same as the one before it below 100,000).
     */
    static String[] statsForms(PaneFrame f) {
        return new String[] {
            String.format(Locale.ROOT, "episode %,d, step %,d · %,d Q updates", f.episode(), f.stepsThisEpisode(),
                    f.updates()),
            String.format(Locale.ROOT, "ep. %,d, step %,d · %,d updates", f.episode(), f.stepsThisEpisode(),
                    f.updates()),
            String.format(Locale.ROOT, "episode %,d, step %,d%n%,d Q updates", f.episode(), f.stepsThisEpisode(),
                    f.updates()),
            String.format(Locale.ROOT, "ep. %,d, step %,d%n%,d updates", f.episode(), f.stepsThisEpisode(),
                    f.updates()),
            String.format(Locale.ROOT, "ep. %,d · %,d%n%,d upd.", f.episode(), f.stepsThisEpisode(), f.updates()),
            String.format(Locale.ROOT, "ep. %s · %,d%n%s upd.", CompactCount.of(f.episode()), f.stepsThisEpisode(),
                    CompactCount.of(f.updates())),
        };
    }

    /**
     * Brings the animated runs' series up to date: at most {@value #CHART_UPDATES_PER_SECOND} times a second, since a
     * chart redraw costs far more than a maze pane and a learning curve needs no 60 Hz.
     */
    private void updateAnimatedSeries() {
        if (!chartDirty) {
            chartTimer.stop();
            return;
        }
        chartDirty = false;
        List<PaneFrame> frames = model.framesProperty().get();
        int episodes = model.episodes();
        for (int i = 0; i < frames.size() && i < curveData.getSeriesCount(); i++) {
            PaneFrame f = frames.get(i);
            XYSeries series = curveData.getSeries(i);
            int[] lengths = f.episodeLengths();
            int skip = firstEpisode() - 1;
            int drawn = Math.min(lengths.length, episodes);
            int shown = Math.max(0, drawn - skip);
            if (shown < series.getItemCount()) {
                series.clear();
            }
            if (shown > series.getItemCount()) {
                series.setNotify(false);
                for (int e = skip + series.getItemCount(); e < drawn; e++) {
                    series.add(e + 1, lengths[e], false);
                }
                series.setNotify(true);
            }
        }
        showBeyond(beyondForms(frames, episodes));
    }

    /** The note's forms last given, longest first (none: no note). */
    private String[] beyondForms = new String[0];

    /**
     * Shows the note on the animated run's later episodes in the chart's top right corner, in the longest of its
     * forms that fits the plot (at most {@value #BEYOND_SHARE} of its height); none when there are no forms. At
     * 1024x768 in presenter mode with text 2.0 the whole note wrapped into a column over the whole plot, its last
     * number cut at the bottom.
     */
    private void showBeyond(String[] forms) {
        beyondForms = forms;
        showBeyond(fittingBeyond(forms));
    }

    /** Share of the plot's height the note may take. */
    static final double BEYOND_SHARE = 0.6;

    private String fittingBeyond(String[] forms) {
        if (forms.length == 0) {
            return "";
        }
        org.jfree.chart.ChartRenderingInfo info = chartViewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getDataArea().getWidth() <= 0) {
            return forms[0];
        }
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        java.awt.Font font = beyondNote.getFont();
        double lineHeight = font.getLineMetrics("Ag", frc).getHeight();
        for (String form : forms) {
            String[] lines = form.split("\\R");
            double widest = 0;
            for (String line : lines) {
                widest = Math.max(widest, font.getStringBounds(line, frc).getWidth());
            }
            // the note's padding (4 px each side, 2 above and below) and its anchor's 1% from the plot's edge
            if (widest + 8 <= area.getWidth() * 0.98 && lines.length * lineHeight + 4 <= area.getHeight()
                    * BEYOND_SHARE) {
                return form;
            }
        }
        return "";
    }

    /** Shows {@code note} in the chart's top right corner; none when empty. */
    private void showBeyond(String note) {
        XYPlot plot = chart.getXYPlot();
        boolean shown = plot.getAnnotations().contains(beyondAnnotation);
        if (note.isEmpty()) {
            if (shown) {
                plot.removeAnnotation(beyondAnnotation);
            }
            return;
        }
        if (!shown) {
            beyondNote.setText(note);
            plot.addAnnotation(beyondAnnotation);
        } else if (!note.equals(beyondNote.getText())) {
            beyondNote.setText(note);
            chart.fireChartChanged(); // the annotation does not listen to its title
        }
    }

    /**
     * The note on the animated run once it is past the runs' last episode, which the axis ends at, longest first: the
     * episode each pane is in, as a number, then in k and M, then only that it is past (the panes' headers have the
     * episodes). None before.
     */
    static String[] beyondForms(List<PaneFrame> frames, int episodes) {
        boolean beyond = false;
        StringBuilder whole = new StringBuilder();
        StringBuilder compact = new StringBuilder();
        for (PaneFrame f : frames) {
            beyond |= f.episode() > episodes;
            whole.append(String.format(Locale.ROOT, "%nn = %d: episode %,d", f.n(), f.episode()));
            compact.append(String.format(Locale.ROOT, "%nn = %d: %s", f.n(), CompactCount.of(f.episode())));
        }
        if (!beyond) {
            return new String[0];
        }
        return new String[] {String.format(Locale.ROOT, "Animated run past episode %,d:", episodes) + whole,
            String.format(Locale.ROOT, "Past episode %,d:", episodes) + compact,
            String.format(Locale.ROOT, "Past episode %,d", episodes)};
    }

    /**
     * The episode axis spans the background runs' episodes (from the first one shown); the animated run, which goes
     * on as long as it plays, is drawn within it and is never allowed to stretch it.
     */
    private void applyEpisodeRange() {
        chart.getXYPlot().getDomainAxis().setRange(firstEpisode() - 0.5, model.episodes() + 0.5);
    }

    /** The longest steps label that fits the plot's height (a short plot with large text cuts a long one off). */
    private void fitStepsLabel() {
        org.jfree.chart.ChartRenderingInfo info = chartViewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getDataArea().getHeight() <= 0) {
            return;
        }
        double room = info.getPlotInfo().getDataArea().getHeight();
        ValueAxis axis = chart.getXYPlot().getRangeAxis();
        if (axis instanceof LogAxis) {
            AxisLabels.fit(axis, room, "Steps per episode (log scale)", "Steps per episode (log)", "Steps (log)",
                    "Steps");
        } else {
            AxisLabels.fit(axis, room, "Steps per episode", "Steps", "");
        }
    }

    private JFreeChart createChart() {
        NumberAxis x = new NumberAxis("Episode");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        x.setRange(1.5, 50.5);
        NumberAxis y = new NumberAxis("Steps per episode");
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setAlpha(0.2f);
        XYPlot plot = new XYPlot(meanData, x, y, band);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        plot.setDataset(1, curveData);
        plot.setRenderer(1, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        beyondNote.setPaint(new Color(0x33, 0x33, 0x33));
        beyondNote.setBackgroundPaint(new Color(255, 255, 255, 210));
        beyondNote.setTextAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
        beyondNote.setPadding(2, 4, 2, 4);
        beyondNote.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        JFreeChart c = new SyncedFontChart(null, null, plot, true);
        // The app shows a JavaFX legend under the chart (it follows the font scale); exports turn this one on.
        c.getLegend().setVisible(false);
        c.setBackgroundPaint(Color.WHITE);
        LearningCurveChart.applyFontScale(c, 1);
        return c;
    }

    private void applyLogScale() {
        XYPlot plot = chart.getXYPlot();
        if (logScale.isSelected()) {
            LogAxis axis = new LogAxis("Steps per episode (log scale)");
            axis.setSmallestValue(1);
            plot.setRangeAxis(axis);
        } else {
            plot.setRangeAxis(new NumberAxis("Steps per episode"));
        }
        ChartThemes.apply(chart, fontScale, Theme.of(highContrast));
    }

    @Override
    public void dispose() {
        chartTimer.stop();
        model.shutdown();
        debugger.shutdown();
    }

    /** The debugger's view of this lab: its maze, parameters and seed; Dyna-Q only. */
    private static DebuggerView.Host debuggerHost(DynaMazeViewModel lab) {
        return new DebuggerView.Host() {
            @Override
            public Maze maze() {
                return lab.mazeProperty().get();
            }

            @Override
            public DynaParams params() {
                return lab.params();
            }

            @Override
            public List<AgentKind> kinds() {
                return List.of(AgentKind.DYNA_Q);
            }

            @Override
            public void reset(DebuggerViewModel d, AgentKind kind, int n) {
                d.reset(lab.mazeProperty().get(), lab.params(), n, lab.playback().seed());
            }
        };
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(model);
    }
}
