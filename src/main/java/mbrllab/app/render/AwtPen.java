package mbrllab.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A {@link Pen} on Java2D: a BufferedImage for PNG files, JFreeSVG's SVGGraphics2D for SVG files. */
public final class AwtPen implements Pen {

    private final Graphics2D g;
    private Color fill = Color.BLACK;
    private Color strokeColor = Color.BLACK;

    public AwtPen(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    @Override
    public void fill(Color color) {
        fill = color;
    }

    @Override
    public void stroke(Color color, double width, double[] dashes) {
        strokeColor = color;
        float[] dash = null;
        if (dashes != null && dashes.length > 0) {
            dash = new float[dashes.length];
            for (int i = 0; i < dashes.length; i++) {
                dash[i] = (float) dashes[i];
            }
        }
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.setColor(strokeColor);
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    private static Path2D polygon(double[] xs, double[] ys) {
        Path2D path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys) {
        g.setColor(fill);
        g.fill(polygon(xs, ys));
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys) {
        g.setColor(strokeColor);
        g.draw(polygon(xs, ys));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.setColor(strokeColor);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.setColor(strokeColor);
        g.draw(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align) {
        g.setColor(fill);
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
        FontMetrics fm = g.getFontMetrics();
        String[] lines = text.split("\n");
        double lineHeight = fm.getHeight();
        double top = y - lineHeight * lines.length / 2.0;
        for (int i = 0; i < lines.length; i++) {
            double w = fm.stringWidth(lines[i]);
            double left = switch (align) {
                case LEFT -> x;
                case CENTER -> x - w / 2;
                case RIGHT -> x - w;
            };
            g.drawString(lines[i], (float) left, (float) (top + i * lineHeight + fm.getAscent()));
        }
    }
}
