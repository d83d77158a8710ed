package mbrllab.core.maze;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import mbrllab.core.text.TextLines;

/**
 * Reads the plain-text maze format of mazes/README.md. Every problem is reported as a
 * {@link MazeFormatException} naming file, line and column; no other exception escapes
 * {@link #parse(TextLines)} or {@link #parse(String, String)}. Reading a file (with its size limit and its
 * encoding) is {@code mbrllab.io.MazeFiles}.
 *
 * <pre>
 * // comment lines start with two slashes; blank lines are ignored
 * name: Dyna-maze
 * description: Sutton and Barto, Figure 8.2
 * .......#G
 * ..#....#.
 * S.#....#.
 * ..#......
 * .....#...
 * .........
 * </pre>
 *
 * A changing maze adds {@code change-at: STEPS} to the settings and, after the first grid, a line
 * {@code after:} followed by the grid in force from then on.
 */
public final class MazeParser {

    /** Largest file accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Largest number of rows or columns accepted. */
    public static final int MAX_SIDE = 200;

    private static final String KNOWN_KEYS = "name, description, change-at";

    private MazeParser() {
    }

    /**
     * Parses maze text held in memory (a maze inside a session, a test's text); its lines are split by
     * {@link TextLines#of} (any line ending).
     *
     * @param source name used in error messages, usually the file name
     * @param text   the whole file
     */
    public static Maze parse(String source, String text) throws MazeFormatException {
        if (text == null) {
            throw new MazeFormatException(source, 1, 1, "empty file: expected a grid of '.', '#', 'S' and 'G'");
        }
        if (text.length() > MAX_BYTES) {
            throw new MazeFormatException(source, 1, 1, "text has " + text.length()
                    + " characters; a maze file may have at most " + MAX_BYTES);
        }
        return parse(TextLines.of(source, text));
    }

    /**
     * Parses the lines of a maze file ({@code mbrllab.io.MazeFiles} reads them from a file with the size limit).
     * Messages name {@code text.source()}.
     */
    public static Maze parse(TextLines text) throws MazeFormatException {
        String source = text.source();
        String[] lines = text.lines().toArray(new String[0]);
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<Row> first = new ArrayList<>();
        List<Row> after = new ArrayList<>();
        int afterLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripTrailing(lines[i]);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.equals("after:")) {
                if (first.isEmpty()) {
                    throw new MazeFormatException(source, lineNo, 1, "'after:' before the first grid; the changed "
                            + "layout comes after the grid it replaces");
                }
                if (afterLine != 0) {
                    throw new MazeFormatException(source, lineNo, 1, "second 'after:' (the first is on line "
                            + afterLine + "); a maze changes at most once");
                }
                afterLine = lineNo;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && isKey(line.substring(0, colon).strip())) {
                if (!first.isEmpty()) {
                    throw new MazeFormatException(source, lineNo, 1, "setting after the grid; settings "
                            + "('key: value') go before the first grid row");
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                int keyCol = line.indexOf(key) + 1;
                if (!List.of("name", "description", "change-at").contains(key)) {
                    throw new MazeFormatException(source, lineNo, keyCol, "unknown setting " + TextLines.quote(key)
                            + "; known settings: " + KNOWN_KEYS);
                }
                Setting previous = settings.get(key);
                if (previous != null) {
                    throw new MazeFormatException(source, lineNo, keyCol, "setting '" + key + "' given twice (first "
                            + "on line " + previous.line + ")");
                }
                if (value.isEmpty()) {
                    throw new MazeFormatException(source, lineNo, colon + 2, "setting '" + key + "' has no value");
                }
                settings.put(key, new Setting(value, lineNo, colon + 2 + (line.length() - colon - 1
                        - line.substring(colon + 1).stripLeading().length())));
                continue;
            }
            Row row = new Row(line, lineNo);
            if (afterLine == 0) {
                first.add(row);
            } else {
                after.add(row);
            }
            if (first.size() > MAX_SIDE || after.size() > MAX_SIDE) {
                throw new MazeFormatException(source, lineNo, 1, "too many grid rows; a maze may have at most "
                        + MAX_SIDE + " rows");
            }
        }
        if (first.isEmpty()) {
            int line = Math.max(1, lastContentLine(lines));
            String what = settings.isEmpty() && afterLine == 0 ? "empty file" : "no grid";
            throw new MazeFormatException(source, line, 1, what + ": expected a grid of '.', '#', 'S' and 'G'");
        }
        Layout layout = parseGrid(source, first);
        Optional<LayoutChange> change = Optional.empty();
        Setting changeAt = settings.get("change-at");
        if (afterLine != 0) {
            if (after.isEmpty()) {
                throw new MazeFormatException(source, afterLine, 1, "'after:' has no grid below it");
            }
            if (changeAt == null) {
                throw new MazeFormatException(source, afterLine, 1, "'after:' needs a 'change-at: STEPS' setting "
                        + "saying after how many time steps the layout changes");
            }
            Layout later = parseGrid(source, after);
            if (later.rows() != layout.rows()) {
                throw new MazeFormatException(source, afterLine, 1, "the grid after 'after:' has " + later.rows()
                        + " rows; the first grid has " + layout.rows());
            }
            if (later.cols() != layout.cols()) {
                throw new MazeFormatException(source, after.get(0).line, 1, "the grid after 'after:' has "
                        + later.cols() + " columns; the first grid has " + layout.cols());
            }
            change = Optional.of(new LayoutChange(parseSteps(source, changeAt), later));
        } else if (changeAt != null) {
            throw new MazeFormatException(source, changeAt.line, 1, "'change-at' needs a second grid below a line "
                    + "'after:' (the layout after the change)");
        }
        String name = settings.containsKey("name") ? settings.get("name").value : defaultName(source);
        String description = settings.containsKey("description") ? settings.get("description").value : "";
        return new Maze(name, description, layout, change);
    }

    private static int parseSteps(String source, Setting setting) throws MazeFormatException {
        try {
            int steps = Integer.parseInt(setting.value);
            if (steps >= 1) {
                return steps;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MazeFormatException(source, setting.line, setting.column, "'change-at' must be a whole number of "
                + "time steps >= 1, got " + TextLines.quote(setting.value));
    }

    private static Layout parseGrid(String source, List<Row> rows) throws MazeFormatException {
        if (rows.size() > MAX_SIDE) {
            throw new MazeFormatException(source, rows.get(MAX_SIDE).line, 1, "too many grid rows; a maze may have "
                    + "at most " + MAX_SIDE + " rows");
        }
        int cols = rows.get(0).text.length();
        Row widthRow = rows.get(0);
        int rowCount = rows.size();
        boolean[] walls = new boolean[rowCount * Math.min(cols, MAX_SIDE)];
        Cell start = null;
        Cell goal = null;
        int startLine = 0;
        int startCol = 0;
        int goalLine = 0;
        int goalCol = 0;
        for (int r = 0; r < rowCount; r++) {
            Row row = rows.get(r);
            String text = row.text;
            for (int c = 0; c < text.length(); c++) {
                char ch = text.charAt(c);
                if (c >= MAX_SIDE) {
                    throw new MazeFormatException(source, row.line, c + 1, "row is too wide; a maze may have at most "
                            + MAX_SIDE + " columns");
                }
                if ("#.SG".indexOf(ch) < 0) {
                    throw new MazeFormatException(source, row.line, c + 1, "unknown character " + show(ch)
                            + "; expected '.' (free), '#' (wall), 'S' (start) or 'G' (goal)"
                            + (r == 0 && c == 0 ? ", or a setting 'key: value' before the grid" : ""));
                }
                if (c >= cols) {
                    break; // reported as a ragged row below
                }
                switch (ch) {
                    case '#' -> walls[r * cols + c] = true;
                    case 'S' -> {
                        if (start != null) {
                            throw new MazeFormatException(source, row.line, c + 1, "second start 'S' (the first is at "
                                    + "line " + startLine + ", column " + startCol + "); a maze has exactly one S");
                        }
                        start = new Cell(r, c);
                        startLine = row.line;
                        startCol = c + 1;
                    }
                    case 'G' -> {
                        if (goal != null) {
                            throw new MazeFormatException(source, row.line, c + 1, "second goal 'G' (the first is at "
                                    + "line " + goalLine + ", column " + goalCol + "); a maze has exactly one G");
                        }
                        goal = new Cell(r, c);
                        goalLine = row.line;
                        goalCol = c + 1;
                    }
                    default -> {
                        // free cell
                    }
                }
            }
            if (text.length() != cols) {
                int column = Math.min(text.length(), cols) + 1;
                throw new MazeFormatException(source, row.line, column, "ragged row: " + text.length()
                        + " cells, but the grid's first row (line " + widthRow.line + ") has " + cols
                        + "; every row must have the same width");
            }
        }
        int firstLine = rows.get(0).line;
        if (start == null) {
            throw new MazeFormatException(source, firstLine, 1, "no start 'S' in the grid that begins here; "
                    + "a maze needs exactly one S");
        }
        if (goal == null) {
            throw new MazeFormatException(source, firstLine, 1, "no goal 'G' in the grid that begins here; "
                    + "a maze needs exactly one G");
        }
        Layout layout = new Layout(rowCount, cols, walls, start, goal);
        if (layout.shortestPathLength() < 0) {
            throw new MazeFormatException(source, goalLine, goalCol, "goal 'G' cannot be reached from the start 'S' "
                    + "(line " + startLine + ", column " + startCol + "): walls close it off");
        }
        return layout;
    }

    private static boolean isKey(String candidate) {
        if (candidate.isEmpty()) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char ch = candidate.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '-' || ch == '_'
                    || ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String show(char ch) {
        if (ch >= 0x20 && ch < 0x7f) {
            return "'" + ch + "'";
        }
        if (ch == '\t') {
            return "tab";
        }
        return String.format("U+%04X", (int) ch);
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static int lastContentLine(String[] lines) {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String defaultName(String source) {
        String name = source.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        name = slash >= 0 ? name.substring(slash + 1) : name;
        return name.isBlank() ? "maze" : name;
    }

    /**
     * Writes a maze in the file format; {@link #parse} reads it back to an equal maze.
     */
    public static String format(Maze maze) {
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(maze.name()).append('\n');
        if (!maze.description().isBlank()) {
            sb.append("description: ").append(maze.description()).append('\n');
        }
        maze.change().ifPresent(c -> sb.append("change-at: ").append(c.afterStep()).append('\n'));
        sb.append('\n').append(maze.layout().toGridText());
        maze.change().ifPresent(c -> sb.append("after:\n").append(c.layout().toGridText()));
        return sb.toString();
    }

    private record Row(String text, int line) {
    }

    private record Setting(String value, int line, int column) {
    }
}
