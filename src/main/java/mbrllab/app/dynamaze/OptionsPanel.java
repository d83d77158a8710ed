package mbrllab.app.dynamaze;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import mbrllab.app.controls.ValidatedField;
import mbrllab.app.controls.ValidatedField.Result;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.PlanningSampling;
import mbrllab.core.dyna.TieBreaking;
import mbrllab.app.maze.Overlays;

/**
 * The Dyna-maze lab's side panel: the parameters of SPEC section 2, checked at the field (a bad value is
 * marked with its reason and Apply stays disabled), the overlays each pane draws, and Figure 8.3.
 */
final class OptionsPanel {

    /** Most panes shown side by side. */
    static final int MAX_PANES = 6;

    private final DynaMazeViewModel model;
    private final ScrollPane root;
    private final ValidatedField<List<Integer>> nList;
    private final ValidatedField<Double> alpha;
    private final ValidatedField<Double> gamma;
    private final ValidatedField<Double> epsilon;
    private final ValidatedField<Integer> runs;
    private final ValidatedField<Integer> episodes;
    private final ComboBox<TieBreaking> tieBreaking = new ComboBox<>();
    /** Radio buttons, which wrap at large text ("state, then ..." in a choice box at text 1.5). */
    private final javafx.scene.control.ToggleGroup sampling = new javafx.scene.control.ToggleGroup();
    private final Label applied = new Label();

    OptionsPanel(DynaMazeViewModel model) {
        this.model = model;
        DynaParams p = model.params();
        nList = new ValidatedField<>("nValuesField", "Planning steps n (a pane each)",
                "Comma-separated list, e.g. 0, 5, 50 or 0, 1, 10, 100; each n in 0.." + DynaParams.MAX_N,
                OptionsPanel::parseNList, join(model.nValuesProperty().get()));
        alpha = new ValidatedField<>("alphaField", "Step size alpha", "In (0, 1]; the book uses 0.1",
                ValidatedField.decimal("alpha", 0, true, 1), Double.toString(p.alpha()));
        gamma = new ValidatedField<>("gammaField", "Discount gamma", "In [0, 1]; the book uses 0.95",
                ValidatedField.decimal("gamma", 0, false, 1), Double.toString(p.gamma()));
        epsilon = new ValidatedField<>("epsilonField", "Exploration epsilon", "In [0, 1]; the book uses 0.1",
                ValidatedField.decimal("epsilon", 0, false, 1), Double.toString(p.epsilon()));
        runs = new ValidatedField<>("runsField", "Runs R for the curves",
                "Independent runs averaged in the chart, 1.." + LearningCurveSpec.MAX_RUNS,
                ValidatedField.integer("runs", 1, LearningCurveSpec.MAX_RUNS), Integer.toString(model.runs()));
        episodes = new ValidatedField<>("episodesField", "Episodes per run",
                "Episodes of each background run, 1..10000", ValidatedField.integer("episodes", 1, 10_000),
                Integer.toString(model.episodes()));
        tieBreaking.setId("tieBreakingBox");
        tieBreaking.getItems().setAll(TieBreaking.values());
        tieBreaking.setValue(p.tieBreaking());
        tieBreaking.setTooltip(new Tooltip("Random: the book's choice. First index: always the first of equally good "
                + "actions (up, down, left, right); with Q = 0 everywhere the agent then keeps bumping into the top "
                + "wall."));
        VBox samplingBox = new VBox(4);
        samplingBox.setId("samplingBox");
        for (PlanningSampling ps : PlanningSampling.values()) {
            javafx.scene.control.RadioButton b = new javafx.scene.control.RadioButton(ps.label());
            b.setId("sampling-" + ps.key());
            b.setUserData(ps);
            b.setToggleGroup(sampling);
            b.setTooltip(new Tooltip("State, then action: the lecture's step (f). Uniform over pairs: every "
                    + "observed (x,u) equally likely."));
            samplingBox.getChildren().add(b);
        }
        setSampling(p.sampling());

        Button apply = new Button("Apply and reset");
        apply.setId("applyButton");
        apply.setDefaultButton(true);
        BooleanBinding allValid = Bindings.createBooleanBinding(() -> nList.validProperty().get()
                        && alpha.validProperty().get() && gamma.validProperty().get() && epsilon.validProperty().get()
                        && runs.validProperty().get() && episodes.validProperty().get(),
                nList.validProperty(), alpha.validProperty(), gamma.validProperty(), epsilon.validProperty(),
                runs.validProperty(), episodes.validProperty());
        apply.disableProperty().bind(allValid.not());
        apply.setOnAction(e -> apply());
        Button defaults = new Button("Book defaults");
        defaults.setId("defaultsButton");
        defaults.setOnAction(e -> {
            DynaParams d = DynaParams.defaults();
            nList.setText("0, 5, 50");
            alpha.setText(Double.toString(d.alpha()));
            gamma.setText(Double.toString(d.gamma()));
            epsilon.setText(Double.toString(d.epsilon()));
            runs.setText("30");
            episodes.setText("50");
            tieBreaking.setValue(d.tieBreaking());
            setSampling(d.sampling());
        });
        applied.setId("appliedLabel");
        applied.setWrapText(true);
        applied.getStyleClass().add("note");

        VBox parameters = new VBox(6, nList.view(), alpha.view(), gamma.view(), epsilon.view(),
                new VBox(2, new Label("Tie-breaking"), tieBreaking),
                new VBox(2, new Label("Planning samples"), samplingBox),
                runs.view(), episodes.view(), apply, defaults, applied);
        apply.setMaxWidth(Double.MAX_VALUE);
        defaults.setMaxWidth(Double.MAX_VALUE);
        TitledPane paramPane = new TitledPane("Parameters", parameters);

        VBox overlayBox = new VBox(4);
        Overlays o = model.overlaysProperty().get();
        List<CheckBox> boxes = new ArrayList<>();
        String[] names = {"Q triangles", "Greedy arrows", "State values max Q", "Visit counts", "Cells the model knows",
            "Planning update", "Agent's trail"};
        boolean[] initial = {o.qTriangles(), o.greedyArrows(), o.stateValues(), o.visitCounts(), o.modelKnown(),
            o.planning(), o.trail()};
        String[] ids = {"overlayQ", "overlayArrows", "overlayValues", "overlayVisits", "overlayKnown",
            "overlayPlanning", "overlayTrail"};
        for (int i = 0; i < names.length; i++) {
            CheckBox box = new CheckBox(names[i]);
            box.setId(ids[i]);
            box.setSelected(initial[i]);
            boxes.add(box);
            box.setOnAction(e -> model.setOverlays(new Overlays(boxes.get(0).isSelected(), boxes.get(1).isSelected(),
                    boxes.get(2).isSelected(), boxes.get(3).isSelected(), boxes.get(4).isSelected(),
                    boxes.get(5).isSelected(), boxes.get(6).isSelected())));
            overlayBox.getChildren().add(box);
        }
        TitledPane overlayPane = new TitledPane("Overlays", overlayBox);

        Button figure83 = new Button("Figure 8.3");
        figure83.setId("figure83Button");
        figure83.setMaxWidth(Double.MAX_VALUE);
        figure83.setTooltip(new Tooltip("Run n = 0 and n = 50 to halfway through episode 2 and freeze them "
                + "side by side"));
        figure83.setOnAction(e -> model.showFigure83());
        Label figureNote = new Label("Freezes n = 0 and n = 50 halfway through episode 2, as in the book. \"Back to "
                + "the panes\" resumes them where they were; Reset (Ctrl+R) starts afresh.");
        figureNote.setWrapText(true);
        figureNote.getStyleClass().add("note");
        TitledPane figuresPane = new TitledPane("Book figures", new VBox(6, figure83, figureNote));

        model.configVersionProperty().addListener((obs, was, now) -> {
            DynaParams q = model.params();
            nList.setText(join(model.nValuesProperty().get()));
            alpha.setText(Double.toString(q.alpha()));
            gamma.setText(Double.toString(q.gamma()));
            epsilon.setText(Double.toString(q.epsilon()));
            runs.setText(Integer.toString(model.runs()));
            episodes.setText(Integer.toString(model.episodes()));
            tieBreaking.setValue(q.tieBreaking());
            setSampling(q.sampling());
            Overlays v = model.overlaysProperty().get();
            boolean[] now2 = {v.qTriangles(), v.greedyArrows(), v.stateValues(), v.visitCounts(), v.modelKnown(),
                v.planning(), v.trail()};
            for (int i = 0; i < boxes.size(); i++) {
                boxes.get(i).setSelected(now2[i]);
            }
        });
        VBox content = new VBox(4, figuresPane, paramPane, overlayPane);
        content.setPadding(new Insets(4));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("optionsPanel");
        root.setPrefWidth(270);
        root.setMinWidth(180);
    }

    Node view() {
        return root;
    }

    private void apply() {
        DynaParams params = new DynaParams(alpha.value().orElseThrow(), gamma.value().orElseThrow(),
                epsilon.value().orElseThrow(), 0, tieBreaking.getValue(),
                (PlanningSampling) sampling.getSelectedToggle().getUserData());
        try {
            model.configure(params, nList.value().orElseThrow(), runs.value().orElseThrow(),
                    episodes.value().orElseThrow());
            applied.setText("Applied: new agents and a new background experiment.");
        } catch (IllegalArgumentException e) {
            applied.setText("Not applied: " + e.getMessage());
        }
    }

    static Result<List<Integer>> parseNList(String text) {
        if (text.isBlank()) {
            return Result.error("enter at least one n, e.g. 0, 5, 50");
        }
        List<Integer> values = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int n;
            try {
                n = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return Result.error("'" + part + "' is not a whole number; list n values like 0, 5, 50");
            }
            if (n < 0 || n > DynaParams.MAX_N) {
                return Result.error("n must be in 0.." + DynaParams.MAX_N + ", got " + n);
            }
            if (values.contains(n)) {
                return Result.error("n = " + n + " is listed twice; each pane needs its own n");
            }
            values.add(n);
        }
        if (values.isEmpty()) {
            return Result.error("enter at least one n, e.g. 0, 5, 50");
        }
        if (values.size() > MAX_PANES) {
            return Result.error("at most " + MAX_PANES + " panes fit side by side, got " + values.size());
        }
        return Result.ok(List.copyOf(values));
    }

    static String join(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v);
        }
        return sb.toString();
    }

    private void setSampling(PlanningSampling value) {
        for (javafx.scene.control.Toggle t : sampling.getToggles()) {
            t.setSelected(t.getUserData() == value);
        }
    }
}
