package mbrllab.core.maze;

import java.util.Arrays;

/**
 * One arrangement of a grid maze: its size, its walls, the start S and the goal G. Immutable.
 *
 * <p>Cells are numbered row-major: the state index of (row, col) is {@code row * cols + col}, so
 * tabular arrays indexed by state have {@code rows * cols} entries (walls included, never visited).
 */
public final class Layout {

    private final int rows;
    private final int cols;
    private final boolean[] walls;
    private final Cell start;
    private final Cell goal;

    /**
     * @param rows  number of rows, at least 1
     * @param cols  number of columns, at least 1
     * @param walls row-major wall flags of length rows * cols (copied)
     * @param start the start cell, inside the grid and not a wall
     * @param goal  the goal cell, inside the grid, not a wall and not the start
     * @throws IllegalArgumentException naming the argument that is out of range
     */
    public Layout(int rows, int cols, boolean[] walls, Cell start, Cell goal) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1, got " + rows + "x" + cols);
        }
        if (walls.length != rows * cols) {
            throw new IllegalArgumentException("walls must have rows*cols = " + rows * cols
                    + " entries, got " + walls.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.walls = walls.clone();
        checkFreeCell("start", start);
        checkFreeCell("goal", goal);
        if (start.equals(goal)) {
            throw new IllegalArgumentException("start and goal must differ, both are " + start);
        }
        this.start = start;
        this.goal = goal;
    }

    private void checkFreeCell(String what, Cell cell) {
        if (!contains(cell.row(), cell.col())) {
            throw new IllegalArgumentException(what + " " + cell + " lies outside the " + rows + "x" + cols + " grid");
        }
        if (walls[cell.row() * cols + cell.col()]) {
            throw new IllegalArgumentException(what + " " + cell + " is a wall");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of cells, rows * cols: the length of state-indexed arrays. */
    public int cellCount() {
        return rows * cols;
    }

    public Cell start() {
        return start;
    }

    public Cell goal() {
        return goal;
    }

    /** True when (row, col) lies inside the grid. */
    public boolean contains(int row, int col) {
        return row >= 0 && row < rows && col >= 0 && col < cols;
    }

    /** True when (row, col) is a wall; cells outside the grid count as walls. */
    public boolean isWall(int row, int col) {
        return !contains(row, col) || walls[row * cols + col];
    }

    /** Number of cells that are not walls (the Dyna-maze has 47). */
    public int freeCellCount() {
        int count = 0;
        for (boolean wall : walls) {
            if (!wall) {
                count++;
            }
        }
        return count;
    }

    /** State index of a cell: row * cols + col. */
    public int index(Cell cell) {
        return cell.row() * cols + cell.col();
    }

    /** The cell of a state index. */
    public Cell cell(int index) {
        return new Cell(index / cols, index % cols);
    }

    /**
     * The cell reached by moving from {@code index} with action {@code u}: a move into a wall or off
     * the grid leaves the agent where it is.
     */
    public int move(int index, Action u) {
        int row = index / cols + u.dRow();
        int col = index % cols + u.dCol();
        return isWall(row, col) ? index : row * cols + col;
    }

    /**
     * Breadth-first distance from S to G in moves, or -1 when G cannot be reached. The Dyna-maze gives 14.
     */
    public int shortestPathLength() {
        int[] distance = distancesTo(goal);
        return distance[index(start)];
    }

    /**
     * Moves needed from every cell to reach {@code target}, -1 where it cannot be reached (and on walls).
     *
     * @return a new row-major array of length rows * cols
     */
    public int[] distancesTo(Cell target) {
        int[] distance = new int[rows * cols];
        Arrays.fill(distance, -1);
        int[] queue = new int[rows * cols];
        int head = 0;
        int tail = 0;
        int t = index(target);
        distance[t] = 0;
        queue[tail++] = t;
        Action[] actions = Action.values();
        while (head < tail) {
            int x = queue[head++];
            for (Action u : actions) {
                // Moves are reversible on a grid, so neighbours of x are the cells that move into x.
                int y = move(x, u);
                if (y != x && distance[y] < 0) {
                    distance[y] = distance[x] + 1;
                    queue[tail++] = y;
                }
            }
        }
        return distance;
    }

    /** A copy of the row-major wall flags. */
    public boolean[] walls() {
        return walls.clone();
    }

    /** This layout with the wall at {@code cell} toggled (S and G cannot become walls). */
    public Layout withWallToggled(Cell cell) {
        return withWall(cell, !walls[index(cell)]);
    }

    /**
     * This layout with {@code cell} a wall or free; unchanged when asked to wall in S or G.
     */
    public Layout withWall(Cell cell, boolean wall) {
        if (wall && (cell.equals(start) || cell.equals(goal)) || walls[index(cell)] == wall) {
            return this;
        }
        boolean[] w = walls.clone();
        w[index(cell)] = wall;
        return new Layout(rows, cols, w, start, goal);
    }

    /** This layout with S moved to {@code cell} (made free); unchanged when {@code cell} is G. */
    public Layout withStart(Cell cell) {
        if (cell.equals(goal) || cell.equals(start)) {
            return this;
        }
        boolean[] w = walls.clone();
        w[index(cell)] = false;
        return new Layout(rows, cols, w, cell, goal);
    }

    /** This layout with G moved to {@code cell} (made free); unchanged when {@code cell} is S. */
    public Layout withGoal(Cell cell) {
        if (cell.equals(start) || cell.equals(goal)) {
            return this;
        }
        boolean[] w = walls.clone();
        w[index(cell)] = false;
        return new Layout(rows, cols, w, start, cell);
    }

    /**
     * This layout cut or extended to {@code newRows x newCols}: cells keep their (row, col), new cells are free,
     * and S and G are moved inside when they fall outside (to the nearest free cell in the new grid).
     *
     * @throws IllegalArgumentException when the size is below 1x2 or above {@link MazeParser#MAX_SIDE}
     */
    public Layout resized(int newRows, int newCols) {
        if (newRows < 1 || newCols < 1 || newRows * newCols < 2 || newRows > MazeParser.MAX_SIDE
                || newCols > MazeParser.MAX_SIDE) {
            throw new IllegalArgumentException("size must be between 1x2 and " + MazeParser.MAX_SIDE + "x"
                    + MazeParser.MAX_SIDE + ", got " + newRows + "x" + newCols);
        }
        boolean[] w = new boolean[newRows * newCols];
        for (int r = 0; r < Math.min(rows, newRows); r++) {
            for (int c = 0; c < Math.min(cols, newCols); c++) {
                w[r * newCols + c] = walls[r * cols + c];
            }
        }
        Cell s = new Cell(Math.min(start.row(), newRows - 1), Math.min(start.col(), newCols - 1));
        Cell g = new Cell(Math.min(goal.row(), newRows - 1), Math.min(goal.col(), newCols - 1));
        if (s.equals(g)) {
            // Both were clamped onto one cell: put G on the first other cell.
            int other = s.row() * newCols + s.col() == 0 ? 1 : 0;
            g = new Cell(other / newCols, other % newCols);
        }
        w[s.row() * newCols + s.col()] = false;
        w[g.row() * newCols + g.col()] = false;
        return new Layout(newRows, newCols, w, s, g);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Layout other && rows == other.rows && cols == other.cols
                && Arrays.equals(walls, other.walls) && start.equals(other.start) && goal.equals(other.goal);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(walls) + start.hashCode()) + goal.hashCode();
    }

    /** The grid in the file format: '.' free, '#' wall, 'S' start, 'G' goal, one line per row. */
    public String toGridText() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Cell here = new Cell(r, c);
                char ch = here.equals(start) ? 'S' : here.equals(goal) ? 'G' : walls[r * cols + c] ? '#' : '.';
                sb.append(ch);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
