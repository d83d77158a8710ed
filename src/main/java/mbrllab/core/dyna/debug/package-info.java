/**
 * The step-through debugger of Dyna-Q (SPEC section 3), as plain Java for the app to draw:
 * {@link mbrllab.core.dyna.debug.DebugSession} steps one agent update by update along the lecture's pseudocode
 * ({@link mbrllab.core.dyna.debug.PseudocodeLine}), runs to {@link mbrllab.core.dyna.debug.Breakpoint}s and
 * scrubs a bounded-memory timeline; {@link mbrllab.core.dyna.debug.DebugStep} carries the arithmetic of the
 * update just executed, {@link mbrllab.core.dyna.debug.ModelEntry} the rows of the model table.
 */
package mbrllab.core.dyna.debug;
