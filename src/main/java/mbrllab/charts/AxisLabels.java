package mbrllab.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.jfree.chart.axis.Axis;

/**
 * Axis labels that fit their axis. JFreeChart centres a label on its axis and cuts off whatever is longer than the
 * axis (a vertical label on a short plot with large text loses both ends), so a chart offers several labels, longest
 * first, and shows the longest one that fits the room the axis has.
 */
public final class AxisLabels {

    private AxisLabels() {
    }

    /**
     * One graphics context per thread to measure with: labels are fitted after every drawing of a chart (60 times a
     * second while a replay plays), and an image and a context per measure were made and dropped each time.
     */
    private static final ThreadLocal<Graphics2D> MEASURE = ThreadLocal.withInitial(
            () -> new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics());

    /** The width of {@code text} in {@code font}, in the units fonts are measured in (Java2D pixels). */
    public static double width(String text, Font font) {
        Graphics2D g = MEASURE.get();
        return g.getFontMetrics(font).getStringBounds(text, g).getWidth();
    }

    /**
     * The first of {@code candidates} (longest first) whose width in {@code font} is at most {@code room}; the last
     * one when none fits.
     */
    public static String longestThatFits(Font font, double room, String... candidates) {
        if (candidates.length == 0) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        for (String c : candidates) {
            if (width(c, font) <= room) {
                return c;
            }
        }
        return candidates[candidates.length - 1];
    }

    /**
     * Gives {@code axis} the longest of {@code candidates} that fits {@code room} in the axis's label font; changes
     * the axis (and so redraws the chart) only when the label is another one.
     *
     * @param room the length of the axis in Java2D pixels (for a vertical axis the plot's height)
     */
    public static void fit(Axis axis, double room, String... candidates) {
        String label = longestThatFits(axis.getLabelFont(), room, candidates);
        if (!label.equals(axis.getLabel())) {
            axis.setLabel(label);
        }
    }
}
