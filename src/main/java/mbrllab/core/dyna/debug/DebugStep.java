package mbrllab.core.dyna.debug;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import mbrllab.core.dyna.DynaUpdate;

/**
 * One update the debugger executed, with everything the inspector shows: the arithmetic of the update
 * (x, u, r, x', Q(x,u) before, max_u' Q(x',u'), TD target, TD error, Q(x,u) after, real or planning) and
 * where its experience came from.
 *
 * @param update          the update's arithmetic, as {@link mbrllab.core.dyna.DynaQ} computed it
 * @param sourceRealStep  the real step whose experience the update used: for a real update its own real step
 *                        ({@code update.realStep()}); for a planning update the real step at which Model(x,u) was
 *                        last set before it, in [1, update.realStep()]; 0 for a planning update of Dyna-Q+ on an
 *                        action never tried, which the book's footnote models as leading back to x (x' = x) with
 *                        reward 0 and no experience behind it
 */
public record DebugStep(DynaUpdate update, long sourceRealStep) {

    private static final Set<PseudocodeLine> REAL_LINES = Collections.unmodifiableSet(
            EnumSet.range(PseudocodeLine.A, PseudocodeLine.E));
    private static final Set<PseudocodeLine> PLANNING_LINES = Collections.unmodifiableSet(
            EnumSet.of(PseudocodeLine.F));

    public DebugStep {
        if (update == null) {
            throw new IllegalArgumentException("update must not be null");
        }
        if (update.kind() == DynaUpdate.Kind.REAL && sourceRealStep != update.realStep()) {
            throw new IllegalArgumentException("sourceRealStep of a real update must be its own real step "
                    + update.realStep() + ", got " + sourceRealStep);
        }
        boolean untried = sourceRealStep == 0 && update.kind() == DynaUpdate.Kind.PLANNING
                && update.xNext() == update.x() && update.reward() == 0.0 && !update.terminal();
        if (!untried && (sourceRealStep < 1 || sourceRealStep > update.realStep())) {
            throw new IllegalArgumentException("sourceRealStep must be in [1, " + update.realStep() + "], got "
                    + sourceRealStep);
        }
    }

    /** True for a planning update of an action never tried (Dyna-Q+): no real experience behind it. */
    public boolean isUntried() {
        return sourceRealStep == 0;
    }

    /** True for real experience (steps (a) to (e)), false for a planning update of step (f). */
    public boolean isReal() {
        return update.kind() == DynaUpdate.Kind.REAL;
    }

    /** The line to highlight: (d), the Q update, for a real update; (f) for a planning update. */
    public PseudocodeLine line() {
        return isReal() ? PseudocodeLine.D : PseudocodeLine.F;
    }

    /**
     * Every line the update went through, in the lecture's order: (a) to (e) for a real update (choosing u,
     * acting, the Q update and the model update), (f) for a planning one. Unmodifiable.
     */
    public Set<PseudocodeLine> linesExecuted() {
        return isReal() ? REAL_LINES : PLANNING_LINES;
    }

    /** The timeline position right after this update: {@code update.index() + 1}. */
    public long position() {
        return update.index() + 1;
    }

    /** |Q(x,u) after - Q(x,u) before|, what the delta-Q breakpoint compares. */
    public double absDeltaQ() {
        return Math.abs(update.qAfter() - update.qBefore());
    }
}
