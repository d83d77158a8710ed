package mbrllab.app.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

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
    public void stroke(Color color, double width, double[] dashes, Cap cap) {
        strokeColor = color;
        float[] dash = null;
        if (dashes != null && dashes.length > 0) {
            dash = new float[dashes.length];
            for (int i = 0; i < dashes.length; i++) {
                dash[i] = (float) dashes[i];
            }
        }
        g.setStroke(new BasicStroke((float) width, cap == Cap.ROUND ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, 10f, dash, 0f));
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

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        g.setColor(fill);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        g.setColor(strokeColor);
        g.draw(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
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

    private static Font font(double size, Face face) {
        Font base = switch (face) {
            case REGULAR -> new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            case BOLD -> new Font(Font.SANS_SERIF, Font.BOLD, 12);
            case MONO -> Fonts.awtMono();
        };
        return base.deriveFont((float) size);
    }

    /** Lines split at line breaks; a line wider than {@code maxWidth} (when positive) is squeezed to it. */
    @Override
    public void text(String text, double x, double y, double size, Face face, Align align, VAlign valign,
                     double maxWidth) {
        g.setColor(fill);
        g.setFont(font(size, face));
        FontMetrics fm = g.getFontMetrics();
        String[] lines = text.split("\n");
        double lineHeight = fm.getHeight();
        double top = switch (valign) {
            case TOP -> y;
            case CENTER -> y - lineHeight * lines.length / 2.0;
            case BOTTOM -> y - lineHeight * lines.length;
        };
        for (int i = 0; i < lines.length; i++) {
            double w = fm.getStringBounds(lines[i], g).getWidth();
            double squeeze = maxWidth > 0 && w > maxWidth ? maxWidth / w : 1;
            double shown = w * squeeze;
            double left = switch (align) {
                case LEFT -> x;
                case CENTER -> x - shown / 2;
                case RIGHT -> x - shown;
            };
            double baseline = top + i * lineHeight + fm.getAscent();
            if (squeeze < 1) {
                AffineTransform saved = g.getTransform();
                g.translate(left, baseline);
                g.scale(squeeze, 1);
                g.drawString(lines[i], 0f, 0f);
                g.setTransform(saved);
            } else {
                g.drawString(lines[i], (float) left, (float) baseline);
            }
        }
    }

    @Override
    public double textWidth(String text, double size, Face face) {
        return font(size, face).getStringBounds(text, g.getFontRenderContext()).getWidth();
    }
}
