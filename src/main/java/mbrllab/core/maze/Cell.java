package mbrllab.core.maze;

/**
 * A grid position, counted from the top-left corner: {@code row} 0 is the top row, {@code col} 0 the
 * left column. This is the (row, col) convention of SPEC section 2.
 */
public record Cell(int row, int col) {

    @Override
    public String toString() {
        return "(" + row + "," + col + ")";
    }
}
