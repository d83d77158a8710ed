package mbrllab.io;

import java.io.IOException;
import java.io.InputStream;

import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeParser;
import mbrllab.core.text.InputFormatException;

/** The mazes shipped in mazes/, read from the class path (the jar carries them). */
public final class BundledMazes {

    /** File name of the Dyna-maze of Figures 8.2 and 8.3. */
    public static final String DYNA_MAZE = "dyna-maze.maze";
    /** File name of the blocking maze of Figure 8.4. */
    public static final String BLOCKING_MAZE = "blocking.maze";
    /** File name of the shortcut maze of Figure 8.5. */
    public static final String SHORTCUT_MAZE = "shortcut.maze";
    /** File names of the mazes of Example 8.4, smallest first: the Dyna-maze and its 2x to 6x versions. */
    public static final java.util.List<String> EXAMPLE_84_MAZES = java.util.List.of(DYNA_MAZE, "dyna-maze-2x.maze",
            "dyna-maze-3x.maze", "dyna-maze-4x.maze", "dyna-maze-5x.maze", "dyna-maze-6x.maze");

    private BundledMazes() {
    }

    /** Reads mazes/{@code fileName} from the class path. */
    public static Maze load(String fileName) {
        String resource = "/mazes/" + fileName;
        try (InputStream in = BundledMazes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled maze " + resource + " is missing from the class path");
            }
            return MazeParser.parse(TextFiles.read("mazes/" + fileName, in, MazeParser.MAX_BYTES, "a maze file"));
        } catch (IOException | InputFormatException e) {
            throw new IllegalStateException("bundled maze " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The Dyna-maze. */
    public static Maze dynaMaze() {
        return load(DYNA_MAZE);
    }

    /** The mazes of Example 8.4, smallest first. */
    public static java.util.List<Maze> example84Mazes() {
        return EXAMPLE_84_MAZES.stream().map(BundledMazes::load).toList();
    }
}
