package mbrllab.io;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A numeric CSV table: a header line of column names, then rows of decimal numbers separated by commas.
 * Blank lines are skipped, spaces around fields are ignored, a UTF-8 byte order mark and CRLF line ends
 * are accepted. No quoting (nothing here needs it). Numbers are plain decimals ({@code -1.5}, {@code 2e-3});
 * NaN, infinities and hexadecimal are refused. Immutable.
 */
public final class NumericCsv {

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
     * Reads a file.
     *
     * @throws CsvFormatException if the file is missing or unreadable ({@code file: reason}), or has no header,
     *                            no data rows, a row with the wrong number of fields, or a field that is not a
     *                            finite decimal number ({@code file:line: reason})
     */
    public static NumericCsv read(Path file) throws CsvFormatException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CsvFormatException(name, 0, "no such file");
        } catch (MalformedInputException e) {
            throw new CsvFormatException(name, 0, "not a UTF-8 text file");
        } catch (IOException e) {
            throw new CsvFormatException(name, 0, "cannot read: " + e.getMessage());
        }
        return parse(name, text);
    }

    /** Parses CSV text; {@code source} names it in messages. */
    public static NumericCsv parse(String source, String text) throws CsvFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        int at = 0;
        while (at < lines.length && lines[at].isBlank()) {
            at++;
        }
        if (at == lines.length) {
            throw new CsvFormatException(source, 1, "empty file: expected a header line");
        }
        List<String> header = new ArrayList<>();
        for (String field : lines[at].split(",", -1)) {
            header.add(field.trim());
        }
        int headerLine = at + 1;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isEmpty()) {
                throw new CsvFormatException(source, headerLine, "column " + (c + 1) + " of the header has no name");
            }
        }
        int columns = header.size();
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        for (int i = at + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            int line = i + 1;
            if (fields.length != columns) {
                throw new CsvFormatException(source, line, "expected " + columns + " values (" + String.join(",", header)
                        + "), got " + fields.length);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                String field = fields[c].trim();
                if (!DECIMAL.matcher(field).matches()) {
                    throw new CsvFormatException(source, line, "column " + header.get(c) + ": "
                            + (field.isEmpty() ? "empty field" : "\"" + shorten(field) + "\" is not a number"));
                }
                row[c] = Double.parseDouble(field);
                if (!Double.isFinite(row[c])) {
                    throw new CsvFormatException(source, line, "column " + header.get(c) + ": " + field
                            + " is out of the double range");
                }
            }
            rows.add(row);
            rowLines.add(line);
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException(source, headerLine, "no data rows after the header");
        }
        double[] values = new double[rows.size() * columns];
        int[] lineOfRow = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * columns, columns);
            lineOfRow[r] = rowLines.get(r);
        }
        return new NumericCsv(source, header, headerLine, rows.size(), values, lineOfRow);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
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
