package mbrllab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import mbrllab.app.render.AwtPen;
import mbrllab.app.render.Fonts;
import mbrllab.app.render.Pen;

/** PNG and SVG exports write monospaced text in the bundled face, as the screen does. */
class ExportFontsTest {

    @Test
    void theMonospacedTextOfAPngIsTheBundledFace() {
        assertEquals(Fonts.MONO, Fonts.awtMono().getFamily());
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
        try {
            // measured as the bundled face measures (the machine's "Monospaced", Noto Sans Mono here, is 0.4 px
            // narrower over these 10 digits)
            double width = new AwtPen(g).textWidth("0123456789", 20, Pen.Face.MONO);
            FontRenderContext frc = g.getFontRenderContext();
            assertEquals(Fonts.awtMono().deriveFont(20f).getStringBounds("0123456789", frc).getWidth(), width, 1e-9);
        } finally {
            g.dispose();
        }
    }

    @Test
    void anSvgNamesTheBundledFaceThenTheGenericMonospace() {
        String svg = Exports.svg(200, 40, pen -> {
            pen.fill(java.awt.Color.BLACK);
            pen.text("x 0.00 m", 4, 4, 14, Pen.Face.MONO, Pen.Align.LEFT, Pen.VAlign.TOP, 0);
            pen.text("label", 4, 24, 14, Pen.Face.REGULAR, Pen.Align.LEFT, Pen.VAlign.TOP, 0);
        });
        assertTrue(svg.contains("font-family: 'DejaVu Sans Mono', monospace"), svg);
        assertTrue(svg.contains("sans-serif"), "the regular text stays in the generic sans-serif: " + svg);
    }
}
