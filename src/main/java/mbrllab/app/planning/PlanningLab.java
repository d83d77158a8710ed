package mbrllab.app.planning;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import mbrllab.app.controls.ValidatedField;
import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.BaseLab;
import mbrllab.app.lab.LabContext;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.RunControls;
import mbrllab.app.lab.RunToolbar;
import mbrllab.app.lab.SessionState;
import mbrllab.app.lab.Status;
import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.NoRoomForChart;
import mbrllab.app.render.Theme;
import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.charts.Palette;
import mbrllab.charts.PetsChart;
import mbrllab.charts.SyncedFontChart;
import mbrllab.core.models.transition.TransitionModelKind;
import mbrllab.core.planning.PetsEpisode;
import mbrllab.core.planning.PlannerKind;
import mbrllab.core.planning.PlannerSettings;
import mbrllab.core.planning.Propagation;

/**
 * The planning lab (the lecture's "learn a model and use it to plan"): the PETS loop on the cart-pole, animated as
 * the MPC acts, with the fan of the candidates' predicted pole-tip paths, the elites, the executed plan and the same
 * forces replayed in the true physics; a step mode (Round) that makes the coming step's search one CEM round at a
 * time; the return per episode with bands over R background runs, and the predicted against the true return of the
 * executed plans. Views only: the state is in {@link PlanningViewModel}.
 */
public final class PlanningLab extends BaseLab implements SessionState {

    /** The lab's line in the navigation. */
    public static final LabEntry ENTRY = new LabEntry("planning", "Planning",
            "Planning with learned models: random shooting and CEM, TS1 / TS-infinity, the PETS loop",
            PlanningLab::new);

    static final RunToolbar.Tips TIPS = new RunToolbar.Tips(
            "Play or pause the PETS run (Space): every tick plans and executes one force",
            "One control step: plan, execute the first force (Right arrow); at a planned episode's start, fit the "
                    + "model",
            "Start again with the options and the seed (Ctrl+R)",
            "From 1 step per second to as fast as planning goes (far right); the swing-up's real time is 10 steps/s",
            RunToolbar.SEED_TIP);

    /** The preset files (resources/presets) the side panel offers, in order, with their names. */
    static final List<String[]> PRESETS = List.of(
            new String[] {"PETS on the swing-up", "planning-pets-swing-up.json"},
            new String[] {"Random shooting against CEM", "planning-random-shooting.json"},
            new String[] {"A deterministic model gets exploited", "planning-deterministic-exploited.json"},
            new String[] {"Perfect model", "planning-perfect-model.json"});

    private final PlanningViewModel model;
    private final Status status;
    private final PlanningCanvas canvas = new PlanningCanvas();
    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    private final XYPlot returnsPlot;
    private final XYPlot planPlot;
    /**
     * The plans' subplot's legend, inside it: its note under the chart ("the plans' J as the model predicts it
     * (vermillion) and the same forces in the true physics (black)") is left out in presenter mode and where the chart
     * needs its room (1024x768, text 1.5), and the two lines went unexplained there.
     */
    private final org.jfree.chart.title.LegendTitle planLegend;
    private final JFreeChart chart;
    private final ChartViewer chartViewer;
    private final Label chartNote = new Label();
    private final Label dataLabel = new Label();
    private final Label optionsError = new Label();
    private final ComboBox<TaskChoice> taskBox = new ComboBox<>();
    private final ComboBox<PlannerKind> plannerBox = new ComboBox<>();
    private final ComboBox<TransitionModelKind> modelBox = new ComboBox<>();
    private final ComboBox<Propagation> propagationBox = new ComboBox<>();
    private final ValidatedField<Integer> horizon;
    private final ValidatedField<Integer> population;
    private final ValidatedField<Integer> elites;
    private final ValidatedField<Integer> iterations;
    private final ValidatedField<Integer> particles;
    private final ValidatedField<Integer> episodes;
    private final ValidatedField<Integer> runs;
    private final Button apply = new Button("Apply and restart");
    private final Button roundButton = new Button("Round");
    private int episodesShown = -1;
    private double fontScale = 1;

    /** Pixels between the chart's two subplots at text size 1; it grows with the text. */
    static final double GAP_PER_SCALE = 13;

    /**
     * The chart's least height at text size 1; it grows with the text, and the note under the chart folds into its
     * tooltip when there is not room for both. With a fixed 140 px, at 1024x768 and text 1.5 the two subplots had 68
     * and 45 px of plot, too short for their axis labels once the gap between them grew with the text.
     */
    static final double CHART_MIN_HEIGHT = 140;

    public PlanningLab(LabContext context) {
        this.status = context.status();
        this.model = new PlanningViewModel(context.dispatcher(), context.background().workers(),
                context.background().coordinators());

        canvas.setId("planningCanvas");
        returnsPlot = new XYPlot(PetsChart.returns(List.of()), null, axis("Return"), returnsRenderer());
        returnsPlot.setDataset(1, bands);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesPaint(0, Palette.categorical(5));
        band.setSeriesFillPaint(0, Palette.categorical(5));
        band.setSeriesStroke(0, new BasicStroke(2f));
        band.setAlpha(0.25f);
        returnsPlot.setRenderer(1, band);
        planPlot = new XYPlot(PetsChart.planReturns(List.of()), null, axis("Plan return"), planRenderer());
        planLegend = new org.jfree.chart.title.LegendTitle(planPlot);
        planLegend.setItemLabelPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 10));
        mbrllab.charts.InsideLegend.add(planPlot.getRenderer(), planLegend,
                org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        NumberAxis episodeAxis = new NumberAxis("Episode (1 = random forces)");
        episodeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        episodeAxis.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(episodeAxis);
        combined.setGap(GAP_PER_SCALE);
        combined.add(returnsPlot, 3);
        combined.add(planPlot, 2);
        for (XYPlot p : List.of(returnsPlot, planPlot)) {
            p.setBackgroundPaint(Color.WHITE);
            p.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            p.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        }
        chart = new SyncedFontChart(null, JFreeChart.DEFAULT_TITLE_FONT, combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        fitLegendFont();
        chartViewer = new ChartViewer(chart);
        chartViewer.setId("returnChart");
        NoRoomForChart.install(chartViewer);
        // The subplots' heights follow the chart's height and the text size only, not the data: the labels are
        // fitted after the drawing at a new height or text size. (Fitted after every drawing instead, PlanningLabTest
        // saw the run take 16 more steps after its Pause, in 2 of 2 runs; the cause was not pinned down.)
        chartViewer.heightProperty().addListener((o, a, b) ->
                javafx.application.Platform.runLater(this::fitAxisLabels));
        chartViewer.setMinHeight(CHART_MIN_HEIGHT);
        chartNote.setId("chartNote");
        chartNote.setWrapText(true);
        chartNote.getStyleClass().add("note");
        chartNote.setMinHeight(Region.USE_PREF_SIZE);
        VBox chartColumn = Layouts.chartColumn(chartViewer, new Insets(2, 8, 4, 8), chartNote);
        VBox picture = new VBox(canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        picture.setPadding(new Insets(4, 8, 2, 8));
        SplitPane center = Layouts.pictureOverChart(picture, chartColumn, 0.53);

        horizon = intField("horizonField", "Horizon H", "Forces per planned sequence", "H", 1,
                PlanningSettings.MAX_HORIZON);
        population = intField("populationField", "Population", "Sequences scored per round", "population", 1,
                PlanningSettings.MAX_POPULATION);
        elites = intField("elitesField", "Elites K", "The best sequences CEM refits to", "elites", 1,
                PlanningSettings.MAX_POPULATION);
        iterations = intField("iterationsField", "CEM rounds", "CEM rounds per control step",
                "iterations", 1, PlanningSettings.MAX_ITERATIONS);
        particles = intField("particlesField", "Particles N", "Particles per sequence (TS1, TS-infinity)",
                "particles", 1, PlanningSettings.MAX_PARTICLES);
        episodes = intField("episodesField", "Episodes", "Episodes of the PETS loop",
                "episodes", 2, PlanningSettings.MAX_EPISODES);
        runs = intField("runsField", "Runs R (bands)", "Independent PETS runs for the bands; 0: none. "
                + "Each swing-up run takes minutes", "runs", 0, PlanningSettings.MAX_RUNS);
        Node side = buildSide();
        SplitPane main = Layouts.withSidePanel(center, side, 0.74);
        main.setId("planningLab");
        main.getProperties().put(PlanningLab.class, this);

        roundButton.setId("roundButton");
        roundButton.setTooltip(new Tooltip("Step mode: one CEM round of the coming step (sample, score, refit to the "
                + "elites); after the last round the step acts"));
        roundButton.setOnAction(e -> model.round());
        dataLabel.setId("dataLabel");
        install(main, center, RunToolbar.build(model.playback(), controls(), TIPS, roundButton));

        model.frameProperty().addListener((o, a, f) -> showFrame(f));
        model.runs().snapshotProperty().addListener((o, a, b) -> showBands(b));
        model.settingsProperty().addListener((o, a, s) -> showSettings(s));
        status.follow(model.runs());
        showSettings(model.settings());
        model.apply(model.settings());
    }

    private ValidatedField<Integer> intField(String id, String label, String help, String name, int min, int max) {
        ValidatedField<Integer> f = new ValidatedField<>(id, label, help, ValidatedField.integer(name, min, max), "1");
        f.validProperty().addListener((o, a, b) -> checkOptions());
        f.field().textProperty().addListener((o, a, b) -> checkOptions());
        return f;
    }

    private Node buildSide() {
        VBox box = new VBox(6);
        box.setPadding(new Insets(8));
        box.setId("planningOptions");
        Label presetsTitle = new Label("Presets");
        presetsTitle.getStyleClass().add("section-title");
        box.getChildren().add(presetsTitle);
        for (String[] p : PRESETS) {
            Button b = new Button(p[0]);
            b.setId("preset-" + p[1].replace(".json", ""));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setOnAction(e -> applyPreset(p[1]));
            box.getChildren().add(b);
        }
        Label optionsTitle = new Label("Options");
        optionsTitle.getStyleClass().add("section-title");
        taskBox.getItems().setAll(TaskChoice.values());
        taskBox.setId("taskBox");
        taskBox.setConverter(converter(t -> t == TaskChoice.SWING_UP ? "swing-up" : "balance", TaskChoice.values()));
        plannerBox.getItems().setAll(PlannerKind.values());
        plannerBox.setId("plannerBox");
        plannerBox.setConverter(converter(k -> k == PlannerKind.CEM ? "CEM" : "random shooting", PlannerKind.values()));
        modelBox.getItems().setAll(TransitionModelKind.values());
        modelBox.setId("modelBox");
        modelBox.setConverter(converter(k -> switch (k) {
            case ENSEMBLE -> "ensemble";
            case SINGLE -> "single net";
            case TRUE -> "true";
        }, TransitionModelKind.values()));
        propagationBox.getItems().setAll(Propagation.values());
        propagationBox.setId("propagationBox");
        propagationBox.setConverter(converter(p -> p == Propagation.MEAN ? "mean" : p.label(), Propagation.values()));
        taskBox.valueProperty().addListener((o, a, b) -> {
            if (a != null && b != null && a != b) {
                // another task: its pets defaults
                fillPlanner(PlannerSettings.defaults(b.task()));
                episodes.setText(Integer.toString(PlanningSettings.defaults(b).episodes()));
            }
            checkOptions();
        });
        modelBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != TransitionModelKind.ENSEMBLE) {
                propagationBox.setValue(Propagation.MEAN);
            }
            checkOptions();
        });
        propagationBox.valueProperty().addListener((o, a, b) -> {
            if (b == Propagation.MEAN) {
                particles.setText("1");
            } else if (a == Propagation.MEAN && b != null) {
                particles.setText("5");
            }
            checkOptions();
        });
        plannerBox.valueProperty().addListener((o, a, b) -> checkOptions());
        for (ComboBox<?> c : List.of(taskBox, plannerBox, modelBox, propagationBox)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        taskBox.setTooltip(new Tooltip("swing-up: 40 steps of 0.1 s, reward 1 - c(x); balance: CartPole-v1, +1 per "
                + "step, at most 500"));
        plannerBox.setTooltip(new Tooltip("CEM: refit a Gaussian over sequences to its elites, round by round; "
                + "random shooting: the best of uniformly random sequences"));
        modelBox.setTooltip(new Tooltip("ensemble: 5 probabilistic nets; single net: one net by mean squared error, "
                + "no uncertainty; true physics: a perfect model"));
        propagationBox.setTooltip(new Tooltip("TS1: a particle picks a random member at every step; TS-infinity: it "
                + "keeps its member; mean: one deterministic path"));
        optionsError.setId("optionsError");
        optionsError.getStyleClass().add("field-error");
        optionsError.setWrapText(true);
        apply.setId("applyButton");
        apply.setMaxWidth(Double.MAX_VALUE);
        apply.setOnAction(e -> readOptions().ifPresent(model::apply));
        dataLabel.setWrapText(true);
        javafx.scene.layout.GridPane numbers = new javafx.scene.layout.GridPane();
        numbers.setHgap(8);
        numbers.setVgap(4);
        List<ValidatedField<Integer>> fields = List.of(horizon, population, elites, iterations, particles, episodes,
                runs);
        for (int i = 0; i < fields.size(); i++) {
            VBox v = fields.get(i).view();
            numbers.add(v, i % 2, i / 2);
            javafx.scene.layout.GridPane.setHgrow(v, Priority.ALWAYS);
            javafx.scene.layout.GridPane.setValignment(v, javafx.geometry.VPos.BOTTOM);
        }
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        numbers.getColumnConstraints().addAll(half, half);
        box.getChildren().addAll(optionsTitle, new Label("Task"), taskBox, new Label("Planner"), plannerBox,
                new Label("Model"), modelBox, new Label("Propagation"), propagationBox, numbers, optionsError, apply,
                dataLabel);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("planningOptionsScroll");
        scroll.setFitToWidth(true);
        scroll.setMinWidth(215);
        scroll.setPrefWidth(250);
        return scroll;
    }

    private static <E> javafx.util.StringConverter<E> converter(java.util.function.Function<E, String> label,
                                                                E[] values) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : label.apply(e);
            }

            @Override
            public E fromString(String s) {
                for (E e : values) {
                    if (label.apply(e).equals(s)) {
                        return e;
                    }
                }
                return null;
            }
        };
    }

    private void fillPlanner(PlannerSettings p) {
        plannerBox.setValue(p.planner());
        horizon.setText(Integer.toString(p.horizon()));
        population.setText(Integer.toString(p.population()));
        elites.setText(Integer.toString(p.elites()));
        iterations.setText(Integer.toString(p.iterations()));
        propagationBox.setValue(p.propagation());
        particles.setText(Integer.toString(p.particles()));
    }

    /** Shows settings in the fields. */
    private void showSettings(PlanningSettings s) {
        taskBox.setValue(s.task());
        modelBox.setValue(s.model());
        fillPlanner(s.planner());
        episodes.setText(Integer.toString(s.episodes()));
        runs.setText(Integer.toString(s.runs()));
        chartNote.setText("Top: return per episode (blue; green squares: success"
                + (s.runs() > 0 ? "; sky blue: mean of " + s.runs() + " background runs, 95% band" : "")
                + "). Bottom: the plans' J as the model predicts it (vermillion) and the same forces in the true "
                + "physics (black): a gap is the model being exploited.");
        checkOptions();
    }

    /** The options as settings, or empty with the reason shown at #optionsError. */
    Optional<PlanningSettings> readOptions() {
        String error = null;
        PlanningSettings s = null;
        if (!horizon.validProperty().get() || !population.validProperty().get() || !elites.validProperty().get()
                || !iterations.validProperty().get() || !particles.validProperty().get()
                || !episodes.validProperty().get() || !runs.validProperty().get()) {
            error = "Fix the fields marked red first";
        } else {
            try {
                Propagation prop = propagationBox.getValue();
                int n = particles.value().orElseThrow();
                if (prop == Propagation.MEAN && n != 1) {
                    throw new IllegalArgumentException("particles must be 1 with the deterministic mean, got " + n);
                }
                int p = population.value().orElseThrow();
                int k = elites.value().orElseThrow();
                if (k > p) {
                    throw new IllegalArgumentException("elites must be at most the population " + p + ", got " + k);
                }
                PlannerSettings planner = new PlannerSettings(plannerBox.getValue(), horizon.value().orElseThrow(), p,
                        k, iterations.value().orElseThrow(), PlannerSettings.PETS_ALPHA, n, prop);
                s = new PlanningSettings(model.playback().seed(), taskBox.getValue(), planner, modelBox.getValue(),
                        episodes.value().orElseThrow(), runs.value().orElseThrow()).withinBudget();
            } catch (IllegalArgumentException | java.util.NoSuchElementException | NullPointerException e) {
                error = String.valueOf(e.getMessage());
            }
        }
        optionsError.setText(error == null ? "" : error);
        optionsError.setVisible(error != null);
        optionsError.setManaged(error != null);
        apply.setDisable(error != null);
        return Optional.ofNullable(s);
    }

    private void checkOptions() {
        if (horizon != null && runs != null && episodes != null) {
            readOptions();
        }
    }

    private void applyPreset(String file) {
        Sessions.preset(file).ifPresent(session -> applySettings(session.settings()).ifPresent(status::setMessage));
    }

    private void showFrame(PlanningFrame f) {
        canvas.show(f);
        if (f == null) {
            return;
        }
        dataLabel.setText(String.format(Locale.ROOT, "Data: %d transitions.%s%s", f.transitions(),
                f.fitMillis() >= 50 ? String.format(Locale.ROOT, " Last model fit: %.1f s.", f.fitMillis() / 1000)
                        : "", Double.isNaN(f.modelError()) ? "" : String.format(Locale.ROOT, " The model's one-step "
                        + "error of theta' on the episode it planned (held out): %.3f rad/s (rms).", f.modelError())));
        if (f.finished().size() != episodesShown) {
            episodesShown = f.finished().size();
            returnsPlot.setDataset(0, PetsChart.returns(f.finished()));
            planPlot.setDataset(0, PetsChart.planReturns(f.finished()));
            fitPlanLegend();
        }
    }

    private void showBands(ReturnBands b) {
        bands.removeAllSeries();
        if (b == null || b.runsDone() == 0) {
            return;
        }
        bands.addSeries(bandSeries(b, model.settings().cartPoleTask().steps()));
    }

    /**
     * The mean return per episode with its 95% band, the band cut to the returns an episode can have: 0 to {@code
     * steps} (every task's reward per step lies in [0, 1]); with two runs the t factor is 12.7 and the band would
     * stretch the axis far past any possible return.
     */
    static YIntervalSeries bandSeries(ReturnBands b, int steps) {
        YIntervalSeries s = new YIntervalSeries("mean of " + b.runsDone() + " of " + b.runsTotal() + " runs, 95%");
        for (int e = 0; e < b.mean().length; e++) {
            double m = b.mean()[e];
            double h = b.halfWidth()[e];
            s.add(e + 1, m, Math.max(0, m - h), Math.min(steps, m + h));
        }
        return s;
    }

    /**
     * Gives each subplot's value axis the longest label that fits the subplot's height: JFreeChart centres a rotated
     * label on its own subplot and lets it run over the next one, so "Plan return" on the lower plot (110 px tall at
     * 1024x768, text 1.5) lay across "Return" on the upper.
     */
    private void fitAxisLabels() {
        org.jfree.chart.ChartRenderingInfo info = chartViewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getSubplotCount() < 2) {
            return;
        }
        double returns = info.getPlotInfo().getSubplotInfo(0).getDataArea().getHeight();
        double plan = info.getPlotInfo().getSubplotInfo(1).getDataArea().getHeight();
        if (returns <= 0 || plan <= 0) {
            return;
        }
        mbrllab.charts.AxisLabels.fit(returnsPlot.getRangeAxis(), returns, "Return", "");
        mbrllab.charts.AxisLabels.fit(planPlot.getRangeAxis(), plan, "Plan return", "Plan", "");
        fitPlanLegend();
    }

    /**
     * The plans' legend in the corner of their subplot over fewer of their points, as last drawn (the data area does
     * not depend on the data); after new data and a new size. Not after every drawing: see the chart's height
     * listener.
     */
    private void fitPlanLegend() {
        org.jfree.chart.ChartRenderingInfo info = chartViewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getSubplotCount() < 2) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(1).getDataArea();
        if (area.getWidth() <= 0 || area.getHeight() <= 0) {
            return;
        }
        double[] size = mbrllab.charts.InsideLegend.size(planLegend);
        mbrllab.charts.InsideLegend.moveTo((org.jfree.chart.renderer.xy.AbstractXYItemRenderer) planPlot.getRenderer(),
                mbrllab.charts.InsideLegend.corner(planPlot, area, size[0], size[1]));
    }

    /** The plans' legend in the tick labels' size (ChartThemes gives it the theme's colours). */
    private void fitLegendFont() {
        planLegend.setItemFont(planPlot.getRangeAxis().getTickLabelFont());
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    private static XYLineAndShapeRenderer returnsRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, Palette.categorical(0));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesPaint(1, Palette.categorical(2));
        r.setSeriesShape(1, new Rectangle2D.Double(-6, -6, 12, 12));
        return r;
    }

    private static XYLineAndShapeRenderer planRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) {
            r.setSeriesPaint(i, Palette.categorical(i == 0 ? 1 : 7));
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        // the legend's short names (the series keep theirs, which exports and their CSV name)
        r.setLegendItemLabelGenerator((data, series) -> series == 0 ? "model" : "true physics");
        return r;
    }

    /** The view model (tests). */
    PlanningViewModel viewModel() {
        return model;
    }

    @Override
    public RunControls controls() {
        return new RunControls(model::togglePlay, model::step, () -> {
            model.reset();
            episodesShown = -1;
        });
    }

    @Override
    public void setFontScale(double scale) {
        fontScale = scale;
        canvas.setFontScale(scale);
        ChartThemes.apply(chart, scale, Theme.of(canvas.highContrast()));
        fitLegendFont();
        // A tick label's height between the two subplots: a tick at the foot of the returns and one at the top of
        // the plans' values ("0.000" over "1.0" after one episode) touched at text 1.5 with the fixed 10 px.
        ((CombinedDomainXYPlot) chart.getXYPlot()).setGap(Math.ceil(GAP_PER_SCALE * scale));
        chartViewer.setMinHeight(Math.ceil(CHART_MIN_HEIGHT * scale));
        javafx.application.Platform.runLater(this::fitAxisLabels);
    }

    @Override
    public void setHighContrast(boolean on) {
        canvas.setHighContrast(on);
        ChartThemes.apply(chart, fontScale, Theme.of(on));
    }

    @Override
    public void dispose() {
        model.dispose();
    }

    @Override
    public List<ExportTarget> exportTargets() {
        List<ExportTarget> targets = new ArrayList<>();
        PlanningFrame f = canvas.frame();
        double w = Math.max(600, canvas.getWidth());
        double h = Math.max(300, canvas.getHeight());
        double scale = canvas.fontScale();
        boolean hc = canvas.highContrast();
        targets.add(new ExportTarget("planning-picture", "Planning: the cart, the candidates and the plan",
                () -> Exports.png2x(w, h, pen -> PlanningPicture.draw(pen, f, w, h, scale, hc)),
                () -> Exports.svg(w, h, pen -> PlanningPicture.draw(pen, f, w, h, scale, hc)),
                () -> PlanningPicture.csv(f)));
        double cw = Math.max(500, chartViewer.getWidth());
        double ch = Math.max(300, chartViewer.getHeight());
        targets.add(new ExportTarget("planning-returns",
                "Planning: return per episode, predicted and true plan returns",
                () -> Exports.chartPng2x(chart, cw, ch), () -> Exports.chartSvg(chart, cw, ch),
                () -> episodesCsv(f)));
        return targets;
    }

    /** Per finished episode of the animated run: the columns of pets.csv that do not depend on the clock. */
    static String episodesCsv(PlanningFrame f) {
        StringBuilder sb = new StringBuilder("episode,return,steps,transitions,success,plan_predicted,plan_true\n");
        if (f != null) {
            for (PetsEpisode e : f.finished()) {
                sb.append(e.number()).append(',').append(String.format(Locale.ROOT, "%.6f", e.totalReturn()))
                        .append(',').append(e.steps()).append(',').append(e.transitions()).append(',')
                        .append(e.success() ? 1 : 0).append(',')
                        .append(e.random() ? "" : String.format(Locale.ROOT, "%.6f", e.predictedReturn())).append(',')
                        .append(e.random() ? "" : String.format(Locale.ROOT, "%.6f", e.replayedReturn())).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public Optional<SessionState> session() {
        return Optional.of(this);
    }

    @Override
    public ObjectNode toSettings() {
        return model.settings().withSeed(model.playback().seed()).toJson();
    }

    @Override
    public Optional<String> applySettings(JsonNode settings) {
        try {
            PlanningSettings s = PlanningSettings.fromJson(settings);
            PresetAction action = SessionFields.of(settings).choiceOrNone("action",
                    java.util.EnumSet.of(PresetAction.PLAY));
            model.apply(s);
            episodesShown = -1;
            if (action == PresetAction.PLAY) {
                model.playback().setPlaying(true);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
