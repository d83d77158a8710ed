package mbrllab.core.pilco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.random.SplitMix64;

/** The PILCO loop on small settings (10 steps, 3 centres, few evaluations) and the GP training it uses. */
class PilcoLearnerTest {

    static PilcoSettings small() {
        return PilcoSettings.defaults().withHorizon(10).withCentres(3).withMaxEvaluations(6);
    }

    @Test
    void theFirstTrialAppliesRandomForcesAndLaterTrialsAPolicy() {
        PilcoLearner learner = new PilcoLearner(small(), 3);
        TrialResult first = learner.nextTrial(Runnable::run, PilcoObserver.NONE);
        assertTrue(first.isRandom());
        assertNull(first.prediction());
        assertTrue(Double.isNaN(first.predictedCost()));
        double[] forces = first.episode().truth().actions();
        assertEquals(10, forces.length);
        double spread = 0;
        for (double f : forces) {
            assertTrue(Math.abs(f) <= 10, "uniform in [-10, 10]: " + f);
            spread = Math.max(spread, Math.abs(f));
        }
        assertTrue(spread > 3, "random forces, not a policy's small ones");
        assertEquals(1.0, first.experienceSeconds(), 1e-12);

        TrialResult second = learner.nextTrial(Runnable::run, PilcoObserver.NONE);
        assertEquals(2, second.trial());
        RbfPolicy policy = second.policy();
        double[] obs = second.episode().observed().states();
        for (int t = 0; t < 10; t++) {
            double[] o = new double[4];
            System.arraycopy(obs, t * 4, o, 0, 4);
            assertEquals(policy.force(o), second.episode().truth().action(t), 1e-12,
                    "the force comes from the policy at the observation");
        }
        assertEquals(10, second.prediction().horizon());
        assertEquals(second.prediction().totalCost(), second.predictedCost(), 0.0);
        assertTrue(second.search().evaluations() <= 6);
        SwingUpTask task = small().task();
        assertEquals(task.totalCost(second.episode().truth().states()), second.actualCost(), 0.0);
        assertEquals(2, learner.data().size());
        assertEquals(2.0, second.experienceSeconds(), 1e-12);
    }

    /** The expected cost the search reports at its end is that of the policy applied, as predicted. */
    @Test
    void thePredictionIsThatOfTheOptimisedPolicy() {
        PilcoLearner learner = new PilcoLearner(small().withMaxEvaluations(15), 4);
        learner.nextTrial(Runnable::run, PilcoObserver.NONE);
        double[] best = {Double.POSITIVE_INFINITY};
        int[] evaluations = {0};
        TrialResult r = learner.nextTrial(Runnable::run, new PilcoObserver() {
            @Override
            public void evaluation(int trial, int evaluation, double cost, double bestSoFar) {
                evaluations[0] = evaluation;
                best[0] = bestSoFar;
            }
        });
        assertEquals(r.search().evaluations(), evaluations[0]);
        assertEquals(best[0], r.search().value(), 0.0);
        assertEquals(r.search().value(), r.predictedCost(), 1e-9);
        assertTrue(r.predictedCost() <= learner.evaluation(learner.dynamics()).value(
                RbfPolicy.initial(3, 10, new double[] {0, 0, 0, 0, 1}, diagonal(1e-2), new SplitMix64(9))
                        .parameters(), Runnable::run) + 10, "a sane value");
    }

    @Test
    void anObserverCanCancelTheSearch() {
        PilcoLearner learner = new PilcoLearner(small(), 5);
        learner.nextTrial(Runnable::run, PilcoObserver.NONE);
        PilcoObserver cancelAtThird = new PilcoObserver() {
            int seen;

            @Override
            public void evaluation(int trial, int evaluation, double cost, double best) {
                seen = evaluation;
            }

            @Override
            public boolean isCancelled() {
                return seen >= 3;
            }
        };
        assertThrows(CancellationException.class, () -> learner.nextTrial(Runnable::run, cancelAtThird));
        assertEquals(1, learner.trials().size(), "the cancelled trial is not recorded");
        TrialResult next = learner.nextTrial(Runnable::run, PilcoObserver.NONE);
        assertEquals(2, next.trial(), "the run goes on");
    }

    /**
     * The GPs trained on every other transition of three random episodes (60 transitions) predict the other 60: the
     * root mean square error of the predicted change is below a fifth of the changes' spread for every component
     * (inside the data; random forces drive the cart metres away, where no GP can know the dynamics), and the
     * hypCurb-like penalty keeps every signal-to-noise ratio below 600. A warm start from the result ends no worse.
     */
    @Test
    void theDynamicsPredictUnseenTransitions() {
        SwingUpTask task = SwingUpTask.pilco();
        SplitMix64 forces = new SplitMix64(31);
        List<Trajectory> train = new java.util.ArrayList<>();
        List<Trajectory> held = new java.util.ArrayList<>();
        for (int e = 0; e < 3; e++) {
            Trajectory ep = TaskEpisode.run(task, (o, t) -> 10 * (2 * forces.nextDouble() - 1),
                    new SplitMix64(40 + e)).observed();
            for (int t = 0; t < ep.length(); t++) {
                (t % 2 == 0 ? train : held).add(ep.window(t, 1));
            }
        }
        GpDynamics model = GpDynamics.train(train, null, GpDynamics.Training.defaults(), Runnable::run);
        assertEquals(60, model.size());
        for (int a = 0; a < 4; a++) {
            SeHyperparameters h = model.hyperparameters(a);
            assertTrue(h.signalStd() / h.noiseStd() < 600, "SNR of output " + a + ": " + h);
        }
        double[] sq = new double[4];
        double[] mean = new double[4];
        double[] meanSq = new double[4];
        for (Trajectory step : held) {
            double[] s = step.state(0);
            double[] next = model.meanNextState(s, step.action(0));
            for (int a = 0; a < 4; a++) {
                double change = step.state(1, a) - s[a];
                double err = next[a] - step.state(1, a);
                sq[a] += err * err;
                mean[a] += change;
                meanSq[a] += change * change;
            }
        }
        int n = held.size();
        for (int a = 0; a < 4; a++) {
            double rmse = Math.sqrt(sq[a] / n);
            double spread = Math.sqrt(meanSq[a] / n - (mean[a] / n) * (mean[a] / n));
            assertTrue(rmse < 0.2 * spread, "component " + a + ": RMSE " + rmse + ", spread " + spread);
        }
        GpDynamics warm = GpDynamics.train(train, model.hyperparameters(), GpDynamics.Training.defaults(),
                Runnable::run);
        for (int a = 0; a < 4; a++) {
            assertTrue(warm.objective(a) <= model.objective(a) + 1e-9, "a warm start never ends worse");
        }
    }

    static double[] diagonal(double v) {
        double[] d = new double[25];
        for (int i = 0; i < 5; i++) {
            d[i * 5 + i] = v;
        }
        return d;
    }
}
