package mbrllab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;

/** Maze files as files: size, encoding, line endings (issue 15, item 12). */
class MazeFilesTest {

    private static final String DYNA = "// Sutton and Barto\nname: Dyna-maze\n\n.......#G\n..#....#.\nS.#....#.\n"
            + "..#......\n.....#...\n.........\n";

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void hugeMissingAndBinaryFilesAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
        Path big = write(dir, "big.maze", new byte[MazeParser.MAX_BYTES + 1]);
        MazeFormatException e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(big));
        assertEquals(big + ":1:1: larger than 1 MiB, the limit for a maze file", e.getMessage());

        Path missing = dir.resolve("missing.maze");
        e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(missing));
        assertEquals(missing + ":1:1: no such file", e.getMessage());

        e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(dir));
        assertTrue(e.reason().contains("folder"), e.getMessage());

        Path binary = write(dir, "binary.maze", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 'S', '\n'});
        e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(binary));
        assertEquals(binary + ":1:1: not UTF-8 text (byte 0xFF); save the file as UTF-8", e.getMessage());
    }

    @Test
    void everyLineEndingAndAByteOrderMarkReadTheSameMaze(@TempDir Path dir) throws Exception {
        Maze lf = MazeFiles.read(write(dir, "lf.maze", DYNA.getBytes(StandardCharsets.UTF_8)));
        for (String ending : new String[] {"\r\n", "\r"}) {
            Path file = write(dir, "other.maze", DYNA.replace("\n", ending).getBytes(StandardCharsets.UTF_8));
            assertEquals(lf.layout(), MazeFiles.read(file).layout(), "line ending " + ending.length());
        }
        Path bom = write(dir, "bom.maze", ("\uFEFF" + DYNA).getBytes(StandardCharsets.UTF_8));
        Maze withBom = MazeFiles.read(bom);
        assertEquals("Dyna-maze", withBom.name(), "a BOM before the first comment is no setting after the grid");
        assertEquals(lf.layout(), withBom.layout());
    }

    @Test
    void invalidUtf8InACommentIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        byte[] latin1 = DYNA.replace("Sutton and Barto", "Sutton und Barto, S\u00e9rie").getBytes(
                StandardCharsets.ISO_8859_1);
        Path file = write(dir, "latin1.maze", latin1);
        MazeFormatException e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(file));
        assertEquals(1, e.line());
        assertEquals(file + ":1:23: not UTF-8 text (byte 0xE9); save the file as UTF-8", e.getMessage());
    }

    @Test
    void aHugeMazeIsReportedAtItsFirstRowTooMany(@TempDir Path dir) throws IOException {
        String row = ".".repeat(1000) + "\n";
        Path file = write(dir, "huge.maze", ("S" + row.substring(1) + row.repeat(998) + row.substring(1) + "G\n")
                .getBytes(StandardCharsets.UTF_8));
        MazeFormatException e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(file));
        assertEquals(MazeParser.MAX_SIDE + 1, e.line(), e.getMessage());
        assertTrue(e.reason().startsWith("too many grid rows"), e.getMessage());
    }

    @Test
    void aMegabyteLineIsQuotedInAFewWords(@TempDir Path dir) throws IOException {
        String key = "k".repeat(1_000_000);
        Path file = write(dir, "long.maze", (key + ": v\nS.G\n").getBytes(StandardCharsets.UTF_8));
        MazeFormatException e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(file));
        assertTrue(e.getMessage().length() < file.toString().length() + 200, e.getMessage());
        assertTrue(e.reason().startsWith("unknown setting 'kkk"), e.getMessage());
        assertTrue(e.reason().contains("(1000000 characters)"), e.getMessage());

        Path steps = write(dir, "steps.maze", ("change-at: " + "9".repeat(500_000) + "\nS.G\nafter:\nS.G\n")
                .getBytes(StandardCharsets.UTF_8));
        e = assertThrows(MazeFormatException.class, () -> MazeFiles.read(steps));
        assertTrue(e.getMessage().length() < steps.toString().length() + 200, e.getMessage());
    }
}
