package mbrllab.app.lab;

import mbrllab.core.budget.Budget;
import mbrllab.core.budget.Cost;

/**
 * The budget of a lab's background experiment, the same as the command line's ({@link Budget#standard()}: 15 min of
 * estimated work, 80% of the JVM's maximum heap): checked when runs and episodes are applied, from the side panel or
 * from a session, so that a million runs are refused at the field instead of filling the memory. The app has no
 * {@code --allow-long}: larger experiments belong to the command line.
 */
public final class RunBudget {

    private RunBudget() {
    }

    /** The threads a background experiment runs on: one per core but one (the app's Background pool). */
    public static int workers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Whether {@code cost} is within the budget. */
    public static boolean fits(Cost cost) {
        return Budget.standard().excess(cost).isEmpty();
    }

    /**
     * Refuses {@code cost} when it is over the budget.
     *
     * @param howToLower e.g. "lower the runs or the episodes"
     * @throws IllegalArgumentException "the background runs are estimated at ...; HOW (the command line runs larger
     *                                  experiments with --allow-long)"
     */
    public static void require(Cost cost, String howToLower) {
        require("the background runs are", cost, howToLower);
    }

    /**
     * Refuses {@code cost} when it is over the budget, naming what costs it.
     *
     * @param what       what costs it with its verb, e.g. "the background runs are", "a live run of 9 trials is"
     * @param howToLower e.g. "lower the runs or the episodes"
     * @throws IllegalArgumentException "WHAT estimated at ...; HOW (the command line runs larger experiments with
     *                                  --allow-long)"
     */
    public static void require(String what, Cost cost, String howToLower) {
        Budget.standard().excess(cost).ifPresent(excess -> {
            throw new IllegalArgumentException(what + " estimated at " + excess + "; " + howToLower
                    + " (the command line runs larger experiments with --allow-long)");
        });
    }
}
