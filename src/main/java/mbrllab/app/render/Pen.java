package mbrllab.app.render;

import java.awt.Color;

/**
 * The few drawing operations the maze and cart-pole views need, so that one renderer draws on the screen (a JavaFX
 * Canvas, {@link FxPen}) and into exported files (Java2D: PNG through a BufferedImage, SVG through JFreeSVG,
 * {@link AwtPen}) and both show the same picture.
 */
public interface Pen {

    /** Horizontal text anchor. */
    enum Align { LEFT, CENTER, RIGHT }

    /** Vertical text anchor: {@code y} is the top, the middle or the bottom of the text. */
    enum VAlign { TOP, CENTER, BOTTOM }

    /** Typeface: the system's sans-serif, its bold, or a monospaced face (read-outs that line up). */
    enum Face { REGULAR, BOLD, MONO }

    /** The ends of stroked lines: round (half the width beyond each end) or cut square at the end. */
    enum Cap { ROUND, BUTT }

    void fill(Color color);

    /** Sets the stroke colour, width and dash pattern (null or empty for solid), with round line ends. */
    default void stroke(Color color, double width, double[] dashes) {
        stroke(color, width, dashes, Cap.ROUND);
    }

    /** Sets the stroke colour, width, dash pattern (null or empty for solid) and line ends. */
    void stroke(Color color, double width, double[] dashes, Cap cap);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** A rectangle with rounded corners; {@code arc} is the diameter of the corners' arcs. */
    void fillRoundRect(double x, double y, double w, double h, double arc);

    /** The outline of {@link #fillRoundRect}. */
    void strokeRoundRect(double x, double y, double w, double h, double arc);

    void fillPolygon(double[] xs, double[] ys);

    void strokePolygon(double[] xs, double[] ys);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    /**
     * Draws text in the fill colour, vertically centred on {@code y}.
     *
     * @param size font size in pixels
     */
    default void text(String text, double x, double y, double size, boolean bold, Align align) {
        text(text, x, y, size, bold ? Face.BOLD : Face.REGULAR, align, VAlign.CENTER, 0);
    }

    /**
     * Draws text in the fill colour.
     *
     * @param size     font size in pixels
     * @param maxWidth when positive, text wider than this is squeezed to this width
     */
    void text(String text, double x, double y, double size, Face face, Align align, VAlign valign, double maxWidth);

    /** The width the text takes when drawn with {@link #text} (one line, not squeezed). */
    double textWidth(String text, double size, Face face);
}
