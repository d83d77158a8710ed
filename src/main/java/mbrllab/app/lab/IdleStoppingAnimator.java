package mbrllab.app.lab;

import java.util.function.LongPredicate;

import javafx.animation.AnimationTimer;

/**
 * A lab's animation timer that runs only while there is something to draw: {@code pulse} draws and says whether
 * anything still moves or waits to be drawn; after {@value #IDLE_PULSES} pulses in a row that say no, the timer stops
 * (a running timer makes JavaFX pulse 60 times a second, also with nothing to draw), and {@link #wake()} starts it
 * again. FX thread only.
 */
public final class IdleStoppingAnimator {

    /** Pulses with nothing to draw after which the timer stops. */
    public static final int IDLE_PULSES = 30;

    private final AnimationTimer timer;
    private int idlePulses;
    private boolean running;
    private boolean closed;

    /** @param pulse draws at the pulse's time and returns whether anything moves or waits to be drawn */
    public IdleStoppingAnimator(LongPredicate pulse) {
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (pulse.test(now)) {
                    idlePulses = 0;
                } else if (++idlePulses >= IDLE_PULSES) {
                    stop();
                    running = false;
                }
            }
        };
    }

    /**
     * Runs the timer (again) from the next pulse on, unless {@link #close()}d.
     *
     * @return whether it was stopped before (the gap since is not a frame interval)
     */
    public boolean wake() {
        idlePulses = 0;
        if (running || closed) {
            return false;
        }
        running = true;
        timer.start();
        return true;
    }

    /** Stops the timer for good (lab switch, window close): later wakes do nothing. */
    public void close() {
        closed = true;
        timer.stop();
        running = false;
    }

    /** True while the timer runs. */
    public boolean isRunning() {
        return running;
    }
}
