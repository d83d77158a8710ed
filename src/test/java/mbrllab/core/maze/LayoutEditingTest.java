package mbrllab.core.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import mbrllab.TestMazes;

class LayoutEditingTest {

    @Test
    void wallsStartAndGoalEditsKeepTheLayoutValid() throws Exception {
        Layout l = TestMazes.dynaMaze().layout();
        Layout walled = l.withWall(new Cell(0, 0), true);
        assertTrue(walled.isWall(0, 0));
        assertEquals(46, walled.freeCellCount());
        assertSame(l, l.withWall(l.start(), true), "S cannot become a wall");
        assertSame(l, l.withWall(l.goal(), true), "G cannot become a wall");
        Layout moved = l.withStart(new Cell(1, 2));
        assertEquals(new Cell(1, 2), moved.start());
        assertFalse(moved.isWall(1, 2), "moving S onto a wall frees the cell");
        assertSame(l, l.withGoal(l.start()), "G cannot sit on S");
        // Closing G off: walls at (1,8) and (0,7) is already one; G then cannot be reached.
        Layout closed = l.withWall(new Cell(1, 8), true);
        assertEquals(-1, closed.shortestPathLength());
    }

    @Test
    void resizeKeepsCellsAndMovesSAndGInside() throws Exception {
        Layout l = TestMazes.dynaMaze().layout();
        Layout bigger = l.resized(8, 12);
        assertEquals(96, bigger.cellCount());
        assertTrue(bigger.isWall(1, 2));
        assertFalse(bigger.isWall(7, 11));
        assertEquals(l.goal(), bigger.goal());
        Layout smaller = l.resized(3, 5);
        assertEquals(new Cell(2, 0), smaller.start());
        assertEquals(new Cell(0, 4), smaller.goal(), "G (0,8) clamped into column 4");
        assertThrows(IllegalArgumentException.class, () -> l.resized(0, 5));
        assertThrows(IllegalArgumentException.class, () -> l.resized(5, MazeParser.MAX_SIDE + 1));
        Layout tiny = l.resized(1, 2);
        assertTrue(!tiny.start().equals(tiny.goal()));
    }

    @Test
    void undoRedoWalkTheHistory() throws Exception {
        Layout l = TestMazes.dynaMaze().layout();
        EditHistory<Layout> h = new EditHistory<>(l);
        assertFalse(h.canUndo());
        h.edit(l.withWall(new Cell(0, 0), true));
        h.edit(h.current().withWall(new Cell(0, 1), true));
        h.edit(h.current());
        assertTrue(h.current().isWall(0, 1));
        h.undo();
        assertFalse(h.current().isWall(0, 1));
        assertTrue(h.current().isWall(0, 0));
        h.undo();
        assertEquals(l, h.current());
        assertFalse(h.canUndo());
        h.redo();
        assertTrue(h.current().isWall(0, 0));
        h.edit(h.current().withStart(new Cell(5, 5)));
        assertFalse(h.canRedo(), "a new edit clears redo");
    }

    @Test
    void anEditedMazeSavesAndReadsBack() throws Exception {
        Layout l = TestMazes.dynaMaze().layout().resized(7, 10).withWall(new Cell(6, 9), true).withGoal(new Cell(3, 9));
        Maze maze = Maze.of("Edited", l);
        assertEquals(maze, MazeParser.parse("edited.maze", MazeParser.format(maze)));
    }

    /** A changing maze's two layouts: edited apart, resized together, the change added, moved and removed. */
    @Test
    void aChangingMazesLayoutsEditApartAndResizeTogether() throws Exception {
        Maze blocking = MazeParser.parse("blocking.maze", java.nio.file.Files.readString(
                java.nio.file.Path.of("mazes/blocking.maze")));
        MazeLayouts m = MazeLayouts.of(blocking);
        assertTrue(m.changes());
        assertEquals(blocking, m.toMaze(blocking.name(), blocking.description()));
        // the wall moves one cell right: row 3's first and last cells change
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3 * 9, 3 * 9 + 8}, blocking.changedCells());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[0], m.withoutChange().toMaze("x", "").changedCells());
        Maze startMoved = m.with(true, m.layout(true).withStart(new Cell(5, 0))).toMaze("x", "");
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3 * 9, 3 * 9 + 8, 5 * 9, 5 * 9 + 3},
                startMoved.changedCells(), "S's old and new cells change too");
        MazeLayouts walled = m.with(true, m.layout(true).withWall(new Cell(3, 0), true));
        assertTrue(walled.layout(true).isWall(3, 0));
        assertEquals(m.layout(false), walled.layout(false), "the layout before the change is untouched");
        assertEquals(1000, walled.change().orElseThrow().afterStep());
        assertEquals(-1, walled.layout(true).shortestPathLength(), "both gaps closed after the change");

        MazeLayouts bigger = m.resized(7, 10);
        assertEquals(7, bigger.layout(false).rows());
        assertEquals(10, bigger.layout(true).cols(), "both layouts take the new size");

        MazeLayouts moved = m.withChangeAt(250);
        assertEquals(250, moved.change().orElseThrow().afterStep());
        assertEquals(m.layout(true), moved.layout(true), "moving the step keeps the later layout");
        MazeLayouts still = moved.withoutChange();
        assertFalse(still.changes());
        assertThrows(IllegalStateException.class, () -> still.layout(true));
        MazeLayouts again = still.withChangeAt(40);
        assertEquals(still.layout(false), again.layout(true), "a new change starts from a copy of the first layout");

        Maze saved = m.with(true, m.layout(true).withWall(new Cell(0, 0), true)).withChangeAt(400).toMaze("Mine", "");
        assertEquals(saved, MazeParser.parse("blocked.maze", MazeParser.format(saved)), "the file keeps both layouts");
    }
}
