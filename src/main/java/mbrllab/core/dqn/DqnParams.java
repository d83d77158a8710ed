package mbrllab.core.dqn;

import java.util.List;

/**
 * The settings of a DQN learner (Mnih et al. 2015) on the balance task.
 *
 * @param hidden         units of the Q-network's hidden swish layers, 1 to 4 layers, each in [1, 1024]
 * @param learningRate   Adam step size, in (0, 1]
 * @param gamma          discount, in [0, 1]
 * @param batchSize      transitions per Q update, in [1, 4096]
 * @param loss           loss of the TD error (squared or Huber)
 * @param target         how the target network follows the online one
 * @param epsilon        exploration schedule over real steps
 * @param learningStarts real steps taken before the first Q update, in [1, 1,000,000] (the real buffer then holds
 *                       that many transitions)
 * @param bufferCapacity transitions the real replay buffer holds, in [1, 10,000,000]
 * @param doubleQ        Double DQN (van Hasselt et al. 2016): the online network chooses the next action, the target
 *                       network values it, y = r + gamma Q_phi(x', argmax_u' Q_theta(x', u')); plain DQN otherwise
 */
public record DqnParams(List<Integer> hidden, double learningRate, double gamma, int batchSize, TdLoss loss,
                        TargetUpdate target, EpsilonSchedule epsilon, int learningStarts, int bufferCapacity,
                        boolean doubleQ) {

    public DqnParams {
        if (hidden == null || hidden.isEmpty() || hidden.size() > 4) {
            throw new IllegalArgumentException("hidden must list 1 to 4 layer sizes, got " + hidden);
        }
        hidden = List.copyOf(hidden);
        for (int units : hidden) {
            if (units < 1 || units > 1024) {
                throw new IllegalArgumentException("each hidden layer size must be in [1, 1024], got " + units);
            }
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
        }
        if (loss == null || target == null || epsilon == null) {
            throw new IllegalArgumentException("loss, target and epsilon must not be null");
        }
        if (learningStarts < 1 || learningStarts > 1_000_000) {
            throw new IllegalArgumentException("learningStarts must be in [1, 1000000], got " + learningStarts);
        }
        if (bufferCapacity < 1 || bufferCapacity > 10_000_000) {
            throw new IllegalArgumentException("bufferCapacity must be in [1, 10000000], got " + bufferCapacity);
        }
    }

    /** The hidden layer sizes as an int array. */
    public int[] hiddenUnits() {
        int[] units = new int[hidden.size()];
        for (int i = 0; i < units.length; i++) {
            units[i] = hidden.get(i);
        }
        return units;
    }

    public DqnParams withTarget(TargetUpdate newTarget) {
        return new DqnParams(hidden, learningRate, gamma, batchSize, loss, newTarget, epsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withEpsilon(EpsilonSchedule newEpsilon) {
        return new DqnParams(hidden, learningRate, gamma, batchSize, loss, target, newEpsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withLearningRate(double newLearningRate) {
        return new DqnParams(hidden, newLearningRate, gamma, batchSize, loss, target, epsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withBatchSize(int newBatchSize) {
        return new DqnParams(hidden, learningRate, gamma, newBatchSize, loss, target, epsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withHidden(List<Integer> newHidden) {
        return new DqnParams(newHidden, learningRate, gamma, batchSize, loss, target, epsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withGamma(double newGamma) {
        return new DqnParams(hidden, learningRate, newGamma, batchSize, loss, target, epsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withLoss(TdLoss newLoss) {
        return new DqnParams(hidden, learningRate, gamma, batchSize, newLoss, target, epsilon, learningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withLearningStarts(int newLearningStarts) {
        return new DqnParams(hidden, learningRate, gamma, batchSize, loss, target, epsilon, newLearningStarts,
                bufferCapacity, doubleQ);
    }

    public DqnParams withDoubleQ(boolean newDoubleQ) {
        return new DqnParams(hidden, learningRate, gamma, batchSize, loss, target, epsilon, learningStarts,
                bufferCapacity, newDoubleQ);
    }
}
