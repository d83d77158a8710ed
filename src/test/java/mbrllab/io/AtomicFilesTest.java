package mbrllab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of one result as one unit, with the usual modes, written through links (issue 15, items 7 and 8). */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFailureBeforeTheRenamesLeavesEveryTargetAsItWas() throws IOException {
        Path first = Files.writeString(dir.resolve("first.csv"), "old first\n");
        Path blocked = Files.writeString(dir.resolve("afile"), "x");
        Map<Path, byte[]> unit = new LinkedHashMap<>();
        unit.put(first, utf8("new first\n"));
        unit.put(blocked.resolve("second.csv"), utf8("new second\n"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(unit));
        assertEquals("cannot write " + blocked.resolve("second.csv") + ": " + blocked.toAbsolutePath()
                + " is a file, not a folder", e.getMessage());
        assertEquals("old first\n", Files.readString(first));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }

        Files.createDirectories(dir.resolve("folder.png"));
        unit.clear();
        unit.put(first, utf8("new first\n"));
        unit.put(dir.resolve("folder.png"), utf8("png"));
        e = assertThrows(IOException.class, () -> AtomicFiles.writeAll(unit));
        assertEquals("cannot write " + dir.resolve("folder.png") + ": it is a folder", e.getMessage());
        assertEquals("old first\n", Files.readString(first));
    }

    @Test
    void allFilesOfAUnitArriveTogether() throws IOException {
        Map<Path, byte[]> unit = new LinkedHashMap<>();
        unit.put(dir.resolve("a.csv"), utf8("a\n"));
        unit.put(dir.resolve("sub/b.png"), utf8("b"));
        AtomicFiles.writeAll(unit);
        assertEquals("a\n", Files.readString(dir.resolve("a.csv")));
        assertEquals("b", Files.readString(dir.resolve("sub/b.png")));
    }

    @Test
    void aNewFileGetsTheUmaskModeAndAReplacedFileKeepsItsMode() throws IOException {
        Path fresh = dir.resolve("fresh.csv");
        AtomicFiles.writeString(fresh, "new\n");
        Path reference = Files.createFile(dir.resolve("reference")); // 0666 minus this process's umask
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));

        Path kept = Files.writeString(dir.resolve("kept.csv"), "old\n");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(kept, mode);
        AtomicFiles.writeString(kept, "new\n");
        assertEquals("new\n", Files.readString(kept));
        assertEquals(mode, Files.getPosixFilePermissions(kept));
    }

    @Test
    void aSymbolicLinkIsWrittenThrough() throws IOException {
        Path target = Files.writeString(dir.resolve("target.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("target.csv"));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.csv"), Path.of("link.csv"));
        AtomicFiles.writeString(chain, "new\n");
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "the links stay links");
        assertEquals("new\n", Files.readString(target));

        Path loop = Files.createSymbolicLink(dir.resolve("loop.csv"), Path.of("loop.csv"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(loop, "x"));
        assertEquals("cannot write " + loop + ": too many symbolic links", e.getMessage());
    }

    /**
     * A target that is not a regular file (here a named pipe; on a user's machine /dev/null or /dev/full) is written
     * into, never renamed over: it stays what it was, and the reader gets the bytes. The regular file of the same
     * unit is replaced as usual. (The rename made /dev/null a regular file when root wrote to it.)
     */
    @Test
    void aDeviceOrPipeIsWrittenIntoNotReplaced() throws Exception {
        Path pipe = dir.resolve("pipe.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        assertEquals(0, mkfifo.waitFor(), new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class).isOther());
        java.util.concurrent.CompletableFuture<String> read = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(Files.readString(pipe));
            } catch (IOException e) {
                read.completeExceptionally(e);
            }
        }, "pipe reader");
        reader.setDaemon(true); // never left blocked on the pipe if the writer replaced it instead
        reader.start();
        Map<Path, byte[]> unit = new LinkedHashMap<>();
        unit.put(dir.resolve("regular.csv"), utf8("a\n"));
        unit.put(pipe, utf8("through the pipe\n"));
        AtomicFiles.writeAll(unit);
        assertTrue(Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "still a pipe, not a regular file");
        assertEquals("through the pipe\n", read.get(20, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("a\n", Files.readString(dir.resolve("regular.csv")));
    }

    @Test
    void theReasonIsSaidInWords() {
        assertEquals("permission denied", AtomicFiles.reason(new AccessDeniedException("/x/y")));
        assertEquals("no such file or folder", AtomicFiles.reason(new java.nio.file.NoSuchFileException("/x")));
        assertEquals("no space left on device", AtomicFiles.reason(new java.nio.file.FileSystemException("/x", null,
                "No space left on device")));
        assertEquals("no space left on device", AtomicFiles.reason(new IOException("No space left on device")));
        assertEquals("/x/y", AtomicFiles.reason(new IOException("/x/y")));
    }
}
