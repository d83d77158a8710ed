package mbrllab.app.cartpole;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import mbrllab.app.controls.WholeNumberSpinner;
import mbrllab.app.lab.Layouts;

/**
 * The cart-pole lab's replay controls: which pane (Dyna-Q) and episode, Replay / pause, Back to live, the scrubber
 * with its step, and the speed. Views only: the replay's state lives in {@link CartPoleViewModel}.
 */
final class ReplayBar {

    private final CartPoleViewModel model;
    private final VBox bar;
    private final ChoiceBox<String> replayPaneBox = new ChoiceBox<>();
    private final Spinner<Integer> episodeSpinner = new Spinner<>();
    private final SpinnerValueFactory.IntegerSpinnerValueFactory episodeFactory =
            new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1);
    private final Label replayInfo = new Label();
    private final Button replayButton = new Button("Replay");
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Label replayStepLabel = new Label("step 0 / 0");
    private final Button liveButton = new Button("Back to live");
    private boolean updatingScrubber;
    private boolean dyna;

    /** @param report shows a message in the status bar (a bad episode number typed) */
    ReplayBar(CartPoleViewModel model, java.util.function.Consumer<String> report) {
        this.model = model;

        Label title = new Label("Replay");
        title.getStyleClass().add("replay-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        replayPaneBox.setMinWidth(Region.USE_PREF_SIZE);
        replayPaneBox.setId("replayPaneBox");
        for (int n : CartPoleViewModel.N_VALUES) {
            replayPaneBox.getItems().add("n = " + n);
        }
        replayPaneBox.getSelectionModel().select(0);
        replayPaneBox.setTooltip(new Tooltip("Which pane's episodes to replay"));
        replayPaneBox.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            episodeFactory.setValue(Integer.MAX_VALUE);
            showReplayChoices();
        });
        episodeSpinner.setId("episodeSpinner");
        episodeSpinner.setValueFactory(episodeFactory);
        episodeSpinner.setEditable(true);
        WholeNumberSpinner.guard(episodeSpinner, "Replay episode", report);
        episodeSpinner.setMinWidth(Region.USE_PREF_SIZE);
        episodeSpinner.setTooltip(new Tooltip("The episode to replay (every finished episode is recorded)"));
        episodeSpinner.valueProperty().addListener((o, a, b) -> {
            EpisodeRecord open = model.replayProperty().get();
            if (open != null && b != null && b != open.number()) {
                model.openReplay(replayPane(), b);
            }
            showReplayChoices();
        });
        replayButton.setId("replayButton");
        replayButton.setMinWidth(Region.USE_PREF_SIZE);
        replayButton.setOnAction(e -> replayPressed());
        scrubber.setId("replaySlider");
        scrubber.setBlockIncrement(1);
        scrubber.setMajorTickUnit(10);
        scrubber.setMinWidth(120);
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.valueProperty().addListener((o, a, b) -> {
            if (!updatingScrubber) {
                model.scrubTo(b.doubleValue());
            }
        });
        scrubber.setTooltip(new Tooltip("Scrub through the episode: position k shows the recorded state k"));
        replayStepLabel.setId("replayStepLabel");
        replayStepLabel.setMinWidth(Region.USE_PREF_SIZE);
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("replaySpeedBox");
        speed.getItems().setAll(0.1, 0.25, 0.5, 1.0, 2.0, 4.0);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : v.toString())
                        + "x";
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("x", ""));
            }
        });
        speed.setValue(model.replaySpeedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> model.replaySpeedProperty().set(b));
        speed.setTooltip(new Tooltip("Replay speed, as a multiple of real time"));
        speed.setMinWidth(Region.USE_PREF_SIZE);
        liveButton.setId("liveButton");
        liveButton.setMinWidth(Region.USE_PREF_SIZE);
        liveButton.setOnAction(e -> model.closeReplay());
        liveButton.setTooltip(new Tooltip("Close the replay and show the live run again (Play does too)"));
        replayInfo.setId("replayInfo");
        replayInfo.getStyleClass().add("note");
        replayInfo.setMinWidth(60);
        replayInfo.setWrapText(true);
        replayInfo.setMinHeight(Region.USE_PREF_SIZE);
        Label episodeLabel = new Label("episode");
        episodeLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label speedLabel = new Label("speed");
        speedLabel.setMinWidth(Region.USE_PREF_SIZE);
        // A flow, not a row: at large text or in a narrow window the controls wrap instead of pushing the lab wider.
        HBox speedBox = new HBox(8, speedLabel, speed);
        speedBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane controls = new FlowPane(8, 4, title, replayPaneBox, episodeLabel, episodeSpinner, replayButton,
                liveButton, speedBox);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox scrub = new HBox(8, scrubber, replayStepLabel);
        scrub.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(3, controls, scrub, replayInfo);
        Layouts.hideInPresenterMode(replayInfo);
        box.getStyleClass().add("replay-bar");
        box.setPadding(new Insets(4, 8, 4, 8));
        bar = box;
        model.replayProperty().addListener((o, a, b) -> showReplay());
        model.replayPositionProperty().addListener((o, a, b) -> showScrubber());
        model.replayPlayingProperty().addListener((o, a, b) -> showReplay());
        showReplay();
    }

    Node view() {
        return bar;
    }

    /** With the Dyna-Q panes, the bar also chooses the pane. */
    void setDyna(boolean on) {
        dyna = on;
        replayPaneBox.setVisible(on);
        replayPaneBox.setManaged(on);
        if (on) {
            replayPaneBox.getSelectionModel().select(0);
        }
    }

    /** Follows the episodes finished so far. */
    void refresh() {
        showReplayChoices();
    }

    private int replayPane() {
        return dyna ? Math.max(0, replayPaneBox.getSelectionModel().getSelectedIndex()) : 0;
    }

    /** Keeps the episode spinner within the recorded episodes; it follows the latest while it shows the latest. */
    private void showReplayChoices() {
        if (model.paneCount() == 0) {
            return;
        }
        int pane = Math.min(replayPane(), model.paneCount() - 1);
        EpisodeLog log = model.log(pane);
        int finished = log.finished();
        boolean none = finished == 0;
        episodeSpinner.setDisable(none);
        replayButton.setDisable(none);
        if (none) {
            episodeFactory.setMax(1);
            episodeFactory.setValue(1);
            if (model.replayProperty().get() == null) {
                replayInfo.setText("Every episode is recorded: replay one once it has finished.");
            }
            return;
        }
        Integer value = episodeFactory.getValue();
        boolean following = value == null || value >= episodeFactory.getMax();
        if (episodeFactory.getMax() != finished) {
            episodeFactory.setMax(finished);
        }
        if (following && model.replayProperty().get() == null) {
            episodeFactory.setValue(finished);
        }
        int wanted = episodeFactory.getValue();
        int kept = log.nearestKept(wanted);
        if (kept != wanted) {
            episodeFactory.setValue(kept);
        }
        if (model.replayProperty().get() == null) {
            EpisodeRecord r = log.get(episodeFactory.getValue());
            replayInfo.setText(r == null ? "" : describe(r) + " · Replay shows it; the live run pauses.");
        }
    }

    private static String describe(EpisodeRecord r) {
        String score = r.system() == CartSystem.BALANCE ? "return " + (long) r.score()
                : String.format(Locale.ROOT, "cost %.1f", r.score());
        return String.format(Locale.ROOT, "Episode %d (%s): %d steps, %s, %s", r.number(), r.controller(), r.steps(),
                r.ending().afterSteps(), score);
    }

    private void replayPressed() {
        EpisodeRecord open = model.replayProperty().get();
        int pane = replayPane();
        Integer episode = episodeFactory.getValue();
        if (open != null && model.replayPaneProperty().get() == pane && episode != null
                && open.number() == episode) {
            if (model.replayPlayingProperty().get()) {
                model.pauseReplay();
            } else {
                model.playReplay();
            }
            return;
        }
        if (episode != null && model.openReplay(pane, episode)) {
            model.playReplay();
        }
    }

    private void showReplay() {
        EpisodeRecord r = model.replayProperty().get();
        boolean open = r != null;
        scrubber.setDisable(!open);
        liveButton.setDisable(!open);
        replayButton.setText(open && model.replayPlayingProperty().get() ? "Pause replay" : "Replay");
        if (open) {
            if (!Integer.valueOf(r.number()).equals(episodeFactory.getValue())) {
                if (episodeFactory.getMax() < r.number()) {
                    episodeFactory.setMax(r.number());
                }
                episodeFactory.setValue(r.number());
            }
            if (dyna && replayPaneBox.getSelectionModel().getSelectedIndex() != model.replayPaneProperty().get()) {
                replayPaneBox.getSelectionModel().select(model.replayPaneProperty().get());
            }
            updatingScrubber = true;
            scrubber.setMax(Math.max(1, r.steps()));
            scrubber.setMajorTickUnit(Math.max(1, r.steps() / 10.0));
            updatingScrubber = false;
            replayInfo.setText("Replaying " + describe(r).substring(0, 1).toLowerCase(Locale.ROOT)
                    + describe(r).substring(1) + " · Play or Back to live returns to the live run.");
        } else {
            showReplayChoices();
        }
        showScrubber();
    }

    private void showScrubber() {
        EpisodeRecord r = model.replayProperty().get();
        double pos = model.replayPositionProperty().get();
        updatingScrubber = true;
        scrubber.setValue(r == null ? 0 : pos);
        updatingScrubber = false;
        replayStepLabel.setText(r == null ? "step - / -" : String.format(Locale.ROOT, "step %d / %d",
                (int) Math.floor(pos + 1e-9), r.steps()));
    }
}
