package mbrllab.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import mbrllab.core.text.InputFormatException;
import mbrllab.core.text.TextLines;

/**
 * A numeric CSV table: a header line of column names, then rows of decimal numbers separated by commas.
 * Blank lines are skipped, spaces around fields are ignored; lines come from {@link TextLines} (UTF-8, a byte
 * order mark, any line ending). No quoting (nothing here needs it). Numbers are plain decimals ({@code -1.5},
 * {@code 2e-3}) of magnitude at most {@link #MAX_MAGNITUDE}; NaN, infinities and hexadecimal are refused.
 * Immutable.
 */
public final class NumericCsv {

    /** Largest file read: 64 MiB (about two million rows of three numbers). */
    public static final int MAX_BYTES = 64 * TextFiles.MIB;

    /**
     * Largest magnitude of a value: 1e100. Squares and sums of squares of such values (variances, distances,
     * likelihoods) stay finite in double arithmetic, which ends near 1.8e308.
     */
    public static final double MAX_MAGNITUDE = 1e100;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String source;
    private final List<String> header;
    private final int rows;
    private final double[] values;
    private final int[] lines;
    private final int headerLine;

    private NumericCsv(String source, List<String> header, int headerLine, int rows, double[] values, int[] lines) {
        this.source = source;
        this.headerLine = headerLine;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.values = values;
        this.lines = lines;
    }

    /** The file name, for messages. */
    public String source() {
        return source;
    }

    /** The column names, trimmed. */
    public List<String> header() {
        return header;
    }

    /** 1-based line of the header (1 unless blank lines come first). */
    public int headerLine() {
        return headerLine;
    }

    /** Number of data rows, >= 1. */
    public int rows() {
        return rows;
    }

    /** 1-based file line of data row r (0-based). */
    public int line(int r) {
        return lines[r];
    }

    /** Number of columns. */
    public int columns() {
        return header.size();
    }

    /** The value in data row r (0-based) and column c. */
    public double value(int r, int c) {
        return values[r * header.size() + c];
    }

    /** Columns from .. from+count of every row, as a rows x count row-major copy. */
    public double[] columns(int from, int count) {
        int columns = header.size();
        double[] out = new double[rows * count];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * columns + from, out, r * count, count);
        }
        return out;
    }

    /**
     * Reads a file of at most {@link #MAX_BYTES} bytes ({@link TextFiles}).
     *
     * @throws CsvFormatException if the file is missing, unreadable, too large or not UTF-8 ({@code file: reason}),
     *                            or has no header, no data rows, a row with the wrong number of fields, or a field
     *                            that is not a decimal number of magnitude at most {@link #MAX_MAGNITUDE}
     *                            ({@code file:line: reason})
     */
    public static NumericCsv read(Path file) throws CsvFormatException {
        try {
            return parse(TextFiles.read(file, MAX_BYTES, "a CSV file"));
        } catch (CsvFormatException e) {
            throw e;
        } catch (InputFormatException e) {
            throw new CsvFormatException(e.source(), e.line(), e.reason());
        }
    }

    /** Parses CSV text; {@code source} names it in messages. */
    public static NumericCsv parse(String source, String text) throws CsvFormatException {
        return parse(TextLines.of(source, text));
    }

    /** Parses the lines of a CSV file; messages name {@code text.source()}. */
    public static NumericCsv parse(TextLines text) throws CsvFormatException {
        String source = text.source();
        List<String> lines = text.lines();
        int at = 0;
        while (at < lines.size() && lines.get(at).isBlank()) {
            at++;
        }
        if (at == lines.size()) {
            throw new CsvFormatException(source, 1, "empty file: expected a header line");
        }
        List<String> header = new ArrayList<>();
        for (String field : lines.get(at).split(",", -1)) {
            header.add(field.trim());
        }
        int headerLine = at + 1;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new CsvFormatException(source, headerLine, "column " + (c + 1) + " of the header has no name");
            }
        }
        int columns = header.size();
        String names = String.join(",", header);
        names = names.length() <= 60 ? names : names.substring(0, 57) + "...";
        double[] values = new double[Math.max(16, columns * 16)];
        int[] lineOfRow = new int[16];
        int rows = 0;
        for (int i = at + 1; i < lines.size(); i++) {
            String current = lines.get(i);
            if (current.isBlank()) {
                continue;
            }
            String[] fields = current.split(",", -1);
            int line = i + 1;
            if (fields.length != columns) {
                throw new CsvFormatException(source, line, "expected " + columns + " values (" + names + "), got "
                        + fields.length + ": " + TextLines.quote(current));
            }
            if ((rows + 1) * columns > values.length) {
                values = Arrays.copyOf(values, 2 * values.length);
            }
            if (rows == lineOfRow.length) {
                lineOfRow = Arrays.copyOf(lineOfRow, 2 * rows);
            }
            for (int c = 0; c < columns; c++) {
                String field = fields[c].trim();
                if (!DECIMAL.matcher(field).matches()) {
                    throw new CsvFormatException(source, line, "column " + header.get(c) + ": "
                            + (field.isEmpty() ? "empty field" : TextLines.quote(field) + " is not a number"));
                }
                double v = Double.parseDouble(field);
                if (!(Math.abs(v) <= MAX_MAGNITUDE)) {
                    throw new CsvFormatException(source, line, "column " + header.get(c) + ": " + TextLines.quote(field)
                            + " is beyond the limit of 1e100 in magnitude (larger values overflow the arithmetic)");
                }
                values[rows * columns + c] = v;
            }
            lineOfRow[rows] = line;
            rows++;
        }
        if (rows == 0) {
            throw new CsvFormatException(source, headerLine, "no data rows after the header");
        }
        return new NumericCsv(source, header, headerLine, rows, Arrays.copyOf(values, rows * columns),
                Arrays.copyOf(lineOfRow, rows));
    }

    /** "x1,...,xd" for messages. */
    public static String inputNames(int d) {
        StringBuilder s = new StringBuilder();
        for (int j = 1; j <= d; j++) {
            s.append(j == 1 ? "" : ",").append("x").append(j);
        }
        return s.toString();
    }

    /**
     * The number d of leading columns named x1, x2, ..., xd (case-insensitive), 0 if the first is not x1.
     */
    public int leadingInputColumns() {
        int d = 0;
        while (d < header.size() && header.get(d).toLowerCase(Locale.ROOT).equals("x" + (d + 1))) {
            d++;
        }
        return d;
    }

    @Override
    public String toString() {
        return "NumericCsv[" + source + ", " + header + ", " + rows + " rows]";
    }
}
