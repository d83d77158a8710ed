package mbrllab.core.maze;

/**
 * A maze whose layout changes during learning (book Figures 8.4 and 8.5): after {@code afterStep}
 * real time steps the environment switches to {@code layout}.
 *
 * @param afterStep number of real steps taken before the switch, at least 1
 * @param layout    the layout from then on, of the same size as the first
 */
public record LayoutChange(int afterStep, Layout layout) {

    public LayoutChange {
        if (afterStep < 1) {
            throw new IllegalArgumentException("afterStep must be >= 1, got " + afterStep);
        }
        if (layout == null) {
            throw new IllegalArgumentException("layout must not be null");
        }
    }

    /**
     * Checks that a maze's later layout, if any, has the size of its first one.
     *
     * @throws IllegalArgumentException when the sizes differ
     */
    static void requireSameSize(Layout before, java.util.Optional<LayoutChange> change) {
        if (change.isPresent()) {
            Layout after = change.get().layout();
            if (after.rows() != before.rows() || after.cols() != before.cols()) {
                throw new IllegalArgumentException("the changed layout must be " + before.rows() + "x"
                        + before.cols() + ", got " + after.rows() + "x" + after.cols());
            }
        }
    }
}
