package mbrllab.app.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.app.render.AwtPen;
import mbrllab.app.render.Pen;

/** The planning picture's line of CEM's sigma per round keeps its text size on a narrow picture. */
class PlanningPictureTest {

    private static final List<String> SIX = List.of("5.0", "4.2", "3.6", "3.4", "3.1", "2.9");

    private static String line(List<String> sigmas, double width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            return PlanningPicture.sigmaLine(new AwtPen(g), sigmas, 18, width);
        } finally {
            g.dispose();
        }
    }

    @Test
    void aWidePictureShowsSigmaAfterEveryRound() {
        assertEquals("\u03c3 [N]: 5.0 \u2192 4.2 \u2192 3.6 \u2192 3.4 \u2192 3.1 \u2192 2.9", line(SIX, 1000));
    }

    @Test
    void aNarrowPictureShowsTheFirstAndTheLastAtTheirSize() {
        String narrow = line(SIX, 200);
        assertEquals("\u03c3 [N]: 5.0 \u2192 \u2026 \u2192 2.9", narrow);
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        double width = new AwtPen(g).textWidth(narrow, 18, Pen.Face.REGULAR);
        g.dispose();
        assertTrue(width <= 200, "the shortened line fits: " + width + " px");
    }

    @Test
    void fewRoundsAndNoRoundsAreShownWhole() {
        assertEquals("\u03c3 [N]: 5.0 \u2192 4.2 \u2192 3.6", line(List.of("5.0", "4.2", "3.6"), 50));
        assertEquals("\u03c3 [N]:", line(List.of(), 50));
    }
}
