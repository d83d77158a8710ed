package mbrllab.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * A chart that draws its text in its own fonts on a JavaFX canvas, every time.
 *
 * <p>JFreeChart's {@code ChartCanvas} draws each frame between {@code GraphicsContext.save()} and {@code restore()}
 * with one FXGraphics2D that it keeps. The restore puts the canvas back to its older font, while the FXGraphics2D
 * remembers the last font of the frame and skips a {@code setFont} of that same font. When the next frame's first
 * text has the font the last one had (a chart whose axis labels are all left out: tick labels last and first), that
 * text, and whatever a clip restores to it, is drawn in the canvas's default 12 px font: the planning lab's plans
 * subplot and episode axis at text 1.5 drew their ticks at 12 px instead of 18. This chart sets a font that nothing
 * draws with before each frame, so that the first real {@code setFont} always reaches the canvas.
 */
public class SyncedFontChart extends JFreeChart {

    private static final long serialVersionUID = 1L;

    /** The font set before each frame; no text is drawn in it. */
    static final Font RESYNC = new Font(Font.MONOSPACED, Font.PLAIN, 1);

    /** As {@link JFreeChart#JFreeChart(String, Font, Plot, boolean)}. */
    public SyncedFontChart(String title, Font titleFont, Plot plot, boolean createLegend) {
        super(title, titleFont, plot, createLegend);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D chartArea, Point2D anchor, ChartRenderingInfo info) {
        g2.setFont(RESYNC);
        super.draw(g2, chartArea, anchor, info);
    }
}
