package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dispatcher's pulse timer runs only while there is work: a window with nothing to draw does not make JavaFX
 * pulse 60 times a second, and a post from a learning thread starts the timer again.
 */
class IdleDispatcherTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theTimerStopsWithNothingPostedAndAPostStartsIt() throws Exception {
        waitUntil(() -> !dispatcher.timerRunning(), "the Dyna-maze lab at rest stops the timer");
        long busy = readOnFx(dispatcher::busyPulses);

        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Boolean> onFx = new AtomicReference<>();
        Thread learner = new Thread(() -> dispatcher.post("probe", () -> {
            onFx.set(Platform.isFxApplicationThread());
            runs.incrementAndGet();
        }), "probe-learner");
        learner.start();
        learner.join();
        waitUntil(() -> runs.get() == 1, "the post from a background thread runs on the screen's pulse");
        assertEquals(Boolean.TRUE, onFx.get(), "on the FX thread");
        waitUntil(() -> !dispatcher.timerRunning(), "the timer stops again");
        assertEquals(busy + 1, (long) readOnFx(dispatcher::busyPulses), "one pulse ran an update, the others none");

        // a burst of posts while stopped: coalesced to one run of the latest, one wake
        Thread burst = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                int value = i;
                dispatcher.post("probe", () -> runs.set(100_000 + value));
            }
        }, "probe-burst");
        burst.start();
        burst.join();
        waitUntil(() -> runs.get() == 100_999, "the burst's last post runs");
        waitUntil(() -> !dispatcher.timerRunning(), "and the timer stops after it");
    }

    @Test
    void afterStopPostsWaitForStart() throws Exception {
        WaitForAsyncUtils.asyncFx(dispatcher::stop).get(15, TimeUnit.SECONDS);
        AtomicInteger runs = new AtomicInteger();
        dispatcher.post("probe", runs::incrementAndGet);
        waitForLayoutPulse();
        waitForLayoutPulse();
        assertEquals(0, runs.get(), "a stopped dispatcher runs nothing");
        assertFalse(dispatcher.timerRunning());
        WaitForAsyncUtils.asyncFx(dispatcher::start).get(15, TimeUnit.SECONDS);
        assertTrue(dispatcher.timerRunning());
        dispatcher.post("probe", runs::incrementAndGet);
        waitUntil(() -> runs.get() == 1, "after start the next post runs");
    }
}
