package mbrllab.app.acceleration;

import java.util.List;

import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.ModelRollout;
import mbrllab.core.acceleration.ProcessCounters;

/**
 * What the screen shows of the lock-step run at one moment: a copy, safe to hand to the FX thread.
 *
 * @param panes        the three learners
 * @param rollout      one model rollout of the pane whose processes are drawn, from a state of its real buffer
 *                     (refreshed every {@value AccelerationRun#ROLLOUT_EVERY} real steps); null before it has a fitted
 *                     model, and for real-only
 * @param rolloutPane  the pane the rollout belongs to
 * @param realSteps    ticks of the one real-step clock so far (a pane whose run is over takes no more real steps)
 * @param over         whether the run is over: every pane has finished the background runs' episodes, or the clock
 *                     has reached their real-step cap
 */
public record AccelerationFrame(List<Pane> panes, ModelRollout rollout, int rolloutPane, long realSteps,
                                boolean over) {

    /**
     * One learner.
     *
     * @param setting      what it learns from
     * @param state        the real state {x, x', theta, theta'} now
     * @param force        the last push [N] (0 before the first)
     * @param episode      the episode under way, 1-based
     * @param step         steps taken in it
     * @param returns      the returns of the finished episodes
     * @param realSteps    real steps taken by the end of each finished episode
     * @param counters     the five processes' counters and the two datasets' sizes
     * @param epsilon      the behaviour policy's epsilon now
     * @param ended        whether its run is over: it has finished the background runs' episodes and, as run 1 of the
     *                     background experiment does, takes no more steps
     */
    public record Pane(AccelerationSetting setting, double[] state, double force, int episode, int step, int[] returns,
                       int[] realSteps, ProcessCounters counters, double epsilon, boolean ended) {

        /** Episodes finished. */
        public int episodesFinished() {
            return returns.length;
        }

        /** The return of the last finished episode, or -1. */
        public int lastReturn() {
            return returns.length == 0 ? -1 : returns[returns.length - 1];
        }

        /** Mean return of the (up to) 10 latest finished episodes, or NaN before the first. */
        public double recentMean() {
            int from = Math.max(0, returns.length - 10);
            if (from == returns.length) {
                return Double.NaN;
            }
            double sum = 0;
            for (int e = from; e < returns.length; e++) {
                sum += returns[e];
            }
            return sum / (returns.length - from);
        }
    }
}
