package mbrllab.app.render;

import java.awt.Color;

/**
 * The few drawing operations the maze views need, so that one renderer draws on the screen (a JavaFX
 * Canvas, {@link FxPen}) and into exported files (Java2D: PNG through a BufferedImage, SVG through JFreeSVG,
 * {@link AwtPen}) and both show the same picture.
 */
public interface Pen {

    /** Horizontal text anchor. */
    enum Align { LEFT, CENTER, RIGHT }

    void fill(Color color);

    /** Sets the stroke colour, width and dash pattern (null or empty for solid). */
    void stroke(Color color, double width, double[] dashes);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

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
    void text(String text, double x, double y, double size, boolean bold, Align align);
}
