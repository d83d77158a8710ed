package mbrllab.app.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** An AWT pen that keeps what text it was asked to draw (at what size, in what width and where), its rings and lines. */
public final class TextPen implements Pen {
    public record Drawn(String text, double size, Face face, double maxWidth, double x, double y, Align align,
                        VAlign valign) {
    }

    private final AwtPen awt;
    public final List<Drawn> texts = new ArrayList<>();
    /** The centres of the ovals stroked. */
    public final List<double[]> rings = new ArrayList<>();
    /** A line stroked, with the colour and width it was stroked in. */
    public record Line(double x1, double y1, double x2, double y2, Color color, double width) {
    }

    /** The lines stroked. */
    public final List<Line> lines = new ArrayList<>();
    private Color strokeColor;
    private double strokeWidth;

    public TextPen(Graphics2D g) {
        awt = new AwtPen(g);
    }

    @Override public void fill(Color color) { awt.fill(color); }
    @Override public void stroke(Color color, double width, double[] dashes, Cap cap) {
        strokeColor = color;
        strokeWidth = width;
        awt.stroke(color, width, dashes, cap);
    }
    @Override public void fillRect(double x, double y, double w, double h) { awt.fillRect(x, y, w, h); }
    @Override public void strokeRect(double x, double y, double w, double h) { awt.strokeRect(x, y, w, h); }
    @Override public void fillRoundRect(double x, double y, double w, double h, double arc) {
        awt.fillRoundRect(x, y, w, h, arc);
    }
    @Override public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        awt.strokeRoundRect(x, y, w, h, arc);
    }
    @Override public void fillPolygon(double[] xs, double[] ys) { awt.fillPolygon(xs, ys); }
    @Override public void strokePolygon(double[] xs, double[] ys) { awt.strokePolygon(xs, ys); }
    @Override public void strokeLine(double x1, double y1, double x2, double y2) {
        lines.add(new Line(x1, y1, x2, y2, strokeColor, strokeWidth));
        awt.strokeLine(x1, y1, x2, y2);
    }
    @Override public void fillOval(double x, double y, double w, double h) { awt.fillOval(x, y, w, h); }
    @Override public void strokeOval(double x, double y, double w, double h) {
        rings.add(new double[] {x + w / 2, y + h / 2});
        awt.strokeOval(x, y, w, h);
    }
    @Override public void text(String text, double x, double y, double size, Face face, Align align,
                               VAlign valign, double maxWidth) {
        texts.add(new Drawn(text, size, face, maxWidth, x, y, align, valign));
        awt.text(text, x, y, size, face, align, valign, maxWidth);
    }
    @Override public double textWidth(String text, double size, Face face) {
        return awt.textWidth(text, size, face);
    }
}
