package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.RunBudget;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.ModelChoice;

/** The view model without a screen: settings changes, refusals, the spec of the run and the background runs. */
class AccelerationViewModelTest {

    private Background background;
    private AccelerationViewModel model;

    @BeforeEach
    void open() {
        background = new Background();
        model = new AccelerationViewModel(Dispatcher.DIRECT, background);
    }

    @AfterEach
    void close() {
        model.shutdown();
        background.shutdown();
    }

    /** n and k change pane 2 and the spec of both the run and the background runs; seeds come from the toolbar. */
    @Test
    void slidersChangePaneTwo() {
        assertEquals(AccelerationSettings.defaults().panes(), model.spec().settings());
        model.playback().seedProperty().set(9);
        assertEquals(Optional.empty(), model.setNk(4, 7));
        AccelerationSpec spec = model.spec();
        assertEquals(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 4, 7, 0.5), spec.settings().get(1));
        assertEquals(9, spec.seed());
        assertEquals(10, spec.runs());
        assertEquals("ensemble n=4 k=7", AccelerationLab.shortName(spec.settings().get(1)));
        AccelerationSetting quarter = AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 4, 7, 0.25);
        assertEquals("ensemble n=4 k=7 ratio=0.25", AccelerationLab.shortName(quarter));
        assertEquals("learned ensemble, n = 4, k = 7, ratio 0.25", quarter.label());
        assertEquals("learned ensemble, n = 4, k = 7", spec.settings().get(1).label());
    }

    /** A change that would give pane 2 pane 3's setting is refused with the reason; nothing changes. */
    @Test
    void refusesTwoEqualPanes() {
        AccelerationSpec before = model.spec();
        Optional<String> refusal = model.setModel(ModelChoice.TRUE);
        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().startsWith("\"third\" must differ from the other two panes"), refusal.get());
        assertEquals(ModelChoice.ENSEMBLE, model.settings().model());
        assertSame(before, model.spec());
        assertEquals(Optional.empty(), model.setThird(AccelerationSetting.withModel(ModelChoice.SINGLE, 3, 3, 0.5)));
        assertEquals(Optional.empty(), model.setModel(ModelChoice.TRUE));
        assertEquals(ModelChoice.TRUE, model.spec().settings().get(1).model());
    }

    /** Choosing whose processes are drawn keeps the run and the background runs. */
    @Test
    void processesPaneKeepsTheRun() {
        AccelerationSpec before = model.spec();
        model.setProcesses(2);
        assertEquals(2, model.settings().processes());
        assertSame(before, model.spec());
        assertEquals(2, AccelerationViewModel.rolloutPane(model.settings()));
        model.setProcesses(0);
        assertEquals(1, AccelerationViewModel.rolloutPane(model.settings()), "real-only has no model: pane 2's");
    }

    /** The experiment's size: runs and episodes reach the spec. */
    @Test
    void experimentSize() {
        assertEquals(Optional.empty(), model.setExperiment(3, 40));
        assertEquals(3, model.spec().runs());
        assertEquals(40, model.spec().episodes());
    }

    /**
     * Opening the lab computes nothing in the background: the runs (minutes of CPU) wait for the first Play or Step;
     * the status then counts the runs the user asked for, per setting. A change of setting drops them again.
     */
    @Test
    void backgroundRunsStartWithPlayOrStep() {
        assertTrue(model.backgroundRunsWaiting());
        assertFalse(model.curves().runningProperty().get());
        assertNull(model.curves().task(), "nothing submitted on opening");
        assertEquals(AccelerationViewModel.WAITING, model.curves().messageProperty().get());
        assertEquals(Optional.empty(), model.setExperiment(2, 3));
        assertNull(model.curves().task(), "nor on a new size");
        model.step();
        assertFalse(model.backgroundRunsWaiting());
        assertNotNull(model.curves().task());
        assertEquals("runs 0 / 2, 3 settings", model.curves().progressText());
        model.step();
        assertEquals(Optional.empty(), model.setNk(4, 7));
        assertTrue(model.backgroundRunsWaiting(), "a new setting waits for Play again");
        assertFalse(model.curves().runningProperty().get());
        model.playback().setPlaying(true);
        assertFalse(model.backgroundRunsWaiting(), "playing (toolbar, key or preset) starts them");
    }

    /**
     * R and the episodes typed are checked against the app's budget: a size estimated at hours is refused. A session
     * over it opens (a session the app saved must), its background runs cut to fit.
     */
    @Test
    void experimentOverTheBudgetIsRefusedAtTheFieldAndCutInASession() {
        AccelerationSpec before = model.spec();
        Optional<String> refusal = model.setExperiment(AccelerationSettings.MAX_RUNS,
                AccelerationSettings.MAX_EPISODES);
        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().startsWith("the background runs are estimated at about"), refusal.get());
        assertTrue(refusal.get().contains("lower R or the episodes"), refusal.get());
        assertSame(before, model.spec());
        AccelerationSettings big = AccelerationSettings.defaults().withExperiment(AccelerationSettings.MAX_RUNS,
                AccelerationSettings.MAX_EPISODES);
        int fit = AccelerationViewModel.runsWithinBudget(big);
        assertTrue(fit >= 1 && fit < AccelerationSettings.MAX_RUNS, "fit " + fit);
        assertEquals(Optional.empty(), model.applySettings(big.toJson()));
        assertEquals(AccelerationSettings.MAX_RUNS, model.settings().runs(), "R as the session has it");
        assertEquals(fit, model.backgroundRunsProperty().get());
        assertEquals(fit, model.spec().runs(), "the background runs cut to fit");
        assertTrue(RunBudget.fits(model.spec().cost(RunBudget.workers())));
        assertFalse(RunBudget.fits(AccelerationSpec.of(AccelerationParams.defaults(), big.panes(), fit + 1,
                big.episodes(), big.seed()).cost(RunBudget.workers())), "and no more");
        assertTrue(model.curves().messageProperty().get().startsWith("Background runs: " + fit + " of the 100 (R) per "
                + "setting, as many as the app's budget allows"), model.curves().messageProperty().get());
    }

    /**
     * The sliders are not refused for the budget: n = k = 50 at the default R = 10 keeps R and runs as many
     * background runs as fit; back at k = 1 all ten run again.
     */
    @Test
    void slidersOverTheBudgetCutTheBackgroundRunsAndKeepR() {
        assertEquals(10, model.backgroundRunsProperty().get());
        assertEquals(Optional.empty(), model.setNk(50, 50));
        AccelerationSettings s = model.settings();
        assertEquals(10, s.runs());
        int fit = AccelerationViewModel.runsWithinBudget(s);
        assertEquals(fit, model.backgroundRunsProperty().get());
        assertEquals(Math.max(1, fit), model.spec().runs());
        // over the budget with one worker (two cores, as CI); a machine of many cores runs all ten
        assumeTrue(fit < 10, "n = k = 50 for 10 runs fits the budget on " + RunBudget.workers() + " workers");
        assertFalse(RunBudget.fits(AccelerationSpec.of(AccelerationParams.defaults(), s.panes(), 10, s.episodes(),
                s.seed()).cost(RunBudget.workers())));
        assertEquals(Optional.empty(), model.setNk(10, 1));
        assertEquals(10, model.backgroundRunsProperty().get());
        assertEquals(10, model.spec().runs());
        assertEquals(AccelerationViewModel.WAITING, model.curves().messageProperty().get());
    }
}
