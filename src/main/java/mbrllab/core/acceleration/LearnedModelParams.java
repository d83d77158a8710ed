package mbrllab.core.acceleration;

import java.util.List;

/**
 * The networks of a learned dynamics model and how a refit trains them.
 *
 * @param members      ensemble size M for the ensemble, in [1, 100] (the single net has one)
 * @param hidden       units of the hidden swish layers, 1 to 4 layers, each in [1, 1024]
 * @param learningRate Adam step size, in (0, 1]
 * @param batchSize    transitions per Adam step, in [1, 4096]
 * @param weightDecay  L2 weight on the weights, in [0, 1]
 */
public record LearnedModelParams(int members, List<Integer> hidden, double learningRate, int batchSize,
                                 double weightDecay) {

    public LearnedModelParams {
        if (members < 1 || members > 100) {
            throw new IllegalArgumentException("members must be in [1, 100], got " + members);
        }
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
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1], got " + weightDecay);
        }
    }

    /** 5 members, two hidden layers of 32, learning rate 1e-3, batches of 64, weight decay 1e-5. */
    public static LearnedModelParams defaults() {
        return new LearnedModelParams(5, List.of(32, 32), 1e-3, 64, 1e-5);
    }
}
