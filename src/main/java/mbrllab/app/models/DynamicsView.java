package mbrllab.app.models;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import mbrllab.app.controls.ValidatedField;
import mbrllab.app.lab.Layouts;
import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.charts.CompoundingErrorChart;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.models.dynamics.MultiStepPrediction;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.random.SplitMix64;

/**
 * The cart-pole tab: settings on the right; the multi-step predictions from one held-out start (four charts, one
 * per state component) and the ghost poles on top; the compounding-error chart and the one-step parity plots
 * below. Where that leaves too little room for the text size (1024x768 with text 1.5), the four share one row of
 * tabs instead ({@link #isCompact()}). Views only: state lives in {@link DynamicsViewModel}.
 */
final class DynamicsView {

    /**
     * Below {@value #COMPACT_WIDTH} x {@value #COMPACT_HEIGHT} px per unit of text size (1024x768 with text 1.5, also in
     * presenter mode) the four views share one row of tabs, each taking the whole area: together they left the
     * multi-step plots 40 px high and no room for the cart of the ghost poles.
     */
    static final double COMPACT_WIDTH = 700;
    /** See {@link #COMPACT_WIDTH}. */
    static final double COMPACT_HEIGHT = 560;

    /** Ghost poles drawn per step. */
    static final int GHOSTS = 30;

    private final DynamicsViewModel model;
    private final BorderPane root = new BorderPane();
    private final JFreeChart[] multiStep = new JFreeChart[4];
    private final ChartViewer[] multiStepViewers = new ChartViewer[4];
    private final JFreeChart[] parity = new JFreeChart[4];
    private final ChartViewer[] parityViewers = new ChartViewer[4];
    private final ChartViewer rmseViewer;
    private final ChartViewer nllViewer;
    private final GhostCanvas ghostCanvas = new GhostCanvas();
    private final ComboBox<ModelChoice> modelBox = new ComboBox<>();
    private final ValidatedField<Integer> episodes;
    private final ValidatedField<Integer> horizon;
    private final ValidatedField<Integer> windows;
    private final ValidatedField<Integer> particles;
    private final ComboBox<Integer> startBox = new ComboBox<>();
    private final Map<Rollout, CheckBox> shown = new EnumMap<>(Rollout.class);
    private final Map<Rollout, Line> swatches = new EnumMap<>(Rollout.class);
    private final ComboBox<Rollout> ghostBox = new ComboBox<>();
    private final Slider ghostStep = new Slider(0, 25, 5);
    private final Label info = new Label();
    private final FlowPane legend = new FlowPane(14, 4);
    private final FlowPane compoundingLegend = new FlowPane(14, 4);
    private Look look = Look.normal();
    private boolean updatingControls;
    private final VBox head;
    private final GridPane grid;
    private final VBox ghostBoxPane;
    private final Tab compoundingTab;
    private final Tab parityTab;
    private final Tab predictionsTab = new Tab("Predictions from one start");
    private final Tab ghostTab = new Tab("Ghost poles");
    private final TabPane tabs = new TabPane();
    private final StackPane main = new StackPane();
    private final StackPane headSlot = new StackPane();
    private final StackPane gridSlot = new StackPane();
    private final StackPane ghostSlot = new StackPane();
    private final StackPane tabsSlot = new StackPane();
    private final StackPane compactHeadSlot = new StackPane();
    private final StackPane compactGridSlot = new StackPane();
    private final StackPane compactGhostSlot = new StackPane();
    private final Node wideView;
    private Boolean compact;

    DynamicsView(DynamicsViewModel model) {
        this.model = model;
        root.setId("dynamicsView");
        DynamicsViewModel.Settings s = model.settingsProperty().get();
        episodes = new ValidatedField<>("episodesField", "Training episodes (40 steps of random forces each)",
                "1..75 with the GP (its cost grows with n^3), 1..1000 for the ensemble alone",
                ValidatedField.integer("episodes", 1, 1000), Integer.toString(s.episodes()));
        horizon = new ValidatedField<>("horizonField", "Horizon H (steps of 0.1 s)", "Steps predicted ahead, 1..40",
                ValidatedField.integer("horizon", 1, DynamicsViewModel.EPISODE_STEPS), Integer.toString(s.horizon()));
        windows = new ValidatedField<>("windowsField", "Held-out starts", "Random starts in as many held-out "
                + "episodes, 1..50; the compounding error is their mean", ValidatedField.integer("held-out starts", 1,
                50), Integer.toString(s.windows()));
        particles = new ValidatedField<>("particlesField", "Particles (TS1, TS-infinity)", "2..2000; PETS uses 20",
                ValidatedField.integer("particles", 2, 2000), Integer.toString(s.particles()));

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        for (int d = 0; d < 4; d++) {
            multiStep[d] = DynamicsCharts.createMultiStep(d);
            multiStepViewers[d] = viewer(multiStep[d], "multiStepChart" + d);
            grid.add(multiStepViewers[d], d % 2, d / 2);
            parity[d] = DynamicsCharts.createParity(d);
            parityViewers[d] = viewer(parity[d], "parityChart" + d);
        }
        grow(grid, 2, 2);
        ghostCanvas.setId("ghostCanvas");
        ghostBoxPane = new VBox(4, ghostCanvas, ghostControls());
        VBox.setVgrow(ghostCanvas, Priority.ALWAYS);
        ghostBoxPane.setMinWidth(200);
        ghostBoxPane.setPadding(new Insets(0, 0, 2, 0));
        SplitPane top = new SplitPane(gridSlot, ghostSlot);
        top.setDividerPositions(0.62);
        legend.setId("multiStepLegend");
        Label title = new Label("Predictions from one held-out start under its true forces, against the truth: "
                + "mean and band +-2 sigma (95%)");
        title.getStyleClass().add("section-heading");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        head = new VBox(4, title, legend);
        this.grid = grid;
        VBox topBox = new VBox(4, headSlot, top);
        VBox.setVgrow(top, Priority.ALWAYS);
        topBox.setPadding(new Insets(4, 6, 2, 6));

        rmseViewer = viewer(DynamicsCharts.compoundingPart(false, null, look), "rmseChart");
        nllViewer = viewer(DynamicsCharts.compoundingPart(true, null, look), "nllChart");
        Label dynaNote = new Label("Lower is better. Each predicted step feeds the next, so errors compound: the mean "
                + "drifts and the bands widen with k. Dyna-style methods therefore simulate only short rollouts from "
                + "real states.");
        dynaNote.setWrapText(true);
        dynaNote.getStyleClass().add("note");
        dynaNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane errorGrid = new GridPane();
        errorGrid.setHgap(6);
        errorGrid.add(rmseViewer, 0, 0);
        errorGrid.add(nllViewer, 1, 0);
        grow(errorGrid, 2, 1);
        VBox compounding = new VBox(4, errorGrid, compoundingLegend, dynaNote);
        VBox.setVgrow(errorGrid, Priority.ALWAYS);
        compounding.setPadding(new Insets(4));
        GridPane parityGrid = new GridPane();
        parityGrid.setHgap(6);
        parityGrid.setVgap(6);
        for (int d = 0; d < 4; d++) {
            parityGrid.add(parityViewers[d], d, 0);
        }
        grow(parityGrid, 4, 1);
        Label parityNote = new Label("One step ahead on every transition of the held-out episodes: predicted change "
                + "of the state (mean) against the true change. On the dashed line the model is exact. Blue: GP, "
                + "orange: ensemble.");
        parityNote.setWrapText(true);
        parityNote.getStyleClass().add("note");
        parityNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Layouts.hideInPresenterMode(dynaNote, parityNote);
        VBox parityBox = new VBox(4, parityGrid, parityNote);
        VBox.setVgrow(parityGrid, Priority.ALWAYS);
        parityBox.setPadding(new Insets(4));
        Tab compoundingTab = new Tab("Compounding error: why short rollouts", compounding);
        compoundingTab.setId("compoundingTab");
        Layouts.tabTitles(compoundingTab, "Compounding error: why short rollouts", "Compounding error", "Compounding");
        Tab parityTab = new Tab("One-step parity", parityBox);
        parityTab.setId("parityTab");
        Layouts.tabTitles(parityTab, "One-step parity", "One-step parity", "Parity");
        this.compoundingTab = compoundingTab;
        this.parityTab = parityTab;
        predictionsTab.setId("predictionsTab");
        predictionsTab.setClosable(false);
        Layouts.tabTitles(predictionsTab, "Predictions from one start", "Predictions");
        VBox predictions = new VBox(4, compactHeadSlot, compactGridSlot);
        VBox.setVgrow(compactGridSlot, Priority.ALWAYS);
        predictions.setPadding(new Insets(4, 6, 2, 6));
        predictionsTab.setContent(predictions);
        ghostTab.setId("ghostTab");
        ghostTab.setClosable(false);
        Layouts.tabTitles(ghostTab, "Ghost poles", "Ghosts");
        ghostTab.setContent(compactGhostSlot);
        compactGhostSlot.setPadding(new Insets(4, 6, 2, 6));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dynamicsBottomTabs");
        Layouts.fitTabTitles(tabs);
        wideView = Layouts.pictureOverChart(topBox, tabsSlot, 0.56);
        root.setCenter(Layouts.withSidePanel(main, sidePanel(), 0.78));
        main.widthProperty().addListener((o, a, b) -> arrange());
        main.heightProperty().addListener((o, a, b) -> arrange());
        arrange();

        model.resultProperty().addListener((o, a, b) -> redraw());
        model.settingsProperty().addListener((o, a, b) -> {
            showSettingsInControls(b);
            redraw();
        });
        showSettingsInControls(s);
        redraw();
    }

    /** Columns of equal width that grow, and rows that grow. */
    private static void grow(GridPane grid, int columns, int rows) {
        for (int i = 0; i < columns; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / columns);
            c.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < rows; i++) {
            RowConstraints r = new RowConstraints();
            r.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(r);
        }
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart, false);
        v.setId(id);
        NoRoomForChart.install(v);
        v.setMinSize(120, 90);
        v.getCanvas().setDomainZoomable(false);
        v.getCanvas().setRangeZoomable(false);
        return v;
    }

    Node view() {
        return root;
    }

    private Node ghostControls() {
        ghostBox.setId("ghostRolloutBox");
        ghostBox.getItems().setAll(Rollout.values());
        ghostBox.setValue(Rollout.ENSEMBLE_TS_INF);
        ghostBox.setOnAction(e -> showGhosts());
        ghostBox.setTooltip(new Tooltip("Whose predictions the ghost poles show"));
        ghostStep.setId("ghostSlider");
        ghostStep.setMajorTickUnit(5);
        ghostStep.setMinorTickCount(4);
        ghostStep.setSnapToTicks(true);
        ghostStep.setBlockIncrement(1);
        ghostStep.setShowTickMarks(true);
        ghostStep.valueProperty().addListener((o, a, b) -> showGhosts());
        HBox.setHgrow(ghostStep, Priority.ALWAYS);
        Label kLabel = new Label("step k");
        kLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label ofLabel = new Label("Ghosts of");
        ofLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox first = new HBox(6, ofLabel, ghostBox);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(6, kLabel, ghostStep);
        second.setAlignment(Pos.CENTER_LEFT);
        ghostBox.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(ghostBox, Priority.ALWAYS);
        return new VBox(3, first, second);
    }

    private Node sidePanel() {
        modelBox.setId("dynamicsModelBox");
        modelBox.getItems().setAll(ModelChoice.values());
        modelBox.setMaxWidth(Double.MAX_VALUE);
        Button collect = new Button("Collect data and fit");
        collect.setId("collectFitButton");
        collect.setMaxWidth(Double.MAX_VALUE);
        collect.setTooltip(new Tooltip("New random-action episodes (the seed in the toolbar), fit the models to the "
                + "state differences s' - s, predict from the held-out starts (Ctrl+R)"));
        collect.disableProperty().bind(Bindings.createBooleanBinding(() -> !(episodes.validProperty().get()
                && horizon.validProperty().get() && windows.validProperty().get() && particles.validProperty().get()),
                episodes.validProperty(), horizon.validProperty(), windows.validProperty(), particles.validProperty()));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setId("dynamicsSettingsError");
        collect.setOnAction(e -> {
            error.setText("");
            try {
                DynamicsViewModel.Settings old = model.settingsProperty().get();
                int w = windows.value().orElseThrow();
                model.apply(new DynamicsViewModel.Settings(modelBox.getValue(), episodes.value().orElseThrow(),
                        horizon.value().orElseThrow(), w, particles.value().orElseThrow(), Math.min(old.start(), w - 1),
                        old.shown()));
                requestCollect.run();
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage().replace("\"cartpole.", "\"").replace("\"", ""));
            }
        });
        startBox.setId("startBox");
        startBox.setOnAction(e -> {
            if (!updatingControls && startBox.getValue() != null) {
                model.showStart(startBox.getValue() - 1);
            }
        });
        startBox.setTooltip(new Tooltip("Which held-out start the charts and the ghost poles show"));
        VBox methods = new VBox(4);
        for (Rollout r : Rollout.values()) {
            CheckBox c = new CheckBox(r.label());
            c.setId("show-" + r.key());
            Line swatch = new Line(0, 0, 18, 0);
            swatch.setStrokeWidth(4);
            // the colour beside the check box, not its graphic: with a graphic JavaFX 21 gave the box one line's
            // height where its text needed two ("Ensemble, ..." at 1280x800 with text 1.2)
            swatches.put(r, swatch);
            c.setOnAction(e -> {
                if (!updatingControls) {
                    Set<Rollout> set = EnumSet.noneOf(Rollout.class);
                    shown.forEach((k, box) -> {
                        if (box.isSelected()) {
                            set.add(k);
                        }
                    });
                    model.showRollouts(set);
                }
            });
            c.setTooltip(new Tooltip(switch (r) {
                case GP_MOMENT_MATCHING -> "PILCO: the state distribution kept Gaussian, its exact mean and covariance "
                        + "propagated through the GP at every step";
                case ENSEMBLE_TS1 -> "PETS TS1: each particle picks a random member at every step";
                case ENSEMBLE_TS_INF -> "PETS TS-infinity: each particle keeps one member for the whole horizon";
                case GP_PARTICLES -> "Particles through the GP, each step an independent draw of f at the particle";
            }));
            shown.put(r, c);
            c.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(6, swatch, c);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            HBox.setHgrow(c, javafx.scene.layout.Priority.ALWAYS);
            methods.getChildren().add(row);
        }
        info.setId("dynamicsInfo");
        info.setWrapText(true);
        info.getStyleClass().add("note");
        info.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label modelLabel = new Label("Models to fit to s' - s from (s, u)");
        modelLabel.setWrapText(true);
        VBox box = new VBox(8, heading("Data and models"), modelLabel, modelBox, episodes.view(), horizon.view(),
                windows.view(), particles.view(), collect, error, new Separator(), heading("Show"),
                new Label("Held-out start"), startBox, methods, new Separator(), heading("Fitted"), info);
        box.setPadding(new Insets(8));
        box.setPrefWidth(225);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(240);
        scroll.setMinWidth(190);
        return scroll;
    }

    /** What the Collect button does after applying the settings (set by the lab, which knows the seed). */
    private Runnable requestCollect = () -> { };

    void setOnCollect(Runnable action) {
        requestCollect = action;
    }

    /** A side panel's heading: it wraps at a space in a narrow panel rather than end in "..." ("Data and mod..."). */
    private static Label heading(String text) {
        mbrllab.app.controls.HeaderLabel l = new mbrllab.app.controls.HeaderLabel(text);
        l.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        l.setTextAlignment(javafx.scene.text.TextAlignment.LEFT);
        l.getStyleClass().add("section-heading");
        return l;
    }

    /** Shows saved settings in the controls. */
    void showSettings(DynamicsViewModel.Settings s) {
        showSettingsInControls(s);
    }

    private void showSettingsInControls(DynamicsViewModel.Settings s) {
        updatingControls = true;
        try {
            modelBox.setValue(s.model());
            setIfDifferent(episodes, s.episodes());
            setIfDifferent(horizon, s.horizon());
            setIfDifferent(windows, s.windows());
            setIfDifferent(particles, s.particles());
            for (Rollout r : Rollout.values()) {
                shown.get(r).setSelected(s.shown().contains(r));
            }
        } finally {
            updatingControls = false;
        }
    }

    private static void setIfDifferent(ValidatedField<Integer> field, int v) {
        if (field.value().map(x -> x != v).orElse(true)) {
            field.setText(Integer.toString(v));
        }
    }

    void setLook(Look newLook) {
        look = newLook;
        ghostCanvas.setLook(newLook);
        arrange();
        redraw();
    }

    /** Whether the four views share one row of tabs now (a small area for the text size). */
    boolean isCompact() {
        return Boolean.TRUE.equals(compact);
    }

    private void arrange() {
        boolean makeCompact = Layouts.cramped(main, look.fontScale(), COMPACT_WIDTH, COMPACT_HEIGHT);
        if (compact != null && compact == makeCompact) {
            return;
        }
        compact = makeCompact;
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (makeCompact) {
            headSlot.getChildren().clear();
            gridSlot.getChildren().clear();
            ghostSlot.getChildren().clear();
            tabsSlot.getChildren().clear();
            compactHeadSlot.getChildren().setAll(head);
            compactGridSlot.getChildren().setAll(grid);
            compactGhostSlot.getChildren().setAll(ghostBoxPane);
            tabs.getTabs().setAll(predictionsTab, ghostTab, compoundingTab, parityTab);
            main.getChildren().setAll(tabs);
        } else {
            compactHeadSlot.getChildren().clear();
            compactGridSlot.getChildren().clear();
            compactGhostSlot.getChildren().clear();
            main.getChildren().clear();
            headSlot.getChildren().setAll(head);
            gridSlot.getChildren().setAll(grid);
            ghostSlot.getChildren().setAll(ghostBoxPane);
            tabs.getTabs().setAll(compoundingTab, parityTab);
            tabsSlot.getChildren().setAll(tabs);
            main.getChildren().setAll(wideView);
        }
        if (selected != null && tabs.getTabs().contains(selected)) {
            tabs.getSelectionModel().select(selected);
        }
    }

    /** One step k further for the ghost poles; false at the end of the horizon. */
    boolean stepGhost() {
        if (ghostStep.getValue() >= ghostStep.getMax()) {
            return false;
        }
        ghostStep.setValue(Math.min(ghostStep.getMax(), Math.round(ghostStep.getValue()) + 1));
        return true;
    }

    void rewindGhost() {
        ghostStep.setValue(0);
    }

    private void redraw() {
        DynamicsResult r = model.resultProperty().get();
        for (int d = 0; d < 4; d++) {
            DynamicsCharts.updateMultiStep(multiStep[d], d, r, look);
            DynamicsCharts.updateParity(parity[d], d, r, look);
        }
        rmseViewer.setChart(DynamicsCharts.compoundingPart(false, r, look));
        nllViewer.setChart(DynamicsCharts.compoundingPart(true, r, look));
        compoundingLegend.getChildren().clear();
        for (CompoundingErrorChart.Curve c : DynamicsCharts.curves(r)) {
            Line sw = new Line(0, 0, 22, 0);
            sw.setStrokeWidth(3);
            sw.setStroke(fx(look.colour(c.colour())));
            Label l = new Label(c.name(), sw);
            l.getStyleClass().add("legend-entry");
            compoundingLegend.getChildren().add(l);
        }
        for (Rollout ro : Rollout.values()) {
            swatches.get(ro).setStroke(fx(look.colour(ro.colour())));
            boolean available = r == null || r.settings().model().shows(ro.kind());
            shown.get(ro).setDisable(!available);
        }
        legend.getChildren().clear();
        Line truth = new Line(0, 0, 22, 0);
        truth.setStrokeWidth(3);
        truth.setStroke(fx(look.ink()));
        Label t = new Label("true trajectory", truth);
        t.getStyleClass().add("legend-entry");
        legend.getChildren().add(t);
        if (r != null) {
            for (Rollout ro : r.settings().shown()) {
                if (r.predictions().containsKey(ro)) {
                    Line sw = new Line(0, 0, 22, 0);
                    sw.setStrokeWidth(8);
                    sw.setStroke(fx(look.colour(ro.colour(), 0.6)));
                    Label l = new Label(ro.label(), sw);
                    l.getStyleClass().add("legend-entry");
                    legend.getChildren().add(l);
                }
            }
        }
        updatingControls = true;
        try {
            int w = r == null ? model.settingsProperty().get().windows() : r.windows().size();
            List<Integer> starts = new ArrayList<>();
            for (int i = 1; i <= w; i++) {
                starts.add(i);
            }
            if (!startBox.getItems().equals(starts)) {
                startBox.getItems().setAll(starts);
            }
            startBox.setValue(Math.min(model.settingsProperty().get().start(), w - 1) + 1);
            int h = r == null ? model.settingsProperty().get().horizon() : r.settings().horizon();
            if (ghostStep.getMax() != h) {
                ghostStep.setMax(h);
                ghostStep.setValue(Math.min(h, 10));
            }
        } finally {
            updatingControls = false;
        }
        info.setText(infoText(r));
        showGhosts();
    }

    private static javafx.scene.paint.Color fx(java.awt.Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private String infoText(DynamicsResult r) {
        if (r == null) {
            return "Nothing fitted yet.";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d transitions from %d episodes (seed %d); "
                + "%d held-out starts.", r.train().size() * DynamicsViewModel.EPISODE_STEPS, r.train().size(), r.seed(),
                r.windows().size()));
        GpModel gp = r.gp();
        if (gp != null) {
            sb.append("\nGP per state change, inputs (x, x', theta, theta', u):");
            for (int a = 0; a < 4; a++) {
                GaussianProcess g = gp.output(a);
                SeHyperparameters h = g.hyperparameters();
                StringBuilder ls = new StringBuilder();
                for (int j = 0; j < h.dim(); j++) {
                    ls.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", h.lengthScale(j)));
                }
                sb.append(String.format(Locale.ROOT, "\n  change of %s: l = (%s), sigma_f %.3g, sigma_n %.2g, "
                        + "log p(y|X) %.1f", DynamicsCharts.SHORT[a], ls, h.signalStd(), h.noiseStd(),
                        g.logMarginalLikelihood()));
            }
        }
        if (r.ensemble() != null) {
            sb.append(String.format(Locale.ROOT, "\nEnsemble: %d nets (64, 64), bootstraps, at least 5,000 Adam steps "
                    + "each.", r.ensemble().memberCount()));
        }
        if (!r.errors().isEmpty()) {
            sb.append("\nrmse of the mean at k = 1 / ").append(r.settings().horizon()).append(':');
            r.errors().forEach((ro, e) -> sb.append(String.format(Locale.ROOT, "\n  %s: %.3g / %.3g", ro.label(),
                    e.rmse(1), e.rmse(e.horizon()))));
        }
        if (!r.done()) {
            sb.append("\n(still computing)");
        }
        return sb.toString();
    }

    private void showGhosts() {
        DynamicsResult r = model.resultProperty().get();
        Rollout ro = ghostBox.getValue();
        if (r != null && (ro == null || !r.settings().model().shows(ro.kind()))) {
            // the chosen rollout's model is not fitted: take the first shown one that is
            Rollout fallback = r.settings().shown().stream().filter(x -> r.settings().model().shows(x.kind()))
                    .findFirst().orElse(null);
            if (fallback != null && fallback != ro) {
                ghostBox.setValue(fallback); // calls showGhosts again
                return;
            }
        }
        if (r == null || ro == null) {
            ghostCanvas.show(null);
            return;
        }
        int start = Math.min(r.settings().start(), r.windows().size() - 1);
        double[] truth = r.windows().get(start).states();
        int k = (int) Math.round(ghostStep.getValue());
        MultiStepPrediction[] ps = r.predictions().get(ro);
        if (ps == null) {
            ghostCanvas.show(new GhostPoles.Frame(truth, k, new double[0], null, ro.colour(), ro.label()
                    + (r.settings().model().shows(ro.kind()) ? " (not computed yet)" : " (model not fitted)"),
                    SwingUpSystem.pilco().poleLength()));
            return;
        }
        MultiStepPrediction p = ps[start];
        k = Math.min(k, p.horizon());
        double[] ghosts = p.sampleStates(k, Math.min(GHOSTS, p.hasParticles() ? p.particleCount() : GHOSTS),
                new SplitMix64(SplitMix64.streamSeed(r.seed(), 1000L + k)));
        double[][] trails = null;
        String caption;
        if (p.hasParticles()) {
            int n = Math.min(GHOSTS, p.particleCount());
            trails = new double[n][(k + 1) * 4];
            for (int j = 0; j < n; j++) {
                for (int t = 0; t <= k; t++) {
                    for (int i = 0; i < 4; i++) {
                        trails[j][t * 4 + i] = p.particle(t, j, i);
                    }
                }
            }
            caption = n + " sampled trajectories of " + ro.label() + " at step k";
        } else {
            caption = GHOSTS + " draws from " + ro.label() + "'s Gaussian at k";
        }
        ghostCanvas.show(new GhostPoles.Frame(truth, k, ghosts, trails, ro.colour(), caption,
                SwingUpSystem.pilco().poleLength()));
    }

    /** The tab's exports: the four multi-step charts, the ghost poles, the compounding error, the parity plots. */
    List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            JFreeChart c = multiStep[d];
            ChartViewer v = multiStepViewers[d];
            double w = Math.max(420, v.getWidth());
            double h = Math.max(300, v.getHeight());
            targets.add(new ExportTarget("multistep-" + DynamicsCharts.SHORT[d], "Multi-step prediction of "
                    + DynamicsCharts.STATE[d], () -> Exports.chartPng2x(DynamicsCharts.withLegend(c), w, h + 60),
                    () -> Exports.chartSvg(DynamicsCharts.withLegend(c), w, h + 60),
                    () -> DynamicsCharts.multiStepCsv(model.resultProperty().get())));
        }
        GhostPoles.Frame frame = ghostCanvas.frame();
        Look canvasLook = ghostCanvas.look();
        double gw = Math.max(200, ghostCanvas.getWidth());
        double gh = Math.max(150, ghostCanvas.getHeight());
        targets.add(new ExportTarget("ghost-poles", "Ghost poles", () -> Exports.png2x(gw, gh,
                pen -> GhostPoles.draw(pen, frame, canvasLook, gw, gh)), () -> Exports.svg(gw, gh,
                pen -> GhostPoles.draw(pen, frame, canvasLook, gw, gh)),
                () -> DynamicsCharts.multiStepCsv(model.resultProperty().get())));
        JFreeChart compounding = DynamicsCharts.compounding(model.resultProperty().get(), look);
        double cw = Math.max(700, rmseViewer.getWidth() + nllViewer.getWidth());
        double ch = Math.max(520, 2 * rmseViewer.getHeight());
        targets.add(new ExportTarget("compounding-error", "Compounding error (rmse and NLL against k)",
                () -> Exports.chartPng2x(compounding, cw, ch), () -> Exports.chartSvg(compounding, cw, ch),
                () -> CompoundingErrorChart.csv(DynamicsCharts.curves(model.resultProperty().get()))));
        for (int d = 0; d < 4; d++) {
            JFreeChart c = parity[d];
            targets.add(new ExportTarget("parity-" + DynamicsCharts.SHORT[d], "One-step parity of "
                    + DynamicsCharts.STATE[d], () -> Exports.chartPng2x(DynamicsCharts.withLegend(c), 420, 420),
                    () -> Exports.chartSvg(DynamicsCharts.withLegend(c), 420, 420),
                    () -> DynamicsCharts.parityCsv(model.resultProperty().get())));
        }
        return targets;
    }
}
