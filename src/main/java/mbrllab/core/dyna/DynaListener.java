package mbrllab.core.dyna;

/**
 * Observes a maze agent ({@link DynaQ}, Dyna-Q+ or {@link PrioritizedSweeping}). With no listener set, the agent
 * builds no events at all.
 * Called on the thread that drives the agent; implementations must be quick.
 */
public interface DynaListener {

    /** After every Q update, real or planning. */
    void onUpdate(DynaUpdate update);

    /**
     * After the real step that reached the goal (before its planning updates).
     *
     * @param episode the 1-based number of the episode that ended
     * @param steps   real steps it took
     */
    default void onEpisodeEnd(int episode, int steps) {
    }
}
