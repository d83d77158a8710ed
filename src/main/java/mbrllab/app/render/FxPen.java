package mbrllab.app.render;

import java.awt.Color;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import mbrllab.app.controls.TextMeasure;

/** A {@link Pen} on a JavaFX canvas. FX thread only. */
public final class FxPen implements Pen {

    private final GraphicsContext gc;
    /** The last font made of each face, and its size: a canvas drawing at 60 fps asks for the same few. */
    private final Font[] fonts = new Font[Face.values().length];
    private final double[] fontSizes = new double[Face.values().length];

    public FxPen(GraphicsContext gc) {
        Fonts.load();
        this.gc = gc;
        gc.setLineCap(StrokeLineCap.ROUND);
    }

    static javafx.scene.paint.Color fx(Color c) {
        return javafx.scene.paint.Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    private Font font(double size, Face face) {
        int i = face.ordinal();
        if (fonts[i] == null || fontSizes[i] != size) {
            fonts[i] = switch (face) {
                case REGULAR -> Font.font("System", FontWeight.NORMAL, size);
                case BOLD -> Font.font("System", FontWeight.BOLD, size);
                case MONO -> Font.font(Fonts.MONO, FontWeight.NORMAL, size);
            };
            fontSizes[i] = size;
        }
        return fonts[i];
    }

    @Override
    public void fill(Color color) {
        gc.setFill(fx(color));
    }

    @Override
    public void stroke(Color color, double width, double[] dashes, Cap cap) {
        gc.setStroke(fx(color));
        gc.setLineWidth(width);
        gc.setLineDashes(dashes == null || dashes.length == 0 ? null : dashes);
        gc.setLineCap(cap == Cap.ROUND ? StrokeLineCap.ROUND : StrokeLineCap.BUTT);
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
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        gc.fillRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        gc.strokeRoundRect(x, y, w, h, arc, arc);
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
    public void text(String text, double x, double y, double size, Face face, Align align, VAlign valign,
                     double maxWidth) {
        gc.setFont(font(size, face));
        gc.setTextBaseline(switch (valign) {
            case TOP -> VPos.TOP;
            case CENTER -> VPos.CENTER;
            case BOTTOM -> VPos.BOTTOM;
        });
        gc.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        if (maxWidth > 0) {
            gc.fillText(text, x, y, maxWidth);
        } else {
            gc.fillText(text, x, y);
        }
    }

    @Override
    public double textWidth(String text, double size, Face face) {
        return TextMeasure.width(text, font(size, face));
    }
}
