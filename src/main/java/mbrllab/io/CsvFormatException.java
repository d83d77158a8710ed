package mbrllab.io;

/**
 * A CSV file that cannot be used, with the place of the problem: the message reads
 * {@code file:line: reason} (line counted from 1), or {@code file: reason} when the file itself cannot be
 * read.
 */
public final class CsvFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String reason;

    /**
     * @param source the file name shown first
     * @param line   1-based line, or 0 when the problem is not on a line (the file is missing or unreadable)
     * @param reason what is wrong or what was expected
     */
    public CsvFormatException(String source, int line, String reason) {
        super(line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 for the whole file. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
