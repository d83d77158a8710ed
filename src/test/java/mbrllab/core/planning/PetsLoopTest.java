package mbrllab.core.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.transition.EnsembleTransitionSpec;
import mbrllab.core.models.transition.SingleNetSpec;
import mbrllab.core.models.transition.TransitionModelKind;
import mbrllab.core.models.transition.TransitionModelSpec;

class PetsLoopTest {

    /** CartPole-v1 with episodes of at most 60 steps. */
    static final BalanceTask SHORT = new BalanceTask(new BalanceSystem(9.8, 1.0, 0.1, 0.5, 10.0, 0.02, 12, 2.4, 60),
            10);
    static final PlannerSettings SMALL = new PlannerSettings(PlannerKind.CEM, 10, 30, 5, 2, 0.1, 3,
            Propagation.TS_INF);
    static final EnsembleTransitionSpec QUICK = new EnsembleTransitionSpec(EnsembleSpec.dynamics().withMembers(3)
            .withHidden(List.of(16, 16)).withEpochs(1).withMinSteps(150));

    @Test
    void aSeedGivesTheSameRunBitForBitWhateverTheExecutor() {
        PetsSpec spec = new PetsSpec(SHORT, QUICK, SMALL, 3, 42);
        List<PetsEpisode> serial = PetsLoop.run(spec, Runnable::run, PetsObserver.NONE);
        List<PetsEpisode> parallel;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            parallel = PetsLoop.run(spec, pool, PetsObserver.NONE);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, serial.size());
        assertEquals(3, parallel.size());
        int transitions = 0;
        for (int i = 0; i < 3; i++) {
            PetsEpisode a = serial.get(i);
            PetsEpisode b = parallel.get(i);
            assertEquals(i + 1, a.number());
            assertEquals(i == 0, a.random());
            assertArrayEquals(a.episode().truth().states(), b.episode().truth().states(), 0);
            assertArrayEquals(a.episode().truth().actions(), b.episode().truth().actions(), 0);
            assertArrayEquals(a.episode().observed().states(), b.episode().observed().states(), 0);
            assertEquals(a.totalReturn(), b.totalReturn(), 0);
            assertEquals(a.predictedReturn(), b.predictedReturn(), 0);
            assertEquals(a.replayedReturn(), b.replayedReturn(), 0);
            assertEquals(a.success(), b.success());
            transitions += a.steps();
            assertEquals(transitions, a.transitions());
            assertEquals(a.steps(), a.totalReturn(), 0, "balance: +1 per step");
        }
        assertTrue(Double.isNaN(serial.get(0).predictedReturn()));
        assertTrue(serial.get(1).planMillis() > 0);
        // another seed starts elsewhere
        PetsEpisode other = PetsLoop.run(new PetsSpec(SHORT, QUICK, SMALL, 1, 43), Runnable::run,
                PetsObserver.NONE).get(0);
        assertFalse(java.util.Arrays.equals(other.episode().truth().states(), serial.get(0).episode().truth()
                .states()));
    }

    @Test
    void withTheTrueModelThePlansEarnWhatTheyPredictAndTheCartPoleBalances() {
        PlannerSettings settings = SMALL.withHorizon(20).withPopulation(60).withElites(6).withIterations(3)
                .withPropagation(Propagation.MEAN, 1);
        PetsSpec spec = new PetsSpec(SHORT, TransitionModelSpec.trueDynamics(), settings, 2, 5);
        List<PetsEpisode> run = PetsLoop.run(spec, Runnable::run, PetsObserver.NONE);
        PetsEpisode mpc = run.get(1);
        assertFalse(run.get(0).success(), "random forces do not balance for 60 steps");
        assertTrue(mpc.success());
        assertEquals(60, mpc.totalReturn(), 0);
        // balance has no observation noise: the model is the truth, so predicted and real plan returns agree
        assertEquals(mpc.replayedReturn(), mpc.predictedReturn(), 0);
        assertEquals(20, mpc.predictedReturn(), 0);
    }

    @Test
    void theObserverSeesEveryPlanAndCanCancel() {
        List<String> events = new ArrayList<>();
        PetsObserver observer = new PetsObserver() {
            @Override
            public boolean recordRollouts() {
                return true;
            }

            @Override
            public void modelFitted(int episode, mbrllab.core.models.transition.TransitionModel model) {
                events.add("fit " + episode + " " + model.kind().id());
            }

            @Override
            public void planned(int episode, int step, double[] observation, Plan plan) {
                assertTrue(plan.iterations().get(0).hasStates());
                events.add("plan " + episode + " " + step);
            }

            @Override
            public void episodeFinished(PetsEpisode episode) {
                events.add("end " + episode.number());
            }

            @Override
            public boolean isCancelled() {
                return events.size() >= 6;
            }
        };
        PetsSpec spec = new PetsSpec(SHORT, TransitionModelSpec.trueDynamics(), SMALL.withPropagation(Propagation.MEAN,
                1), 5, 1);
        List<PetsEpisode> run = PetsLoop.run(spec, Runnable::run, observer);
        assertEquals(1, run.size(), "the unfinished episode is dropped");
        assertEquals(List.of("end 1", "fit 2 true", "plan 2 0", "plan 2 1", "plan 2 2", "plan 2 3"), events);
        PetsLoop loop = new PetsLoop(new PetsSpec(SHORT, TransitionModelSpec.trueDynamics(), SMALL
                .withPropagation(Propagation.MEAN, 1), 1, 1), Runnable::run, PetsObserver.NONE);
        loop.next();
        assertFalse(loop.hasNext());
        assertThrows(IllegalStateException.class, loop::next);
        assertEquals(1, loop.data().size());
    }

    @Test
    void sampledPropagationNeedsAnEnsemble() {
        assertThrows(IllegalArgumentException.class, () -> new PetsSpec(SHORT, SingleNetSpec.pets(), SMALL, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new PetsSpec(SHORT, TransitionModelSpec.trueDynamics(),
                SMALL.withPropagation(Propagation.TS1, 2), 2, 1));
        PetsSpec single = new PetsSpec(SHORT, TransitionModelSpec.of(TransitionModelKind.SINGLE),
                SMALL.withPropagation(Propagation.MEAN, 1), 2, 1);
        assertEquals(TransitionModelKind.SINGLE, single.model().kind());
        assertThrows(IllegalArgumentException.class, () -> new PetsSpec(SHORT, QUICK, SMALL, 0, 1));
    }
}
