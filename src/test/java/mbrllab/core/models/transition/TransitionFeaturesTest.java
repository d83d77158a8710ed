package mbrllab.core.models.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.random.SplitMix64;

class TransitionFeaturesTest {

    @Test
    void withAndWithoutThePosition() {
        double[] s = {9, 1, 0.5, 3, 7};
        double[] with = new double[7];
        double[] without = new double[6];
        TransitionFeatures.WITH_POSITION.write(s, 1, -2, with, 1);
        TransitionFeatures.WITHOUT_POSITION.write(s, 1, -2, without, 1);
        assertArrayEquals(new double[] {0, 1, 0.5, 7, Math.sin(3), Math.cos(3), -2}, with, 0);
        assertArrayEquals(new double[] {0, 0.5, 7, Math.sin(3), Math.cos(3), -2}, without, 0);
        Trajectory t = new Trajectory(new double[] {1, 2, 0.5, 4, 1.5, 2.5, 0.25, 3}, new double[] {7});
        Dataset d = TransitionFeatures.WITHOUT_POSITION.dataset(List.of(t));
        assertEquals(5, d.inputDim());
        assertArrayEquals(new double[] {2, 4, Math.sin(0.5), Math.cos(0.5), 7}, d.inputs(), 0);
        assertArrayEquals(new double[] {0.5, 0.5, -0.25, -1}, d.targets(), 0);
        assertArrayEquals(TransitionData.of(List.of(t)).inputs(),
                TransitionFeatures.WITH_POSITION.dataset(List.of(t)).inputs(), 0);
        assertEquals(List.of(6, 5), List.of(TransitionFeatures.WITH_POSITION.inputDim(),
                TransitionFeatures.WITHOUT_POSITION.inputDim()));
    }

    @Test
    void withoutThePositionAModelPredictsTheSameChangeAnywhereOnTheTrack() {
        SwingUpTask task = SwingUpTask.pilco();
        List<Trajectory> data = TransitionModelTest.observed(TransitionModelTest.randomEpisodes(task, 2, 3));
        EnsembleTransitionSpec ensemble = new EnsembleTransitionSpec(EnsembleSpec.dynamics().withMembers(2)
                .withEpochs(1).withMinSteps(50), TransitionFeatures.WITHOUT_POSITION);
        SingleNetSpec single = SingleNetSpec.pets().withEpochs(1).withMinSteps(50)
                .withFeatures(TransitionFeatures.WITHOUT_POSITION);
        for (TransitionModel model : new TransitionModel[] {ensemble.fit(task, data, new SplitMix64(1), Runnable::run),
            single.fit(task, data, new SplitMix64(1), Runnable::run)}) {
            double[] states = {0, 0.4, 2.5, -1, 5, 0.4, 2.5, -1, -40, 0.4, 2.5, -1};
            double[] next = new double[12];
            model.predict(0, states, new double[] {3, 3, 3}, 3, next);
            for (int r = 1; r < 3; r++) {
                for (int i = 1; i < 4; i++) {
                    assertEquals(next[i], next[r * 4 + i], 0, model.kind() + " row " + r + " component " + i);
                }
                assertEquals(next[0] - states[0], next[r * 4] - states[r * 4], 1e-12);
            }
        }
        assertEquals(TransitionFeatures.WITHOUT_POSITION, ensemble.features());
        assertEquals(TransitionFeatures.WITH_POSITION, new EnsembleTransitionSpec(EnsembleSpec.dynamics()).features());
    }
}
