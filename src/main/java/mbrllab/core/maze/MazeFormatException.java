package mbrllab.core.maze;

import mbrllab.core.text.InputFormatException;

/**
 * A maze file that cannot be read, with the place of the problem. The message reads
 * {@code file:line:col: reason}, with line and column counted from 1, ready to print (a problem with the whole
 * file, such as its size, is placed at 1:1).
 */
public final class MazeFormatException extends InputFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the file name (or another label for the text) shown first in the message
     * @param line   1-based line of the problem
     * @param column 1-based column of the problem
     * @param reason what is wrong or what was expected
     */
    public MazeFormatException(String source, int line, int column, String reason) {
        super(source, Math.max(1, line), Math.max(1, column), reason);
    }
}
