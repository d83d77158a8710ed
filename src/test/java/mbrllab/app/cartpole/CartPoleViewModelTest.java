package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mbrllab.app.Background;
import mbrllab.app.lab.CurveSnapshot;
import mbrllab.app.lab.QueueDispatcher;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurves;

/** The cart-pole lab's state without a screen: a queue stands in for the FX thread's dispatcher. */
class CartPoleViewModelTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final Background background = new Background();
    private final CartPoleViewModel model = new CartPoleViewModel(dispatcher, background);

    @AfterEach
    void shutdown() {
        model.shutdown();
        background.shutdown();
    }

    @Test
    void theCurvesAreCartpoleLearnsNumbersAndComeBackAtOnceForTheSameSettings() throws Exception {
        model.configure(BoxesDynaParams.defaults(), 3, 8);
        LearningCurves expected = BoxesLearningExperiment.run(BoxesLearningSpec.dynaQ(BoxModelKind.SAMPLE,
                BoxesDynaParams.defaults(), List.of(0, 5, 50), 3, 8, 1), Runnable::run, ExperimentObserver.NONE);
        dispatcher.drainUntil(() -> model.curves().completeProperty().get(), "the three runs finish", 60);
        CurveSnapshot first = model.curves().snapshot();
        for (int i = 0; i < 3; i++) {
            for (int e = 0; e < 8; e++) {
                assertEquals(expected.mean(i, e), first.mean()[i][e], 0.0);
            }
        }
        assertEquals("Mean of 3 runs with 95% confidence bands (" + BoxModelKind.SAMPLE.label() + ", seed 1)",
                model.curves().messageProperty().get());
        model.setModel(BoxModelKind.LAST_OUTCOME);
        model.setModel(BoxModelKind.SAMPLE);
        assertSame(first, model.curves().snapshot(), "the same settings again: the finished curves at once");
        assertFalse(model.curves().runningProperty().get());
    }

    @Test
    void runsOverTheBudgetAreRefusedAtTheFieldAndFromASession() {
        int runs = model.runs();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.configure(BoxesDynaParams.defaults(), BoxesLearningSpec.MAX_RUNS,
                        CartPoleViewModel.MAX_EPISODES));
        assertTrue(e.getMessage().startsWith("the background runs are estimated at about "), e.getMessage());
        assertTrue(e.getMessage().contains("lower the runs or the episodes"), e.getMessage());
        assertEquals(runs, model.runs());

        com.fasterxml.jackson.databind.node.ObjectNode json = model.settings().toJson();
        json.put("runs", BoxesLearningSpec.MAX_RUNS);
        json.put("episodes", CartPoleViewModel.MAX_EPISODES);
        java.util.Optional<String> refusal = model.applySettings(json);
        assertTrue(refusal.isPresent() && refusal.get().startsWith("the background runs are estimated at"),
                refusal.toString());
        assertEquals(runs, model.runs());
    }

    @Test
    void theSpeedReadsAgainstRealTimeOfTheSystemShown() {
        model.playback().setStepsPerSecond(100);
        assertEquals("100 steps/s (2.0x real time)", model.playback().speedTextProperty().get());
        model.setSystem(CartSystem.SWING_UP);
        assertEquals(10, model.playback().stepsPerSecond(), 1e-9, "swing-up plays in real time");
        assertEquals("10 steps/s (1.0x real time)", model.playback().speedTextProperty().get());
    }

    @Test
    void aStepMovesEveryCartOnceAndARandomCartCanBeTakenOver() throws Exception {
        model.playback().step();
        dispatcher.drainUntil(() -> model.framesProperty().get() != null
                && model.framesProperty().get().ticks() == 1, "one step", 30);
        for (CartFrame f : model.framesProperty().get().frame()) {
            assertEquals(1, f.realSteps());
        }
        model.setAgent(AgentKind.RANDOM);
        model.takeOver();
        assertEquals(AgentKind.KEYBOARD, model.agentProperty().get());
        dispatcher.drainUntil(() -> model.framesProperty().get() != null
                && model.framesProperty().get().frame().get(0).controller().equals("keyboard"),
                "the keyboard cart", 30);
    }

    private CartFrame frame() {
        return model.framesProperty().get() == null ? null : model.framesProperty().get().frame().get(0);
    }

    /** Plays, then drains until the run has paused itself again (a keyboard cart with no fresh key waits). */
    private void playAndWaitForTheSelfPause(String what) throws Exception {
        dispatcher.drainUntil(() -> !model.playback().isPlaying(), what, 30);
    }

    @Test
    void aKeyboardEpisodeWaitsForTheFirstArrowKey() throws Exception {
        model.setSystem(CartSystem.SWING_UP);
        assertEquals(AgentKind.KEYBOARD, model.agentProperty().get());
        model.playback().setStepsPerSecond(1000);
        model.setPlaying(true);
        playAndWaitForTheSelfPause("Play with no arrow key pressed: the run pauses itself at step 0");
        assertEquals(0, frame().step());
        assertEquals(0, frame().realSteps(), "no step was taken with nobody at the keys");

        model.keyPressed(1);
        assertTrue(model.playback().isPlaying(), "the arrow plays");
        dispatcher.drainUntil(() -> frame() != null && frame().step() >= 3, "the arrow starts the episode", 30);
        model.keyPressed(1); // the held key's repeats, up to the end of the episode
        dispatcher.drainUntil(() -> frame().ending() != null && !model.playback().isPlaying(),
                "the episode ends after its 40 steps and the run waits", 60);
        assertEquals(1, frame().episode());
        assertEquals(40, frame().step());
        assertEquals(40, frame().realSteps());
        assertArrayEquals(frame().previous(), frame().state(), 0.0, "waiting, the picture stands still");

        model.keyPressed(1); // a repeat of the key still held is not a new press
        assertTrue(model.playback().isPlaying());
        playAndWaitForTheSelfPause("the held key does not start the next episode");
        assertEquals(1, frame().episode());
        assertEquals(40, frame().realSteps());

        model.keyReleased(1);
        model.keyPressed(-1);
        dispatcher.drainUntil(() -> frame().episode() == 2 && frame().step() >= 1, "a new press starts episode 2", 30);
        model.keyReleased(-1);
        assertEquals(-1, frame().soFar().pushes()[0], "episode 2 began with the left push that started it");

        model.reset();
        model.step();
        dispatcher.drainUntil(() -> frame() != null && frame().realSteps() == 1, "Step takes one step, unpushed", 30);
        assertEquals(0.0, frame().force());
    }
}
