package mbrllab.core.text;

/**
 * An input the program cannot use (a file, or a text given in place of one), with the place of the problem. The
 * message reads {@code source:line:column: reason}, {@code source:line: reason} or {@code source: reason}, ready to
 * print: line and column count from 1, and 0 means "not on one line" (the file is missing, too large, ...) or "no
 * column".
 *
 * <p>The formats' own exceptions ({@link mbrllab.core.maze.MazeFormatException}, the numeric CSV's) extend it, so
 * that a caller can handle every bad input in one place.
 */
public class InputFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /**
     * @param source the file name (or another label for the text), shown first
     * @param line   1-based line of the problem, or 0 for the whole input
     * @param column 1-based column of the problem, or 0 for none
     * @param reason what is wrong or what was expected
     */
    public InputFormatException(String source, int line, int column, String reason) {
        super(place(source, line, column) + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    private static String place(String source, int line, int column) {
        if (line <= 0) {
            return source;
        }
        return column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }

    /** The file name or label given. */
    public String source() {
        return source;
    }

    /** 1-based line, or 0 for the whole input. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 for none. */
    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }
}
