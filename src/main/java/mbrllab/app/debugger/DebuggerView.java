package mbrllab.app.debugger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.dyna.debug.Breakpoint;
import mbrllab.core.dyna.debug.DebugStep;
import mbrllab.core.dyna.debug.ModelEntry;
import mbrllab.core.dyna.debug.PseudocodeLine;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Layout;
import mbrllab.core.maze.Maze;
import mbrllab.app.lab.Layouts;
import mbrllab.app.maze.DivergingScale;
import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.Overlays;
import mbrllab.app.maze.PaneFrame;

/**
 * The step-through debugger: step one update, one real step or one episode, run to a breakpoint, step back or
 * scrub the timeline; the lecture's Dyna-Q lines with the executed ones highlighted; the arithmetic of the last
 * update; the model table (selecting a row outlines its (x,u) on the maze). Where the window leaves too little room for
 * the text size ({@link #isCompact()}: 1024x768 with text 1.5) the breakpoints go under the maze, and the last update
 * and the model table share a column of tabs, so that the lecture's lines are shown whole. Views only: state lives in
 * {@link DebuggerViewModel}.
 */
public final class DebuggerView {

    /**
     * Below {@value #COMPACT_WIDTH} x {@value #COMPACT_HEIGHT} px per unit of text size (1024x768 with text 1.5, also in
     * presenter mode) the last update and the model table share a column of tabs beside the lecture's lines, and the
     * timeline alone stays under them: side by side with the table below, the lines were cut to "(a) x &lt;- current
     * ..." and the maze's cells were 37 px.
     */
    static final double COMPACT_WIDTH = 760;
    /** See {@link #COMPACT_WIDTH}. */
    static final double COMPACT_HEIGHT = 560;
    /** The most width of the column of the last update and the model in compact mode [px]. */
    private static final double SIDE_TABS_WIDTH = 420;

    /**
     * What the debugger needs of the lab it sits in.
     */
    public interface Host {
        /** The lab's maze now. */
        Maze maze();

        /** The lab's alpha, gamma and epsilon (n is the debugger's own choice). */
        DynaParams params();

        /** The algorithms offered, first the default; with one, no choice is shown. */
        List<AgentKind> kinds();

        /** Starts a fresh session in {@code debugger} for this algorithm and n, with the lab's maze and seed. */
        void reset(DebuggerViewModel debugger, AgentKind kind, int n);
    }

    private final DebuggerViewModel debugger;
    private final Host lab;
    private final ComboBox<AgentKind> kindChoice = new ComboBox<>();
    private final Label codeTitle = new Label();
    private final BorderPane root = new BorderPane();
    private final MazeCanvas canvas = new MazeCanvas();
    private final Map<PseudocodeLine, Label> codeLines = new EnumMap<>(PseudocodeLine.class);
    /** The last update: its title, then a grid of keys and values. */
    private final VBox inspector = new VBox(2);
    private final GridPane inspectorGrid = new GridPane();
    private final Map<String, Label> keys = new java.util.LinkedHashMap<>();
    private final Map<String, Label> values = new java.util.LinkedHashMap<>();
    /**
     * The rows whose values are arithmetic, the longest: where the window is cramped they go under the grid, each
     * key over its value across the whole width. Beside their keys, in the column the keys leave, Dyna-Q+'s TD target
     * took six lines at 1024x768 with text 1.5 and the last update scrolled, its result out of sight.
     */
    private static final List<String> FORMULAS = List.of("TD target", "TD error", "Q(x,u) after");
    private final TableView<ModelEntry> modelTable = new TableView<>();
    private final Slider timeline = new Slider(0, 1, 0);
    private final Label timelineLabel = new Label();
    private final Label message = new Label();
    private final ComboBox<Integer> nChoice = new ComboBox<>();
    private final CheckBox bpEpisodeEnd = new CheckBox("Episode end");
    private final CheckBox bpGoal = new CheckBox("Goal reached");
    private final CheckBox bpDelta = new CheckBox("|delta Q| >");
    private final TextField deltaThreshold = new TextField("0.01");
    private final CheckBox bpCell = new CheckBox("Agent enters cell");
    private final Label cellLabel = new Label("(click the maze)");
    private int chosenCell = -1;
    private boolean updatingTimeline;
    private final Label inspTitle = new Label("The last update");
    private final Label modelTitle = new Label("Model(x,u) -> (x', r): every pair tried so far, with the real step "
            + "that last set it");
    private final HBox middle = new HBox(12);
    private final VBox code = new VBox(3);
    /**
     * The lecture's lines scroll where they are taller than their column: with a taller monospaced font (Noto Sans Mono,
     * its lines 17% higher than DejaVu Sans Mono's, before the app bundled its own) the wrapped lines did not fit the
     * column at 1024x768 with text 1.5 and were cut to "(a) x &lt;- current ..."; larger text still needs it.
     */
    private final ScrollPane codeScroll = new ScrollPane(code);
    /** The lines' title over the lines, which scroll under it. */
    private final VBox codeColumn = new VBox(3);
    /** The line last executed (or next), which the lines' scrolling keeps in view. */
    private Label activeLine;
    /** The algorithm whose lines are shown, for their title. */
    private AgentKind codeKind;
    private final Tooltip codeTip = new Tooltip();
    private final VBox top = new VBox(4);
    private final VBox left = new VBox(8);
    private FlowPane bps;
    private final VBox bottom = new VBox(4);
    private final TabPane sideTabs = new TabPane();
    private final Tab lastUpdateTab = new Tab("The last update");
    private final Tab modelTab = new Tab("Model");
    private final VBox modelBox = new VBox(4);
    private final javafx.scene.control.ScrollPane inspectorScroll = new javafx.scene.control.ScrollPane();
    private double fontScale = 1;
    private Boolean compact;

    /** The debugger of a lab that offers {@code lab.kinds()}. */
    public DebuggerView(DebuggerViewModel debugger, Host lab) {
        this.debugger = debugger;
        this.lab = lab;
        root.setId("debuggerView");
        root.setPadding(new Insets(6));

        nChoice.setId("debugN");
        nChoice.getItems().setAll(0, 5, 50);
        nChoice.setValue(5);
        nChoice.setEditable(false);
        nChoice.setTooltip(new Tooltip("Planning updates per real step of the debugged agent"));
        nChoice.setOnAction(e -> reset());
        Button stepUpdate = button("dbgStepUpdate", "Step update", "The next single update: real, or one planning "
                + "update of line (f)", debugger::stepUpdate);
        Button stepReal = button("dbgStepReal", "Step real step", "Finish the pending planning, then the next real "
                + "step (lines (a) to (e))", debugger::stepRealStep);
        Button stepEpisode = button("dbgStepEpisode", "Step episode", "Run until this episode's goal step and its "
                + "planning are done", debugger::stepEpisode);
        Button run = button("dbgRun", "Run to breakpoint", "Run until an enabled breakpoint triggers (at most "
                + String.format(Locale.ROOT, "%,d", DebuggerViewModel.RUN_LIMIT) + " updates)",
                debugger::runToBreakpoint);
        Button back = button("dbgBack", "Step back", "One update back on the timeline", debugger::stepBack);
        Button reset = button("dbgReset", "Reset", "A fresh agent at S with the lab's seed and parameters",
                this::reset);
        kindChoice.setId("debugAgent");
        kindChoice.getItems().setAll(lab.kinds());
        kindChoice.setValue(lab.kinds().get(0));
        kindChoice.setTooltip(new Tooltip("The algorithm to step through"));
        kindChoice.setOnAction(e -> reset());
        kindChoice.setVisible(lab.kinds().size() > 1);
        kindChoice.setManaged(lab.kinds().size() > 1);
        Label nLabel = new Label("Agent n =");
        nLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // a row that wraps where the window is narrow, instead of cutting the buttons' names
        FlowPane controls = new FlowPane(6, 4, kindChoice, new HBox(6, nLabel, nChoice), stepUpdate, stepReal,
                stepEpisode, run, back, reset);
        ((HBox) controls.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        controls.setAlignment(Pos.CENTER_LEFT);

        bpEpisodeEnd.setId("bpEpisodeEnd");
        bpGoal.setId("bpGoal");
        bpDelta.setId("bpDelta");
        bpCell.setId("bpCell");
        deltaThreshold.setId("bpDeltaThreshold");
        deltaThreshold.setPrefColumnCount(4);
        bpGoal.setSelected(true);
        for (CheckBox b : List.of(bpEpisodeEnd, bpGoal, bpDelta, bpCell)) {
            b.setOnAction(e -> applyBreakpoints());
        }
        deltaThreshold.textProperty().addListener((o, a, b) -> applyBreakpoints());
        cellLabel.setId("bpCellLabel");
        FlowPane bps = new FlowPane(8, 4, new Label("Breakpoints:"), bpEpisodeEnd, bpGoal,
                new HBox(4, bpDelta, deltaThreshold), bpCell, cellLabel);
        for (Node n : bps.getChildren()) {
            if (n instanceof HBox h) {
                h.setAlignment(Pos.CENTER_LEFT);
            }
        }
        bps.setAlignment(Pos.CENTER_LEFT);
        message.setId("dbgMessage");
        message.getStyleClass().add("note");
        this.bps = bps;
        top.getChildren().setAll(controls, bps, message);
        root.setTop(top);

        canvas.setId("debugCanvas");
        canvas.setOverlays(new Overlays(true, true, true, false, true, true, false));
        canvas.setOnMouseClicked(e -> {
            int cell = canvas.cellAt(e.getX(), e.getY());
            DebugFrame f = debugger.frameProperty().get();
            if (cell >= 0 && f != null && !f.pane().layout().isWall(cell / f.pane().layout().cols(),
                    cell % f.pane().layout().cols())) {
                chosenCell = cell;
                cellLabel.setText(cellName(f.pane().layout(), cell));
                bpCell.setSelected(true);
                applyBreakpoints();
            }
        });
        code.setId("pseudocode");
        codeKind = lab.kinds().get(0);
        showCodeTitle();
        codeTitle.setWrapText(true);
        codeTitle.setMinHeight(Region.USE_PREF_SIZE);
        codeTitle.getStyleClass().add("pane-title");
        codeColumn.getChildren().setAll(codeTitle, codeScroll);
        VBox.setVgrow(codeScroll, Priority.ALWAYS);
        for (PseudocodeLine line : PseudocodeLine.values()) {
            Label l = new Label(line.label() + "  " + line.text());
            l.setId("code" + line.name());
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("code-line");
            codeLines.put(line, l);
            code.getChildren().add(l);
        }
        code.setMinWidth(0);
        codeScroll.setFitToWidth(true);
        codeScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        codeScroll.getStyleClass().add("edge-to-edge");
        codeColumn.setMinWidth(200);
        codeColumn.setPrefWidth(330);
        code.heightProperty().addListener((o, a, b) -> scrollIntoView(activeLine));
        codeScroll.viewportBoundsProperty().addListener((o, a, b) -> scrollIntoView(activeLine));

        inspector.setId("inspector");
        inspectorGrid.setHgap(10);
        inspectorGrid.setVgap(2);
        inspTitle.getStyleClass().add("pane-title");
        String[] names = {"kind", "x", "u", "r", "x'", "Q(x,u) before", "max Q(x',.)", "TD target", "TD error",
            "Q(x,u) after"};
        for (int i = 0; i < names.length; i++) {
            Label key = new Label(names[i]);
            key.getStyleClass().add("inspector-key");
            Label value = new Label("-");
            value.setId("insp" + i);
            value.getStyleClass().add("inspector-value");
            value.setWrapText(true);
            keys.put(names[i], key);
            values.put(names[i], value);
        }
        layOutInspector(false);
        javafx.scene.layout.ColumnConstraints keyColumn = new javafx.scene.layout.ColumnConstraints();
        keyColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints vals = new javafx.scene.layout.ColumnConstraints();
        vals.setHgrow(Priority.ALWAYS);
        inspectorGrid.getColumnConstraints().setAll(keyColumn, vals);
        inspector.setPrefWidth(360);
        inspector.setMinWidth(240);

        middle.getChildren().setAll(canvas, codeColumn, inspector);
        HBox.setHgrow(canvas, Priority.ALWAYS);
        middle.setPadding(new Insets(6, 0, 6, 0));
        root.setCenter(middle);

        timeline.setId("dbgTimeline");
        timeline.setBlockIncrement(1);
        timeline.valueProperty().addListener((o, a, b) -> {
            if (!updatingTimeline) {
                debugger.seek(Math.round(b.doubleValue()));
            }
        });
        timelineLabel.setId("dbgTimelineLabel");
        // wraps where the row is narrow: its whole width had pushed the debugger 80 to 200 px past the window's edge
        // after an episode at 1024x768 with text 1.5 ("update 3,366 of 3,366 · episode 2, ...")
        timelineLabel.setMinWidth(0);
        timelineLabel.setWrapText(true);
        timelineLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        timeline.setMinWidth(60);
        timeline.setPrefWidth(60); // grows into the room the label leaves; the label wraps only below 60 px of slider
        Label timelineName = new Label("Timeline");
        timelineName.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox timelineRow = new HBox(8, timelineName, timeline, timelineLabel);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        timelineRow.setAlignment(Pos.CENTER_LEFT);

        modelTable.setId("modelTable");
        modelTable.setPrefHeight(170);
        Label empty = new Label("The model is empty: no real step yet.");
        empty.setWrapText(true);
        modelTable.setPlaceholder(empty);
        modelTable.getColumns().add(column("x", m -> cellName(layout(), m.x())));
        modelTable.getColumns().add(column("u", m -> Action.of(m.u()).label()));
        modelTable.getColumns().add(column("x'", m -> cellName(layout(), m.xNext())));
        modelTable.getColumns().add(column("r", m -> fmt(m.reward())));
        // the real step at which the entry was last set (the title above says so; "last set at real step" was cut
        // to "la..." at text 1.5)
        modelTable.getColumns().add(column("step", m -> Long.toString(m.setAtRealStep())));
        // the table's width shared in these proportions, the short columns narrower
        double[] shares = {1, 0.9, 1, 0.5, 1.6};
        for (int i = 0; i < shares.length; i++) {
            modelTable.getColumns().get(i).setPrefWidth(60 * shares[i]);
        }
        modelTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        modelTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> redrawMaze());
        modelTitle.setWrapText(true);
        modelTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        bottom.getChildren().setAll(timelineRow, modelTitle, modelTable);
        root.setBottom(bottom);
        lastUpdateTab.setClosable(false);
        modelTab.setClosable(false);
        Layouts.tabTitles(lastUpdateTab, "The last update", "Update");
        Layouts.fitTabTitles(sideTabs);
        sideTabs.setId("debuggerSideTabs");
        sideTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        sideTabs.setMinWidth(200);
        VBox.setVgrow(modelTable, Priority.ALWAYS);
        modelBox.setPadding(new Insets(4, 0, 0, 0));
        // the last update at the height its wrapped values need (a grid squeezed into the tab cut them), scrolling
        // where the tab is shorter
        inspectorScroll.setId("inspectorScroll");
        inspectorScroll.setFitToWidth(true);
        inspectorScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        inspectorScroll.getStyleClass().add("edge-to-edge");
        lastUpdateTab.setContent(inspectorScroll);
        modelTab.setContent(modelBox);
        root.widthProperty().addListener((o, a, b) -> arrange());
        root.heightProperty().addListener((o, a, b) -> arrange());

        debugger.frameProperty().addListener((o, a, f) -> show(f));
        applyBreakpoints();
    }

    public Node view() {
        return root;
    }

    /** Scrolls the lecture's lines (where they scroll at all) so that {@code line} is in view. */
    private void scrollIntoView(Label line) {
        if (line == null) {
            return;
        }
        double content = code.getHeight();
        double view = codeScroll.getViewportBounds().getHeight();
        if (content <= view || view <= 0) {
            return;
        }
        double top = line.getBoundsInParent().getMinY();
        double bottom = line.getBoundsInParent().getMaxY();
        double shownTop = codeScroll.getVvalue() * (content - view);
        if (top < shownTop) {
            codeScroll.setVvalue(top / (content - view));
        } else if (bottom > shownTop + view) {
            codeScroll.setVvalue(Math.min(1, (bottom - view) / (content - view)));
        }
    }

    private static String codeTitle(AgentKind kind) {
        return kind == AgentKind.DYNA_Q_PLUS ? "Dyna-Q+ (the lecture's lines; (f) adds kappa sqrt(tau) to r and may "
                + "pick an action never tried)" : "Dyna-Q (the lecture's lines)";
    }

    /** The lines' title; in compact mode the short one, the whole in its tooltip (three lines at text 1.5). */
    private void showCodeTitle() {
        if (codeKind == null) {
            return;
        }
        String whole = codeTitle(codeKind);
        codeTitle.setText(isCompact() ? codeKind.label() + " (the lecture's lines)" : whole);
        codeTip.setText(whole);
        codeTitle.setTooltip(codeTip);
    }

    /** A fresh session with the lab's maze, parameters and seed. */
    public void reset() {
        Integer n = nChoice.getValue();
        AgentKind kind = kindChoice.getValue() == null ? lab.kinds().get(0) : kindChoice.getValue();
        codeKind = kind;
        showCodeTitle();
        lab.reset(debugger, kind, n == null ? 5 : n);
        applyBreakpoints();
    }

    /** Offers {@code ns} and chooses {@code preferred} (one of them). */
    public void setNChoices(List<Integer> ns, int preferred) {
        nChoice.getItems().setAll(ns);
        nChoice.setValue(ns.contains(preferred) ? preferred : ns.get(0));
    }

    /** Offers the lab's n values (and keeps the chosen one if still there). */
    public void setNChoices(List<Integer> ns) {
        Integer chosen = nChoice.getValue();
        nChoice.getItems().setAll(ns);
        nChoice.setValue(ns.contains(chosen) ? chosen : ns.get(ns.size() > 1 ? 1 : 0));
    }

    public void setFontScale(double scale) {
        fontScale = scale;
        canvas.setFontScale(scale);
        arrange();
    }

    /** Whether the last update and the model share a column of tabs now (a small area for the text size). */
    public boolean isCompact() {
        return Boolean.TRUE.equals(compact);
    }

    /**
     * Compact mode: the maze's column at least as wide as its widest breakpoint, the last update and the model what
     * the lines' 300 px leave them (200 to {@value #SIDE_TABS_WIDTH} px), the lecture's lines 55% of the rest (280 to
     * 420 px, so that no line is cut), the maze what is left; wide mode: the lines 330 px, the maze what is left.
     */
    private void sizeColumns() {
        if (isCompact()) {
            double free = root.getWidth() - root.getInsets().getLeft() - root.getInsets().getRight()
                    - 2 * middle.getSpacing();
            double maze = Math.max(150, bps.minWidth(-1));
            double tabs = Math.max(200, Math.min(SIDE_TABS_WIDTH, free - maze - 300));
            double lines = Math.max(280, Math.min(Math.min(420, free - tabs - maze), 0.5 * (free - tabs)));
            sideTabs.setPrefWidth(tabs);
            codeColumn.setPrefWidth(lines);
            left.setPrefWidth(Math.max(maze, free - tabs - lines));
        } else {
            codeColumn.setPrefWidth(330);
        }
    }

    /**
     * The last update's rows: all in the grid, or ({@code formulasBelow}) the arithmetic rows under it, each key over
     * its value across the width.
     */
    private void layOutInspector(boolean formulasBelow) {
        inspectorGrid.getChildren().clear();
        inspector.getChildren().setAll(inspTitle, inspectorGrid);
        int row = 0;
        for (Map.Entry<String, Label> e : values.entrySet()) {
            Label key = keys.get(e.getKey());
            Label value = e.getValue();
            value.getStyleClass().remove("inspector-formula");
            if (formulasBelow && FORMULAS.contains(e.getKey())) {
                value.getStyleClass().add("inspector-formula");
                inspector.getChildren().addAll(key, value);
            } else {
                inspectorGrid.add(key, 0, row);
                inspectorGrid.add(value, 1, row);
                row++;
            }
        }
    }

    private void arrange() {
        boolean makeCompact = Layouts.cramped(root, fontScale, COMPACT_WIDTH, COMPACT_HEIGHT);
        if (compact != null && compact == makeCompact) {
            sizeColumns();
            return;
        }
        compact = makeCompact;
        sizeColumns();
        showCodeTitle();
        inspTitle.setVisible(!makeCompact);
        inspTitle.setManaged(!makeCompact);
        // the lines a little smaller, so that they wrap instead of being cut
        codeColumn.getStyleClass().remove("code-compact");
        inspector.getStyleClass().remove("code-compact");
        if (makeCompact) {
            codeColumn.getStyleClass().add("code-compact");
            inspector.getStyleClass().add("code-compact");
        }
        layOutInspector(makeCompact);
        if (makeCompact) {
            // the breakpoints under the maze, in the room its aspect leaves there
            top.getChildren().remove(bps);
            middle.getChildren().set(0, left);
            left.getChildren().setAll(canvas, bps);
            VBox.setVgrow(canvas, Priority.ALWAYS);
            bottom.getChildren().setAll(bottom.getChildren().get(0));
            middle.getChildren().set(2, sideTabs);
            inspectorScroll.setContent(inspector);
            modelBox.getChildren().setAll(modelTitle, modelTable);
            sideTabs.getTabs().setAll(lastUpdateTab, modelTab);
        } else {
            Node timelineRow = bottom.getChildren().get(0);
            if (!top.getChildren().contains(bps)) {
                left.getChildren().clear();
                middle.getChildren().set(0, canvas);
                top.getChildren().add(1, bps);
            }
            inspectorScroll.setContent(null);
            modelBox.getChildren().clear();
            middle.getChildren().set(2, inspector);
            bottom.getChildren().setAll(timelineRow, modelTitle, modelTable);
        }
    }

    public void setHighContrast(boolean on) {
        canvas.setHighContrast(on);
    }

    public MazeCanvas canvas() {
        return canvas;
    }

    public DebuggerViewModel debugger() {
        return debugger;
    }

    private Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private TableColumn<ModelEntry, String> column(String title, java.util.function.Function<ModelEntry, String> f) {
        TableColumn<ModelEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** True while Dyna-Q+ is being stepped (its planning targets carry the bonus, possibly 0). */
    private boolean isPlus() {
        return kindChoice.getValue() == AgentKind.DYNA_Q_PLUS;
    }

    private Layout layout() {
        DebugFrame f = debugger.frameProperty().get();
        return f == null ? lab.maze().layout() : f.pane().layout();
    }

    static String cellName(Layout layout, int cell) {
        return "(" + cell / layout.cols() + "," + cell % layout.cols() + ")";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private void applyBreakpoints() {
        List<Breakpoint> list = new ArrayList<>();
        list.add(new Breakpoint.EpisodeEnd(bpEpisodeEnd.isSelected()));
        list.add(new Breakpoint.GoalReached(bpGoal.isSelected()));
        double threshold;
        try {
            threshold = Double.parseDouble(deltaThreshold.getText().strip());
        } catch (NumberFormatException e) {
            threshold = -1;
        }
        boolean thresholdOk = threshold >= 0 && Double.isFinite(threshold);
        if (thresholdOk) {
            deltaThreshold.getStyleClass().remove("invalid");
            deltaThreshold.setTooltip(new Tooltip("Stop when an update changes Q(x,u) by more than this"));
            list.add(new Breakpoint.DeltaQAbove(threshold, bpDelta.isSelected()));
        } else {
            if (!deltaThreshold.getStyleClass().contains("invalid")) {
                deltaThreshold.getStyleClass().add("invalid");
            }
            deltaThreshold.setTooltip(new Tooltip("The threshold must be a number >= 0"));
        }
        if (chosenCell >= 0) {
            list.add(new Breakpoint.EntersCell(chosenCell, bpCell.isSelected()));
        }
        debugger.setBreakpoints(list);
    }

    private void show(DebugFrame f) {
        if (f == null) {
            return;
        }
        message.setText(f.message());
        redrawMaze();
        Set<PseudocodeLine> executed = f.executed();
        for (Map.Entry<PseudocodeLine, Label> e : codeLines.entrySet()) {
            Label l = e.getValue();
            l.getStyleClass().removeAll("code-line-active", "code-line-next");
            if (executed.contains(e.getKey())) {
                l.getStyleClass().add("code-line-active");
            } else if (e.getKey() == f.nextLine()) {
                l.getStyleClass().add("code-line-next");
            }
        }
        activeLine = executed.isEmpty() ? codeLines.get(f.nextLine())
                : codeLines.get(executed.stream().max(Comparator.naturalOrder()).orElseThrow());
        // after the layout pass that gives the lines their new heights
        javafx.application.Platform.runLater(() -> scrollIntoView(activeLine));
        Layout layout = f.pane().layout();
        if (f.last().isPresent()) {
            DebugStep step = f.last().get();
            DynaUpdate u = step.update();
            double alpha = lab.params().alpha();
            double gamma = lab.params().gamma();
            values.get("kind").setText(step.isReal()
                    ? "real experience (step " + u.realStep() + ", episode " + u.episode() + ")"
                    : step.isUntried() ? "simulated: an action never tried here (Dyna-Q+ assumes x' = x, r = 0)"
                    : "simulated: Model(x,u), set at real step " + step.sourceRealStep());
            values.get("x").setText(cellName(layout, u.x()));
            values.get("u").setText(Action.of(u.u()).label());
            values.get("r").setText(fmt(u.reward()));
            values.get("x'").setText(cellName(layout, u.xNext()) + (u.terminal() ? " (goal: terminal)" : ""));
            values.get("Q(x,u) before").setText(fmt(u.qBefore()));
            values.get("max Q(x',.)").setText(fmt(u.maxNext()) + (u.terminal() ? " (terminal: 0)" : ""));
            values.get("TD target").setText(isPlus() && !step.isReal()
                    ? String.format(Locale.ROOT, "r + kappa sqrt(tau) + gamma max = %s + %s + %s x %s = %s",
                    fmt(u.reward()), fmt(u.bonus()), gamma, fmt(u.maxNext()), fmt(u.target()))
                    : String.format(Locale.ROOT, "r + gamma max = %s + %s x %s = %s",
                    fmt(u.reward()), gamma, fmt(u.maxNext()), fmt(u.target())));
            values.get("TD error").setText(String.format(Locale.ROOT, "target - Q(x,u) = %s", fmt(u.tdError())));
            values.get("Q(x,u) after").setText(String.format(Locale.ROOT, "Q + alpha x TD error = %s + %s x %s = %s",
                    fmt(u.qBefore()), alpha, fmt(u.tdError()), fmt(u.qAfter())));
        } else {
            values.values().forEach(v -> v.setText("-"));
        }
        modelTable.getItems().setAll(f.model());
        updatingTimeline = true;
        timeline.setMax(Math.max(1, f.head()));
        timeline.setValue(f.position());
        updatingTimeline = false;
        timelineLabel.setText(String.format(Locale.ROOT, "update %,d of %,d · episode %,d, step %,d · %d planning "
                + "pending · %d snapshot%s", f.position(), f.head(), f.pane().episode(), f.pane().stepsThisEpisode(),
                f.pending(), f.snapshots(), f.snapshots() == 1 ? "" : "s"));
    }

    private void redrawMaze() {
        DebugFrame f = debugger.frameProperty().get();
        if (f == null) {
            return;
        }
        PaneFrame pane = f.pane();
        ModelEntry selected = modelTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            pane = new PaneFrame(pane.n(), pane.layout(), pane.q(), pane.agent(), pane.trail(), pane.known(),
                    pane.visits(), selected.x() * 4 + selected.u(), selected.xNext(), pane.episode(),
                    pane.stepsThisEpisode(), pane.realSteps(), pane.updates(), pane.episodeLengths());
        }
        double maxAbs = 0;
        for (double v : pane.q()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        canvas.show(pane, DivergingScale.niceLimit(maxAbs));
    }
}
