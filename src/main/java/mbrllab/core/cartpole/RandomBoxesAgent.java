package mbrllab.core.cartpole;

import java.util.random.RandomGenerator;

/** Pushes left or right with probability 1/2 each, one draw per step; learns nothing. */
public final class RandomBoxesAgent implements BoxesAgent {

    private final RandomGenerator rng;

    /** @param rng the generator of the coin flips (seeded by the caller) */
    public RandomBoxesAgent(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        this.rng = rng;
    }

    @Override
    public int act(int box) {
        return rng.nextDouble() < 0.5 ? BalanceSystem.PUSH_LEFT : BalanceSystem.PUSH_RIGHT;
    }

    @Override
    public void observe(int box, int u, double r, int nextBox) {
    }
}
