package mbrllab.core.dqn;

import java.util.random.RandomGenerator;

/**
 * A replay buffer of transitions (x, u, r, x', terminal) of the balance task, a ring of fixed capacity: once full,
 * each new transition replaces the oldest. States are {x, x', theta, theta'}; terminal says that x' ended the
 * episode as a failure (its value is then 0 in the TD target), which a truncated episode's last transition is not.
 *
 * <p>Primitive arrays allocated once; not thread-safe (one buffer per learner).
 */
public final class ReplayBuffer {

    /** Length of a state. */
    public static final int D = 4;

    private final int capacity;
    private final double[] states;
    private final double[] nextStates;
    private final int[] actions;
    private final double[] rewards;
    private final boolean[] terminal;
    private int size;
    private int head;
    private long added;

    /** @param capacity largest number of transitions held, in [1, 10,000,000] */
    public ReplayBuffer(int capacity) {
        if (capacity < 1 || capacity > 10_000_000) {
            throw new IllegalArgumentException("capacity must be in [1, 10000000], got " + capacity);
        }
        this.capacity = capacity;
        states = new double[capacity * D];
        nextStates = new double[capacity * D];
        actions = new int[capacity];
        rewards = new double[capacity];
        terminal = new boolean[capacity];
    }

    public int capacity() {
        return capacity;
    }

    /** Transitions held now, at most the capacity. */
    public int size() {
        return size;
    }

    /** Transitions ever added (including those since replaced). */
    public long added() {
        return added;
    }

    /**
     * Adds a transition, replacing the oldest one when full.
     *
     * @param s      the state x at s[from .. from+3]; not modified
     * @param next   the next state x' at next[nextFrom .. nextFrom+3]; not modified
     * @param action the action index u
     * @param reward r
     * @param isTerminal whether x' is a failure
     */
    public void add(double[] s, int from, int action, double reward, double[] next, int nextFrom, boolean isTerminal) {
        int i = head;
        System.arraycopy(s, from, states, i * D, D);
        System.arraycopy(next, nextFrom, nextStates, i * D, D);
        actions[i] = action;
        rewards[i] = reward;
        terminal[i] = isTerminal;
        head = head + 1 == capacity ? 0 : head + 1;
        if (size < capacity) {
            size++;
        }
        added++;
    }

    /** Empties the buffer (the count of transitions ever added stays). */
    public void clear() {
        size = 0;
        head = 0;
    }

    /** A uniformly drawn index of a held transition (one draw). */
    public int sampleIndex(RandomGenerator rng) {
        if (size == 0) {
            throw new IllegalStateException("the buffer is empty");
        }
        return rng.nextInt(size);
    }

    /**
     * A uniformly drawn index among the latest {@code window} transitions added (one draw); the same draw as
     * {@link #sampleIndex} when the window holds every transition.
     *
     * @param window in [1, ...]; larger than the size: the whole buffer
     */
    public int sampleRecentIndex(RandomGenerator rng, int window) {
        if (window >= size) {
            return sampleIndex(rng);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        int back = rng.nextInt(window);
        int i = head - 1 - back;
        return i < 0 ? i + capacity : i;
    }

    /**
     * Copies transition i into slot {@code slot} of a batch.
     *
     * @param i index in [0, size())
     */
    public void copyTo(int i, TransitionBatch batch, int slot) {
        checkIndex(i);
        System.arraycopy(states, i * D, batch.states, slot * D, D);
        System.arraycopy(nextStates, i * D, batch.nextStates, slot * D, D);
        batch.actions[slot] = actions[i];
        batch.rewards[slot] = rewards[i];
        batch.terminal[slot] = terminal[i];
    }

    /** Copies the state x of transition i into dest[to .. to+3]. */
    public void state(int i, double[] dest, int to) {
        checkIndex(i);
        System.arraycopy(states, i * D, dest, to, D);
    }

    /** Copies the next state x' of transition i into dest[to .. to+3]. */
    public void nextState(int i, double[] dest, int to) {
        checkIndex(i);
        System.arraycopy(nextStates, i * D, dest, to, D);
    }

    public int action(int i) {
        checkIndex(i);
        return actions[i];
    }

    public double reward(int i) {
        checkIndex(i);
        return rewards[i];
    }

    public boolean terminal(int i) {
        checkIndex(i);
        return terminal[i];
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("transition " + i + " of " + size);
        }
    }
}
