package mbrllab.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Pieces of text fill lines up to a width and wrap there. */
class PenTextTest {

    private static List<String> wrap(List<String> parts, double width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            return PenText.wrap(new AwtPen(g), parts, " · ", 18, Pen.Face.REGULAR, width);
        } finally {
            g.dispose();
        }
    }

    private static double width(String text) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            return new AwtPen(g).textWidth(text, 18, Pen.Face.REGULAR);
        } finally {
            g.dispose();
        }
    }

    @Test
    void partsShareALineWhileTheyFit() {
        List<String> parts = List.of("cost so far 12.86", "step 0.00 (pred. 0.00 ± 0.01)");
        String one = "cost so far 12.86 · step 0.00 (pred. 0.00 ± 0.01)";
        assertEquals(List.of(one), wrap(parts, width(one)));
        assertEquals(parts, wrap(parts, width(one) - 1), "one pixel less: two lines");
    }

    @Test
    void aPartWiderThanTheLineIsSplitAtItsSpaces() {
        assertEquals(List.of("a", "a long", "part · b"),
                wrap(List.of("a", "a long part", "b"), width("part · b")));
        assertEquals(List.of("a", "a long", "part\u00a0b"), wrap(List.of("a", "a long part\u00a0b"), width("a long")),
                "a no-break space keeps its words on one line");
    }

    @Test
    void aWordWiderThanTheLineHasALineOfItsOwn() {
        assertEquals(List.of("a", "unbreakable", "b"), wrap(List.of("a", "unbreakable", "b"), width("a · b")));
    }

    @Test
    void noPartsMakeOneEmptyLine() {
        assertEquals(List.of(""), wrap(List.of(), 100));
    }

    private static String sentences(String text, double width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            return PenText.sentencesThatFit(new AwtPen(g), text, 18, Pen.Face.REGULAR, width);
        } finally {
            g.dispose();
        }
    }

    @Test
    void aLongLineKeepsTheWholeSentencesThatFit() {
        String text = "episode 1 ended: return 0.01 in 40 steps. Next: fit the model to all 40 transitions "
                + "(takes seconds)";
        assertEquals(text, sentences(text, width(text)));
        String first = "episode 1 ended: return 0.01 in 40 steps. …";
        assertEquals(first, sentences(text, width(first)));
        assertEquals(first, sentences(text, 10), "the first sentence even when it does not fit");
        assertEquals("no sentence end here", sentences("no sentence end here", 10));
    }

    @Test
    void theLongestFormThatFitsIsChosen() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        AwtPen pen = new AwtPen(g);
        String[] forms = {"episode 56 · step 231", "ep. 56 · step 231", "ep. 56"};
        assertEquals(forms[0], PenText.longestThatFits(pen, forms, 18, Pen.Face.REGULAR, width(forms[0])));
        assertEquals(forms[1], PenText.longestThatFits(pen, forms, 18, Pen.Face.REGULAR, width(forms[0]) - 1));
        assertEquals(forms[2], PenText.longestThatFits(pen, forms, 18, Pen.Face.REGULAR, 1), "the last: none fits");
        g.dispose();
    }
}
