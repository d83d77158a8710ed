package mbrllab.core.maze;

/**
 * A maze file that cannot be read, with the place of the problem. The message reads
 * {@code file:line:col: reason}, with line and column counted from 1, ready to print.
 */
public final class MazeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param source the file name (or another label for the text) shown first in the message
     * @param line   1-based line of the problem
     * @param column 1-based column of the problem
     * @param reason what is wrong or what was expected
     */
    public MazeFormatException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
