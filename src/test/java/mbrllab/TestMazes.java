package mbrllab;

import java.nio.file.Path;

import mbrllab.core.maze.Maze;
import mbrllab.io.MazeFiles;
import mbrllab.core.maze.MazeFormatException;

/** The shipped mazes, for tests (run from the project root, as Maven does). */
public final class TestMazes {

    public static final Path DYNA_MAZE = Path.of("mazes", "dyna-maze.maze");

    private TestMazes() {
    }

    public static Maze dynaMaze() throws MazeFormatException {
        return MazeFiles.read(DYNA_MAZE);
    }

    /** mazes/{@code fileName}. */
    public static Maze maze(String fileName) throws MazeFormatException {
        return MazeFiles.read(Path.of("mazes", fileName));
    }
}
