package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mbrllab.app.Background;
import mbrllab.app.lab.Dispatcher;
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
}
