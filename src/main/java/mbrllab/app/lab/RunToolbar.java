package mbrllab.app.lab;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The run controls every lab puts in the shell's toolbar: Play/Pause, Step, Reset, the speed slider with its text,
 * the seed field, then the lab's own items. The buttons call the lab's {@link RunControls} (so that the keyboard
 * shortcuts and the buttons do the same thing); the slider and the seed are bound to the lab's {@link Playback}.
 */
public final class RunToolbar {

    /**
     * The tooltips, which say what the controls do in this lab.
     *
     * @param play  Play/Pause
     * @param step  Step
     * @param reset Reset
     * @param speed the speed slider
     * @param seed  the seed field
     */
    public record Tips(String play, String step, String reset, String speed, String seed) {
    }

    /** The seed field's default tooltip. */
    public static final String SEED_TIP = "Seed of the random numbers; applied on Reset. Same seed, same run.";
    /** The speed slider's default tooltip. */
    public static final String SPEED_TIP = "From 1 step per second to as fast as possible (far right)";

    private RunToolbar() {
    }

    /**
     * The toolbar items: {@code #playButton}, {@code #stepButton}, {@code #resetButton}, {@code #speedSlider},
     * {@code #speedLabel}, {@code #seedField}, then {@code extras}.
     */
    public static List<Node> build(Playback playback, RunControls controls, Tips tips, Node... extras) {
        Button play = new Button("Play");
        play.setId("playButton");
        play.textProperty().bind(Bindings.when(playback.playingProperty()).then("Pause").otherwise("Play"));
        play.setOnAction(e -> controls.playPause().run());
        play.setTooltip(new Tooltip(tips.play()));
        play.setMinWidth(Region.USE_PREF_SIZE);
        Button step = new Button("Step");
        step.setId("stepButton");
        step.setOnAction(e -> controls.step().run());
        step.setTooltip(new Tooltip(tips.step()));
        Button reset = new Button("Reset");
        reset.setId("resetButton");
        reset.setOnAction(e -> controls.reset().run());
        reset.setTooltip(new Tooltip(tips.reset()));
        Slider speed = new Slider(0, Playback.MAX_POSITION, playback.speedProperty().get());
        speed.setId("speedSlider");
        speed.setPrefWidth(150);
        speed.valueProperty().bindBidirectional(playback.speedProperty());
        speed.setTooltip(new Tooltip(tips.speed()));
        Label speedLabel = new Label();
        speedLabel.setId("speedLabel");
        speedLabel.textProperty().bind(playback.speedTextProperty());
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField seed = seedField(playback, tips.seed());
        Label speedTitle = new Label("Speed");
        Label seedTitle = new Label("Seed");
        // Whole words or nothing: what does not fit goes to the toolbar's overflow menu, never "St...".
        for (Region r : List.of(step, reset, speedTitle, seedTitle, seed)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        List<Node> items = new ArrayList<>(List.of(play, step, reset, new Separator(Orientation.VERTICAL),
                speedTitle, speed, speedLabel, new Separator(Orientation.VERTICAL), seedTitle, seed));
        if (extras.length > 0) {
            items.add(new Separator(Orientation.VERTICAL));
            items.addAll(List.of(extras));
        }
        return items;
    }

    /** A field for whole numbers bound both ways to the seed; an empty field or a lone "-" keeps the seed. */
    private static TextField seedField(Playback playback, String tip) {
        TextField seed = new TextField(Long.toString(playback.seed()));
        seed.setId("seedField");
        seed.setPrefColumnCount(7);
        seed.setTooltip(new Tooltip(tip));
        seed.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("-?\\d{0,18}")
                ? change : null));
        playback.seedProperty().addListener((o, a, b) -> {
            if (!seed.getText().equals(Long.toString(b.longValue()))) {
                seed.setText(Long.toString(b.longValue()));
            }
        });
        seed.textProperty().addListener((o, a, b) -> {
            try {
                playback.seedProperty().set(Long.parseLong(b));
            } catch (NumberFormatException e) {
                // an empty or lone "-" field keeps the previous seed
            }
        });
        return seed;
    }
}
