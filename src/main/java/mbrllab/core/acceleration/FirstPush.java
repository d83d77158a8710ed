package mbrllab.core.acceleration;

import mbrllab.core.Keyed;

/**
 * The push of a model rollout's first step. The lecture's recipe leaves the choice open ("from the dataset, pi,
 * random, exploration"); later steps of a rollout have no dataset push and always take the rollout epsilon's.
 */
public enum FirstPush implements Keyed {
    /** Epsilon-greedy with the rollout epsilon, as every later step ({@code --rollout-epsilon}; 1: at random). */
    EPSILON("epsilon", "pushes by the rollout epsilon"),
    /**
     * The push the real transition of the start state took: with a perfect model the rollout's first step repeats that
     * real transition, so the model data hold nothing the replay buffer does not (a replay buffer is a model of what
     * was seen).
     */
    DATASET("dataset", "first push as in the data"),
    /** The push the real transition did not take: every first model step is one the real data lack. */
    OTHER("other", "first push the other one");

    private final String key;
    private final String label;

    FirstPush(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The value of the setting syntax's {@code push=}: epsilon, dataset or other. */
    @Override
    public String key() {
        return key;
    }

    /**
     * The first push of a rollout from a start state whose real transition took {@code taken} (0 left, 1 right), or
     * {@code drawn}, the rollout epsilon's push, for {@link #EPSILON}.
     */
    public int first(int taken, int drawn) {
        return switch (this) {
            case EPSILON -> drawn;
            case DATASET -> taken;
            case OTHER -> 1 - taken;
        };
    }

    /** A legend label, e.g. "first push as in the data". */
    public String label() {
        return label;
    }
}
