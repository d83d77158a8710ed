package mbrllab.core.dyna.debug;

import java.util.List;

/**
 * How a multi-update command of {@link DebugSession} ended.
 *
 * @param reason           why it stopped
 * @param hits             the enabled breakpoints the last update triggered, in the session's order; non-empty
 *                         exactly when {@code reason} is {@link StopReason#BREAKPOINT}
 * @param updatesExecuted  updates executed by the command, &gt;= 1
 * @param last             the last update executed (the one that triggered, when a breakpoint hit)
 */
public record RunResult(StopReason reason, List<Breakpoint> hits, long updatesExecuted, DebugStep last) {

    /** Why a command stopped. */
    public enum StopReason {
        /** An enabled breakpoint triggered on the last update. */
        BREAKPOINT,
        /** The start of a new episode was reached ({@link DebugSession#stepEpisode(long)}). */
        EPISODE_END,
        /** The command's limit on updates was used up first. */
        LIMIT
    }

    public RunResult {
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null");
        }
        hits = List.copyOf(hits);
        if (hits.isEmpty() == (reason == StopReason.BREAKPOINT)) {
            throw new IllegalArgumentException("hits must be non-empty exactly when reason is BREAKPOINT, got "
                    + hits.size() + " hits for " + reason);
        }
        if (updatesExecuted < 1) {
            throw new IllegalArgumentException("updatesExecuted must be >= 1, got " + updatesExecuted);
        }
        if (last == null) {
            throw new IllegalArgumentException("last must not be null");
        }
    }

    /** True when a breakpoint stopped the command. */
    public boolean hitBreakpoint() {
        return reason == StopReason.BREAKPOINT;
    }
}
