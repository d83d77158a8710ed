package mbrllab.app.lab;

/**
 * What a lab's lock-step run does on a {@link LockStepRunner}'s thread: one tick (every pane one real step and
 * whatever comes with it) and one frame (a copy of what the screen shows). Only the runner's thread calls it, so
 * the lab's agents need no locks.
 *
 * @param <F> the lab's frame: an immutable copy, safe to hand to the FX thread
 */
public interface Ticker<F> {

    /** What the run should do after a tick. */
    enum After {
        /** Go on. */
        CONTINUE,
        /** An episode ended where the eye should see it: at slow speeds the schedule holds a moment. */
        HOLD,
        /** Playing stops here by itself (the end of the experiment); Play goes on beyond it. */
        PAUSE
    }

    /** One lock-step tick. */
    After tick();

    /** A copy of what the panes show now. */
    F frame();
}
