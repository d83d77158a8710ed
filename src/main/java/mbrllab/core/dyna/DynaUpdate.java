package mbrllab.core.dyna;

/**
 * The arithmetic of one Q-learning update, real (step (d), from the environment) or simulated
 * (step (f), from the model): Q(x,u) &lt;- Q(x,u) + alpha (r + b + gamma max_u' Q(x',u') - Q(x,u)), where the
 * exploration bonus b is kappa sqrt(tau) in a planning update of Dyna-Q+ and 0 everywhere else.
 *
 * @param kind       real or planning
 * @param index      0-based count of updates of this agent before this one (real and planning)
 * @param realStep   number of real steps taken so far, this update's included when it is real
 * @param episode    1-based episode during which the update happened
 * @param x          state index of x
 * @param u          action index of u
 * @param reward     r
 * @param xNext      state index of x'
 * @param terminal   whether x' is terminal (then max Q(x',.) counts as 0)
 * @param qBefore    Q(x,u) before the update
 * @param maxNext    max over u' of Q(x',u'), 0 when terminal
 * @param target     TD target r + bonus + gamma * maxNext
 * @param tdError    TD error target - qBefore
 * @param qAfter     Q(x,u) after the update
 * @param bonus      Dyna-Q+'s exploration bonus kappa sqrt(tau) added to the modelled reward (0 for Dyna-Q, for
 *                   prioritized sweeping and for every real update)
 */
public record DynaUpdate(Kind kind, long index, long realStep, int episode, int x, int u, double reward, int xNext,
                         boolean terminal, double qBefore, double maxNext, double target, double tdError,
                         double qAfter, double bonus) {

    /** An update without exploration bonus (bonus 0). */
    public DynaUpdate(Kind kind, long index, long realStep, int episode, int x, int u, double reward, int xNext,
                      boolean terminal, double qBefore, double maxNext, double target, double tdError,
                      double qAfter) {
        this(kind, index, realStep, episode, x, u, reward, xNext, terminal, qBefore, maxNext, target, tdError, qAfter,
                0.0);
    }

    /** Where the experience came from. */
    public enum Kind {
        /** Step (d): real experience from the environment. */
        REAL,
        /** Step (f): simulated experience predicted by the model. */
        PLANNING
    }
}
