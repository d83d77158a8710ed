package mbrllab.core.dqn;

/**
 * A minibatch of transitions for a Q update, reused from update to update: the first {@link #size()} slots of each
 * array are the batch. States are {x, x', theta, theta'}, row-major.
 */
public final class TransitionBatch {

    final double[] states;
    final double[] nextStates;
    final int[] actions;
    final double[] rewards;
    final boolean[] terminal;
    private final int capacity;
    private int size;

    /** @param capacity largest batch, in [1, 65,536] */
    public TransitionBatch(int capacity) {
        if (capacity < 1 || capacity > 65_536) {
            throw new IllegalArgumentException("capacity must be in [1, 65536], got " + capacity);
        }
        this.capacity = capacity;
        states = new double[capacity * ReplayBuffer.D];
        nextStates = new double[capacity * ReplayBuffer.D];
        actions = new int[capacity];
        rewards = new double[capacity];
        terminal = new boolean[capacity];
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    /** Sets the number of slots in use, in [0, capacity]. */
    public void setSize(int newSize) {
        if (newSize < 0 || newSize > capacity) {
            throw new IllegalArgumentException("size must be in [0, " + capacity + "], got " + newSize);
        }
        size = newSize;
    }

    /** Writes slot {@code slot} directly (for tests and hand-made batches); the batch size is not changed. */
    public void set(int slot, double[] state, int action, double reward, double[] next, boolean isTerminal) {
        System.arraycopy(state, 0, states, slot * ReplayBuffer.D, ReplayBuffer.D);
        System.arraycopy(next, 0, nextStates, slot * ReplayBuffer.D, ReplayBuffer.D);
        actions[slot] = action;
        rewards[slot] = reward;
        terminal[slot] = isTerminal;
    }

    public int action(int slot) {
        return actions[slot];
    }

    public double reward(int slot) {
        return rewards[slot];
    }

    public boolean terminal(int slot) {
        return terminal[slot];
    }

    /** Component i of the state of slot {@code slot}. */
    public double state(int slot, int i) {
        return states[slot * ReplayBuffer.D + i];
    }

    /** Component i of the next state of slot {@code slot}. */
    public double nextState(int slot, int i) {
        return nextStates[slot * ReplayBuffer.D + i];
    }
}
