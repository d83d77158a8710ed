package mbrllab.app.planning;

import java.util.List;

import mbrllab.core.planning.Iteration;
import mbrllab.core.planning.PetsEpisode;

/**
 * What the planning lab shows at one moment, made on the runner's thread: an immutable copy (its arrays are never
 * modified after it is made).
 *
 * @param settings    what runs
 * @param state       the true state now {x, x', theta, theta'}
 * @param episode     the episode in progress or the next one (1 = random forces)
 * @param step        control steps taken in it
 * @param returnSoFar its return so far
 * @param transitions the data size (finished episodes' transitions)
 * @param phase       what happens now, in words
 * @param fitMillis   the wall time of the latest model fit [ms] (0 before the first)
 * @param round       the search round shown (the last round of the executed plan, or the round just made in step
 *                    mode), or null
 * @param rounds      the rounds of that search so far, in order (for the population contracting)
 * @param roundsTotal the rounds the search makes in all
 * @param plan        the plan executed last, or null (none yet in this episode, or a search in progress)
 * @param finished    the finished episodes, in order
 * @param modelError  the root mean square one-step error of theta' [rad/s] of the model of the latest planned
 *                    episode on that episode's observed transitions, which it was not fitted to (held out); mean
 *                    of the members' mean predictions; NaN before the first planned episode ends
 */
record PlanningFrame(PlanningSettings settings, double[] state, int episode, int step, double returnSoFar,
                     int transitions, String phase, double fitMillis, Iteration round, List<Iteration> rounds,
                     int roundsTotal, ShownPlan plan, List<PetsEpisode> finished,
                     double modelError) {

    /**
     * The executed plan as the model saw it and as the true physics plays it.
     *
     * @param actions   u_1..u_H
     * @param predicted the model's predicted states, N x (H+1) x 4
     * @param replayed  the true states of the same forces played open-loop from the true state, (T+1) x 4
     * @param predictedReturn J as the model predicts it
     * @param replayedReturn  the same forces' true return
     */
    record ShownPlan(double[] actions, double[] predicted, double[] replayed, double predictedReturn,
                     double replayedReturn) {
    }

    /** Whether a search's rounds are shown but its plan is not made yet (step mode). */
    boolean searchInProgress() {
        return round != null && plan == null;
    }
}
