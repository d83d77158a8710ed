package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mbrllab.app.Background;
import mbrllab.app.lab.QueueDispatcher;

/** The cart-pole tab's state without a screen: the choices of what to show act on what is computed, at once. */
class DynamicsViewModelTest {

    private final QueueDispatcher dispatcher = new QueueDispatcher();
    private final Background background = new Background();
    private final DynamicsViewModel model = new DynamicsViewModel(dispatcher, background);

    @AfterEach
    void shutdown() {
        model.shutdown();
        background.shutdown();
    }

    /** The "true" column of the CSV the charts are drawn from (the shown start's true states). */
    private static List<String> truthColumn(DynamicsResult r) {
        return DynamicsCharts.multiStepCsv(r).lines().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
    }

    @Test
    void theHeldOutStartAndTheRolloutsShownRedrawFromWhatIsComputed() throws Exception {
        model.apply(new DynamicsViewModel.Settings(ModelChoice.GP, 2, 6, 3, 10, 0,
                EnumSet.of(Rollout.GP_MOMENT_MATCHING, Rollout.GP_PARTICLES)));
        model.collectAndFit(3);
        // chosen while the job runs: its stages must not bring back the choices it started with
        model.showStart(1);
        model.showRollouts(EnumSet.of(Rollout.GP_MOMENT_MATCHING));
        dispatcher.drainUntil(() -> !model.workingProperty().get(), "the fit and the predictions", 120);
        DynamicsResult r = model.resultProperty().get();
        assertTrue(r.done());
        assertEquals(1, r.settings().start());
        assertEquals(EnumSet.of(Rollout.GP_MOMENT_MATCHING), r.settings().shown());
        assertEquals(2, r.predictions().size(), "both rollouts computed");
        assertEquals(List.of("GP, moment matching"), DynamicsCharts.curves(r).stream()
                .map(c -> c.name()).toList(), "one curve drawn");

        List<String> start2 = truthColumn(r);
        model.showStart(2);
        DynamicsResult now = model.resultProperty().get();
        assertEquals(2, now.settings().start(), "at once, with no refit");
        assertSame(r.predictions(), now.predictions(), "nothing recomputed");
        assertNotEquals(start2, truthColumn(now), "the charts' data is start 3's");
        assertEquals(truthColumn(now).get(0), Double.toString(now.windows().get(2).state(0, 0)));

        model.showRollouts(EnumSet.allOf(Rollout.class));
        assertEquals(List.of("GP, moment matching", "GP, particles (TS1)"), DynamicsCharts.curves(
                model.resultProperty().get()).stream().map(c -> c.name()).toList(),
                "the ensemble's are not computed (GP only), the GP's particles are drawn at once");
    }
}
