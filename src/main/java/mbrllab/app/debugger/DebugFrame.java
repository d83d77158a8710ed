package mbrllab.app.debugger;

import java.util.List;
import java.util.Optional;

import mbrllab.core.dyna.debug.DebugStep;
import mbrllab.core.dyna.debug.ModelEntry;
import mbrllab.core.dyna.debug.PseudocodeLine;
import mbrllab.app.maze.PaneFrame;

/**
 * What the debugger shows at one point of the timeline; copies made on the debugger thread.
 *
 * @param pane       the maze as a pane frame (the last planning sample as the flashed (x,u))
 * @param last       the update just executed, empty at the start
 * @param nextLine   the pseudocode line that runs next
 * @param position   updates executed so far
 * @param head       the furthest point computed
 * @param pending    planning updates still to come after the last real step
 * @param model      every known (x,u) -> (x', r) with the real step it was last set
 * @param snapshots  timeline snapshots held (memory stays bounded)
 * @param message    what the last command did ("stopped at breakpoint: goal reached", ...)
 */
public record DebugFrame(PaneFrame pane, Optional<DebugStep> last, PseudocodeLine nextLine, long position, long head,
                         int pending, List<ModelEntry> model, int snapshots, String message) {
}
