package mbrllab.core.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.models.transition.TransitionModelSpec;

class PetsStepperTest {

    @Test
    void stepByStepAndRoundByRoundGivesThePetsLoopsEpisodesBitForBit() {
        PetsSpec spec = new PetsSpec(PetsLoopTest.SHORT, PetsLoopTest.QUICK, PetsLoopTest.SMALL, 3, 42);
        List<PetsEpisode> loop = PetsLoop.run(spec, Runnable::run, PetsObserver.NONE);
        PetsStepper stepper = new PetsStepper(spec, Runnable::run);
        int rounds = 0;
        int steps = 0;
        while (stepper.hasNext()) {
            stepper.startEpisode();
            if (stepper.planning() && stepper.stepInEpisode() % 3 == 0) {
                // the step mode: CEM round by round, then the step finishes the search
                Planner.Search search = stepper.search(true);
                Iteration first = search.iterate();
                assertTrue(first.hasStates());
                rounds++;
                assertEquals(1, stepper.currentSearch().completed());
            }
            PetsStepper.Step step = stepper.step(false);
            assertEquals(step.episode() == 1, step.plan() == null);
            steps++;
        }
        assertTrue(rounds > 0);
        assertEquals(3, stepper.episodes().size());
        int total = 0;
        for (int i = 0; i < 3; i++) {
            PetsEpisode a = loop.get(i);
            PetsEpisode b = stepper.episodes().get(i);
            assertArrayEquals(a.episode().truth().states(), b.episode().truth().states(), 0);
            assertArrayEquals(a.episode().truth().actions(), b.episode().truth().actions(), 0);
            assertArrayEquals(a.episode().observed().states(), b.episode().observed().states(), 0);
            assertEquals(a.totalReturn(), b.totalReturn(), 0);
            assertEquals(a.predictedReturn(), b.predictedReturn(), 0);
            assertEquals(a.replayedReturn(), b.replayedReturn(), 0);
            assertEquals(a.success(), b.success());
            assertEquals(a.transitions(), b.transitions());
            total += b.steps();
        }
        assertEquals(total, steps);
        assertEquals(total, stepper.transitions());
        assertFalse(stepper.hasNext());
        assertThrows(IllegalStateException.class, stepper::startEpisode);
    }

    @Test
    void aStepReportsItsPlanAndTheSamePlanReplayedInTheTruePhysics() {
        SwingUpTask task = SwingUpTask.pilco().withSteps(6);
        PlannerSettings settings = new PlannerSettings(PlannerKind.CEM, 5, 40, 5, 3, 0.1, 1, Propagation.MEAN);
        PetsStepper stepper = new PetsStepper(new PetsSpec(task, TransitionModelSpec.trueDynamics(), settings, 2, 3),
                Runnable::run);
        assertThrows(IllegalStateException.class, () -> stepper.search(false), "no planned episode yet");
        PetsStepper.Step random = null;
        while (stepper.episodeNumber() == 1) {
            random = stepper.step(false);
        }
        assertNotNull(random.finished());
        assertEquals(6, random.finished().steps());
        assertNull(random.plan());
        PetsStepper.Step planned = stepper.step(true);
        assertEquals(2, planned.episode());
        assertEquals(0, planned.step());
        assertEquals(3, planned.plan().iterations().size());
        assertTrue(planned.plan().iterations().get(0).hasStates());
        // the true model predicts exactly what the true physics gives (the observation noise aside: 0.01)
        double[] path = OpenLoop.trueStates(task, planned.stateBefore(), planned.plan().actions());
        assertEquals(6 * 4, path.length);
        assertEquals(planned.replayedReturn(), OpenLoop.trueReturn(task, planned.stateBefore(),
                planned.plan().actions()), 0);
        assertEquals(planned.replayedReturn(), planned.plan().predictedReturn(), 0.05);
        double[] next = java.util.Arrays.copyOfRange(path, 4, 8);
        assertArrayEquals(next, planned.stateAfter(), 0);
        assertEquals(planned.reward(), task.reward(next), 0);
    }
}
