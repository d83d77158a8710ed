package mbrllab.app.changing;

import java.util.List;
import java.util.Locale;

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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import mbrllab.app.controls.ValidatedField;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.PrioritizedSweeping;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.io.BundledMazes;

/**
 * The Changing mazes lab's side panel: the maze, the third agent, and the parameters (alpha, gamma, epsilon, n,
 * kappa, theta, slip, runs, steps), each checked at the field: a bad value is marked with its reason and Apply stays
 * disabled. "Book defaults" fills in the book's values for the maze on show.
 */
final class ChangingOptions {

    /** An entry of the maze choice. */
    record MazeChoice(String label, Maze maze) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ChangingMazeViewModel model;
    private final BorderPane root;
    private final ComboBox<MazeChoice> mazeChoice = new ComboBox<>();
    private final MazeChoice blocking = new MazeChoice("Blocking",
            BundledMazes.load(BundledMazes.BLOCKING_MAZE));
    private final MazeChoice shortcut = new MazeChoice("Shortcut",
            BundledMazes.load(BundledMazes.SHORTCUT_MAZE));
    private final Label mazeDescription = new Label();
    private final CheckBox sweeping = new CheckBox("Add prioritized sweeping (a third pane)");
    private final ValidatedField<Double> alpha;
    private final ValidatedField<Double> gamma;
    private final ValidatedField<Double> epsilon;
    private final ValidatedField<Integer> n;
    private final ValidatedField<Double> kappa;
    private final ValidatedField<Double> theta;
    private final ValidatedField<Double> slip;
    private final ValidatedField<Integer> runs;
    private final ValidatedField<Integer> steps;
    private final Label applied = new Label();
    private boolean updating;

    ChangingOptions(ChangingMazeViewModel model) {
        this.model = model;
        ChangingSettings s = model.settings();
        mazeChoice.setId("mazeChoice");
        mazeChoice.setMaxWidth(Double.MAX_VALUE);
        mazeChoice.setTooltip(new Tooltip("The maze and its change. File > Open maze file or File > Maze editor bring "
                + "in any other maze; a maze file with an \"after:\" layout and \"change-at:\" changes too."));
        mazeChoice.setOnAction(e -> {
            MazeChoice c = mazeChoice.getValue();
            if (!updating && c != null && c.maze() != model.mazeProperty().get()) {
                model.useMaze(c.maze());
            }
        });
        mazeDescription.setWrapText(true);
        mazeDescription.getStyleClass().add("note");
        mazeDescription.setId("mazeDescription");

        sweeping.setId("sweepingCheck");
        sweeping.setWrapText(true);
        sweeping.setSelected(s.sweeping());
        sweeping.setTooltip(new Tooltip("Prioritized sweeping (Section 8.4) on the same maze, with the same seed: its "
                + "planning follows a priority queue instead of random replay. Its queue is shown beside its pane."));
        sweeping.setOnAction(e -> {
            if (!updating && sweeping.isSelected() != model.settings().sweeping()) {
                try {
                    model.configure(model.settings().withSweeping(sweeping.isSelected()));
                    applied.setText(sweeping.isSelected() ? "Prioritized sweeping added."
                            : "Prioritized sweeping removed.");
                } catch (IllegalArgumentException ex) {
                    applied.setText("Not applied: " + ex.getMessage());
                    sweeping.setSelected(model.settings().sweeping());
                }
            }
        });

        alpha = new ValidatedField<>("alphaField", "Step size alpha", "In (0, 1]; the book uses 1.0 in Figures 8.4 "
                + "and 8.5", ValidatedField.decimal("alpha", 0, true, 1), fmt(s.alpha()));
        gamma = new ValidatedField<>("gammaField", "Discount gamma", "In [0, 1]; the book uses 0.95",
                ValidatedField.decimal("gamma", 0, false, 1), fmt(s.gamma()));
        epsilon = new ValidatedField<>("epsilonField", "Exploration epsilon", "In [0, 1]; the book uses 0.1",
                ValidatedField.decimal("epsilon", 0, false, 1), fmt(s.epsilon()));
        n = new ValidatedField<>("nField", "Planning steps n", "Planning updates per real step, 0.." + MAX_N
                + " (prioritized sweeping: at most n); the book uses 10 (Figure 8.4) and 50 (Figure 8.5)",
                ValidatedField.integer("n", 0, MAX_N), Integer.toString(s.n()));
        kappa = new ValidatedField<>("kappaField", "Dyna-Q+ bonus kappa", "In [0, " + fmt(DynaQ.MAX_KAPPA) + "]: a "
                + "planning update adds kappa sqrt(tau) to the reward; the book uses 1e-4 (8.4) and 1e-3 (8.5)",
                ValidatedField.decimal("kappa", 0, false, DynaQ.MAX_KAPPA), fmt(s.kappa()));
        theta = new ValidatedField<>("thetaField", "Sweeping threshold theta", "In [0, "
                + fmt(PrioritizedSweeping.MAX_THETA) + "]: prioritized sweeping queues a pair when its |TD error| "
                + "exceeds theta", ValidatedField.decimal("theta", 0, false, PrioritizedSweeping.MAX_THETA),
                fmt(s.theta()));
        slip = new ValidatedField<>("slipField", "Slip probability", "In [0, 1]: with this probability the maze "
                + "replaces the chosen move by a random one. " + MazeDynamics.SLIP_EXPLANATION,
                ValidatedField.decimal("slip", 0, false, 1), fmt(s.slip()));
        runs = new ValidatedField<>("runsField", "Runs R for the chart", "Independent runs averaged in the chart, 1.."
                + CumulativeRewardSpec.MAX_RUNS, ValidatedField.integer("runs", 1, CumulativeRewardSpec.MAX_RUNS),
                Integer.toString(s.runs()));
        steps = new ValidatedField<>("stepsField", "Time steps per run", "Real steps of each run, 1.."
                + CumulativeRewardSpec.MAX_STEPS + "; the book uses 3000 (8.4) and 6000 (8.5)",
                ValidatedField.integer("steps", 1, CumulativeRewardSpec.MAX_STEPS), Integer.toString(s.steps()));
        Label slipNote = new Label("Slip: see Help (F1) for why a deterministic model misleads then.");
        slipNote.setWrapText(true);
        slipNote.getStyleClass().add("note");

        Button apply = new Button("Apply and reset");
        apply.setId("applyButton");
        apply.setDefaultButton(true);
        List<ValidatedField<?>> fields = List.of(alpha, gamma, epsilon, n, kappa, theta, slip, runs, steps);
        BooleanBinding allValid = Bindings.createBooleanBinding(() -> fields.stream()
                .allMatch(f -> f.validProperty().get()), fields.stream().map(ValidatedField::validProperty)
                .toArray(javafx.beans.Observable[]::new));
        apply.disableProperty().bind(allValid.not());
        apply.setOnAction(e -> apply());
        apply.setMaxWidth(Double.MAX_VALUE);
        Button defaults = new Button("Book defaults for this maze");
        defaults.setId("defaultsButton");
        defaults.setMaxWidth(Double.MAX_VALUE);
        // two lines in a narrow side panel (1024x768, text 1.5), not "Book defaults for thi..."
        defaults.setWrapText(true);
        defaults.setOnAction(e -> show(ChangingSettings.bookDefaults(model.mazeProperty().get())
                .withSweeping(model.settings().sweeping())));
        defaults.setTooltip(new Tooltip("Fill in the book's parameters for the maze on show; Apply to use them"));
        applied.setId("appliedLabel");
        applied.setWrapText(true);
        applied.getStyleClass().add("note");

        VBox mazeBox = new VBox(6, mazeChoice, mazeDescription);
        TitledPane mazePane = new TitledPane("Maze", mazeBox);
        VBox agentBox = new VBox(6, sweeping);
        TitledPane agentPane = new TitledPane("Agents", agentBox);
        VBox parameters = new VBox(6, alpha.view(), gamma.view(), epsilon.view(), n.view(), kappa.view(),
                theta.view(), slip.view(), slipNote, runs.view(), steps.view());
        TitledPane paramPane = new TitledPane("Parameters", parameters);

        model.configVersionProperty().addListener((o, a, b) -> show(model.settings()));
        model.mazeProperty().addListener((o, a, b) -> showMaze());
        showMaze();
        VBox content = new VBox(4, mazePane, agentPane, paramPane);
        content.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        // Apply stays in sight under the scrolling fields.
        VBox buttons = new VBox(4, apply, defaults, applied);
        buttons.setPadding(new Insets(6, 8, 6, 8));
        buttons.getStyleClass().add("options-buttons");
        root = new BorderPane(scroll);
        root.setBottom(buttons);
        root.setId("changingOptions");
        root.setPrefWidth(270);
        root.setMinWidth(180);
    }

    /** Largest n offered (the core goes to {@link DynaParams#MAX_N}; beyond this a tick takes too long to watch). */
    static final int MAX_N = 10_000;

    Node view() {
        return root;
    }

    /** Widens the panel with the text, so that its fields and the maze names stay readable. */
    void setFontScale(double scale) {
        root.setPrefWidth(270 * scale);
    }

    private void apply() {
        try {
            ChangingSettings s = new ChangingSettings(alpha.value().orElseThrow(), gamma.value().orElseThrow(),
                    epsilon.value().orElseThrow(), n.value().orElseThrow(), kappa.value().orElseThrow(),
                    theta.value().orElseThrow(), runs.value().orElseThrow(), steps.value().orElseThrow(),
                    slip.value().orElseThrow(), sweeping.isSelected());
            model.configure(s);
            applied.setText("Applied: new agents and a new background experiment.");
        } catch (IllegalArgumentException e) {
            applied.setText("Not applied: " + e.getMessage());
        }
    }

    private void show(ChangingSettings s) {
        updating = true;
        try {
            alpha.setText(fmt(s.alpha()));
            gamma.setText(fmt(s.gamma()));
            epsilon.setText(fmt(s.epsilon()));
            n.setText(Integer.toString(s.n()));
            kappa.setText(fmt(s.kappa()));
            theta.setText(fmt(s.theta()));
            slip.setText(fmt(s.slip()));
            runs.setText(Integer.toString(s.runs()));
            steps.setText(Integer.toString(s.steps()));
            sweeping.setSelected(s.sweeping());
        } finally {
            updating = false;
        }
    }

    private void showMaze() {
        updating = true;
        try {
            Maze m = model.mazeProperty().get();
            MazeChoice current;
            if (ChangingSettings.sameMaze(m, blocking.maze())) {
                current = blocking;
            } else if (ChangingSettings.sameMaze(m, shortcut.maze())) {
                current = shortcut;
            } else {
                current = new MazeChoice(m.name() + " (opened)", m);
            }
            if (current == blocking || current == shortcut) {
                mazeChoice.getItems().setAll(blocking, shortcut);
            } else {
                mazeChoice.getItems().setAll(blocking, shortcut, current);
            }
            mazeChoice.setValue(current);
            String change = m.change().map(c -> String.format(Locale.ROOT, "Changes after step %,d.", c.afterStep()))
                    .orElse("Does not change.");
            mazeDescription.setText(ChangingMazeViewModel.sentence(m.description().isEmpty() ? m.name()
                    : m.description()) + " " + change
                    + String.format(Locale.ROOT, " %d x %d, shortest path %d steps%s.", m.layout().rows(),
                    m.layout().cols(), m.layout().shortestPathLength(), m.change().map(c -> String.format(Locale.ROOT,
                    ", %d after the change", c.layout().shortestPathLength())).orElse("")));
        } finally {
            updating = false;
        }
    }

    /** A number as one would type it: 0.0001 rather than 1.0E-4, 1 rather than 1.0. */
    static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
