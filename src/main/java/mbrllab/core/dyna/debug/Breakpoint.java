package mbrllab.core.dyna.debug;

import mbrllab.core.dyna.DynaUpdate;

/**
 * A condition on which {@link DebugSession#runToBreakpoint(long)} stops, right after the update that meets it.
 * Breakpoints combine (the session holds a list; the run stops at the first update that triggers any enabled
 * one and reports all that it triggered) and each can be disabled without being removed.
 *
 * <p>Every breakpoint is a pure function of the update just executed and of whether that update completed
 * an episode ({@link #triggeredBy(DynaUpdate, boolean)}), so the same run always stops at the same update.
 */
public sealed interface Breakpoint permits Breakpoint.EpisodeEnd, Breakpoint.GoalReached, Breakpoint.DeltaQAbove,
        Breakpoint.EntersCell {

    /** False while the breakpoint is switched off: it then never triggers. */
    boolean enabled();

    /** This breakpoint switched on or off. */
    Breakpoint withEnabled(boolean enabled);

    /**
     * Whether this breakpoint, if enabled, triggers on an update.
     *
     * @param update              the update just executed
     * @param episodeStartReached true when that update completed the goal step's planning, so the agent now
     *                            stands at the start of a new episode (for n = 0, the goal step itself)
     */
    boolean triggeredBy(DynaUpdate update, boolean episodeStartReached);

    /**
     * Episode end: the start of a new episode is reached, i.e. the real step that entered G has been executed
     * and so have its n planning updates of step (f).
     */
    record EpisodeEnd(boolean enabled) implements Breakpoint {

        /** Enabled. */
        public EpisodeEnd() {
            this(true);
        }

        @Override
        public EpisodeEnd withEnabled(boolean on) {
            return new EpisodeEnd(on);
        }

        @Override
        public boolean triggeredBy(DynaUpdate update, boolean episodeStartReached) {
            return episodeStartReached;
        }
    }

    /** Goal reached: a real update whose x' is terminal (G). Stops before that step's planning. */
    record GoalReached(boolean enabled) implements Breakpoint {

        /** Enabled. */
        public GoalReached() {
            this(true);
        }

        @Override
        public GoalReached withEnabled(boolean on) {
            return new GoalReached(on);
        }

        @Override
        public boolean triggeredBy(DynaUpdate update, boolean episodeStartReached) {
            return update.kind() == DynaUpdate.Kind.REAL && update.terminal();
        }
    }

    /**
     * |delta Q| above a threshold: an update, real or planning, with |Q(x,u) after - Q(x,u) before| &gt; threshold.
     *
     * @param threshold the bound, finite and &gt;= 0 (0 stops at the first update that changes Q at all)
     */
    record DeltaQAbove(double threshold, boolean enabled) implements Breakpoint {

        public DeltaQAbove {
            if (!(threshold >= 0 && threshold < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("threshold must be finite and >= 0, got " + threshold);
            }
        }

        /** Enabled. */
        public DeltaQAbove(double threshold) {
            this(threshold, true);
        }

        @Override
        public DeltaQAbove withEnabled(boolean on) {
            return new DeltaQAbove(threshold, on);
        }

        @Override
        public boolean triggeredBy(DynaUpdate update, boolean episodeStartReached) {
            return Math.abs(update.qAfter() - update.qBefore()) > threshold;
        }
    }

    /**
     * The agent enters a chosen cell: a real update with x' equal to it. (Entering G counts, although the agent
     * is then put back in S.)
     *
     * @param state the cell's state index, row * cols + col, &gt;= 0 (the session checks it against its maze)
     */
    record EntersCell(int state, boolean enabled) implements Breakpoint {

        public EntersCell {
            if (state < 0) {
                throw new IllegalArgumentException("state must be a cell index >= 0, got " + state);
            }
        }

        /** Enabled. */
        public EntersCell(int state) {
            this(state, true);
        }

        @Override
        public EntersCell withEnabled(boolean on) {
            return new EntersCell(state, on);
        }

        @Override
        public boolean triggeredBy(DynaUpdate update, boolean episodeStartReached) {
            return update.kind() == DynaUpdate.Kind.REAL && update.xNext() == state;
        }
    }
}
