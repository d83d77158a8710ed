package mbrllab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees half of one, and so that the files of one result are one unit: every
 * file first goes to a temporary file next to its target, and only when all of them are written are they renamed
 * onto their targets, one after the other. A failure before the renames (a full disk, a folder where a file should
 * go, no permission) deletes the temporary files and leaves every target as it was.
 *
 * <ul>
 *   <li>A new file gets the usual mode for a new file, 0666 minus the umask; a file that is replaced keeps its
 *       mode.</li>
 *   <li>A target that is a symbolic link is written through: the file it points to is replaced, the link stays.</li>
 *   <li>Missing parent folders are created.</li>
 *   <li>A target that is neither a regular file nor a folder (a device such as /dev/null, a named pipe) cannot be
 *       replaced by a rename and must not be: it is written into directly, before the renames, so that /dev/null
 *       stays a device and a full /dev/full fails with "no space left on device" while no regular target has
 *       changed yet.</li>
 *   <li>Failures are {@link IOException}s whose message names the target and says why
 *       ({@code "cannot write out/figure-8.2.csv: permission denied"}).</li>
 * </ul>
 */
public final class AtomicFiles {

    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Map<Path, byte[]> one = new LinkedHashMap<>();
        one.put(target, bytes);
        writeAll(one);
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes several files as one unit: all to temporary files, then the renames in the map's order. A failure
     * before the renames leaves every target as it was.
     *
     * @param files target and content, in the order of the renames
     * @throws IOException naming the target that failed and why; if a rename fails (rare: the temporary files are
     *                     in the targets' folders), the message also says which targets were already replaced
     */
    public static void writeAll(Map<Path, byte[]> files) throws IOException {
        List<Path> given = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        List<Path> givenSpecial = new ArrayList<>();
        List<Path> special = new ArrayList<>();
        List<byte[]> specialBytes = new ArrayList<>();
        List<Path> temps = new ArrayList<>();
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path target = throughLinks(e.getKey());
                if (Files.isDirectory(target)) {
                    throw new IOException("cannot write " + e.getKey() + ": it is a folder");
                }
                if (Files.exists(target) && !Files.isRegularFile(target)) {
                    givenSpecial.add(e.getKey());
                    special.add(target);
                    specialBytes.add(e.getValue());
                } else {
                    given.add(e.getKey());
                    targets.add(target);
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                temps.add(writeTemporary(given.get(i), targets.get(i), files.get(given.get(i))));
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temps);
            throw e;
        }
        List<Path> done = new ArrayList<>();
        for (int i = 0; i < special.size(); i++) {
            try (OutputStream out = Files.newOutputStream(special.get(i), StandardOpenOption.WRITE)) {
                out.write(specialBytes.get(i));
            } catch (IOException e) {
                deleteQuietly(temps);
                String already = done.isEmpty() ? "" : " (already written: " + done + ")";
                throw new IOException("cannot write " + givenSpecial.get(i) + ": " + reason(e) + already, e);
            }
            done.add(givenSpecial.get(i));
        }
        for (int i = 0; i < temps.size(); i++) {
            try {
                move(temps.get(i), targets.get(i));
            } catch (IOException e) {
                deleteQuietly(temps.subList(i, temps.size()));
                done.addAll(given.subList(0, i));
                String already = done.isEmpty() ? "" : " (already replaced: " + done + ")";
                throw new IOException("cannot write " + given.get(i) + ": " + reason(e) + already, e);
            }
        }
    }

    /** The file a write to {@code file} should replace: {@code file} itself, or the end of its symbolic links. */
    public static Path throughLinks(Path file) throws IOException {
        Path path = file.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
            Path link = Files.readSymbolicLink(path);
            path = path.resolveSibling(link).normalize();
        }
        if (Files.isSymbolicLink(path)) {
            throw new IOException("cannot write " + file + ": too many symbolic links");
        }
        return path;
    }

    private static Path writeTemporary(Path given, Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot write " + given + ": " + e.getFile() + " is a file, not a folder", e);
        } catch (IOException e) {
            throw new IOException("cannot write " + given + ": cannot create the folder " + dir + ": " + reason(e), e);
        }
        Path tmp = null;
        try {
            for (int attempt = 0; tmp == null; attempt++) {
                Path candidate = dir.resolve("." + target.getFileName() + "."
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                try {
                    // created like any new file: mode 0666 minus the umask
                    Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                    tmp = candidate;
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                }
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                keepMode(target, tmp);
            }
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(bytes);
            }
            return tmp;
        } catch (IOException e) {
            if (tmp != null) {
                deleteQuietly(List.of(tmp));
            }
            throw new IOException("cannot write " + given + ": " + reason(e), e);
        }
    }

    private static void keepMode(Path target, Path tmp) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(tmp, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the new file's mode is the system's default
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more to do: the temporary file stays (its name starts with a dot)
            }
        }
    }

    /**
     * Why an I/O operation failed, in words: "permission denied", "no space left on device", "not a folder", ...
     * (Java's own messages of these exceptions are often just the path).
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.isEmpty() ? r : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // the system's own words ("No space left on device") in the case of the rest of the message
        boolean word = message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1));
        return word ? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
    }
}
