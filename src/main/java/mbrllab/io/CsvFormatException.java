package mbrllab.io;

import mbrllab.core.text.InputFormatException;

/**
 * A CSV file that cannot be used, with the place of the problem: the message reads
 * {@code file:line: reason} (line counted from 1), or {@code file: reason} when the file itself cannot be
 * read.
 */
public final class CsvFormatException extends InputFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source the file name shown first
     * @param line   1-based line, or 0 when the problem is not on a line (the file is missing or unreadable)
     * @param reason what is wrong or what was expected
     */
    public CsvFormatException(String source, int line, String reason) {
        super(source, line, 0, reason);
    }
}
