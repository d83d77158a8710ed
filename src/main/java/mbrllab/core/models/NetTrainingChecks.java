package mbrllab.core.models;

import java.util.List;

/** The checks that the ensemble's and the single net's training settings share, with the same messages. */
public final class NetTrainingChecks {

    private NetTrainingChecks() {
    }

    /**
     * Checks the settings a network's training takes (the ranges in {@code EnsembleSpec} and {@code SingleNetSpec})
     * and returns an unmodifiable copy of {@code hidden}.
     *
     * @throws IllegalArgumentException naming the first setting out of its range
     */
    public static List<Integer> checked(List<Integer> hidden, int epochs, int minSteps, int batchSize,
                                        double learningRate, double weightDecay) {
        if (hidden == null || hidden.size() > 8) {
            throw new IllegalArgumentException("hidden must list 0 to 8 layer sizes, got " + hidden);
        }
        List<Integer> copy = List.copyOf(hidden);
        for (int units : copy) {
            if (units < 1 || units > 4096) {
                throw new IllegalArgumentException("each hidden layer size must be in [1, 4096], got " + units);
            }
        }
        if (epochs < 1 || epochs > 100_000) {
            throw new IllegalArgumentException("epochs must be in [1, 100000], got " + epochs);
        }
        if (minSteps < 0 || minSteps > 10_000_000) {
            throw new IllegalArgumentException("minSteps must be in [0, 10000000], got " + minSteps);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("batchSize must be in [1, 65536], got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay <= 1)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1], got " + weightDecay);
        }
        return copy;
    }
}
