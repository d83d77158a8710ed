package mbrllab.app.pilco;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.RunBudget;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.RunToolbar;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.Status;
import mbrllab.app.render.FxPen;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.app.render.ResizableCanvas;
import mbrllab.app.render.Theme;
import mbrllab.app.shell.SessionFields;
import mbrllab.core.budget.Budget;
import mbrllab.core.budget.Cost;
import mbrllab.io.PilcoRecording.Trial;

/**
 * The PILCO lab: the cart-pole swing-up learned in a handful of trials, with its predictions on show. Per trial the
 * predicted state distribution (mean +-2 sd) against the real rollout, the predicted expected cost per step against
 * the real cost, the replay with the predicted pole-tip ellipse; the cost per trial (predicted +-2 sd against actual)
 * with the total experience; a trial selector; a live run in the background with the policy search's progress and
 * Cancel; the learned policy replayed from another start. Views only: the state is in {@link PilcoViewModel}.
 */
public final class PilcoLab extends BaseLab implements SessionState {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("pilco", "PILCO",
            "PILCO: the cart-pole swing-up learned in a few trials from a GP model, with its predictions on show",
            PilcoLab::new);

    static final RunToolbar.Tips TIPS = new RunToolbar.Tips(
            "Play or pause the replay of the trial on show (Space)",
            "One control step of 0.1 s of the replay (Right arrow)",
            "Back to the start of the replay (Ctrl+R)",
            "Replay speed: 10 steps/s is real time", "Seed of a live run; applied on Start. Same seed, same run.");

    private final PilcoViewModel model;
    private final Status status;
    private final ReplayCanvas canvas = new ReplayCanvas();
    private final ChartViewer statesViewer = new ChartViewer(PilcoCharts.states(null, false, -1, 1, Theme.NORMAL));
    private final ChartViewer costStepViewer = new ChartViewer(PilcoCharts.costPerStep(null, -1, 1, Theme.NORMAL));
    private final ChartViewer costTrialViewer = new ChartViewer(PilcoCharts.costPerTrial(null, 0, 1, Theme.NORMAL));
    private final Label runSummary = new Label(" ");
    private final Label searchLabel = new Label(" ");
    private final ListView<String> trialList = new ListView<>();
    private final TextField startX = new TextField("0");
    private final TextField startTheta = new TextField("0");
    private final Button replayFrom = new Button("Replay from this start");
    private final Button ownStart = new Button("Trial's own start");
    private final Button startButton = new Button("Start");
    private final Button cancelButton = new Button("Cancel");
    private final Label timeLabel = new Label("t = 0.0 s");
    private boolean updatingList;
    private double fontScale = 1;
    private boolean highContrast;

    /** Opens the lab on the recorded PILCO run. */
    public PilcoLab(LabContext context) {
        this.status = context.status();
        this.model = new PilcoViewModel(context.dispatcher(), context.background().coordinators(),
                context.background().workers());
        statesViewer.setId("pilcoStatesChart");
        NoRoomForChart.install(statesViewer);
        NoRoomForChart.install(costStepViewer);
        NoRoomForChart.install(costTrialViewer);
        // the state axes' labels fit their subplots' heights, after each drawing of the chart on show
        fitStateLabelsAfterDrawing(statesViewer.getChart());
        costStepViewer.setId("pilcoCostStepChart");
        costTrialViewer.setId("pilcoCostTrialChart");
        canvas.setId("pilcoReplayCanvas");
        for (ChartViewer v : List.of(statesViewer, costStepViewer, costTrialViewer)) {
            v.setMinSize(120, 100);
        }
        runSummary.setId("pilcoRunSummary");
        runSummary.setWrapText(true);
        runSummary.getStyleClass().add("note");
        runSummary.setMinHeight(Region.USE_PREF_SIZE);

        GridPane top = new GridPane();
        top.setHgap(6);
        top.getColumnConstraints().addAll(percent(50), percent(50));
        VBox canvasBox = new VBox(canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        top.add(canvasBox, 0, 0);
        top.add(Layouts.chartColumn(costTrialViewer, new Insets(0), runSummary), 1, 0);
        GridPane.setVgrow(canvasBox, Priority.ALWAYS);
        top.setPadding(new Insets(4, 6, 2, 6));
        GridPane bottom = new GridPane();
        bottom.setHgap(6);
        bottom.getColumnConstraints().addAll(percent(55), percent(45));
        CheckBox velocities = new CheckBox("Show x' and θ' too");
        velocities.setId("pilcoVelocitiesCheck");
        velocities.selectedProperty().bindBidirectional(model.velocitiesProperty());
        VBox statesColumn = Layouts.chartColumn(statesViewer, new Insets(0), velocities);
        bottom.add(statesColumn, 0, 0);
        bottom.add(costStepViewer, 1, 0);
        GridPane.setVgrow(statesColumn, Priority.ALWAYS);
        GridPane.setVgrow(costStepViewer, Priority.ALWAYS);
        bottom.setPadding(new Insets(2, 6, 4, 6));
        top.getRowConstraints().add(grow());
        bottom.getRowConstraints().add(grow());
        Node main = Layouts.pictureOverChart(top, bottom, 0.5);
        Node side = sidePanel();
        VBox root = new VBox(Layouts.withSidePanel(main, side, 0.7));
        VBox.setVgrow(root.getChildren().get(0), Priority.ALWAYS);
        root.setId("pilcoLab");
        root.getStyleClass().addAll("lab", "pilco-lab");
        root.getProperties().put(PilcoLab.class, this);
        timeLabel.setId("pilcoTimeLabel");
        timeLabel.setMinWidth(Region.USE_PREF_SIZE);
        install(root, main, RunToolbar.build(model.playback(), controls(), TIPS, timeLabel));

        model.frameProperty().addListener((o, a, b) -> showFrame(b));
        model.shownProperty().addListener((o, a, b) -> showTrajectory());
        model.velocitiesProperty().addListener((o, a, b) -> showTrajectory());
        model.experiment().snapshotProperty().addListener((o, a, b) -> showRun());
        model.selectedProperty().addListener((o, a, b) -> showSelection());
        model.experiment().runningProperty().addListener((o, a, b) -> showProgress());
        model.searchProperty().addListener((o, a, b) -> showProgress());
        model.experiment().messageProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                status.setMessage(b);
            }
        });
        model.start();
        showRun();
        showProgress();
    }

    private static ColumnConstraints percent(double p) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(p);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static javafx.scene.layout.RowConstraints grow() {
        javafx.scene.layout.RowConstraints r = new javafx.scene.layout.RowConstraints();
        r.setVgrow(Priority.ALWAYS);
        r.setFillHeight(true);
        return r;
    }

    private Node sidePanel() {
        ChoiceBox<PilcoLabSettings.Source> source = new ChoiceBox<>();
        source.getItems().setAll(PilcoLabSettings.Source.values());
        source.valueProperty().bindBidirectional(model.sourceProperty());
        source.setId("pilcoSourceChoice");
        source.setTooltip(new Tooltip("A run recorded by 'pilco --record' (shown at once), or a run computed here "
                + "with the seed (minutes)"));
        source.setMaxWidth(Double.MAX_VALUE);
        ChoiceBox<PilcoLabSettings.Loop> loop = new ChoiceBox<>();
        loop.getItems().setAll(PilcoLabSettings.Loop.values());
        loop.valueProperty().bindBidirectional(model.loopProperty());
        loop.setId("pilcoLoopChoice");
        loop.setTooltip(new Tooltip("Moment matching carries the model's uncertainty through the 40 steps; the GP "
                + "mean alone trusts the model where it has no data"));
        loop.setMaxWidth(Double.MAX_VALUE);
        int budgeted = PilcoLabSettings.budgetedTrials(PilcoLabSettings.Loop.MOMENT, RunBudget.workers());
        Spinner<Integer> trials = new Spinner<>(2, budgeted, Math.min(budgeted, model.trialsProperty().get()));
        trials.setId("pilcoTrialsSpinner");
        trials.setPrefWidth(90);
        trials.getValueFactory().valueProperty().addListener((o, a, b) -> model.trialsProperty().set(b));
        model.trialsProperty().addListener((o, a, b) -> trials.getValueFactory().setValue(b.intValue()));
        trials.disableProperty().bind(model.sourceProperty().isEqualTo(PilcoLabSettings.Source.RECORDED));
        trials.setTooltip(new Tooltip("Trials of a live run, the random one included; at most " + budgeted
                + " here, within the app's budget of about " + Cost.duration(Budget.STANDARD_SECONDS)
                + " of work on this machine (the command line runs more with --allow-long)"));
        startButton.setId("pilcoStartButton");
        startButton.setOnAction(e -> model.start());
        startButton.setTooltip(new Tooltip("Show the recorded run, or compute a live one with the seed"));
        cancelButton.setId("pilcoCancelButton");
        cancelButton.setOnAction(e -> model.cancel());
        cancelButton.disableProperty().bind(model.experiment().runningProperty().not());
        cancelButton.setTooltip(new Tooltip("Stop the live run; the trials finished stay"));
        searchLabel.setId("pilcoSearchLabel");
        searchLabel.setWrapText(true);
        searchLabel.setMinHeight(Region.USE_PREF_SIZE);
        HBox trialsRow = new HBox(6, new Label("Trials"), trials);
        trialsRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox buttons = new HBox(6, startButton, cancelButton);

        trialList.setId("pilcoTrialList");
        trialList.setPrefHeight(150);
        trialList.setMinHeight(80);
        trialList.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!updatingList && b.intValue() >= 0) {
                model.selectTrial(b.intValue() + 1);
            }
        });
        trialList.setTooltip(new Tooltip("Pick a trial: its prediction, its rollout and its replay (✓: a success)"));
        // A row wraps at the list's width instead of widening the list: no horizontal scroll bar over the last row.
        trialList.setCellFactory(v -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.setPrefWidth(0);
            return cell;
        });

        startX.setId("pilcoStartX");
        startX.setPrefColumnCount(4);
        startTheta.setId("pilcoStartTheta");
        startTheta.setPrefColumnCount(4);
        replayFrom.setId("pilcoReplayFromButton");
        replayFrom.setOnAction(e -> replayFromFields());
        replayFrom.setTooltip(new Tooltip("Run the selected trial's learned policy on the real system from this "
                + "start, at rest (x in m, θ in degrees, 0 hanging, 180 upright), and predict it on the trial's "
                + "model from there"));
        replayFrom.setMaxWidth(Double.MAX_VALUE);
        // on two lines where the panel is narrow ("Replay from this ..." at 1024x768 with text 1.5)
        for (Button b : List.of(replayFrom, ownStart)) {
            b.setWrapText(true);
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            b.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        ownStart.setId("pilcoOwnStartButton");
        ownStart.setOnAction(e -> model.ownStart());
        ownStart.setMaxWidth(Double.MAX_VALUE);
        GridPane startGrid = new GridPane();
        startGrid.setHgap(6);
        startGrid.setVgap(4);
        startGrid.addRow(0, new Label("x [m]"), startX);
        startGrid.addRow(1, new Label("θ [°]"), startTheta);

        Label runTitle = title("Run");
        Label trialTitle = title("Trials");
        VBox startBox = new VBox(6, startGrid, replayFrom, ownStart);
        javafx.scene.control.TitledPane startPane = new javafx.scene.control.TitledPane("Another start",
                startBox);
        startPane.setId("pilcoStartPane");
        startPane.setExpanded(false);
        startPane.setAnimated(false);
        startPane.setMinWidth(0);
        startPane.setTooltip(new Tooltip("The selected trial's learned policy from a start you choose"));
        trialList.setMinWidth(0);
        source.setMinWidth(0);
        loop.setMinWidth(0);
        VBox side = new VBox(6, runTitle, source, loop, trialsRow, buttons, searchLabel, new Separator(), trialTitle,
                trialList, startPane);
        VBox.setVgrow(trialList, Priority.ALWAYS);
        side.setPadding(new Insets(6, 8, 6, 8));
        side.setMinWidth(0);
        side.getStyleClass().add("side-panel");
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        return l;
    }

    /** Replays the selected trial's policy from the start in the fields; a bad field is named in the status bar. */
    void replayFromFields() {
        double x;
        double thetaDegrees;
        try {
            x = Double.parseDouble(startX.getText().trim());
        } catch (NumberFormatException e) {
            status.setMessage("Start x: not a number: '" + startX.getText() + "'");
            return;
        }
        try {
            thetaDegrees = Double.parseDouble(startTheta.getText().trim());
        } catch (NumberFormatException e) {
            status.setMessage("Start θ: not a number: '" + startTheta.getText() + "'");
            return;
        }
        if (!(Math.abs(x) <= 2)) {
            status.setMessage("Start x must be in -2..2 m, got " + startX.getText());
            return;
        }
        if (!(Math.abs(thetaDegrees) <= 360)) {
            status.setMessage("Start θ must be in -360..360 degrees, got " + startTheta.getText());
            return;
        }
        if (!model.replayFrom(new double[] {x, 0, Math.toRadians(thetaDegrees), 0})) {
            status.setMessage("Trial 1 applied random forces: pick a learning trial to replay its policy");
        }
    }

    /** The view model (tests reach the lab's state through it). */
    PilcoViewModel model() {
        return model;
    }

    @Override
    public RunControls controls() {
        return new RunControls(model.playback()::togglePlay, model.playback()::step, model::rewind);
    }

    private void showFrame(Publication<PilcoViewModel.ReplayFrame> p) {
        canvas.draw();
        double t = p == null ? -1 : p.frame().t() * 0.1;
        timeLabel.setText(p == null ? "t = 0.0 s" : String.format(Locale.ROOT, "t = %.1f s", t));
        PilcoCharts.setTime(statesViewer.getChart(), t, theme());
        PilcoCharts.setTime(costStepViewer.getChart(), t, theme());
    }

    private void fitStateLabelsAfterDrawing(org.jfree.chart.JFreeChart chart) {
        mbrllab.app.render.AfterDrawing.fit(chart, () -> {
            if (statesViewer.getChart() == chart) { // the rendering info is the chart's on show
                PilcoCharts.fitStateLabels(chart, statesViewer.getCanvas().getRenderingInfo());
            }
        });
    }

    private double time() {
        Publication<PilcoViewModel.ReplayFrame> p = model.frameProperty().get();
        return p == null ? -1 : p.frame().t() * 0.1;
    }

    private void showTrajectory() {
        PilcoViewModel.Shown s = model.shownProperty().get();
        statesViewer.setChart(PilcoCharts.states(s, model.velocitiesProperty().get(), time(), fontScale, theme()));
        fitStateLabelsAfterDrawing(statesViewer.getChart());
        costStepViewer.setChart(PilcoCharts.costPerStep(s, time(), fontScale, theme()));
        canvas.draw();
    }

    private void showRun() {
        PilcoViewModel.Run r = model.run();
        costTrialViewer.setChart(PilcoCharts.costPerTrial(r, model.selectedProperty().get(), fontScale, theme()));
        runSummary.setText(PilcoCharts.summary(r));
        List<String> items = new ArrayList<>();
        if (r != null) {
            for (Trial t : r.trials()) {
                items.add(trialText(t));
            }
        }
        updatingList = true;
        try {
            trialList.getItems().setAll(items);
        } finally {
            updatingList = false;
        }
        showSelection();
    }

    static String trialText(Trial t) {
        String mark = t.success() ? " ✓" : "";
        if (t.isRandom()) {
            return String.format(Locale.ROOT, "1 · cost %.1f (random)%s", t.actualCost(), mark);
        }
        return String.format(Locale.ROOT, "%d · cost %.1f%s", t.trial(), t.actualCost(), mark);
    }

    private void showSelection() {
        int k = model.selectedProperty().get();
        updatingList = true;
        try {
            if (k >= 1 && k <= trialList.getItems().size()) {
                trialList.getSelectionModel().select(k - 1);
                trialList.scrollTo(k - 1);
            } else {
                trialList.getSelectionModel().clearSelection();
            }
        } finally {
            updatingList = false;
        }
        costTrialViewer.setChart(PilcoCharts.costPerTrial(model.run(), k, fontScale, theme()));
    }

    private void showProgress() {
        boolean running = model.experiment().runningProperty().get();
        PilcoViewModel.Search s = model.searchProperty().get();
        PilcoViewModel.Run r = model.run();
        int done = r == null ? 0 : r.trials().size();
        String text = s == null ? (running ? "Trial " + (done + 1) + ": starting" : " ") : s.text();
        searchLabel.setText(text);
        if (running) {
            status.showProgress(s == null ? 0 : s.fraction(done), text, model::cancel);
        } else {
            status.hideProgress();
        }
    }

    @Override
    public void setFontScale(double scale) {
        fontScale = scale;
        showTrajectory();
        showSelection();
    }

    @Override
    public void setHighContrast(boolean on) {
        highContrast = on;
        canvas.draw();
        showTrajectory();
        showSelection();
    }

    private Theme theme() {
        return Theme.of(highContrast);
    }

    @Override
    public void dispose() {
        model.shutdown();
    }

    /** The replay (PNG/SVG, CSV of the trajectory with its prediction) and the three charts. */
    @Override
    public List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        PilcoViewModel.Shown s = model.shownProperty().get();
        if (s == null) {
            return targets;
        }
        double w = Math.max(400, canvas.getWidth());
        double h = Math.max(260, canvas.getHeight());
        PilcoViewModel.ReplayFrame f = frame();
        targets.add(new ExportTarget("pilco-replay", "Replay with the predicted pole tip",
                () -> Exports.png2x(w, h, pen -> ReplayPicture.draw(pen, w, h, f, fontScale, highContrast)),
                () -> Exports.svg(w, h, pen -> ReplayPicture.draw(pen, w, h, f, fontScale, highContrast)),
                () -> PilcoCharts.trajectoryCsv(s)));
        targets.add(chart("pilco-states", "Predicted states against the real rollout", statesViewer,
                () -> PilcoCharts.trajectoryCsv(s)));
        targets.add(chart("pilco-cost-per-step", "Predicted cost per step against the real cost", costStepViewer,
                () -> PilcoCharts.trajectoryCsv(s)));
        PilcoViewModel.Run r = model.run();
        targets.add(chart("pilco-cost-per-trial", "Cost per trial", costTrialViewer, () -> PilcoCharts.trialsCsv(r)));
        return targets;
    }

    private static ExportTarget chart(String name, String title, ChartViewer viewer,
                                      java.util.function.Supplier<String> csv) {
        JFreeChart c = viewer.getChart();
        double w = Math.max(600, viewer.getWidth());
        double h = Math.max(380, viewer.getHeight());
        // at least 380 px high: the state axes' labels with their units, whatever was fitted to the screen (the
        // screen's chart fits them again when it is next drawn)
        return new ExportTarget(name, title, () -> {
            PilcoCharts.fullStateLabels(c);
            return Exports.chartPng2x(c, w, h);
        }, () -> {
            PilcoCharts.fullStateLabels(c);
            return Exports.chartSvg(c, w, h);
        }, csv);
    }

    private PilcoViewModel.ReplayFrame frame() {
        Publication<PilcoViewModel.ReplayFrame> p = model.frameProperty().get();
        return p == null ? null : p.frame();
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(this);
    }

    @Override
    public ObjectNode toSettings() {
        return model.settings().toJson();
    }

    @Override
    public Optional<String> applySettings(JsonNode settings) {
        return SessionFields.applyIfValid(settings, PilcoLabSettings::fromJson, p -> {
            if (p.start() != null) {
                startX.setText(Double.toString(p.start()[0]));
                startTheta.setText(Long.toString(Math.round(Math.toDegrees(p.start()[2]))));
            }
            model.apply(p);
        });
    }

    /** The replay on the screen. */
    private final class ReplayCanvas extends ResizableCanvas {
        ReplayCanvas() {
            super(480, 280, 200, 140);
        }

        @Override
        protected void draw() {
            double w = getWidth();
            double h = getHeight();
            if (w <= 0 || h <= 0) {
                return;
            }
            ReplayPicture.draw(new FxPen(getGraphicsContext2D()), w, h, frame(), fontScale, highContrast);
        }
    }
}
