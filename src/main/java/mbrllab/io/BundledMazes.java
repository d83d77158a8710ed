package mbrllab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;

/** The mazes shipped in mazes/, read from the class path (the jar carries them). */
public final class BundledMazes {

    /** File name of the Dyna-maze of Figures 8.2 and 8.3. */
    public static final String DYNA_MAZE = "dyna-maze.maze";

    private BundledMazes() {
    }

    /** Reads mazes/{@code fileName} from the class path. */
    public static Maze load(String fileName) {
        String resource = "/mazes/" + fileName;
        try (InputStream in = BundledMazes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled maze " + resource + " is missing from the class path");
            }
            return MazeParser.parse("mazes/" + fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | MazeFormatException e) {
            throw new IllegalStateException("bundled maze " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The Dyna-maze. */
    public static Maze dynaMaze() {
        return load(DYNA_MAZE);
    }
}
