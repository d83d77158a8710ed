package mbrllab.app.cartpole;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import mbrllab.app.controls.ValidatedField;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningSpec;

/**
 * The cart-pole lab's side panel: the system and the agent, the Dyna-Q model and parameters (checked at the field:
 * a bad value is marked with its reason and Apply stays disabled), and the lesson of the two models.
 */
final class CartPoleOptions {

    private final CartPoleViewModel model;
    private final Label modelNote = new Label();
    private final TitledPane dynaPane = new TitledPane();
    private final ScrollPane root;

    CartPoleOptions(CartPoleViewModel model) {
        this.model = model;
        modelNote.setId("modelNote");
        modelNote.setWrapText(true);
        modelNote.getStyleClass().add("note");
        modelNote.setMinHeight(Region.USE_PREF_SIZE);
        model.modelProperty().addListener((o, a, b) -> showModelNote());
        showModelNote();

        ToggleGroup systems = new ToggleGroup();
        RadioButton balance = new RadioButton(CartSystem.BALANCE.label());
        balance.setId("systemBalance");
        balance.setTooltip(new Tooltip("Gymnasium's CartPole-v1: keep the pole within 12 degrees and the cart within "
                + "2.4 m; 500 steps of 0.02 s at most"));
        RadioButton swingUp = new RadioButton(CartSystem.SWING_UP.label());
        swingUp.setId("systemSwingUp");
        swingUp.setTooltip(new Tooltip("PILCO's cart-pole: the pole starts hanging; swing it up and hold it above "
                + "x = 0; episodes of 4 s, pushes held for 0.1 s"));
        balance.setToggleGroup(systems);
        swingUp.setToggleGroup(systems);
        balance.setWrapText(true);
        swingUp.setWrapText(true);
        ToggleGroup agents = new ToggleGroup();
        RadioButton keyboard = new RadioButton("Keyboard (← →)");
        keyboard.setId("agentKeyboard");
        keyboard.setTooltip(new Tooltip("You push: hold the left or right arrow key (no key: no force)"));
        RadioButton random = new RadioButton("Random pushes");
        random.setId("agentRandom");
        random.setTooltip(new Tooltip("Pushes left or right with probability 1/2 every step"));
        RadioButton dyna = new RadioButton("Dyna-Q on BOXES");
        dyna.setId("agentDyna");
        dyna.setTooltip(new Tooltip("Three tabular Dyna-Q agents on the 162 boxes of Barto, Sutton and Anderson "
                + "(1983), side by side in lock step (balance only)"));
        for (RadioButton b : List.of(keyboard, random, dyna)) {
            b.setToggleGroup(agents);
            b.setWrapText(true);
        }
        Runnable syncChoices = () -> {
            (model.systemProperty().get() == CartSystem.BALANCE ? balance : swingUp).setSelected(true);
            switch (model.agentProperty().get()) {
                case KEYBOARD -> keyboard.setSelected(true);
                case RANDOM -> random.setSelected(true);
                default -> dyna.setSelected(true);
            }
        };
        syncChoices.run();
        model.systemProperty().addListener((o, a, b) -> syncChoices.run());
        model.agentProperty().addListener((o, a, b) -> syncChoices.run());
        balance.setOnAction(e -> model.setSystem(CartSystem.BALANCE));
        swingUp.setOnAction(e -> model.setSystem(CartSystem.SWING_UP));
        keyboard.setOnAction(e -> model.setAgent(AgentKind.KEYBOARD));
        random.setOnAction(e -> model.setAgent(AgentKind.RANDOM));
        dyna.setOnAction(e -> model.setAgent(AgentKind.DYNA_Q));
        Label dynaNote = new Label("Dyna-Q on BOXES balances only: the boxes divide the balance task's states.");
        dynaNote.setWrapText(true);
        dynaNote.getStyleClass().add("note");
        VBox cartBox = new VBox(5, new Label("System"), balance, swingUp, new Separator(), new Label("Agent"), keyboard,
                random, dyna, dynaNote);
        TitledPane cartPane = new TitledPane("Cart-pole", cartBox);

        ToggleGroup models = new ToggleGroup();
        RadioButton sample = new RadioButton("Sample model");
        sample.setId("modelSample");
        sample.setTooltip(new Tooltip("Keeps every next box seen with its count; planning draws one by its frequency"));
        RadioButton last = new RadioButton("Last outcome");
        last.setId("modelLast");
        last.setTooltip(new Tooltip("The maze's model: keeps only the latest next box of each (box, push) and "
                + "believes it for sure"));
        sample.setToggleGroup(models);
        last.setToggleGroup(models);
        (model.modelProperty().get() == BoxModelKind.SAMPLE ? sample : last).setSelected(true);
        model.modelProperty().addListener((o, a, b) -> (b == BoxModelKind.SAMPLE ? sample : last).setSelected(true));
        sample.setOnAction(e -> model.setModel(BoxModelKind.SAMPLE));
        last.setOnAction(e -> model.setModel(BoxModelKind.LAST_OUTCOME));

        BoxesDynaParams p = model.params();
        ValidatedField<Double> alpha = new ValidatedField<>("alphaField", "Step size alpha", "In (0, 1]; default 0.1",
                ValidatedField.decimal("alpha", 0, true, 1), Double.toString(p.alpha()));
        ValidatedField<Double> epsilon = new ValidatedField<>("epsilonField", "Exploration epsilon",
                "In [0, 1]; default 0.1", ValidatedField.decimal("epsilon", 0, false, 1), Double.toString(p.epsilon()));
        ValidatedField<Double> gamma = new ValidatedField<>("gammaField", "Discount gamma", "In [0, 1]; default 0.99",
                ValidatedField.decimal("gamma", 0, false, 1), Double.toString(p.gamma()));
        ValidatedField<Integer> runs = new ValidatedField<>("runsField", "Runs R for the curves",
                "Independent runs averaged in the chart, 1.." + BoxesLearningSpec.MAX_RUNS,
                ValidatedField.integer("runs", 1, BoxesLearningSpec.MAX_RUNS), Integer.toString(model.runs()));
        ValidatedField<Integer> episodes = new ValidatedField<>("episodesField", "Episodes per run",
                "Episodes of each background run, 1.." + CartPoleViewModel.MAX_EPISODES,
                ValidatedField.integer("episodes", 1, CartPoleViewModel.MAX_EPISODES),
                Integer.toString(model.episodes()));
        Button apply = new Button("Apply and reset");
        apply.setId("applyButton");
        apply.setMaxWidth(Double.MAX_VALUE);
        BooleanBinding allValid = Bindings.createBooleanBinding(() -> alpha.validProperty().get()
                        && epsilon.validProperty().get() && gamma.validProperty().get() && runs.validProperty().get()
                        && episodes.validProperty().get(), alpha.validProperty(), epsilon.validProperty(),
                gamma.validProperty(), runs.validProperty(), episodes.validProperty());
        apply.disableProperty().bind(allValid.not());
        Label applied = new Label();
        applied.setId("appliedLabel");
        applied.setWrapText(true);
        applied.getStyleClass().add("note");
        apply.setOnAction(e -> {
            try {
                model.configure(new BoxesDynaParams(alpha.value().orElseThrow(), gamma.value().orElseThrow(),
                        epsilon.value().orElseThrow(), 0), runs.value().orElseThrow(), episodes.value().orElseThrow());
                applied.setText("Applied: new agents and a new background experiment.");
            } catch (IllegalArgumentException ex) {
                applied.setText("Not applied: " + ex.getMessage());
            }
        });
        Button defaults = new Button("Defaults");
        defaults.setId("defaultsButton");
        defaults.setMaxWidth(Double.MAX_VALUE);
        defaults.setOnAction(e -> {
            BoxesDynaParams d = BoxesDynaParams.defaults();
            alpha.setText(Double.toString(d.alpha()));
            epsilon.setText(Double.toString(d.epsilon()));
            gamma.setText(Double.toString(d.gamma()));
            runs.setText(Integer.toString(CartPoleViewModel.DEFAULT_RUNS));
            episodes.setText(Integer.toString(CartPoleViewModel.DEFAULT_EPISODES));
        });
        model.configVersionProperty().addListener((o, was, now) -> {
            BoxesDynaParams q = model.params();
            alpha.setText(Double.toString(q.alpha()));
            epsilon.setText(Double.toString(q.epsilon()));
            gamma.setText(Double.toString(q.gamma()));
            runs.setText(Integer.toString(model.runs()));
            episodes.setText(Integer.toString(model.episodes()));
            applied.setText("");
        });
        VBox dynaBox = new VBox(5, new Label("Model of the boxes"), sample, last, modelNote, new Separator(),
                alpha.view(), epsilon.view(), gamma.view(), runs.view(), episodes.view(), apply, defaults, applied);
        dynaPane.setText("Dyna-Q on BOXES");
        dynaPane.setContent(dynaBox);
        dynaBox.disableProperty().bind(model.agentProperty().isNotEqualTo(AgentKind.DYNA_Q));

        Label lesson = new Label("Model errors can affect learning. A box lumps many states together, so the same "
                + "box and push lead to different next boxes.\n\n"
                + "Last outcome (the maze's model) keeps only the latest next box and believes it for sure: planning "
                + "spreads these errors, and n = 50 balances far shorter than n = 0.\n\n"
                + "The sample model keeps every next box with its count and plans with their frequencies: planning "
                + "then helps early on, n = 50 balancing longer than n = 0.\n\n"
                + "Under each pane: the current box and the model's entry for each push. Help (F1) has more.");
        lesson.setId("lessonText");
        lesson.setWrapText(true);
        lesson.getStyleClass().add("note");
        TitledPane lessonPane = new TitledPane("The lesson", lesson);

        VBox content = new VBox(4, cartPane, dynaPane, lessonPane);
        content.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("cartPoleOptions");
        scroll.setPrefWidth(250);
        scroll.setMinWidth(170);
        root = scroll;
    }

    Node view() {
        return root;
    }

    private void showModelNote() {
        modelNote.setText(model.modelProperty().get() == BoxModelKind.SAMPLE
                ? "Sample model: planning draws next boxes by their counts, and helps early on (n = 50 above n = 0)."
                : "Last outcome: planning trusts the latest next box of each (box, push), often wrong: n = 50 "
                + "balances far shorter than n = 0.");
    }
}
