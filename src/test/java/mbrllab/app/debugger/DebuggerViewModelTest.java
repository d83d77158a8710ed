package mbrllab.app.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import mbrllab.app.FxDispatcher;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.debug.DebugSession;
import mbrllab.core.maze.Maze;
import mbrllab.io.BundledMazes;

/**
 * The debugger's view model without a window: the test thread plays the FX thread, the dispatcher is drained by
 * hand (its pulse timer is never started), so the order of the debugger thread's posts and the drains is the
 * test's to choose.
 */
class DebuggerViewModelTest {

    private static final long TIMEOUT_NS = 30_000_000_000L;

    private final FxDispatcher dispatcher = new FxDispatcher();
    private final DebuggerViewModel debugger = new DebuggerViewModel(dispatcher);
    private final Maze maze = BundledMazes.dynaMaze();

    /**
     * The cause of the flaky ChangingMazesLabTest.theDebuggerStepsDynaQPlusWithItsBonus. A reset shuts the old
     * session's thread down, but a command that thread has begun runs on and then posts its frame. Posted under the
     * same dispatcher key as the new session's first frame, it replaced that frame before the next pulse and was
     * then discarded as stale: the new session showed nothing until its next command. Here the old command is a
     * run to a breakpoint that never triggers (RUN_LIMIT updates, long enough to outlast the reset), and no pulse
     * comes between the two posts.
     */
    @Test
    void aCommandOfTheOldSessionFinishingAfterAResetCannotHideTheNewSessionsFirstFrame() throws Exception {
        Set<Thread> before = debuggerThreads();
        debugger.reset(maze, DynaParams.defaults(), 50, 1);
        drainUntil(() -> debugger.frameProperty().get() != null, "the first session's first frame");
        Thread old = only(newThreads(before));

        debugger.runToBreakpoint();
        awaitTrue(() -> runsSession(old), "the old session's long command has begun");
        debugger.reset(maze, DynaParams.defaults(), 5, 1);
        debugger.shutdown();
        for (Thread t : newThreads(before)) {
            t.join(30_000);
            assertFalse(t.isAlive(), "the debugger threads end after their last command");
        }
        dispatcher.drain();

        DebugFrame f = debugger.frameProperty().get();
        assertNotNull(f, "the new session's first frame is shown although the old command posted after it");
        assertEquals(5, f.pane().n(), "the new session's n");
        assertEquals(0, f.position(), "at its start");
        assertTrue(f.message().startsWith("New agent with n = 5"), f.message());
    }

    /** A frame of the old session never stands for the new one (a test waiting for "a frame" waits for the new). */
    @Test
    void aResetShowsNoFrameUntilTheNewSessionsFirst() {
        debugger.reset(maze, DynaParams.defaults(), 50, 1);
        drainUntil(() -> debugger.frameProperty().get() != null, "the first frame");
        debugger.reset(maze, DynaParams.defaults(), 5, 1);
        assertNull(debugger.frameProperty().get());
        drainUntil(() -> debugger.frameProperty().get() != null, "the new session's first frame");
        assertEquals(5, debugger.frameProperty().get().pane().n());
        debugger.shutdown();
    }

    /**
     * A command without a message (new breakpoints, as every lab sends right after a reset) shows its own session's
     * last message. It used to read the message of the frame on screen from the debugger thread: right after a
     * reset that was the old session's ("Executed the next real step ...") on the new session's frame.
     */
    @Test
    void aCommandWithoutAMessageRightAfterAResetKeepsTheNewSessionsMessage() {
        Set<Thread> before = debuggerThreads();
        debugger.reset(maze, DynaParams.defaults(), 50, 1);
        drainUntil(() -> debugger.frameProperty().get() != null, "the first frame");
        debugger.stepRealStep();
        drainUntil(() -> debugger.frameProperty().get().position() == 1, "one real step");
        Set<Thread> old = newThreads(before);
        debugger.reset(maze, DynaParams.defaults(), 5, 1);
        debugger.setBreakpoints(List.of());
        Set<Thread> fresh = newThreads(before);
        fresh.removeAll(old);
        Thread t = only(fresh);
        awaitTrue(() -> idle(t), "both commands done");
        dispatcher.drain();

        DebugFrame f = debugger.frameProperty().get();
        assertNotNull(f);
        assertEquals(5, f.pane().n());
        assertTrue(f.message().startsWith("New agent with n = 5"), f.message());
        debugger.shutdown();
    }

    /** Waiting for its next command: parked in its queue's take, which it only reaches with the queue empty. */
    private static boolean idle(Thread t) {
        if (t.getState() != Thread.State.WAITING) {
            return false;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(java.util.concurrent.LinkedBlockingQueue.class.getName())
                    && e.getMethodName().equals("take")) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsSession(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(DebugSession.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static Set<Thread> debuggerThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("debugger")) {
                threads.add(t);
            }
        }
        return threads;
    }

    private static Set<Thread> newThreads(Set<Thread> before) {
        Set<Thread> now = debuggerThreads();
        now.removeAll(before);
        return now;
    }

    private static Thread only(Set<Thread> threads) {
        assertEquals(1, threads.size(), "one debugger thread");
        return threads.iterator().next();
    }

    /** Drains the dispatcher (the FX thread's part) until {@code condition} holds. */
    private void drainUntil(BooleanSupplier condition, String what) {
        awaitTrue(() -> {
            dispatcher.drain();
            return condition.getAsBoolean();
        }, what);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > TIMEOUT_NS) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
