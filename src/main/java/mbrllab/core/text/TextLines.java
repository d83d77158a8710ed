package mbrllab.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lines of a text input, the one place where bytes become lines for every format the program reads (maze files,
 * sessions and presets, force lists, numeric CSVs): UTF-8 only, a byte order mark at the start dropped, and LF,
 * CRLF and a lone CR all ending a line. A final line break ends the last line (it does not start an empty one).
 * Invalid UTF-8 and NUL characters are refused with their line and column. Immutable.
 *
 * <p>Reading a file with a size limit is {@code mbrllab.io.TextFiles}; this class does no I/O. Messages about a
 * line quote it with {@link #quote(String)}, which keeps them short whatever the line.
 */
public final class TextLines {

    /** Most characters of an input that a message quotes, quotes and ellipsis included. */
    public static final int QUOTE_LIMIT = 80;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String source;
    private final List<String> lines;

    private TextLines(String source, List<String> lines) {
        this.source = source;
        this.lines = Collections.unmodifiableList(lines);
    }

    /**
     * Decodes {@code bytes[0 .. length)} as UTF-8 text.
     *
     * @param source names the input in messages (usually the file name as the user gave it)
     * @throws InputFormatException {@code source:line:column: reason} for a byte that is not UTF-8 or a NUL character
     */
    public static TextLines decode(String source, byte[] bytes, int length) throws InputFormatException {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length must be in [0, " + bytes.length + "], got " + length);
        }
        int start = length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int lineStart = start;
        int i = start;
        while (i < length) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                lines.add(decodeLine(source, lines.size() + 1, bytes, lineStart, i, decoder));
                i += b == '\r' && i + 1 < length && bytes[i + 1] == '\n' ? 2 : 1;
                lineStart = i;
            } else {
                i++;
            }
        }
        if (lineStart < length) {
            lines.add(decodeLine(source, lines.size() + 1, bytes, lineStart, length, decoder));
        }
        return new TextLines(source, lines);
    }

    /**
     * The lines of a text already in memory (a maze inside a session, a test's text): a leading byte order mark
     * dropped, LF, CRLF and CR ending lines. Never fails.
     */
    public static TextLines of(String source, String text) {
        List<String> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int lineStart = start;
        int i = start;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(lineStart, i));
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                lineStart = i;
            } else {
                i++;
            }
        }
        if (lineStart < n) {
            lines.add(text.substring(lineStart));
        }
        return new TextLines(source, lines);
    }

    private static String decodeLine(String source, int lineNo, byte[] bytes, int from, int to, CharsetDecoder decoder)
            throws InputFormatException {
        boolean ascii = true;
        for (int k = from; k < to; k++) {
            if (bytes[k] < 0) {
                ascii = false;
                break;
            }
        }
        String line;
        if (ascii) {
            line = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        } else {
            decoder.reset();
            ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
            CharBuffer out = CharBuffer.allocate(to - from);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                throw new InputFormatException(source, lineNo, out.position() + 1, String.format(
                        "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[in.position()] & 0xff));
            }
            out.flip();
            line = out.toString();
        }
        int nul = line.indexOf('\0');
        if (nul >= 0) {
            throw new InputFormatException(source, lineNo, nul + 1, "a NUL character: this is not a text file");
        }
        return line;
    }

    /** The name given for messages. */
    public String source() {
        return source;
    }

    /** Number of lines. */
    public int count() {
        return lines.size();
    }

    /** Line {@code number}, counted from 1, without its line break. */
    public String line(int number) {
        return lines.get(number - 1);
    }

    /** Every line, without line breaks; unmodifiable. */
    public List<String> lines() {
        return lines;
    }

    /** The lines joined with LF, each ended by one (empty for no lines). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The refusal of line {@code line}: {@code source:line: reason}. */
    public InputFormatException error(int line, String reason) {
        return new InputFormatException(source, line, 0, reason);
    }

    /**
     * {@code text} in single quotes for a message, at most {@link #QUOTE_LIMIT} characters: a longer text is cut with
     * "..." and its length given; control characters are shown as '?'.
     */
    public static String quote(String text) {
        int keep = QUOTE_LIMIT - 5;
        String shown = text.length() <= QUOTE_LIMIT - 2 ? text : text.substring(0, keep);
        StringBuilder sb = new StringBuilder(shown.length() + 32).append('\'');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (shown.length() < text.length()) {
            sb.append("...' (").append(text.length()).append(" characters)");
        } else {
            sb.append('\'');
        }
        return sb.toString();
    }
}
