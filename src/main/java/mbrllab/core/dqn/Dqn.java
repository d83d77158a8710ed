package mbrllab.core.dqn;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.BalanceSystem;
import mbrllab.core.nn.Mlp;
import mbrllab.core.optim.Adam;

/**
 * DQN (Mnih et al. 2015) for the balance task with two actions, push left (-F) and push right (+F), as Gymnasium's
 * CartPole-v1: a Q-network Q_theta(x, .) (an {@link Mlp} from the scaled state to one value per action), a target
 * network Q_phi of the same shape, epsilon-greedy acting and the Q regression of the lecture's process 2:
 * <pre>
 * y     = r                                    if x' is terminal
 *       = r + gamma max_u' Q_phi(x', u')       otherwise                      (the TD target)
 * delta = Q_theta(x, u) - y                                                   (the TD error)
 * L     = 1/B sum_b loss(delta_b)      theta &lt;- Adam(theta, dL/dtheta)       (loss: squared or Huber)
 * </pre>
 * followed by the target update of process 3 (hard copies every C updates, or Polyak averaging).
 *
 * <p>The network sees the state scaled component by component, (x / 2.4, x' / 2, theta / 0.21, theta' / 2), so that
 * its inputs lie in about [-1, 1] while the pole is up.
 *
 * <p>Holds its parameters, the Adam moments and scratch arrays, all allocated once; not thread-safe (one learner
 * per thread).
 */
public final class Dqn {

    /** Number of actions: {@link BalanceSystem#PUSH_LEFT} and {@link BalanceSystem#PUSH_RIGHT}. */
    public static final int ACTIONS = BalanceSystem.ACTIONS;

    private static final int D = ReplayBuffer.D;
    private static final double[] INPUT_SCALE = {1 / 2.4, 1 / 2.0, 1 / 0.21, 1 / 2.0};

    private final DqnParams params;
    private final Mlp net;
    private final double[] theta;
    private final double[] targetTheta;
    private final double[] gradient;
    private final Adam adam;
    private final Mlp.Workspace ws;
    private final Mlp.Workspace single;
    private final double[] inputs;
    private final double[] y;
    private final int[] nextAction;
    private final double[] one = new double[D];
    private long updates;
    private long targetUpdates;
    private double lastLoss = Double.NaN;

    /**
     * A fresh learner: theta initialised by {@link Mlp#initialize} from {@code initRng}, phi = theta.
     *
     * @param initRng draws the initial weights; advanced
     */
    public Dqn(DqnParams params, RandomGenerator initRng) {
        this.params = params;
        this.net = new Mlp(D, params.hiddenUnits(), ACTIONS);
        this.theta = new double[net.parameterCount()];
        net.initialize(theta, initRng);
        this.targetTheta = theta.clone();
        this.gradient = new double[theta.length];
        this.adam = new Adam(theta.length, Adam.Settings.withLearningRate(params.learningRate()));
        this.ws = net.workspace(params.batchSize());
        this.single = net.workspace(1);
        this.inputs = new double[params.batchSize() * D];
        this.y = new double[params.batchSize()];
        this.nextAction = new int[params.batchSize()];
    }

    public DqnParams params() {
        return params;
    }

    /** The Q-network's shape. */
    public Mlp network() {
        return net;
    }

    /** Q updates done so far (process 2). */
    public long updates() {
        return updates;
    }

    /** Target network updates done so far (process 3: hard copies, or Polyak steps). */
    public long targetUpdates() {
        return targetUpdates;
    }

    /** The mean loss of the last update's batch (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /** A copy of the online parameters theta. */
    public double[] parameters() {
        return theta.clone();
    }

    /** A copy of the target parameters phi. */
    public double[] targetParameters() {
        return targetTheta.clone();
    }

    /** Sets theta (and leaves phi as it is): for tests and for restoring a learner. */
    public void setParameters(double[] newTheta) {
        if (newTheta.length != theta.length) {
            throw new IllegalArgumentException("theta must have length " + theta.length + ", got " + newTheta.length);
        }
        System.arraycopy(newTheta, 0, theta, 0, theta.length);
    }

    private static void scale(double[] states, int from, double[] dest, int to) {
        for (int i = 0; i < D; i++) {
            dest[to + i] = states[from + i] * INPUT_SCALE[i];
        }
    }

    /**
     * Q_theta(x, .) of one state.
     *
     * @param s state at s[from .. from+3]; not modified
     * @param q receives the {@link #ACTIONS} values
     */
    public void qValues(double[] s, int from, double[] q) {
        values(theta, s, from, q);
    }

    /** Q_phi(x, .) of one state, by the target network (see {@link #qValues}). */
    public void targetValues(double[] s, int from, double[] q) {
        values(targetTheta, s, from, q);
    }

    private void values(double[] parameters, double[] s, int from, double[] q) {
        scale(s, from, one, 0);
        net.forward(parameters, one, null, 0, 1, single);
        double[] out = net.output(single, 0);
        q[0] = out[0];
        q[1] = out[1];
    }

    /** The greedy action argmax_u Q_theta(x, u); a tie goes to push left. */
    public int greedyAction(double[] s, int from) {
        scale(s, from, one, 0);
        net.forward(theta, one, null, 0, 1, single);
        double[] out = net.output(single, 0);
        return out[1] > out[0] ? 1 : 0;
    }

    /**
     * Epsilon-greedy: one uniform draw v; if v &lt; epsilon a uniformly random action (a second draw), else the
     * greedy action.
     *
     * @param epsilon in [0, 1]
     */
    public int act(double[] s, int from, double epsilon, RandomGenerator rng) {
        if (rng.nextDouble() < epsilon) {
            return rng.nextInt(ACTIONS);
        }
        return greedyAction(s, from);
    }

    /**
     * Epsilon-greedy actions for a batch of states (the same draws, state by state, as {@link #act}), in passes of
     * at most batchSize states.
     *
     * @param states  count x 4 row-major; not modified
     * @param actions receives count actions
     */
    public void actAll(double[] states, int count, double epsilon, RandomGenerator rng, int[] actions) {
        int chunk = params.batchSize();
        for (int start = 0; start < count; start += chunk) {
            int m = Math.min(chunk, count - start);
            for (int b = 0; b < m; b++) {
                scale(states, (start + b) * D, inputs, b * D);
            }
            net.forward(theta, inputs, null, 0, m, ws);
            for (int b = 0; b < m; b++) {
                double[] out = net.output(ws, b);
                int greedy = out[1] > out[0] ? 1 : 0;
                actions[start + b] = rng.nextDouble() < epsilon ? rng.nextInt(ACTIONS) : greedy;
            }
        }
    }

    /**
     * The TD target y = r + gamma max_u' Q_phi(x', u') (just r when x' is terminal), by the target network; with
     * Double DQN y = r + gamma Q_phi(x', argmax_u' Q_theta(x', u')).
     *
     * @param next x' at next[from .. from+3]; not modified
     */
    public double tdTarget(double reward, boolean terminal, double[] next, int from) {
        if (terminal) {
            return reward;
        }
        int chosen = params.doubleQ() ? greedyAction(next, from) : -1;
        scale(next, from, one, 0);
        net.forward(targetTheta, one, null, 0, 1, single);
        double[] out = net.output(single, 0);
        return reward + params.gamma() * (chosen >= 0 ? out[chosen] : Math.max(out[0], out[1]));
    }

    /**
     * One Q update on a batch (process 2), then the target update (process 3).
     *
     * @param batch 1 to batchSize transitions; not modified
     * @return the batch's mean loss before the step
     */
    public double update(TransitionBatch batch) {
        double loss = lossAndGradient(batch, gradient);
        adam.step(theta, gradient);
        updates++;
        updateTarget();
        lastLoss = loss;
        return loss;
    }

    /**
     * The loss L = 1/B sum_b loss(Q_theta(x_b, u_b) - y_b) of a batch at the current theta, with the TD targets y_b of
     * the current target network, and its gradient dL/dtheta; changes nothing.
     *
     * @param batch    1 to batchSize transitions; not modified
     * @param gradient receives dL/dtheta, length {@link Mlp#parameterCount()} of {@link #network()}
     * @return L
     */
    public double lossAndGradient(TransitionBatch batch, double[] gradient) {
        int count = batch.size();
        if (count < 1 || count > params.batchSize()) {
            throw new IllegalArgumentException("batch size must be in [1, " + params.batchSize() + "], got " + count);
        }
        if (gradient.length != theta.length) {
            throw new IllegalArgumentException("gradient must have length " + theta.length);
        }
        double gamma = params.gamma();
        for (int b = 0; b < count; b++) {
            scale(batch.nextStates, b * D, inputs, b * D);
        }
        if (params.doubleQ()) {
            net.forward(theta, inputs, null, 0, count, ws);
            for (int b = 0; b < count; b++) {
                double[] out = net.output(ws, b);
                nextAction[b] = out[1] > out[0] ? 1 : 0;
            }
        }
        net.forward(targetTheta, inputs, null, 0, count, ws);
        for (int b = 0; b < count; b++) {
            double[] out = net.output(ws, b);
            double next = params.doubleQ() ? out[nextAction[b]] : Math.max(out[0], out[1]);
            y[b] = batch.terminal[b] ? batch.rewards[b] : batch.rewards[b] + gamma * next;
        }
        for (int b = 0; b < count; b++) {
            scale(batch.states, b * D, inputs, b * D);
        }
        net.forward(theta, inputs, null, 0, count, ws);
        TdLoss tdLoss = params.loss();
        double invCount = 1.0 / count;
        double loss = 0;
        for (int b = 0; b < count; b++) {
            int u = batch.actions[b];
            double delta = net.output(ws, b)[u] - y[b];
            loss += tdLoss.loss(delta);
            double[] g = net.outputGradient(ws, b);
            g[0] = 0;
            g[1] = 0;
            g[u] = tdLoss.derivative(delta) * invCount;
        }
        net.backward(theta, count, gradient, ws);
        return loss * invCount;
    }

    /** phi &lt;- theta now (outside the schedule; not counted as a target update). */
    public void syncTarget() {
        System.arraycopy(theta, 0, targetTheta, 0, theta.length);
    }

    private void updateTarget() {
        TargetUpdate target = params.target();
        if (target.kind() == TargetUpdate.Kind.HARD) {
            if (updates % target.period() == 0) {
                System.arraycopy(theta, 0, targetTheta, 0, theta.length);
                targetUpdates++;
            }
        } else {
            double tau = target.tau();
            for (int i = 0; i < theta.length; i++) {
                targetTheta[i] += tau * (theta[i] - targetTheta[i]);
            }
            targetUpdates++;
        }
    }
}
