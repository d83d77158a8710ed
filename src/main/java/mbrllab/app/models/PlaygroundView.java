package mbrllab.app.models;

import java.awt.geom.Rectangle2D;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

import mbrllab.app.controls.ValidatedField;
import mbrllab.app.lab.Layouts;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.NoiseKind;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.models.TargetFunction;

/**
 * The 1-D playground: the chart of the data and the models (click to add a point, right-click to remove the
 * nearest), the chart of the standard deviations, and a side panel with the data generator, the model choice
 * and what the fit found. Views only: state lives in {@link PlaygroundViewModel}.
 */
final class PlaygroundView {

    private final PlaygroundViewModel model;
    private final BorderPane root = new BorderPane();
    private final JFreeChart mainChart = PlaygroundCharts.createMain();
    private final JFreeChart sigmaChart = PlaygroundCharts.createSigma();
    private final ChartViewer mainViewer = new ChartViewer(mainChart, false);
    private final ChartViewer sigmaViewer = new ChartViewer(sigmaChart, false);
    private final ComboBox<TargetFunction> function = new ComboBox<>();
    /** Homoscedastic or heteroscedastic noise: two radio buttons, whose text wraps in a narrow side panel. */
    private final ToggleGroup noise = new ToggleGroup();
    private final VBox noiseBox = new VBox(4);
    private final ValidatedField<Double> noiseLevel;
    private final ValidatedField<Integer> pointCount;
    private final CheckBox gap = new CheckBox("Gap in the inputs");
    private final Label gpInfo = new Label();
    private final Label ensembleInfo = new Label();
    private Look look = Look.normal();
    /** True while the controls are being set to the model's generator (their events are not the user's then). */
    private boolean showingGenerator;

    PlaygroundView(PlaygroundViewModel model) {
        this.model = model;
        root.setId("playground");
        mainViewer.setId("playgroundChart");
        sigmaViewer.setId("sigmaChart");
        NoRoomForChart.install(mainViewer);
        NoRoomForChart.install(sigmaViewer);
        for (ChartViewer v : new ChartViewer[] {mainViewer, sigmaViewer}) {
            ChartCanvas canvas = v.getCanvas();
            canvas.setDomainZoomable(false);
            canvas.setRangeZoomable(false);
            for (String id : new String[] {"zoom", "scroll", "pan"}) {
                if (canvas.getMouseHandler(id) != null) {
                    canvas.removeMouseHandler(canvas.getMouseHandler(id));
                }
            }
            v.addEventFilter(ScrollEvent.ANY, e -> { });
        }
        mainViewer.addEventFilter(MouseEvent.MOUSE_CLICKED, this::clicked);
        mainViewer.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, ContextMenuEvent::consume);
        mainViewer.setOnContextMenuRequested(ContextMenuEvent::consume);
        mainViewer.setMinHeight(220);
        sigmaViewer.setMinHeight(120);
        // the sigma plot is short under large text (about 20 px in presenter mode at text 2.0, where "sigma" was cut
        // to "sigm"): its axis label is the longest that fits, after each drawing
        mbrllab.app.render.AfterDrawing.fit(sigmaChart, this::fitSigmaLabel);

        Label hint = new Label("Click in the chart to add a point, right-click to remove the nearest one.");
        hint.getStyleClass().add("note");
        hint.setWrapText(true);
        // The hint folds into the chart's tooltip in presenter mode and when the chart would get less than its least.
        VBox top = Layouts.chartColumn(mainViewer, new Insets(4, 6, 2, 6), hint);
        VBox bottom = new VBox(sigmaViewer);
        VBox.setVgrow(sigmaViewer, Priority.ALWAYS);
        bottom.setPadding(new Insets(2, 6, 4, 6));
        SplitPane charts = Layouts.pictureOverChart(top, bottom, 0.68);

        PlaygroundData g = model.generatorProperty().get();
        noiseLevel = new ValidatedField<>("noiseLevelField", "Noise level", "Noise standard deviation in [0, 2] "
                + "(heteroscedastic: from 0.1 times it on the left to 2 times it on the right); Enter applies",
                ValidatedField.decimal("noise level", 0, false, 2), Double.toString(g.noiseLevel()));
        pointCount = new ValidatedField<>("pointsField", "Points drawn", "Number of points drawn by New data, 1.."
                + PlaygroundViewModel.MAX_POINTS + "; Enter applies", ValidatedField.integer("points", 1,
                PlaygroundViewModel.MAX_POINTS), Integer.toString(g.points()));
        root.setCenter(Layouts.withSidePanel(charts, sidePanel(), 0.75));
        model.fitProperty().addListener((o, a, b) -> redraw());
        model.generatorProperty().addListener((o, a, b) -> showGenerator(b));
        model.choiceProperty().addListener((o, a, b) -> redraw());
        model.priorSamplesProperty().addListener((o, a, b) -> redraw());
        model.posteriorSamplesProperty().addListener((o, a, b) -> redraw());
        model.memberCurvesProperty().addListener((o, a, b) -> redraw());
        showGenerator(g);
        redraw();
    }

    Node view() {
        return root;
    }

    /** The sigma axis' labels, longest first. */
    static final String[] SIGMA_LABELS = {"sigma", "σ", ""};

    private void fitSigmaLabel() {
        org.jfree.chart.ChartRenderingInfo info = sigmaViewer.getCanvas().getRenderingInfo();
        if (info != null && info.getPlotInfo().getDataArea().getHeight() > 0) {
            mbrllab.charts.AxisLabels.fit(sigmaChart.getXYPlot().getRangeAxis(),
                    info.getPlotInfo().getDataArea().getHeight(), SIGMA_LABELS);
        }
    }

    /** The sigma axis' whole label, for an export at least 200 px high (the screen's chart fits it again when drawn). */
    void wholeSigmaLabel() {
        mbrllab.charts.AxisLabels.fit(sigmaChart.getXYPlot().getRangeAxis(), Double.MAX_VALUE, SIGMA_LABELS[0]);
    }

    JFreeChart mainChart() {
        return mainChart;
    }

    JFreeChart sigmaChart() {
        return sigmaChart;
    }

    ChartViewer mainViewer() {
        return mainViewer;
    }

    ChartViewer sigmaViewer() {
        return sigmaViewer;
    }

    void setLook(Look newLook) {
        look = newLook;
        redraw();
    }

    private Node sidePanel() {
        function.setId("functionBox");
        function.getItems().setAll(TargetFunction.values());
        function.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TargetFunction f) {
                return f == null ? "" : f.formula();
            }

            @Override
            public TargetFunction fromString(String s) {
                return null;
            }
        });
        function.setMaxWidth(Double.MAX_VALUE);
        noiseBox.setId("noiseBox");
        noiseBox.getChildren().setAll(
                radio("homoscedasticToggle", "homoscedastic (same everywhere)", NoiseKind.HOMOSCEDASTIC, noise,
                        "The noise has the same standard deviation at every input"),
                radio("heteroscedasticToggle", "heteroscedastic (grows to the right)", NoiseKind.HETEROSCEDASTIC, noise,
                        "The noise's standard deviation grows with the input"));
        for (javafx.scene.Node b : noiseBox.getChildren()) {
            ((RadioButton) b).setWrapText(true);
            ((RadioButton) b).setOnAction(e -> applyGenerator());
        }
        gap.setId("gapCheck");
        gap.setTooltip(new Tooltip("No inputs in [-0.5, 1.5): watch the epistemic band open up there"));
        function.setOnAction(e -> applyGenerator());
        gap.setOnAction(e -> applyGenerator());
        noiseLevel.field().setOnAction(e -> applyGenerator());
        pointCount.field().setOnAction(e -> applyGenerator());
        Button newData = new Button("New data");
        // In a narrow side panel the row wraps (a FlowPane below): the buttons keep their text whole.
        newData.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        newData.setId("newDataButton");
        newData.setTooltip(new Tooltip("Draw fresh points from the function and noise with the seed (Ctrl+R)"));
        newData.setOnAction(e -> {
            PlaygroundData g = controlsGenerator();
            if (g != null && !g.equals(model.generatorProperty().get())) {
                model.setGenerator(g); // draws the new points itself
            } else {
                model.newData();
            }
        });
        Button clear = new Button("Clear points");
        clear.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        clear.setId("clearPointsButton");
        clear.setOnAction(e -> model.clearPoints());

        ToggleGroup group = new ToggleGroup();
        RadioButton showGp = radio("showGpToggle", ModelChoice.GP.label(), ModelChoice.GP, group,
                "Gaussian process: zero mean, squared-exponential kernel, hyperparameters by maximum marginal "
                + "likelihood");
        RadioButton showEnsemble = radio("showEnsembleToggle", ModelChoice.ENSEMBLE.label(), ModelChoice.ENSEMBLE,
                group, "5 bootstrapped nets, each predicting a mean and a variance");
        RadioButton showBoth = radio("showBothToggle", ModelChoice.BOTH.label(), ModelChoice.BOTH, group,
                "Both models over each other");
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.choiceProperty().set((ModelChoice) b.getUserData());
            }
        });
        model.choiceProperty().addListener((o, a, b) -> selectToggle(group, b));
        selectToggle(group, model.choiceProperty().get());
        CheckBox prior = check("priorSamplesCheck", "GP prior samples", model.priorSamplesProperty(),
                "Functions drawn from the GP prior with the fitted hyperparameters: what the GP believes before data");
        CheckBox posterior = check("posteriorSamplesCheck", "GP posterior samples", model.posteriorSamplesProperty(),
                "Functions drawn from the GP posterior: they agree near the data and spread away from it");
        CheckBox members = check("memberCurvesCheck", "Ensemble members", model.memberCurvesProperty(),
                "Each net's mean: they agree near the data and disagree away from it (epistemic uncertainty)");

        gpInfo.setId("gpInfo");
        ensembleInfo.setId("ensembleInfo");
        for (Label l : new Label[] {gpInfo, ensembleInfo}) {
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        Label status = new Label();
        status.setId("playgroundStatus");
        status.setWrapText(true);
        status.getStyleClass().add("note");
        status.textProperty().bind(model.messageProperty());
        Label bandNote = new Label("Dark band: mean +-2 sigma epistemic, where f is with 95% probability. Light "
                + "band: mean +-2 sigma of epistemic + aleatoric, where a new noisy y falls with 95% probability; its "
                + "part outside the dark band is the noise. Away from the data the epistemic part grows.");
        bandNote.setWrapText(true);
        bandNote.getStyleClass().add("note");

        VBox box = new VBox(8, heading("Data"), new Label("Target function"), function, new Label("Noise"), noiseBox,
                noiseLevel.view(), gap, pointCount.view(), new javafx.scene.layout.FlowPane(6, 6, newData, clear),
                new Separator(), heading("Model"), showGp, showEnsemble, showBoth, prior, posterior, members,
                new Separator(), heading("Fit"), gpInfo, ensembleInfo, status, bandNote);
        box.setPadding(new Insets(8));
        box.setPrefWidth(270);
        box.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(290);
        scroll.setMinWidth(200);
        return scroll;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    private static RadioButton radio(String id, String text, Object choice, ToggleGroup group, String help) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setUserData(choice);
        b.setToggleGroup(group);
        b.setTooltip(new Tooltip(help));
        return b;
    }

    private static void selectToggle(ToggleGroup group, Object c) {
        group.getToggles().stream().filter(t -> t.getUserData() == c).findFirst().ifPresent(t -> t.setSelected(true));
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty p, String help) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        c.setTooltip(new Tooltip(help));
        return c;
    }

    private void showGenerator(PlaygroundData g) {
        showingGenerator = true;
        try {
            function.setValue(g.target());
            selectToggle(noise, g.noise());
            gap.setSelected(g.gap());
            if (noiseLevel.value().map(v -> v != g.noiseLevel()).orElse(true)) {
                noiseLevel.setText(Double.toString(g.noiseLevel()));
            }
            if (pointCount.value().map(v -> v != g.points()).orElse(true)) {
                pointCount.setText(Integer.toString(g.points()));
            }
        } finally {
            showingGenerator = false;
        }
    }

    /** The generator in the controls, or null while a field is invalid. */
    private PlaygroundData controlsGenerator() {
        if (noiseLevel.value().isEmpty() || pointCount.value().isEmpty() || function.getValue() == null
                || noise.getSelectedToggle() == null) {
            return null;
        }
        return new PlaygroundData(function.getValue(), (NoiseKind) noise.getSelectedToggle().getUserData(),
                noiseLevel.value().get(), gap.isSelected(),
                pointCount.value().get());
    }

    private void applyGenerator() {
        if (showingGenerator) {
            return; // a combo box announces the model's own value: the other controls do not show it yet
        }
        PlaygroundData g = controlsGenerator();
        if (g != null && !g.equals(model.generatorProperty().get())) {
            model.setGenerator(g);
        }
    }

    private void clicked(MouseEvent e) {
        if (e.getClickCount() != 1 || !e.isStillSincePress()) {
            return;
        }
        ChartRenderingInfo info = mainViewer.getRenderingInfo();
        if (info == null) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (!area.contains(e.getX(), e.getY())) {
            return;
        }
        XYPlot plot = mainChart.getXYPlot();
        if (e.getButton() == MouseButton.PRIMARY) {
            double x = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
            model.addPoint(x, y);
            e.consume();
        } else if (e.getButton() == MouseButton.SECONDARY) {
            int nearest = nearestPoint(e.getX(), e.getY(), area, 14 * Math.max(1, look.fontScale()));
            if (nearest >= 0) {
                model.removePoint(nearest);
            }
            e.consume();
        }
    }

    /** The index of the point drawn closest to (px, py) within {@code radius} pixels, or -1. */
    int nearestPoint(double px, double py, Rectangle2D area, double radius) {
        Dataset d = model.pointsProperty().get();
        if (d == null) {
            return -1;
        }
        XYPlot plot = mainChart.getXYPlot();
        int best = -1;
        double bestDistance = radius * radius;
        for (int i = 0; i < d.size(); i++) {
            double sx = plot.getDomainAxis().valueToJava2D(d.x(i, 0), area, plot.getDomainAxisEdge());
            double sy = plot.getRangeAxis().valueToJava2D(d.y(i, 0), area, plot.getRangeAxisEdge());
            double dist = (sx - px) * (sx - px) + (sy - py) * (sy - py);
            if (dist <= bestDistance) {
                bestDistance = dist;
                best = i;
            }
        }
        return best;
    }

    private void redraw() {
        PlaygroundFit fit = model.fitProperty().get();
        PlaygroundData g = model.generatorProperty().get();
        PlaygroundCharts.Options o = new PlaygroundCharts.Options(model.choiceProperty().get(),
                model.priorSamplesProperty().get(), model.posteriorSamplesProperty().get(),
                model.memberCurvesProperty().get());
        PlaygroundCharts.updateMain(mainChart, fit, g, o, look);
        PlaygroundCharts.updateSigma(sigmaChart, fit, g, o, look);
        ModelCurves gp = fit == null ? null : fit.gp();
        ModelCurves ens = fit == null ? null : fit.ensemble();
        boolean showGp = o.choice().shows(mbrllab.core.models.ModelKind.GP);
        boolean showEns = o.choice().shows(mbrllab.core.models.ModelKind.ENSEMBLE);
        gpInfo.setText(showGp ? gp == null ? "GP: not fitted yet" : gp.summary() + String.format(Locale.ROOT,
                ". Its +-2 sigma band covers %.1f%% of 1,000 fresh noisy targets.", 100 * gp.coverage()) : "");
        ensembleInfo.setText(showEns ? ens == null ? "Ensemble: not fitted yet" : ens.summary()
                + String.format(Locale.ROOT, ". Its +-2 sigma band covers %.1f%% of 1,000 fresh noisy targets.",
                100 * ens.coverage()) : "");
        gpInfo.setVisible(showGp);
        gpInfo.setManaged(showGp);
        ensembleInfo.setVisible(showEns);
        ensembleInfo.setManaged(showEns);
    }
}
