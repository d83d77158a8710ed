package mbrllab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import mbrllab.core.text.InputFormatException;
import mbrllab.core.text.TextLines;

/**
 * Reads every text input of the program, on the command line and in the app (maze files, sessions and presets,
 * force lists, numeric CSVs), with a size limit: at most {@code maxBytes} bytes are read, whatever the file
 * claims to be, so that {@code /dev/zero}, {@code /dev/urandom} or a huge file are refused quickly with the limit
 * in the message instead of filling the memory. The bytes become lines in {@link TextLines#decode} (UTF-8, byte
 * order mark, LF/CRLF/CR). Every refusal is an {@link InputFormatException} naming the file as given:
 * <pre>
 * big.csv: larger than 64 MiB, the limit for a CSV file
 * missing.maze: no such file
 * notes.maze:3:17: not UTF-8 text (byte 0xFF); save the file as UTF-8
 * </pre>
 */
public final class TextFiles {

    /** One mebibyte. */
    public static final int MIB = 1 << 20;

    private TextFiles() {
    }

    /**
     * Reads a text file of at most {@code maxBytes} bytes.
     *
     * @param what what the file is, for the size message (e.g. "a maze file")
     * @throws InputFormatException when the file is missing, a folder, unreadable, larger than the limit, or not
     *                              UTF-8 text
     */
    public static TextLines read(Path file, int maxBytes, String what) throws InputFormatException {
        String source = file.toString();
        if (source.isEmpty()) {
            throw new InputFormatException("''", 0, 0, "an empty file name");
        }
        if (Files.isDirectory(file)) {
            throw new InputFormatException(source, 0, 0, "is a folder, expected " + what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, in, maxBytes, what);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(source, 0, 0, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputFormatException(source, 0, 0, "cannot read it: permission denied");
        } catch (FileSystemException e) {
            throw new InputFormatException(source, 0, 0, "cannot read it: "
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()));
        } catch (IOException | SecurityException e) {
            throw new InputFormatException(source, 0, 0, "cannot read it: " + describe(e));
        }
    }

    /**
     * Reads at most {@code maxBytes} bytes of text from {@code in} (not closed here), e.g. a resource of the jar.
     *
     * @param source names the input in messages
     */
    public static TextLines read(String source, InputStream in, int maxBytes, String what)
            throws IOException, InputFormatException {
        if (maxBytes < 0 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be in [0, " + (Integer.MAX_VALUE - 1) + "], got "
                    + maxBytes);
        }
        byte[] buffer = new byte[Math.min(maxBytes + 1, 64 * 1024)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                if (length > maxBytes) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxBytes + 1, 2L * buffer.length));
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        if (length > maxBytes) {
            throw new InputFormatException(source, 0, 0, "larger than " + size(maxBytes) + ", the limit for " + what);
        }
        return TextLines.decode(source, buffer, length);
    }

    /** "1 MiB", "64 MiB" or "1000 bytes". */
    public static String size(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes + " bytes";
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
