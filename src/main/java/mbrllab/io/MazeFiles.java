package mbrllab.io;

import java.nio.file.Path;

import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;
import mbrllab.core.text.InputFormatException;

/** Reads maze files (mazes/README.md) through {@link TextFiles}, with the format's size limit. */
public final class MazeFiles {

    private MazeFiles() {
    }

    /**
     * Reads and parses a maze file; the file name in messages is the path as given.
     *
     * @throws MazeFormatException {@code FILE:LINE:COL: reason}; a problem with the whole file (missing, a folder,
     *                             larger than {@link MazeParser#MAX_BYTES}) at 1:1
     */
    public static Maze read(Path file) throws MazeFormatException {
        try {
            return MazeParser.parse(TextFiles.read(file, MazeParser.MAX_BYTES, "a maze file"));
        } catch (MazeFormatException e) {
            throw e;
        } catch (InputFormatException e) {
            throw new MazeFormatException(e.source(), e.line(), e.column(), e.reason());
        }
    }
}
