package mbrllab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mbrllab.core.text.InputFormatException;

class TextFilesTest {

    /** A guard against a hang (the reader must stop at its limit), not a speed test. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @Test
    void endlessDevicesAreRefusedAtTheLimitWithTheLimitInTheMessage() {
        for (String device : List.of("/dev/zero", "/dev/urandom")) {
            InputFormatException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(InputFormatException.class,
                    () -> TextFiles.read(Path.of(device), TextFiles.MIB, "a maze file")));
            assertEquals(device + ": larger than 1 MiB, the limit for a maze file", e.getMessage());
        }
    }

    @Test
    void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.txt");
        Files.write(file, "ab\n".repeat(100).getBytes());
        assertEquals(100, TextFiles.read(file, 300, "a test file").count());
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TextFiles.read(file, 299, "a test file"));
        assertEquals(file + ": larger than 299 bytes, the limit for a test file", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void missingFilesFoldersAndEmptyNamesAreRefusedByName(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file", assertThrows(InputFormatException.class,
                () -> TextFiles.read(missing, 100, "a CSV file")).getMessage());
        assertEquals(dir + ": is a folder, expected a CSV file", assertThrows(InputFormatException.class,
                () -> TextFiles.read(dir, 100, "a CSV file")).getMessage());
        assertEquals("'': an empty file name", assertThrows(InputFormatException.class,
                () -> TextFiles.read(Path.of(""), 100, "a CSV file")).getMessage());
    }

    @Test
    void invalidUtf8InAFileIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'a', '\r', 'b', (byte) 0xE9, '\n'});
        assertEquals(file + ":2:2: not UTF-8 text (byte 0xE9); save the file as UTF-8",
                assertThrows(InputFormatException.class, () -> TextFiles.read(file, 100, "a test file")).getMessage());
    }
}
