package mbrllab.core.acceleration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.BalanceTask;
import mbrllab.core.dqn.DqnParams;
import mbrllab.core.dqn.EpsilonSchedule;
import mbrllab.core.dqn.ReplayBuffer;
import mbrllab.core.dqn.TargetUpdate;
import mbrllab.core.dqn.TdLoss;
import mbrllab.core.dqn.TransitionBatch;
import mbrllab.core.random.SplitMix64;

class DynaDqnTest {

    private static final BalanceTask TASK = BalanceTask.cartPoleV1();

    /** Small and quick: 16-16 Q-network, batches of 8, learning after 50 steps, 2 updates per step. */
    static AccelerationParams small() {
        DqnParams dqn = new DqnParams(List.of(16, 16), 1e-3, 0.99, 8, TdLoss.HUBER, TargetUpdate.hard(20),
                new EpsilonSchedule(1, 0.1, 200), 50, 10_000, false);
        return new AccelerationParams(dqn, 2, 40, 10, new LearnedModelParams(3, List.of(8), 1e-3, 16, 1e-5), 500);
    }

    /** The same seed and setting give the same learner bit for bit. */
    @Test
    void reproducibleToTheBit() {
        AccelerationSetting setting = AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 3, 2, 0.5);
        DynaDqn a = new DynaDqn(TASK, small(), setting, 77);
        DynaDqn b = new DynaDqn(TASK, small(), setting, 77);
        for (int t = 0; t < 400; t++) {
            assertEquals(a.step(), b.step());
        }
        assertArrayEquals(a.dqn().parameters(), b.dqn().parameters());
        assertArrayEquals(a.state(), b.state());
        assertEquals(a.counters(), b.counters());
    }

    /**
     * Common random numbers: on one run seed, real-only and model-augmented learners start in the same state with the
     * same network, and act alike until learning starts (no update before learningStarts), so their first episodes
     * are the same.
     */
    @Test
    void settingsShareTheirRunsRandomness() {
        DqnParams slow = small().dqn().withLearningStarts(300);
        AccelerationParams params = small().withDqn(slow);
        DynaDqn real = new DynaDqn(TASK, params, AccelerationSetting.realOnly(), 5);
        DynaDqn model = new DynaDqn(TASK, params, AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5), 5);
        assertArrayEquals(real.state(), model.state());
        assertArrayEquals(real.dqn().parameters(), model.dqn().parameters());
        int steps = 0;
        while (steps < 250) {
            int r1 = real.runEpisode();
            int r2 = model.runEpisode();
            assertEquals(r1, r2);
            steps += r1;
        }
        assertArrayEquals(real.state(), model.state());
    }

    /**
     * Common random numbers between models: a learned ensemble, the true physics and the true physics with noise, on
     * one run seed, start their first rollouts (real step 50, when learning starts; the ensemble refits first) from
     * the same buffer states with the same pushes, whatever their refits, members and noise draw.
     */
    @Test
    void modelSettingsStartTheirRolloutsAlike() {
        AccelerationParams params = small().withModelBufferCapacity(100_000);
        List<DynaDqn> learners = List.of(
                new DynaDqn(TASK, params, AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 1, 0.5), 23),
                new DynaDqn(TASK, params, AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5), 23),
                new DynaDqn(TASK, params, AccelerationSetting.noisyTrue(10, 1, 0.5, 0.1), 23));
        for (int t = 0; t < 50; t++) {
            for (DynaDqn learner : learners) {
                learner.step();
            }
        }
        ReplayBuffer first = learners.get(0).modelBuffer();
        assertEquals(10, first.size());
        double[] a = new double[4];
        double[] b = new double[4];
        double[] nextA = new double[4];
        double[] nextB = new double[4];
        for (DynaDqn other : learners.subList(1, learners.size())) {
            ReplayBuffer buffer = other.modelBuffer();
            assertEquals(10, buffer.size());
            boolean nextDiffers = false;
            for (int i = 0; i < 10; i++) {
                first.state(i, a, 0);
                buffer.state(i, b, 0);
                assertArrayEquals(a, b, "start state of rollout " + i);
                assertEquals(first.action(i), buffer.action(i), "push of rollout " + i);
                first.nextState(i, nextA, 0);
                buffer.nextState(i, nextB, 0);
                nextDiffers |= !java.util.Arrays.equals(nextA, nextB);
            }
            assertTrue(nextDiffers, "the models themselves differ");
        }
    }

    /**
     * With the true physics, every model transition is the physics itself: s' = step(s, F(u)), reward 1, terminal by
     * the task's rule; rollouts start n per real step after learning starts and stop at termination, so there are at
     * most n k transitions per step.
     */
    @Test
    void trueModelDataIsThePhysics() {
        AccelerationSetting setting = AccelerationSetting.withModel(ModelChoice.TRUE, 4, 3, 0.5);
        AccelerationParams params = small().withModelBufferCapacity(100_000);
        DynaDqn learner = new DynaDqn(TASK, params, setting, 9);
        for (int t = 0; t < 200; t++) {
            learner.step();
        }
        ProcessCounters c = learner.counters();
        assertEquals(200, c.realSteps());
        assertEquals(4L * (200 - 50 + 1), c.modelRollouts());
        assertTrue(c.modelTransitions() <= 3 * c.modelRollouts() && c.modelTransitions() >= c.modelRollouts());
        assertEquals(c.modelTransitions(), c.modelBufferSize());
        assertEquals(2L * (200 - 50 + 1), c.qUpdates());
        assertEquals(0, c.modelRefits());
        ReplayBuffer data = learner.modelBuffer();
        double[] s = new double[4];
        double[] next = new double[4];
        int terminal = 0;
        for (int i = 0; i < data.size(); i++) {
            data.state(i, s, 0);
            data.nextState(i, next, 0);
            TASK.step(s, data.action(i) == 1 ? 10 : -10, new double[0]);
            assertArrayEquals(s, next);
            assertEquals(TASK.isTerminal(next), data.terminal(i));
            assertEquals(1, data.reward(i));
            terminal += data.terminal(i) ? 1 : 0;
        }
        assertTrue(terminal > 0, "some rollouts end in failure");
    }

    /** A fake model that marks its next states: x' = 7 exactly (a value no real transition has). */
    private static final class MarkingModel implements RolloutModel {
        int refits;

        @Override
        public int members() {
            return 1;
        }

        @Override
        public void refit(ReplayBuffer real, RandomGenerator rng) {
            refits++;
        }

        @Override
        public long trainingSteps() {
            return refits;
        }

        @Override
        public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(states, b * 4, next, b * 4, 4);
                next[b * 4 + 1] = 7;
            }
        }
    }

    /** Each minibatch has round(ratio B) real transitions and the rest from the model buffer. */
    @Test
    void minibatchesMixRealAndModelDataAtTheRatio() {
        for (double ratio : new double[] {0, 0.25, 0.5, 1}) {
            AccelerationSetting setting = AccelerationSetting.withModel(ModelChoice.TRUE, 5, 1, ratio);
            DynaDqn learner = new DynaDqn(TASK, small(), setting, 3, new MarkingModel());
            for (int t = 0; t < 60; t++) {
                learner.step();
            }
            TransitionBatch batch = learner.fillBatch();
            int model = 0;
            for (int b = 0; b < batch.size(); b++) {
                model += batch.nextState(b, 1) == 7 ? 1 : 0;
            }
            assertEquals(8 - Math.round(ratio * 8), model, "ratio " + ratio);
        }
    }

    /** A learned model is refitted when learning starts and then every M real steps, with a fixed number of steps. */
    @Test
    void learnedModelsAreRefittedEveryMSteps() {
        AccelerationSetting setting = AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 2, 1, 0.5);
        DynaDqn learner = new DynaDqn(TASK, small(), setting, 4);
        for (int t = 0; t < 171; t++) {
            learner.step();
        }
        // refits at real steps 50, 90, 130, 170
        ProcessCounters c = learner.counters();
        assertEquals(4, c.modelRefits());
        assertEquals(4L * 3 * 10, c.modelSteps());
        assertEquals(170, c.refitStep());
        DynaDqn single = new DynaDqn(TASK, small(), AccelerationSetting.withModel(ModelChoice.SINGLE, 2, 1, 0.5), 4);
        for (int t = 0; t < 171; t++) {
            single.step();
        }
        assertEquals(4, single.counters().modelRefits());
        assertEquals(4L * 10, single.counters().modelSteps());
    }

    /**
     * The counters say at which real step the latest target update and refit were made: a copy every 20 Q updates at
     * 2 updates per real step from real step 50 on is one every 10 real steps, the last of 200 steps at step 199.
     */
    @Test
    void countersKnowTheStepsOfTheLatestCopyAndRefit() {
        DynaDqn learner = new DynaDqn(TASK, small(), AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 2, 1, 0.5), 6);
        ProcessCounters before = learner.counters();
        assertEquals(0, before.targetUpdateStep());
        assertEquals(0, before.refitStep());
        for (int t = 0; t < 200; t++) {
            learner.step();
            ProcessCounters c = learner.counters();
            assertEquals(c.targetUpdates() > before.targetUpdates() ? c.realSteps() : before.targetUpdateStep(),
                    c.targetUpdateStep(), "step " + c.realSteps());
            assertEquals(c.modelRefits() > before.modelRefits() ? c.realSteps() : before.refitStep(), c.refitStep());
            before = c;
        }
        assertEquals(15, before.targetUpdates());
        assertEquals(199, before.targetUpdateStep());
        assertEquals(170, before.refitStep());
    }

    /**
     * The k-step error of the true physics is 0; a model that adds a drift delta to x at every step is off by exactly
     * k delta in x after k steps (x does not feed back into the other components), and only in x.
     */
    @Test
    void rolloutErrorOfKnownModels() {
        DynaDqn exact = new DynaDqn(TASK, small(), AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1, 0.5), 6);
        for (int t = 0; t < 100; t++) {
            exact.step();
        }
        RolloutError zero = exact.rolloutError(50, 20, new SplitMix64(1));
        for (int k = 1; k <= 20; k++) {
            assertEquals(0, zero.error(k));
            assertEquals(0, zero.stepError(k));
        }
        double delta = 0.01;
        RolloutModel drift = new DriftingModel(TASK, delta);
        DynaDqn drifting = new DynaDqn(TASK, small(), AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1, 0.5), 6,
                drift);
        for (int t = 0; t < 100; t++) {
            drifting.step();
        }
        RolloutError e = drifting.rolloutError(50, 20, new SplitMix64(2));
        for (int k = 1; k <= 20; k++) {
            assertEquals(k * delta, e.rmse(k, 0), 1e-9);
            assertEquals(0, e.rmse(k, 1), 1e-9);
            assertEquals(0, e.rmse(k, 2), 1e-9);
            assertEquals(0, e.rmse(k, 3), 1e-9);
            assertEquals(k * delta / 2.4 / 2, e.error(k), 1e-9);
            // each step alone is off by delta in x only: the compounding is in the states, not in the transitions
            assertEquals(delta / 2.4 / 2, e.stepError(k), 1e-9);
        }
        assertNull(new DynaDqn(TASK, small(), AccelerationSetting.realOnly(), 1)
                .rolloutError(10, 5, new SplitMix64(3)));
    }

    /**
     * The true physics with noise S: one step off by S times each component's scale in root mean square (2,000
     * starts: 8,000 squared normals, the estimate's relative sd about 0.8%, the bound 4%); the noise does not
     * compound through the physics in one step, so component i's rmse is S times its scale.
     */
    @Test
    void noisyTrueModelHasTheOneStepErrorItsNoiseSays() {
        double noise = 0.1;
        DynaDqn learner = new DynaDqn(TASK, small(), AccelerationSetting.noisyTrue(2, 1, 0.5, noise), 6);
        for (int t = 0; t < 100; t++) {
            learner.step();
        }
        RolloutError e = learner.rolloutError(2000, 1, new SplitMix64(3));
        assertEquals(noise, e.error(1), 0.04 * noise);
        for (int i = 0; i < 4; i++) {
            assertEquals(noise * RolloutError.SCALE[i], e.rmse(1, i), 0.08 * noise * RolloutError.SCALE[i]);
        }
        assertEquals(AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1, 0.5),
                AccelerationSetting.noisyTrue(2, 1, 0.5, 0));
    }

    /** A learned single net's rollouts drift further from the physics the longer they run (k = 1 vs 5, 10, 20). */
    @Test
    void learnedModelErrorGrowsWithK() {
        AccelerationParams params = small().withRefit(100, 300);
        DynaDqn learner = new DynaDqn(TASK, params, AccelerationSetting.withModel(ModelChoice.SINGLE, 2, 1, 0.5), 8);
        for (int t = 0; t < 700; t++) {
            learner.step();
        }
        RolloutError e = learner.rolloutError(200, 20, new SplitMix64(4));
        assertTrue(e.error(1) < e.error(5) && e.error(5) < e.error(10) && e.error(10) < e.error(20),
                e.error(1) + " " + e.error(5) + " " + e.error(10) + " " + e.error(20));
        assertTrue(e.error(1) < 0.05, "one step is close: " + e.error(1));
        assertEquals(e.error(1), e.stepError(1));
        assertTrue(e.stepError(20) < e.error(20) / 2, "the 20th step alone (" + e.stepError(20)
                + ") is far closer than the 20 steps together (" + e.error(20) + ")");
    }
    /**
     * One imagined rollout: with the true physics the imagined states are the true ones to the bit and the rollout
     * stops where the pole falls; with a model that adds 0.01 m to x each step the error after t steps is t * 0.01 m
     * in x alone; the learner is not changed by it.
     */
    @Test
    void imagineMatchesThePhysicsOrDriftsAsTheModelDoes() {
        DynaDqn exact = new DynaDqn(TASK, small(), AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1, 0.5), 3);
        for (int t = 0; t < 120; t++) {
            exact.step();
        }
        ProcessCounters before = exact.counters();
        double[] params = exact.dqn().parameters().clone();
        double[] start = {0.1, 0.2, 0.15, 0.3};
        ModelRollout r = exact.imagine(start, -1, 40, new SplitMix64(5));
        assertEquals(before, exact.counters());
        assertArrayEquals(params, exact.dqn().parameters());
        assertArrayEquals(r.truth(), r.imagined());
        assertTrue(r.steps() >= 1 && r.steps() <= 40);
        if (r.steps() < 40) {
            assertTrue(r.modelTerminal());
            assertEquals(r.steps(), r.trueTerminalAt());
        }
        assertEquals(0, r.error(0));
        double[] one = start.clone();
        double[] work = new double[TASK.workLength()];
        TASK.step(one, r.forces()[0], work);
        assertArrayEquals(one, java.util.Arrays.copyOfRange(r.truth(), 4, 8));

        double delta = 0.01;
        RolloutModel drift = new DriftingModel(TASK, delta);
        DynaDqn drifting = new DynaDqn(TASK, small(), AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1, 0.5), 6,
                drift);
        ModelRollout d = drifting.imagine(new double[] {0, 0, 0, 0}, -1, 5, new SplitMix64(7));
        assertEquals(5, d.steps());
        for (int t = 1; t <= 5; t++) {
            assertEquals(t * delta, d.imagined(t, 0) - d.truth(t, 0), 1e-12);
            assertEquals(d.truth(t, 2), d.imagined(t, 2), 1e-12);
            // the compounded error grows as t delta, each step alone stays at delta (in x, scaled by 2.4, of 4)
            assertEquals(t * delta / 2.4 / 2, d.error(t), 1e-12);
            assertEquals(delta / 2.4 / 2, d.stepError(t), 1e-12);
        }
        for (int t = 1; t <= r.steps(); t++) {
            assertEquals(0, r.stepError(t));
        }
        assertNull(new DynaDqn(TASK, small(), AccelerationSetting.realOnly(), 1).imagine(start, -1, 5, new SplitMix64(3)));
    }

    /**
     * The rollout view pushes as model-data collection does: with rollout epsilon 0 every push is the greedy one on the
     * imagined state, with 1 about half of them go right (binomial, 400 pushes: within 5 standard deviations of 200),
     * and the first push is the one the data took (push=dataset) or the other one (push=other) whatever the epsilon.
     */
    @Test
    void imagineDrawsItsPushesAsModelDataCollection() {
        double[] start = {0.05, -0.1, 0.02, 0.1};
        DynaDqn greedy = trained(small().withRollouts(0, 500), AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1,
                0.5));
        ModelRollout g = greedy.imagine(start, -1, 20, new SplitMix64(11));
        for (int t = 0; t < g.steps(); t++) {
            double[] s = java.util.Arrays.copyOfRange(g.imagined(), t * 4, t * 4 + 4);
            assertEquals(greedy.dqn().greedyAction(s, 0) == 1 ? 10.0 : -10.0, g.forces()[t], "step " + (t + 1));
        }

        DynaDqn random = trained(small().withRollouts(1, 500), AccelerationSetting.withModel(ModelChoice.TRUE, 2, 1,
                0.5));
        SplitMix64 rng = new SplitMix64(12);
        int right = 0;
        int pushes = 0;
        while (pushes < 400) {
            ModelRollout r = random.imagine(start, -1, 5, rng);
            for (double f : r.forces()) {
                right += f > 0 ? 1 : 0;
                pushes++;
            }
        }
        assertEquals(pushes / 2.0, right, 5 * Math.sqrt(pushes / 4.0), right + " of " + pushes + " pushes right");

        for (FirstPush push : new FirstPush[] {FirstPush.DATASET, FirstPush.OTHER}) {
            AccelerationSetting s = AccelerationSetting.parse("true:n=2:k=3:push=" + push.key(), 0.5);
            DynaDqn l = trained(small().withRollouts(0, 500), s);
            for (int taken = 0; taken <= 1; taken++) {
                double expected = (push == FirstPush.DATASET) == (taken == 1) ? 10 : -10;
                for (int seed = 0; seed < 5; seed++) {
                    assertEquals(expected, l.imagine(start, taken, 3, new SplitMix64(seed)).forces()[0],
                            push + ", taken " + taken);
                }
            }
        }
    }

    private static DynaDqn trained(AccelerationParams params, AccelerationSetting setting) {
        DynaDqn l = new DynaDqn(TASK, params, setting, 3);
        for (int t = 0; t < 120; t++) {
            l.step();
        }
        return l;
    }

    /** The true physics plus a drift of delta in x at every step. */
    private static final class DriftingModel implements RolloutModel {
        private final BalanceTask task;
        private final double delta;
        private final double[] s = new double[4];

        DriftingModel(BalanceTask task, double delta) {
            this.task = task;
            this.delta = delta;
        }

        @Override
        public int members() {
            return 1;
        }

        @Override
        public void refit(ReplayBuffer real, RandomGenerator rng) {
        }

        @Override
        public long trainingSteps() {
            return 0;
        }

        @Override
        public void next(int member, double[] states, double[] forces, int count, double[] next, RandomGenerator rng) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(states, b * 4, s, 0, 4);
                task.step(s, forces[b], new double[0]);
                s[0] += delta;
                System.arraycopy(s, 0, next, b * 4, 4);
            }
        }
    }

    /**
     * Rollout actions are epsilon-greedy with the rollout epsilon: with 0 every model transition takes the greedy push
     * of the Q-network at the time it was collected; with 1 the pushes are uniformly random (about half each).
     */
    @Test
    void rolloutActionsFollowTheRolloutEpsilon() {
        AccelerationSetting setting = AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5);
        AccelerationParams greedy = small().withModelBufferCapacity(100_000).withRollouts(0, 10_000);
        DynaDqn learner = new DynaDqn(TASK, greedy, setting, 21);
        for (int t = 0; t < 120; t++) {
            learner.step();
        }
        double[] s = new double[4];
        for (int t = 0; t < 20; t++) {
            double[] before = learner.dqn().parameters();
            learner.step();
            double[] after = learner.dqn().parameters();
            learner.dqn().setParameters(before);
            ReplayBuffer data = learner.modelBuffer();
            for (int i = data.size() - 10; i < data.size(); i++) {
                data.state(i, s, 0);
                assertEquals(learner.dqn().greedyAction(s, 0), data.action(i), "the greedy push of the network then");
            }
            learner.dqn().setParameters(after);
        }
        DynaDqn random = new DynaDqn(TASK, small().withModelBufferCapacity(100_000).withRollouts(1, 10_000), setting,
                21);
        for (int t = 0; t < 250; t++) {
            random.step();
        }
        ReplayBuffer data = random.modelBuffer();
        int right = 0;
        for (int i = 0; i < data.size(); i++) {
            right += data.action(i);
        }
        double share = right / (double) data.size();
        assertTrue(data.size() >= 2000 && share > 0.45 && share < 0.55, data.size() + " transitions, right " + share);
    }

    /**
     * push=dataset: with the true physics each one-step rollout repeats a real transition (the same state, push and
     * next state); push=other: the same state with the push the real transition did not take, and the physics' next
     * state for it. Both move the learner's generators as the rollout epsilon's pushes do: the real steps stay alike
     * until the learners' Q-networks differ (the first 50 steps, before learning starts); real steps 50 to 151 write
     * 10 rollouts each.
     */
    @Test
    void firstPushesFromTheDataOrTheOtherOne() {
        AccelerationSetting base = AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5);
        AccelerationParams params = small().withModelBufferCapacity(100_000);
        DynaDqn plain = new DynaDqn(TASK, params, base, 17);
        DynaDqn dataset = new DynaDqn(TASK, params, base.withPush(FirstPush.DATASET), 17);
        DynaDqn other = new DynaDqn(TASK, params, base.withPush(FirstPush.OTHER), 17);
        for (int t = 0; t < 51; t++) {
            plain.step();
            dataset.step();
            other.step();
            assertArrayEquals(plain.state(), dataset.state());
            assertArrayEquals(plain.state(), other.state());
        }
        for (int t = 0; t < 100; t++) {
            dataset.step();
            other.step();
        }
        assertSame(dataset, 10 * 102, true);
        assertSame(other, 10 * 102, false);
    }

    /** Every model transition's state is a real one's; its push equal to that one's (or not), its x' the physics'. */
    private static void assertSame(DynaDqn learner, int expected, boolean samePush) {
        ReplayBuffer real = learner.realBuffer();
        ReplayBuffer model = learner.modelBuffer();
        assertEquals(expected, model.size());
        double[] s = new double[4];
        double[] next = new double[4];
        double[] r = new double[4];
        for (int i = 0; i < model.size(); i++) {
            model.state(i, s, 0);
            int found = -1;
            for (int j = 0; j < real.size() && found < 0; j++) {
                real.state(j, r, 0);
                found = java.util.Arrays.equals(s, r) ? j : -1;
            }
            assertTrue(found >= 0, "model transition " + i + " starts from a real state");
            assertEquals(samePush, model.action(i) == real.action(found), "the push of model transition " + i);
            model.nextState(i, next, 0);
            TASK.step(s, model.action(i) == 1 ? 10 : -10, new double[0]);
            assertArrayEquals(s, next);
            if (samePush) {
                real.nextState(found, r, 0);
                assertArrayEquals(r, next, "a copy of the real transition");
            }
        }
    }

    /** Rollouts start from the latest W real transitions: with W = 5 every start state is one of the 5 latest. */
    @Test
    void rolloutsStartFromTheLatestRealStates() {
        AccelerationSetting setting = AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, 0.5);
        DynaDqn learner = new DynaDqn(TASK, small().withModelBufferCapacity(100_000).withRollouts(1, 5), setting, 4,
                new MarkingModel());
        double[] s = new double[4];
        double[] r = new double[4];
        for (int t = 0; t < 80; t++) {
            learner.step();
            ReplayBuffer real = learner.realBuffer();
            ReplayBuffer model = learner.modelBuffer();
            if (model == null || model.size() == 0) {
                continue;
            }
            for (int i = model.size() - 10; i < model.size(); i++) {
                model.state(i, s, 0);
                boolean found = false;
                for (int j = real.size() - 5; j < real.size(); j++) {
                    real.state(j, r, 0);
                    found |= java.util.Arrays.equals(s, r);
                }
                assertTrue(found, "step " + t + ": a start state outside the latest 5");
            }
        }
    }
}
