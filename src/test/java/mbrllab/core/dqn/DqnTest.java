package mbrllab.core.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.random.SplitMix64;

class DqnTest {

    private static DqnParams params(List<Integer> hidden, int batch, TdLoss loss, TargetUpdate target) {
        return new DqnParams(hidden, 1e-2, 0.9, batch, loss, target, EpsilonSchedule.constant(0.1), 1, 100, false);
    }

    /**
     * A net whose values do not depend on the state: one hidden unit with zero weights, output weights zero, output
     * biases (3, 5). Then Q(x, left) = 3 and Q(x, right) = 5 everywhere, and with gamma 0.9:
     * y = 1 + 0.9 * 5 = 5.5 for a non-terminal x', y = 1 for a terminal one; TD errors 3 - 5.5 = -2.5 (left),
     * 5 - 1 = 4 (right, terminal); squared loss (6.25/2 + 16/2) / 2 = 5.5625,
     * Huber ((2.5 - 0.5) + (4 - 0.5)) / 2 = 2.75.
     */
    @Test
    void tdTargetAndLossByHand() {
        for (TdLoss loss : TdLoss.values()) {
            Dqn dqn = new Dqn(params(List.of(1), 2, loss, TargetUpdate.hard(1000)), new SplitMix64(1));
            // layout: W1 (4x1), b1 (1), W2 (1x2), b2 (2)
            double[] theta = new double[dqn.network().parameterCount()];
            assertEquals(4 + 1 + 2 + 2, theta.length);
            theta[7] = 3;
            theta[8] = 5;
            dqn.setParameters(theta);
            dqn.syncTarget();
            double[] x = {0.1, -0.2, 0.05, 0.3};
            double[] next = {0.2, 0.1, -0.02, -0.4};
            assertEquals(1 + 0.9 * 5, dqn.tdTarget(1, false, next, 0), 1e-12);
            assertEquals(1, dqn.tdTarget(1, true, next, 0));
            TransitionBatch batch = new TransitionBatch(2);
            batch.set(0, x, 0, 1, next, false);
            batch.set(1, x, 1, 1, next, true);
            batch.setSize(2);
            double expected = loss == TdLoss.SQUARED ? (2.5 * 2.5 / 2 + 4.0 * 4 / 2) / 2
                    : ((2.5 - 0.5) + (4 - 0.5)) / 2;
            double[] g = new double[theta.length];
            assertEquals(expected, dqn.lossAndGradient(batch, g), 1e-12, loss.name());
            // dL/db2: 1/B * dloss/ddelta of the sample whose action it is
            double left = loss == TdLoss.SQUARED ? -2.5 / 2 : -1.0 / 2;
            double right = loss == TdLoss.SQUARED ? 4.0 / 2 : 1.0 / 2;
            assertEquals(left, g[7], 1e-12);
            assertEquals(right, g[8], 1e-12);
            assertEquals(expected, dqn.update(batch), 1e-12);
            assertEquals(1, dqn.updates());
        }
    }

    /**
     * Double DQN by hand: target network values (3, 5), online network values (5, 3) for every state; plain DQN takes
     * y = 1 + 0.9 max(3, 5) = 5.5, Double DQN lets the online network choose (left) and the target network value it:
     * y = 1 + 0.9 * 3 = 3.7.
     */
    @Test
    void doubleDqnTargetByHand() {
        for (boolean doubleQ : new boolean[] {false, true}) {
            Dqn dqn = new Dqn(params(List.of(1), 2, TdLoss.SQUARED, TargetUpdate.hard(1000)).withDoubleQ(doubleQ),
                    new SplitMix64(1));
            double[] theta = new double[dqn.network().parameterCount()];
            theta[7] = 3;
            theta[8] = 5;
            dqn.setParameters(theta);
            dqn.syncTarget();
            theta[7] = 5;
            theta[8] = 3;
            dqn.setParameters(theta);
            double[] next = {0.2, 0.1, -0.02, -0.4};
            double y = doubleQ ? 1 + 0.9 * 3 : 1 + 0.9 * 5;
            assertEquals(y, dqn.tdTarget(1, false, next, 0), 1e-12);
            TransitionBatch batch = new TransitionBatch(1);
            batch.set(0, next, 1, 1, next, false);
            batch.setSize(1);
            // Q(x, right) = 3: loss (3 - y)^2 / 2
            assertEquals((3 - y) * (3 - y) / 2, dqn.lossAndGradient(batch, new double[theta.length]), 1e-12);
        }
    }

    /** The TD target uses the target network: after the online net moves, y still comes from the old phi. */
    @Test
    void tdTargetComesFromTheTargetNetwork() {
        Dqn dqn = new Dqn(params(List.of(8), 4, TdLoss.SQUARED, TargetUpdate.hard(1000)), new SplitMix64(2));
        double[] next = {0.3, -0.1, 0.1, 0.2};
        double[] q = new double[2];
        dqn.targetValues(next, 0, q);
        double y = 0.5 + 0.9 * Math.max(q[0], q[1]);
        TransitionBatch batch = randomBatch(4, new SplitMix64(3));
        for (int i = 0; i < 5; i++) {
            dqn.update(batch);
        }
        double[] online = new double[2];
        dqn.qValues(next, 0, online);
        double[] target = new double[2];
        dqn.targetValues(next, 0, target);
        assertArrayEquals(q, target);
        assertNotEquals(q[0], online[0]);
        assertEquals(y, dqn.tdTarget(0.5, false, next, 0), 1e-12);
    }

    private static TransitionBatch randomBatch(int size, SplitMix64 rng) {
        TransitionBatch batch = new TransitionBatch(size);
        double[] s = new double[4];
        double[] n = new double[4];
        for (int b = 0; b < size; b++) {
            for (int i = 0; i < 4; i++) {
                s[i] = 0.3 * rng.nextGaussian();
                n[i] = s[i] + 0.05 * rng.nextGaussian();
            }
            batch.set(b, s, rng.nextInt(2), 1, n, b == size - 1);
        }
        batch.setSize(size);
        return batch;
    }

    /**
     * Hard updates: phi stays at its initial value for C - 1 updates while theta moves, equals theta right after the
     * C-th update, then lags again.
     */
    @Test
    void hardTargetLagsTheOnlineNetwork() {
        Dqn dqn = new Dqn(params(List.of(8, 8), 8, TdLoss.HUBER, TargetUpdate.hard(3)), new SplitMix64(4));
        double[] phi0 = dqn.targetParameters();
        assertArrayEquals(phi0, dqn.parameters());
        TransitionBatch batch = randomBatch(8, new SplitMix64(5));
        dqn.update(batch);
        dqn.update(batch);
        assertArrayEquals(phi0, dqn.targetParameters());
        assertFalse(java.util.Arrays.equals(phi0, dqn.parameters()));
        assertEquals(0, dqn.targetUpdates());
        dqn.update(batch);
        assertArrayEquals(dqn.parameters(), dqn.targetParameters());
        assertEquals(1, dqn.targetUpdates());
        double[] phi3 = dqn.targetParameters();
        dqn.update(batch);
        assertArrayEquals(phi3, dqn.targetParameters());
        assertFalse(java.util.Arrays.equals(phi3, dqn.parameters()));
    }

    /** Polyak: phi_t = (1 - tau) phi_{t-1} + tau theta_t after every update, component by component. */
    @Test
    void polyakTargetAveragesTowardsTheOnlineNetwork() {
        double tau = 0.1;
        Dqn dqn = new Dqn(params(List.of(6), 8, TdLoss.SQUARED, TargetUpdate.polyak(tau)), new SplitMix64(6));
        TransitionBatch batch = randomBatch(8, new SplitMix64(7));
        double[] phi = dqn.targetParameters();
        for (int t = 1; t <= 4; t++) {
            dqn.update(batch);
            double[] theta = dqn.parameters();
            double[] actual = dqn.targetParameters();
            double distanceBefore = 0;
            double distanceAfter = 0;
            for (int i = 0; i < phi.length; i++) {
                assertEquals((1 - tau) * phi[i] + tau * theta[i], actual[i], 1e-15);
                distanceBefore += (phi[i] - theta[i]) * (phi[i] - theta[i]);
                distanceAfter += (actual[i] - theta[i]) * (actual[i] - theta[i]);
            }
            assertTrue(distanceAfter < distanceBefore, "phi moves towards theta");
            phi = actual;
            assertEquals(t, dqn.targetUpdates());
        }
    }

    /**
     * dL/dtheta of the Q regression against central differences (step 1e-6) for every parameter of a 4 -> 7 -> 5 -> 2
     * Q-network, squared and Huber loss, batch of 6 with both actions and a terminal transition; the targets are
     * fixed by phi, which the differences do not move (with Double DQN the online network also picks the next
     * actions, a choice that small steps do not change). |analytic - numeric| &lt;= 1e-6 (1 + |numeric|).
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        for (TdLoss loss : TdLoss.values()) {
            Dqn dqn = new Dqn(params(List.of(7, 5), 6, loss, TargetUpdate.hard(1000)).withDoubleQ(loss == TdLoss.HUBER),
                    new SplitMix64(8));
            double[] theta = dqn.parameters();
            SplitMix64 rng = new SplitMix64(9);
            for (int i = 0; i < theta.length; i++) {
                theta[i] = 1.5 * theta[i] + 0.1 * rng.nextGaussian();
            }
            dqn.setParameters(theta);
            TransitionBatch batch = randomBatch(6, new SplitMix64(10));
            double[] g = new double[theta.length];
            dqn.lossAndGradient(batch, g);
            double[] unused = new double[theta.length];
            double h = 1e-6;
            for (int i = 0; i < theta.length; i++) {
                double saved = theta[i];
                theta[i] = saved + h;
                dqn.setParameters(theta);
                double plus = dqn.lossAndGradient(batch, unused);
                theta[i] = saved - h;
                dqn.setParameters(theta);
                double minus = dqn.lossAndGradient(batch, unused);
                theta[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, g[i], 1e-6 * (1 + Math.abs(numeric)), loss + " dL/dtheta[" + i + "]");
            }
            dqn.setParameters(theta);
        }
    }

    /** Repeated updates on one batch drive the loss down (Adam on a fixed regression problem). */
    @Test
    void updatesReduceTheLossOnAFixedBatch() {
        Dqn dqn = new Dqn(params(List.of(16), 16, TdLoss.SQUARED, TargetUpdate.hard(1_000_000)), new SplitMix64(11));
        TransitionBatch batch = randomBatch(16, new SplitMix64(12));
        double first = dqn.update(batch);
        double last = first;
        for (int i = 0; i < 300; i++) {
            last = dqn.update(batch);
        }
        assertTrue(last < 0.01 * first, first + " -> " + last);
    }

    /**
     * Epsilon-greedy: with epsilon 0 always the greedy action; with epsilon 1 each action about half the time
     * (10,000 draws within 4 standard deviations, 200).
     */
    @Test
    void epsilonGreedyActing() {
        Dqn dqn = new Dqn(params(List.of(8), 4, TdLoss.SQUARED, TargetUpdate.hard(10)), new SplitMix64(13));
        double[] s = {0.1, 0.2, -0.05, 0.1};
        int greedy = dqn.greedyAction(s, 0);
        double[] q = new double[2];
        dqn.qValues(s, 0, q);
        assertEquals(q[1] > q[0] ? 1 : 0, greedy);
        SplitMix64 rng = new SplitMix64(14);
        for (int i = 0; i < 100; i++) {
            assertEquals(greedy, dqn.act(s, 0, 0, rng));
        }
        int right = 0;
        for (int i = 0; i < 10_000; i++) {
            right += dqn.act(s, 0, 1, rng);
        }
        assertEquals(5000, right, 200);
        // actAll draws as act does, state by state
        double[] states = new double[3 * 4];
        for (int i = 0; i < states.length; i++) {
            states[i] = 0.1 * (i - 5);
        }
        int[] batchActions = new int[3];
        dqn.actAll(states, 3, 0.5, new SplitMix64(15), batchActions);
        SplitMix64 one = new SplitMix64(15);
        for (int b = 0; b < 3; b++) {
            assertEquals(dqn.act(states, b * 4, 0.5, one), batchActions[b]);
        }
    }

    @Test
    void scheduleLossesAndValidation() {
        EpsilonSchedule e = new EpsilonSchedule(1.0, 0.1, 1000);
        assertEquals(1.0, e.value(0));
        assertEquals(0.55, e.value(500), 1e-12);
        assertEquals(0.1, e.value(1000));
        assertEquals(0.1, e.value(5000));
        assertEquals(0.3, EpsilonSchedule.constant(0.3).value(0));
        assertEquals(0.5 * 0.25, TdLoss.HUBER.loss(0.5));
        assertEquals(2.5, TdLoss.HUBER.loss(-3));
        assertEquals(-1, TdLoss.HUBER.derivative(-3));
        assertEquals(-3, TdLoss.SQUARED.derivative(-3));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> new EpsilonSchedule(1.5, 0, 10));
        assertEquals("start must be in [0, 1], got 1.5", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> TargetUpdate.polyak(0));
        assertEquals("tau must be in (0, 1], got 0.0", ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class,
                () -> params(List.of(8), 0, TdLoss.HUBER, TargetUpdate.hard(1)));
        assertEquals("batchSize must be in [1, 4096], got 0", ex.getMessage());
    }

    /** The ring buffer keeps the newest capacity transitions and copies them whole into a batch. */
    @Test
    void replayBufferIsARing() {
        ReplayBuffer buffer = new ReplayBuffer(3);
        double[] s = new double[4];
        double[] n = new double[4];
        for (int t = 0; t < 5; t++) {
            s[0] = t;
            n[0] = t + 0.5;
            buffer.add(s, 0, t % 2, t * 10, n, 0, t == 4);
        }
        assertEquals(3, buffer.size());
        assertEquals(5, buffer.added());
        // slots: 0 <- t=3, 1 <- t=4, 2 <- t=2
        double[] out = new double[4];
        buffer.state(0, out, 0);
        assertEquals(3, out[0]);
        buffer.nextState(1, out, 0);
        assertEquals(4.5, out[0]);
        assertTrue(buffer.terminal(1));
        assertEquals(20, buffer.reward(2));
        TransitionBatch batch = new TransitionBatch(2);
        buffer.copyTo(1, batch, 0);
        assertEquals(4, batch.state(0, 0));
        assertEquals(4.5, batch.nextState(0, 0));
        assertEquals(0, batch.action(0));
        assertTrue(batch.terminal(0));
        int[] counts = new int[3];
        SplitMix64 rng = new SplitMix64(16);
        for (int i = 0; i < 3000; i++) {
            counts[buffer.sampleIndex(rng)]++;
        }
        for (int c : counts) {
            assertEquals(1000, c, 4 * Math.sqrt(3000 * (1 / 3.0) * (2 / 3.0)));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.action(3));
    }
}
