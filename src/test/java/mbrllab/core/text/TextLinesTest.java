package mbrllab.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextLinesTest {

    private static TextLines decode(String text) throws InputFormatException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return TextLines.decode("t.txt", bytes, bytes.length);
    }

    @Test
    void everyLineEndingEndsALineAndAFinalOneStartsNoEmptyLine() throws InputFormatException {
        List<String> expected = List.of("a", "b", "", "c", "d");
        assertEquals(expected, decode("a\nb\n\nc\nd\n").lines());
        assertEquals(expected, decode("a\r\nb\r\n\r\nc\r\nd\r\n").lines());
        assertEquals(expected, decode("a\rb\r\rc\rd\r").lines());
        assertEquals(expected, decode("a\rb\n\r\nc\r\nd").lines(), "mixed, no final line break");
        assertEquals(expected, TextLines.of("t", "a\rb\n\r\nc\r\nd").lines());
        assertEquals(List.of(), decode("").lines());
        assertEquals(List.of(""), decode("\n").lines());
        assertEquals("a\nb\n", decode("a\r\nb").text());
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() throws InputFormatException {
        assertEquals(List.of("// c", "x"), decode("\uFEFF// c\r\nx").lines());
        assertEquals(List.of("// c", "x"), TextLines.of("t", "\uFEFF// c\nx").lines());
        assertEquals(List.of("x\uFEFF"), decode("x\uFEFF").lines(), "only at the start");
    }

    @Test
    void invalidUtf8IsRefusedWithItsLineAndColumn() {
        byte[] bytes = {'o', 'k', '\n', '/', '/', ' ', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xFF, 'x', '\n'};
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> TextLines.decode("notes.maze", bytes, bytes.length));
        assertEquals("notes.maze:2:6: not UTF-8 text (byte 0xFF); save the file as UTF-8", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(6, e.column(), "the e-acute before it is one character");

        byte[] truncated = {'a', (byte) 0xE2, (byte) 0x82};
        e = assertThrows(InputFormatException.class, () -> TextLines.decode("t", truncated, truncated.length));
        assertEquals("t:1:2: not UTF-8 text (byte 0xE2); save the file as UTF-8", e.getMessage());
    }

    @Test
    void aNulCharacterMeansNotText() {
        byte[] bytes = {'a', '\n', 'b', 0, 'c'};
        InputFormatException e = assertThrows(InputFormatException.class, () -> TextLines.decode("t", bytes, 5));
        assertEquals("t:2:2: a NUL character: this is not a text file", e.getMessage());
    }

    @Test
    void onlyTheGivenLengthIsDecoded() throws InputFormatException {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xFF};
        assertEquals(List.of("a", "b"), TextLines.decode("t", bytes, 3).lines());
    }

    @Test
    void quotesAreShortWhateverTheText() {
        assertEquals("'abc'", TextLines.quote("abc"));
        assertEquals("'a?b'", TextLines.quote("a\tb"));
        String exact = "x".repeat(TextLines.QUOTE_LIMIT - 2);
        assertEquals("'" + exact + "'", TextLines.quote(exact));
        String quoted = TextLines.quote("y".repeat(1_000_000));
        assertTrue(quoted.length() <= TextLines.QUOTE_LIMIT + 30, quoted);
        assertTrue(quoted.startsWith("'yyyy") && quoted.endsWith("...' (1000000 characters)"), quoted);
    }
}
