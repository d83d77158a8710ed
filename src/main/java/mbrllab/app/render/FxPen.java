package mbrllab.app.render;

import java.awt.Color;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** A {@link Pen} on a JavaFX canvas. FX thread only. */
public final class FxPen implements Pen {

    private final GraphicsContext gc;

    public FxPen(GraphicsContext gc) {
        this.gc = gc;
        gc.setLineCap(StrokeLineCap.ROUND);
    }

    static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    @Override
    public void fill(Color color) {
        gc.setFill(fx(color));
    }

    @Override
    public void stroke(Color color, double width, double[] dashes) {
        gc.setStroke(fx(color));
        gc.setLineWidth(width);
        gc.setLineDashes(dashes == null || dashes.length == 0 ? null : dashes);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        gc.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        gc.strokeRect(x, y, w, h);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys) {
        gc.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys) {
        gc.strokePolygon(xs, ys, xs.length);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        gc.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        gc.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        gc.strokeOval(x, y, w, h);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, Align align) {
        gc.setFont(Font.font("System", bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        gc.fillText(text, x, y);
    }
}
