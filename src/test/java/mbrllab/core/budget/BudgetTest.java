package mbrllab.core.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.io.BundledMazes;

/** The budget's verdict and its words; the commands' use of it is tested in BoundedInputsAndWorkTest. */
class BudgetTest {

    private final Budget budget = new Budget(900, 4e9, 5e9);

    @Test
    void aCostWithinTheLimitsPasses() {
        assertTrue(budget.excess(new Cost(899, 3.9e9, "x")).isEmpty());
    }

    @Test
    void theExcessNamesTheEstimateTheBasisAndTheLimit() {
        assertEquals("about 3 h 20 min of work on this machine (10 runs), more than the limit of 15 min",
                budget.excess(new Cost(12_000, 1e6, "10 runs")).orElseThrow());
        assertEquals("about 12.0 GB of memory (100 nets), more than the limit of 4.0 GB (80% of the 5.0 GB the JVM "
                + "may use, -Xmx)", budget.excess(new Cost(1, 12e9, "100 nets")).orElseThrow());
    }

    @Test
    void workSplitIntoPiecesIsSharedByTheWorkers() {
        assertEquals(50, Cost.of(100, 10, 2, 0, "").seconds(), 1e-9);
        assertEquals(100, Cost.of(100, 1, 8, 0, "").seconds(), 1e-9, "one piece runs on one worker");
        Cost both = new Cost(3, 10, "fit").then(new Cost(4, 7, "predict"));
        assertEquals(7, both.seconds(), 1e-9);
        assertEquals(10, both.bytes(), 1e-9);
        assertEquals("fit; predict", both.basis());
    }

    @Test
    void theFiguresDefaultsAreFarInsideTheBudgetAndItsMaximumsFarOutside() {
        Cost defaults = LearningCurveSpec.figure82(BundledMazes.dynaMaze(), 30, 50, 1).cost(2);
        assertTrue(defaults.seconds() < 10, "Figure 8.2's defaults: " + defaults);
        Cost maximum = LearningCurveSpec.figure82(BundledMazes.dynaMaze(), 10_000, 100_000, 1).cost(2);
        assertTrue(maximum.seconds() > 3600, "10000 runs x 100000 episodes: " + maximum);
    }

    @Test
    void durationsAndSizesReadAsWords() {
        assertEquals("under a second", Cost.duration(0.4));
        assertEquals("45 s", Cost.duration(45));
        assertEquals("14 min", Cost.duration(14 * 60));
        assertEquals("3 h 12 min", Cost.duration(3 * 3600 + 12 * 60));
        assertEquals("9 days", Cost.duration(9 * 86400));
        assertEquals("900 MB", Cost.size(9e8));
        assertEquals("12.3 GB", Cost.size(12.3e9));
    }
}
