package mbrllab.core.acceleration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import mbrllab.core.control.BalanceTask;

class AccelerationExperimentTest {

    private static AccelerationSpec tiny() {
        return new AccelerationSpec(BalanceTask.cartPoleV1(), DynaDqnTest.small(),
                List.of(AccelerationSetting.realOnly(), AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 3, 2, 0.5),
                        AccelerationSetting.withModel(ModelChoice.TRUE, 3, 1, 0.5)), 3, 40, 250, 20, 5, 42);
    }

    /** The result depends on the seed only: one thread in order and a pool of three give the same bits. */
    @Test
    void sameResultWhateverTheExecutor() throws Exception {
        AccelerationSpec spec = tiny();
        AccelerationResult serial = AccelerationExperiment.run(spec, Runnable::run, AccelerationObserver.NONE);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AccelerationResult parallel;
        AtomicInteger finished = new AtomicInteger();
        try {
            parallel = AccelerationExperiment.run(spec, pool, new AccelerationObserver() {
                @Override
                public void runFinished(int setting, int run, RunRecord record) {
                    finished.incrementAndGet();
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertEquals(9, finished.get());
        for (int s = 0; s < 3; s++) {
            for (int r = 0; r < 3; r++) {
                RunRecord a = serial.record(s, r);
                RunRecord b = parallel.record(s, r);
                assertArrayEquals(a.returns(), b.returns());
                assertArrayEquals(a.realSteps(), b.realSteps());
                assertEquals(a.counters(), b.counters());
                if (s > 0) {
                    assertArrayEquals(a.rolloutError().error(), b.rolloutError().error());
                }
                // a run ends at its step cap or its episode count
                assertTrue(a.counters().realSteps() == 250 || a.episodes() == 40);
                assertTrue(a.realSteps()[a.episodes() - 1] <= 250);
            }
        }
        assertNotNull(serial.rolloutError(1, 5));
        assertEquals(0, serial.rolloutError(2, 5)[0]);
    }

    @Test
    void cancellationStopsTheExperiment() {
        assertThrows(CancellationException.class, () -> AccelerationExperiment.run(tiny(), Runnable::run,
                new AccelerationObserver() {
                    @Override
                    public boolean isCancelled() {
                        return true;
                    }
                }));
    }

    @Test
    void specsAreValidatedWithFieldNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AccelerationSpec.of(DynaDqnTest.small(), List.of(AccelerationSetting.realOnly()), 0, 10, 1));
        assertEquals("runs must be in [1, 10000], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AccelerationSpec.of(DynaDqnTest.small(),
                List.of(AccelerationSetting.realOnly(), AccelerationSetting.realOnly()), 1, 10, 1));
        assertEquals("settings lists real twice", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 0, 1, 0.5));
        assertEquals("n must be in [1, 1000], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AccelerationSetting.withModel(ModelChoice.TRUE, 1, 501, 0.5));
        assertEquals("k must be in [1, 500], got 501", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DynaDqnTest.small().withUpdatesPerStep(0));
        assertEquals("updatesPerStep must be in [1, 1000], got 0", e.getMessage());
    }
}
