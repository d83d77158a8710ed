package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.app.Background;
import mbrllab.app.lab.QueueDispatcher;
import mbrllab.core.dyna.CumulativeRewardExperiment;
import mbrllab.core.dyna.CumulativeRewards;
import mbrllab.core.dyna.ExperimentObserver;

/** The Changing mazes lab's state without a screen: a queue stands in for the FX thread's dispatcher. */
class ChangingMazeViewModelTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final Background background = new Background();
    private final ChangingMazeViewModel model = new ChangingMazeViewModel(dispatcher, background);

    @AfterEach
    void shutdown() {
        model.shutdown();
        background.shutdown();
    }

    private ChangingSettings fewRuns(int runs) {
        ChangingSettings s = model.settings();
        return new ChangingSettings(s.alpha(), s.gamma(), s.epsilon(), s.n(), s.kappa(), s.theta(), runs, s.steps(),
                s.slip(), s.sweeping());
    }

    @Test
    void playingStopsByItselfAtTheExperimentsLastStepAndTheButtonFollows() throws Exception {
        assertTrue(model.changeNoticeProperty().get().endsWith("opens on the left."),
                "the maze's description ends the notice as a sentence: " + model.changeNoticeProperty().get());
        assertEquals("No full stop.", ChangingMazeViewModel.sentence("No full stop"));
        assertEquals("Ends.", ChangingMazeViewModel.sentence(" Ends. "));
        assertEquals("Asks?", ChangingMazeViewModel.sentence("Asks?"));
        model.configure(fewRuns(2));
        model.playback().setStepsPerSecond(Double.POSITIVE_INFINITY);
        model.playback().setPlaying(true);
        dispatcher.drainUntil(() -> !model.playback().isPlaying(), "the run pauses by itself", 60);
        assertEquals(3000, model.publishedProperty().get().ticks(), "at the blocking maze's T = 3000");
        assertTrue(model.changedProperty().get(), "past the change at step 1000");
        assertTrue(model.changeNoticeProperty().get().startsWith("Step 1,000: the maze changed."),
                model.changeNoticeProperty().get());
        for (AgentFrame f : model.frames()) {
            assertEquals(3000, f.pane().realSteps());
        }
        model.playback().setPlaying(true);
        dispatcher.drainUntil(() -> model.publishedProperty().get().ticks() > 3100, "Play goes on beyond T", 60);
        assertTrue(model.playback().isPlaying());
    }

    @Test
    void theCumulativeRewardsEndAsTheCommandLinesNumbers() throws Exception {
        model.configure(fewRuns(3));
        CumulativeRewards expected = CumulativeRewardExperiment.run(model.spec(), Runnable::run,
                ExperimentObserver.NONE);
        dispatcher.drainUntil(() -> model.rewards().completeProperty().get(), "the three runs finish", 60);
        CumulativeRewards r = model.rewards().snapshot();
        assertEquals(3, r.runs());
        for (int i = 0; i < 2; i++) {
            assertEquals(expected.mean(i, 3000), r.mean(i, 3000), 0.0);
            assertEquals(expected.standardError(i, 1000), r.standardError(i, 1000), 0.0);
        }
        assertEquals("Cumulative reward: mean of 3 runs with 95% confidence bands",
                model.rewards().messageProperty().get());
    }

    @Test
    void runsOverTheBudgetAreRefusedAndChangeNothing() {
        ChangingSettings before = model.settings();
        // inside the settings' own limit (runs * steps * agents at most 2e9), but 2e9 real steps of 500 updates
        ChangingSettings huge = new ChangingSettings(before.alpha(), before.gamma(), before.epsilon(), 500,
                before.kappa(), before.theta(), CumulativeRewardSpec.MAX_RUNS, 100_000, before.slip(),
                before.sweeping());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.configure(huge));
        assertTrue(e.getMessage().startsWith("the background runs are estimated at about ")
                && e.getMessage().endsWith("; lower the runs or the steps (the command line runs larger experiments "
                + "with --allow-long)"), e.getMessage());
        assertEquals(before, model.settings());
        model.configure(fewRuns(2)); // within the budget
        assertEquals(2, model.settings().runs());
    }

    @Test
    void example84AtItsLargestIsRefusedOnTwoCores() {
        // 1000 runs per maze is estimated at about 20 min on one background worker (two cores), 10 min on two
        org.junit.jupiter.api.Assumptions.assumeTrue(mbrllab.app.lab.RunBudget.workers() == 1, "one worker");
        int runs = model.example84Runs();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.computeExample84(Example84Model.MAX_RUNS));
        assertTrue(e.getMessage().startsWith("the background runs are estimated at about ")
                && e.getMessage().contains("; lower the runs per maze"), e.getMessage());
        assertEquals(runs, model.example84Runs(), "nothing changed");
    }

    @Test
    void runToTakesExactlyThatManyStepsPaused() throws Exception {
        model.runTo(1234);
        dispatcher.drainUntil(() -> model.publishedProperty().get() != null
                && model.publishedProperty().get().ticks() == 1234, "1234 steps", 60);
        assertFalse(model.playback().isPlaying());
        assertTrue(model.changedProperty().get(), "past the change at step 1000");
        assertEquals(1234, model.frames().get(1).pane().realSteps());
    }
}
