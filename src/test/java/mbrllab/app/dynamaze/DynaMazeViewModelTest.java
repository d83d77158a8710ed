package mbrllab.app.dynamaze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mbrllab.app.Background;
import mbrllab.app.lab.CurveSnapshot;
import mbrllab.app.lab.QueueDispatcher;
import mbrllab.app.maze.PaneFrame;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurveExperiment;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.LearningCurves;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.io.BundledMazes;

/** The Dyna-maze lab's state without a screen: a queue stands in for the FX thread's dispatcher. */
class DynaMazeViewModelTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final Background background = new Background();
    private final DynaMazeViewModel model = new DynaMazeViewModel(dispatcher, background, BundledMazes.dynaMaze());

    @AfterEach
    void shutdown() {
        model.shutdown();
        background.shutdown();
    }

    @Test
    void theAnimatedPanesAreRunOneOfTheBackgroundExperiment() throws Exception {
        model.playback().seedProperty().set(7);
        model.reset();
        for (int k = 0; k < 40; k++) {
            model.playback().step();
        }
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 3
                && model.framesProperty().get().get(0).realSteps() == 40, "40 steps shown", 30);
        LearningCurveSpec spec = new LearningCurveSpec(BundledMazes.dynaMaze(), DynaParams.defaults(),
                List.of(0, 5, 50), 1, 1, 7, LearningCurveSpec.DEFAULT_MAX_STEPS);
        MazeDynamics dynamics = new MazeDynamics(BundledMazes.dynaMaze().layout());
        List<Integer> ns = List.of(0, 5, 50);
        for (int i = 0; i < 3; i++) {
            DynaQ agent = new DynaQ(DynaParams.defaults().withN(ns.get(i)), dynamics, spec.realSeed(0),
                    spec.planSeed(0));
            for (int k = 0; k < 40; k++) {
                agent.step();
            }
            PaneFrame frame = model.framesProperty().get().get(i);
            assertEquals(ns.get(i), frame.n());
            assertEquals(agent.state(), frame.agent(), "pane " + i);
            assertArrayEquals(agent.qTable(), frame.q(), 0.0, "pane " + i);
            assertEquals(agent.updates(), frame.updates());
        }
        assertFalse(model.playback().isPlaying());
    }

    @Test
    void theCurvesEndAsTheCommandLinesNumbers() throws Exception {
        model.configure(DynaParams.defaults(), List.of(0, 50), 4, 6);
        LearningCurves expected = LearningCurveExperiment.run(new LearningCurveSpec(BundledMazes.dynaMaze(),
                DynaParams.defaults(), List.of(0, 50), 4, 6, 1, LearningCurveSpec.DEFAULT_MAX_STEPS), Runnable::run,
                ExperimentObserver.NONE);
        dispatcher.drainUntil(() -> model.curves().completeProperty().get(), "the four runs finish", 60);
        CurveSnapshot c = model.curves().snapshot();
        assertEquals(4, c.runsDone());
        for (int i = 0; i < 2; i++) {
            for (int e = 0; e < 6; e++) {
                assertEquals(expected.mean(i, e), c.mean()[i][e], 0.0);
            }
        }
        assertEquals("Mean of 4 runs with 95% confidence bands", model.curves().messageProperty().get());
    }

    @Test
    void figure83FreezesTwoPanesHalfwayThroughEpisodeTwoWithTheBooksCaption() throws Exception {
        model.showFigure83();
        dispatcher.drainUntil(() -> model.figureCaptionProperty().get() != null, "the figure's caption", 60);
        assertEquals(List.of(0, 50), model.nValuesProperty().get());
        String caption = model.figureCaptionProperty().get();
        assertTrue(caption.startsWith("Figure 8.3: halfway through episode 2 (seed 1)."), caption);
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 2
                && model.framesProperty().get().get(0).episode() == 2, "the frozen panes", 30);
        for (PaneFrame f : model.framesProperty().get()) {
            assertEquals(2, f.episode(), "in episode 2");
            assertEquals(1, f.episodeLengths().length, "episode 1 finished");
        }
        model.closeFigure();
        assertEquals(List.of(0, 5, 50), model.nValuesProperty().get(), "back to the panes of before");
        assertEquals(null, model.figureCaptionProperty().get());
    }

    @Test
    void shutdownStopsTheRunnerAndTheExperiment() {
        assertTrue(model.playback().isRunnerAlive());
        assertTrue(model.curves().runningProperty().get());
        model.shutdown();
        assertFalse(model.playback().isRunnerAlive());
        assertFalse(model.curves().runningProperty().get());
        assertNotNull(model.curves().task());
    }
}
