package mbrllab.core.parallel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

/**
 * Independent pieces of work on the caller's executor (the core owns no threads): every experiment over runs
 * and every ensemble fit hands its pieces here and waits for them.
 */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Runs {@code task.accept(i)} for i = 0 .. count - 1 on {@code executor} and waits for all of them. A piece that
     * throws makes this throw the same exception (the first one seen), unwrapped.
     *
     * @param executor {@code Runnable::run} runs everything on the calling thread, in order
     */
    public static void runAll(int count, Executor executor, IntConsumer task) {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            futures[i] = CompletableFuture.runAsync(() -> task.accept(index), executor);
        }
        try {
            CompletableFuture.allOf(futures).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
