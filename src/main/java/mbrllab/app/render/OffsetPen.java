package mbrllab.app.render;

import java.awt.Color;

/**
 * Draws through another pen shifted by (dx, dy): a renderer that draws at the origin can be placed below a
 * figure's title band.
 */
public record OffsetPen(Pen pen, double dx, double dy) implements Pen {

    @Override
    public void fill(Color color) {
        pen.fill(color);
    }

    @Override
    public void stroke(Color color, double width, double[] dashes, Cap cap) {
        pen.stroke(color, width, dashes, cap);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        pen.fillRect(x + dx, y + dy, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        pen.strokeRect(x + dx, y + dy, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        pen.fillRoundRect(x + dx, y + dy, w, h, arc);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        pen.strokeRoundRect(x + dx, y + dy, w, h, arc);
    }

    private static double[] shift(double[] v, double d) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] + d;
        }
        return out;
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys) {
        pen.fillPolygon(shift(xs, dx), shift(ys, dy));
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys) {
        pen.strokePolygon(shift(xs, dx), shift(ys, dy));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        pen.strokeLine(x1 + dx, y1 + dy, x2 + dx, y2 + dy);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        pen.fillOval(x + dx, y + dy, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        pen.strokeOval(x + dx, y + dy, w, h);
    }

    @Override
    public void text(String text, double x, double y, double size, Face face, Align align, VAlign valign,
                     double maxWidth) {
        pen.text(text, x + dx, y + dy, size, face, align, valign, maxWidth);
    }

    @Override
    public double textWidth(String text, double size, Face face) {
        return pen.textWidth(text, size, face);
    }
}
