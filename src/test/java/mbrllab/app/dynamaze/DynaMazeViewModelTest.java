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
import mbrllab.core.dyna.TieBreaking;
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
    void runsOverTheBudgetAreRefusedAtTheFieldAndFromASessionAndChangeNothing() {
        int runs = model.runs();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.configure(DynaParams.defaults(), List.of(0, 5, 50), LearningCurveSpec.MAX_RUNS,
                        10_000)); // the fields' largest values
        assertTrue(e.getMessage().startsWith("the background runs are estimated at about "), e.getMessage());
        assertTrue(e.getMessage().contains("of work on this machine") && e.getMessage().contains("more than the limit "
                + "of 15 min") && e.getMessage().contains("; lower the runs, the episodes or the n values"),
                e.getMessage());
        assertEquals(runs, model.runs());

        com.fasterxml.jackson.databind.node.ObjectNode json = model.session().toJson();
        json.put("runs", LearningCurveSpec.MAX_RUNS);
        json.put("episodes", 10_000);
        java.util.Optional<String> refusal = model.applySettings(json);
        assertTrue(refusal.isPresent() && refusal.get().startsWith("the background runs are estimated at"),
                refusal.toString());
        assertEquals(runs, model.runs());
    }

    /**
     * First-index ties keep the agent at the top wall: every episode runs to the cap of 1,000,000 steps (one run of
     * 10 episodes, n = 0: all 10 given up), and the lab says that the episodes were given up.
     */
    @Test
    void firstIndexTiesAreGivenUpAtTheEpisodeCapAndSaySo() throws Exception {
        DynaParams firstIndex = DynaParams.defaults().withTieBreaking(mbrllab.core.dyna.TieBreaking.FIRST_INDEX);
        LearningCurves stuck = LearningCurveExperiment.run(new LearningCurveSpec(BundledMazes.dynaMaze(), firstIndex,
                List.of(0), 1, 10, 1, LearningCurveSpec.DEFAULT_MAX_STEPS), Runnable::run, ExperimentObserver.NONE);
        for (int e = 0; e < 10; e++) {
            assertEquals(LearningCurveSpec.DEFAULT_MAX_STEPS, stuck.steps(0, 0, e), "episode " + (e + 1));
        }
        assertTrue(DynaMazeViewModel.givenUp(mbrllab.app.lab.CurveStats.exact(stuck)));
        assertFalse(DynaMazeViewModel.givenUp(mbrllab.app.lab.CurveStats.exact(LearningCurveExperiment.run(
                LearningCurveSpec.figure82(BundledMazes.dynaMaze(), 1, 10, 1), Runnable::run,
                ExperimentObserver.NONE))), "random ties reach G");
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

    /**
     * With ties broken by first index and epsilon 0 the greedy agent repeats one move into a wall and never reaches
     * G: Figure 8.3 gives episode 1 up at the background runs' episode cap and says why there is no figure (it had
     * stepped n = 0 for ever, with nothing on the screen).
     */
    @Test
    void figure83WithAnAgentThatNeverReachesGSaysSo() throws Exception {
        model.configure(DynaParams.defaults().withEpsilon(0).withTieBreaking(TieBreaking.FIRST_INDEX),
                List.of(0, 5, 50), 2, 5);
        model.showFigure83();
        dispatcher.drainUntil(() -> model.figureCaptionProperty().get() != null, "the figure's caption", 60);
        assertEquals("Figure 8.3 cannot be drawn (seed 1): n = 0 did not reach G within 1,000,000 steps of episode "
                + "1, so there is no episode 2. Every value is still 0 and ties broken by first index with epsilon 0 "
                + "repeat one move for ever; with random tie-breaking or some exploration the agent finds G.",
                model.figureCaptionProperty().get());
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 2
                && model.framesProperty().get().get(0).realSteps() == LearningCurveSpec.DEFAULT_MAX_STEPS,
                "the panes where they stopped", 30);
        assertEquals(1, model.framesProperty().get().get(0).episode(), "still in episode 1");
        assertEquals(0, model.framesProperty().get().get(1).realSteps(), "n = 50 not started");
        model.closeFigure();
        assertEquals(List.of(0, 5, 50), model.nValuesProperty().get(), "back to the panes of before");
    }

    /** "Back to the panes" after Figure 8.3 brings the panes back where they were, not to step 0. */
    @Test
    void backToThePanesResumesThemWhereTheyWere() throws Exception {
        for (int k = 0; k < 40; k++) {
            model.playback().step();
        }
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 3
                && model.framesProperty().get().get(0).realSteps() == 40, "40 steps shown", 30);
        List<PaneFrame> before = model.framesProperty().get();
        model.showFigure83();
        dispatcher.drainUntil(() -> model.figureCaptionProperty().get() != null, "the figure's caption", 60);

        model.closeFigure();
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 3, "three panes again", 30);
        List<PaneFrame> after = model.framesProperty().get();
        for (int i = 0; i < 3; i++) {
            assertEquals(40, after.get(i).realSteps(), "pane " + i + " resumes at real step 40");
            assertArrayEquals(before.get(i).q(), after.get(i).q(), 0.0, "pane " + i + ": its Q of before");
            assertEquals(before.get(i).agent(), after.get(i).agent());
        }
        model.playback().step();
        dispatcher.drainUntil(() -> model.framesProperty().get().get(0).realSteps() == 41,
                "and goes on from there", 30);
    }

    /** Reset while the figure is shown leaves it with fresh agents (Reset resets). */
    @Test
    void resetDuringTheFigureLeavesItWithFreshPanes() throws Exception {
        for (int k = 0; k < 10; k++) {
            model.playback().step();
        }
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 3
                && model.framesProperty().get().get(0).realSteps() == 10, "10 steps shown", 30);
        model.showFigure83();
        dispatcher.drainUntil(() -> model.figureCaptionProperty().get() != null, "the figure's caption", 60);
        model.reset();
        assertEquals(null, model.figureCaptionProperty().get());
        dispatcher.drainUntil(() -> model.framesProperty().get().size() == 3, "three panes again", 30);
        assertEquals(0, model.framesProperty().get().get(0).realSteps(), "fresh agents");
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
