package mbrllab.app.cartpole;

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
                && model.framesProperty().get().frame().get(0).controller().equals("keyboard"), "the keyboard cart", 30);
    }
}
