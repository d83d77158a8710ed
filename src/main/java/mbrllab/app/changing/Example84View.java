package mbrllab.app.changing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.controls.TextMeasure;
import mbrllab.app.controls.ValidatedField;
import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.Presenter;
import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.app.render.Theme;
import mbrllab.charts.Palette;
import mbrllab.charts.UpdatesToOptimalChart;
import mbrllab.core.dyna.AgentKind;
import mbrllab.core.dyna.UpdatesToOptimal;
import mbrllab.core.dyna.UpdatesToOptimalSpec;

/**
 * The Example 8.4 tab: updates until an optimal solution against maze size, Dyna-Q against prioritized sweeping, on
 * the Dyna-maze at 1x to 6x resolution, as a chart and a table. Computed the first time the tab is shown, and again
 * on Compute; progress and Cancel are in the status bar. Views only: state lives in {@link Example84Model}.
 */
final class Example84View {

    /** One row of the table: a maze and each agent's result on it. */
    record Row(String maze, int states, String dynaQ, String sweeping, String censored) {
    }

    private final Example84Model model;
    private final ChangingMazeViewModel lab;
    private final VBox root = new VBox(6);
    private final ChartViewer chartViewer;
    private final TableView<Row> table = new TableView<>();
    /** Why Compute did nothing (over the budget); shown only then. */
    private final Label refusal = new Label();
    private final ValidatedField<Integer> runs;
    private double fontScale = 1;
    private boolean highContrast;
    private boolean started;
    private boolean presenter;
    private final Label intro;
    private final Label note;
    private final List<TableColumn<Row, String>> columns;
    /** The columns' titles, whole and (where the tab is small for the text size) short. */
    private static final String[] COLUMN_TITLES = {"Maze", "States", "Dyna-Q updates", "Prioritized sweeping updates",
        "Not optimal (DQ / PS)"};
    /** The columns' least widths at text size 1: the names, the counts and the short titles whole. */
    private static final double[] COLUMN_WIDTHS = {90, 54, 130, 130, 82};
    private static final String[] COLUMN_TITLES_SHORT = {"Maze", "States", "Dyna-Q", "Prior. sweeping",
        "Not optimal"};
    /**
     * Below this many pixels per unit of text size (1024x768 with text 1.5 outside presenter mode) the intro and the
     * note are left to the chart's and the table's tooltips and the columns take short titles: under them the chart
     * had 80 px of plot, its axis label longer than the plot, and the columns read "Prioritized sw..." and
     * "Not optimal (...".
     */
    static final double COMPACT_WIDTH = 700;
    /** See {@link #COMPACT_WIDTH}. */
    static final double COMPACT_HEIGHT = 560;

    Example84View(Example84Model model, ChangingMazeViewModel lab) {
        this.model = model;
        this.lab = lab;
        root.setPadding(new Insets(8));
        root.setId("example84View");
        intro = new Label("Sutton and Barto, Example 8.4: how many Q updates Dyna-Q and prioritized sweeping "
                + "need before their greedy policy is optimal, on the Dyna-maze at 1x to 6x resolution (47 to 1,692 "
                + "states). Both make at most n = 5 planning updates per real step (alpha "
                + UpdatesToOptimalSpec.EXAMPLE_84_ALPHA + ", gamma 0.95, epsilon 0.1; theta "
                + ChangingOptions.fmt(UpdatesToOptimalSpec.EXAMPLE_84_THETA) + "). Optimal: at the end of an "
                + "episode every greedy policy reaches G in the fewest steps. The seed is the lab's.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        runs = new ValidatedField<>("example84RunsField", "Runs per maze", "Independent runs on every maze, 1.."
                + Example84Model.MAX_RUNS + "; a few finish in seconds, the command line's figure example-8.4 used 100",
                ValidatedField.integer("runs", 1, Example84Model.MAX_RUNS), Integer.toString(lab.example84Runs()));
        runs.field().setPrefColumnCount(6);
        lab.configVersionProperty().addListener((o, a, b) -> runs.setText(Integer.toString(lab.example84Runs())));
        Button compute = new Button("Compute");
        compute.setId("computeExample84Button");
        compute.disableProperty().bind(runs.validProperty().not());
        compute.setTooltip(new Tooltip("Run the comparison in the background (Cancel in the status bar)"));
        compute.setOnAction(e -> compute());
        HBox controls = new HBox(12, runs.view(), compute);
        controls.setAlignment(Pos.BOTTOM_LEFT);

        chartViewer = new ChartViewer(createChart(null));
        chartViewer.setId("example84Chart");
        NoRoomForChart.install(chartViewer);
        chartViewer.setMinHeight(200);
        VBox.setVgrow(chartViewer, Priority.ALWAYS);

        table.setId("example84Table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("Not computed yet"));
        TableColumn<Row, String> states = column("States", r -> Integer.toString(r.states()));
        columns = List.of(column(COLUMN_TITLES[0], Row::maze), states, column(COLUMN_TITLES[2], Row::dynaQ),
                column(COLUMN_TITLES[3], Row::sweeping), column(COLUMN_TITLES[4], Row::censored));
        table.getColumns().setAll(columns);
        table.setPrefHeight(190);
        table.setMinHeight(120);
        note = new Label("Updates: mean +- standard error over the runs. Prioritized sweeping spends its updates "
                + "where values are changing, working backwards from the goal through the model's predecessors, so it "
                + "needs several times fewer updates on every size (the saving in updates grows with the maze). Runs "
                + "that found no optimal policy within 2,000,000 real steps are left out of the means (counted in the "
                + "last column, Dyna-Q / prioritized sweeping).");
        note.setWrapText(true);
        note.getStyleClass().add("note");
        note.setMinHeight(Region.USE_PREF_SIZE);
        refusal.setId("example84Refusal");
        refusal.setWrapText(true);
        refusal.getStyleClass().add("field-error");
        refusal.setMinHeight(Region.USE_PREF_SIZE);
        refusal.managedProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.visibleProperty().bind(refusal.managedProperty());
        root.getChildren().setAll(intro, controls, refusal, chartViewer, table, note);
        // On the projector the lecturer says what the intro and the note say; the chart takes their room (at 1024x768,
        // text 1.5 it had 75 px of plot under them). So too where the tab is small for the text size.
        Presenter.follow(root, on -> {
            presenter = on;
            arrange();
        });
        root.widthProperty().addListener((o, a, b) -> arrange());
        for (TableColumn<Row, String> c : columns) {
            c.widthProperty().addListener((o, a, b) -> fitTitles());
        }
        root.heightProperty().addListener((o, a, b) -> arrange());
        Tooltip.install(chartViewer, new Tooltip(intro.getText()));
        Tooltip noteTip = new Tooltip(note.getText());
        noteTip.setWrapText(true);
        noteTip.setMaxWidth(520);
        table.setTooltip(noteTip);
        model.resultProperty().addListener((o, a, b) -> showResult());
        // The title says what is going on: computing, or the result, or that there is none yet.
        model.runningProperty().addListener((o, a, b) -> {
            chartViewer.setChart(createChart(model.resultProperty().get()));
            table.setPlaceholder(new Label(b ? "Computing..." : "Not computed yet"));
        });
    }

    private static TableColumn<Row, String> column(String title, java.util.function.Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(e -> new javafx.beans.property.SimpleStringProperty(value.apply(e.getValue())));
        c.setSortable(false);
        return c;
    }

    Node view() {
        return root;
    }

    /** Whether the intro and the note are left out and the columns have their short titles now. */
    boolean isCompact() {
        return !intro.isManaged();
    }

    private void arrange() {
        boolean cramped = Layouts.cramped(root, fontScale, COMPACT_WIDTH, COMPACT_HEIGHT);
        boolean hide = presenter || cramped;
        for (Node n : new Node[] {intro, note}) {
            n.setVisible(!hide);
            n.setManaged(!hide);
        }
        // the means +- standard errors (up to "1,234,567 +- 123,456") get the width the short counts do not need
        for (int i = 0; i < columns.size(); i++) {
            columns.get(i).setPrefWidth(COLUMN_WIDTHS[i] * fontScale);
            columns.get(i).setMinWidth(COLUMN_WIDTHS[i] * fontScale);
        }
        fitTitles();
    }

    /**
     * Each column's whole title where the layout is not cramped and the column is wide enough for it, else its short
     * one: at 1024x768 with text 1.0 the whole "Not optimal (DQ / PS)" showed "Not optimal (DQ /..." in its 82 px.
     */
    private void fitTitles() {
        boolean cramped = Layouts.cramped(root, fontScale, COMPACT_WIDTH, COMPACT_HEIGHT);
        Node header = table.lookup(".column-header .label");
        javafx.scene.text.Font font = header instanceof Label l ? l.getFont() : javafx.scene.text.Font.getDefault();
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<Row, String> c = columns.get(i);
            // the header's padding and a little room (the width is known after the table's first layout)
            boolean fits = header != null && TextMeasure.width(COLUMN_TITLES[i], font) + 14 <= c.getWidth();
            String title = !cramped && fits ? COLUMN_TITLES[i] : COLUMN_TITLES_SHORT[i];
            if (!title.equals(c.getText())) {
                c.setText(title);
            }
        }
    }

    /** Starts the comparison the first time the tab is shown. */
    void computeOnFirstVisit() {
        if (!started) {
            compute();
        }
    }

    /** Starts the comparison with the runs in the field (the lab's own count when the field is invalid). */
    void compute() {
        started = true;
        try {
            lab.computeExample84(runs.value().orElse(lab.example84Runs()));
            refusal.setText("");
        } catch (IllegalArgumentException e) { // over the budget: said under the field, the last result kept
            refusal.setText("Not computed: " + e.getMessage());
        }
    }

    void setFontScale(double scale) {
        fontScale = scale;
        arrange();
        chartViewer.setChart(createChart(model.resultProperty().get()));
    }

    void setHighContrast(boolean on) {
        highContrast = on;
        chartViewer.setChart(createChart(model.resultProperty().get()));
    }

    /** The chart of {@code result} as the tab shows it now (computing or not). */
    private JFreeChart createChart(UpdatesToOptimal result) {
        return createChart(result, model.runningProperty().get());
    }

    private JFreeChart createChart(UpdatesToOptimal result, boolean running) {
        YIntervalSeriesCollection data = result == null ? new YIntervalSeriesCollection()
                : UpdatesToOptimalChart.dataset(result);
        JFreeChart chart = UpdatesToOptimalChart.create(title(result, running, model.runs()),
                data, fontScale);
        // short enough for a plot 150 px high at text 1.5 (the longer "Updates until optimal (log scale)" was cut)
        chart.getXYPlot().getRangeAxis().setLabel("Q updates (log)");
        // Prioritized sweeping keeps the colour of its pane in the first tab.
        chart.getXYPlot().getRenderer().setSeriesPaint(1, Palette.categorical(
                ChangingMazesLab.colour(AgentKind.PRIORITIZED_SWEEPING)));
        ChartThemes.apply(chart, fontScale, Theme.of(highContrast));
        return chart;
    }

    /**
     * The chart's title: the result's, with "computing again" while a new comparison runs; without a result,
     * "computing" while one runs and "press Compute" only when none does.
     */
    static String title(UpdatesToOptimal result, boolean running, int runs) {
        if (result == null) {
            return running ? String.format(Locale.ROOT, "Example 8.4 (computing %d runs per maze...)", runs)
                    : "Example 8.4 (press Compute)";
        }
        return String.format(Locale.ROOT, "Example 8.4: mean of %d runs per maze, 95%% confidence%s", result.runs(),
                running ? " (computing again...)" : "");
    }

    private void showResult() {
        UpdatesToOptimal r = model.resultProperty().get();
        chartViewer.setChart(createChart(r));
        List<Row> rows = new ArrayList<>();
        if (r != null) {
            for (int m = 0; m < r.mazeNames().size(); m++) {
                rows.add(new Row(r.mazeNames().get(m), r.states().get(m), meanText(r, m, 0), meanText(r, m, 1),
                        r.censored(m, 0) + " / " + r.censored(m, 1)));
            }
        }
        table.getItems().setAll(rows);
    }

    private static String meanText(UpdatesToOptimal r, int maze, int agent) {
        double mean = r.mean(maze, agent);
        if (Double.isNaN(mean)) {
            return "none optimal";
        }
        return String.format(Locale.ROOT, "%,.0f +- %,.0f", mean, r.standardError(maze, agent));
    }

    /** The chart, once computed: PNG, SVG, and the CSV of {@code figure example-8.4}. */
    List<ExportTarget> exportTargets() {
        UpdatesToOptimal r = model.resultProperty().get();
        if (r == null) {
            return List.of();
        }
        double w = Math.max(720, chartViewer.getWidth());
        double h = Math.max(440, chartViewer.getHeight());
        return List.of(new ExportTarget("example-8.4", "Example 8.4 chart",
                () -> Exports.chartPng2x(createChart(r, false), w, h),
                () -> Exports.chartSvg(createChart(r, false), w, h),
                r::toCsv));
    }
}
