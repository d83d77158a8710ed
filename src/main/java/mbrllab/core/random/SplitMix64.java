package mbrllab.core.random;

import java.util.random.RandomGenerator;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, 2014; the algorithm of {@link java.util.SplittableRandom})
 * with a state that can be copied, so a learning run can be snapshotted and resumed bit for bit
 * (the debugger's timeline needs that; SplittableRandom cannot be copied).
 *
 * <p>Not thread-safe: one generator per thread of work.
 */
public final class SplitMix64 implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A generator whose whole sequence is fixed by {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** An independent copy: it returns the same sequence from here on as this one. */
    public SplitMix64 copy() {
        return new SplitMix64(state);
    }

    /** The internal state, from which {@link #SplitMix64(long)} resumes the sequence exactly. */
    public long state() {
        return state;
    }

    @Override
    public long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A uniform integer in [0, bound) by Lemire's multiply-shift (bias below 2^-32 for the small bounds
     * of tabular learning, and no loop).
     */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * Seed of the i-th stream derived from a master seed: the generators of different i are
     * independent for practical purposes, and stream i does not depend on how many others exist.
     */
    public static long streamSeed(long masterSeed, long i) {
        SplitMix64 mixer = new SplitMix64(masterSeed ^ (i * GOLDEN_GAMMA + 0x632be59bd9b4e019L));
        mixer.nextLong();
        return mixer.nextLong();
    }
}
