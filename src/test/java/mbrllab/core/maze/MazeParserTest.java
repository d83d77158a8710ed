package mbrllab.core.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.io.MazeFiles;

class MazeParserTest {

    static final Path DYNA_MAZE = mbrllab.TestMazes.DYNA_MAZE;

    @Test
    void shippedDynaMazeMatchesTheBook() throws Exception {
        Maze maze = MazeFiles.read(DYNA_MAZE);
        Layout layout = maze.layout();
        assertEquals("Dyna-maze", maze.name());
        assertEquals(6, layout.rows());
        assertEquals(9, layout.cols());
        assertEquals(47, layout.freeCellCount());
        assertEquals(new Cell(2, 0), layout.start());
        assertEquals(new Cell(0, 8), layout.goal());
        for (Cell wall : List.of(new Cell(1, 2), new Cell(2, 2), new Cell(3, 2), new Cell(4, 5), new Cell(0, 7),
                new Cell(1, 7), new Cell(2, 7))) {
            assertTrue(layout.isWall(wall.row(), wall.col()), "wall at " + wall);
        }
        assertEquals(14, layout.shortestPathLength());
        assertTrue(maze.change().isEmpty());
    }

    @Test
    void formatReadsBackToTheSameMaze() throws Exception {
        Maze maze = MazeFiles.read(DYNA_MAZE);
        Maze again = MazeParser.parse("round-trip", MazeParser.format(maze));
        assertEquals(maze, again);
    }

    @Test
    void changingMazeWithAfterGrid() throws Exception {
        String text = """
                name: Blocking
                change-at: 1000
                ...G
                ###.
                S...
                after:
                ...G
                .###
                S...
                """;
        Maze maze = MazeParser.parse("blocking", text);
        assertEquals(1000, maze.change().orElseThrow().afterStep());
        assertTrue(maze.layoutAt(999).isWall(1, 0));
        assertTrue(maze.layoutAt(1000).isWall(1, 3));
        assertEquals(maze, MazeParser.parse("again", MazeParser.format(maze)));
    }

    @Test
    void windowsLineEndingsAndTrailingSpacesAreAccepted() throws Exception {
        Maze maze = MazeParser.parse("crlf", "S.G  \r\n...\r\n");
        assertEquals(3, maze.layout().cols());
        assertEquals(2, maze.layout().rows());
    }

    private static MazeFormatException error(String text) {
        return assertThrows(MazeFormatException.class, () -> MazeParser.parse("m.maze", text));
    }

    private static void assertError(String text, int line, int column, String reasonPart) {
        MazeFormatException e = error(text);
        assertEquals(line, e.line(), "line of: " + e.getMessage());
        assertEquals(column, e.column(), "column of: " + e.getMessage());
        assertTrue(e.reason().contains(reasonPart), e.getMessage());
        assertTrue(e.getMessage().startsWith("m.maze:" + line + ":" + column + ": "), e.getMessage());
    }

    @Test
    void badFilesNameLineColumnAndReason() {
        assertError("", 1, 1, "empty file");
        assertError("\n\n// only a comment\n", 3, 1, "empty file");
        assertError("name: x\n", 1, 1, "no grid");
        assertError("...\n..G\n", 1, 1, "no start 'S'");
        assertError("S..\n...\n", 1, 1, "no goal 'G'");
        assertError("S.S\n..G\n", 1, 3, "second start 'S'");
        assertError("S.G\n..G\n", 2, 3, "second goal 'G'");
        assertError("S..\n..\n..G\n", 2, 3, "ragged row");
        assertError("S..\n....\n..G\n", 2, 4, "ragged row");
        assertError("S.x\n..G\n", 1, 3, "unknown character 'x'");
        assertError("S\t.\n..G\n", 1, 2, "tab");
        assertError("S#.\n##G\n", 2, 3, "cannot be reached");
        assertError("name: a\nname: b\nS.G\n", 2, 1, "given twice");
        assertError("colour: red\nS.G\n", 1, 1, "unknown setting 'colour'");
        assertError("name:\nS.G\n", 1, 6, "has no value");
        assertError("S.G\nname: late\n", 2, 1, "setting after the grid");
        assertError("change-at: 10\nS.G\n", 1, 1, "needs a second grid");
        assertError("S.G\nafter:\nS.G\n", 2, 1, "needs a 'change-at");
        assertError("change-at: ten\nS.G\nafter:\nS.G\n", 1, 12, "whole number");
        assertError("change-at: 5\nS.G\nafter:\n", 3, 1, "has no grid below");
        assertError("change-at: 5\nS.G\nafter:\nS..G\n", 4, 1, "columns");
        assertError("after:\nS.G\n", 1, 1, "before the first grid");
    }

    @Test
    void hugeGridsAreRefused() {
        String wide = "S" + ".".repeat(MazeParser.MAX_SIDE) + "G\n";
        assertError(wide, 1, MazeParser.MAX_SIDE + 1, "too wide");
        StringBuilder tall = new StringBuilder("S\n");
        for (int i = 0; i < MazeParser.MAX_SIDE + 5; i++) {
            tall.append(".\n");
        }
        tall.append("G\n");
        MazeFormatException e = error(tall.toString());
        assertTrue(e.reason().contains("too many grid rows"), e.getMessage());
    }

    @Test
    void shippedChangingMazesMatchTheBook() throws Exception {
        for (String file : List.of("blocking.maze", "shortcut.maze")) {
            Maze maze = MazeFiles.read(Path.of("mazes", file));
            Layout before = maze.layout();
            Layout after = maze.change().orElseThrow().layout();
            for (Layout l : List.of(before, after)) {
                assertEquals(6, l.rows());
                assertEquals(9, l.cols());
                assertEquals(new Cell(5, 3), l.start());
                assertEquals(new Cell(0, 8), l.goal());
                for (int r = 0; r < 6; r++) {
                    for (int c = 0; c < 9; c++) {
                        if (r != 3) {
                            assertTrue(!l.isWall(r, c), file + ": only row 3 has walls, not " + new Cell(r, c));
                        }
                    }
                }
            }
            boolean blocking = file.equals("blocking.maze");
            assertEquals(blocking ? 1000 : 3000, maze.change().get().afterStep());
            // blocking: gap at the right end, then at the left end; shortcut: gap at the left, then at both ends
            assertEquals(blocking ? 10 : 16, before.shortestPathLength());
            assertEquals(blocking ? 16 : 10, after.shortestPathLength());
            assertEquals(8, 54 - before.freeCellCount());
            assertEquals(blocking ? 8 : 7, 54 - after.freeCellCount());
            assertEquals(maze, MazeParser.parse("again", MazeParser.format(maze)));
        }
    }

    @Test
    void shippedScaledMazesAreTheDynaMazeAtKTimesItsResolution() throws Exception {
        Layout base = MazeFiles.read(DYNA_MAZE).layout();
        for (int k = 2; k <= 6; k++) {
            Maze maze = MazeFiles.read(Path.of("mazes", "dyna-maze-" + k + "x.maze"));
            Layout l = maze.layout();
            assertEquals("Dyna-maze " + k + "x", maze.name());
            assertEquals(6 * k, l.rows());
            assertEquals(9 * k, l.cols());
            assertEquals(47 * k * k, l.freeCellCount());
            for (int r = 0; r < l.rows(); r++) {
                for (int c = 0; c < l.cols(); c++) {
                    assertEquals(base.isWall(r / k, c / k), l.isWall(r, c),
                            "cell " + new Cell(r, c) + " at " + k + "x");
                }
            }
            assertEquals(new Cell(2 * k, 0), l.start());
            assertEquals(new Cell(0, 9 * k - 1), l.goal());
            assertEquals(15 * k - 1, l.shortestPathLength());
            assertTrue(maze.change().isEmpty());
        }
    }

    @Test
    void randomMutationsOfAChangingMazeNeverEscapeAsAnotherException() throws Exception {
        fuzz(Files.readString(Path.of("mazes", "blocking.maze"), StandardCharsets.UTF_8), 20261127L);
    }

    @Test
    void randomMutationsOfAValidFileNeverEscapeAsAnotherException() throws Exception {
        fuzz(Files.readString(DYNA_MAZE, StandardCharsets.UTF_8), 20261126L);
    }

    private static void fuzz(String valid, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        String alphabet = ".#SG\n\r\t :/-abcx0123456789" + (char) 0 + (char) 0x2603;
        int errors = 0;
        for (int trial = 0; trial < 5000; trial++) {
            StringBuilder text = new StringBuilder(valid);
            int edits = 1 + random.nextInt(4);
            for (int k = 0; k < edits; k++) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
            }
            try {
                MazeParser.parse("fuzz", text.toString());
            } catch (MazeFormatException e) {
                errors++;
                int lines = text.toString().split("\n", -1).length;
                assertTrue(e.line() >= 1 && e.line() <= lines, "line out of range: " + e.getMessage());
                assertTrue(e.column() >= 1, "column out of range: " + e.getMessage());
            }
        }
        assertTrue(errors > 1000, "mutations should often break the file, broke " + errors);
    }
}
