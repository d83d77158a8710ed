package mbrllab.app.maze;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The colour legend shared by the maze panes: the diverging scale from -m to +m with numbers. */
public final class QLegend extends Canvas {

    private double limit = 1;
    private double fontScale = 1;
    private boolean highContrast;

    /** White text for the high-contrast theme's black background. */
    public void setHighContrast(boolean on) {
        highContrast = on;
        draw();
    }

    public QLegend() {
        super(320, 44);
    }

    /** Shows the scale [-limit, +limit]. */
    public void setLimit(double newLimit) {
        if (newLimit != limit) {
            limit = newLimit;
            draw();
        }
    }

    public double limit() {
        return limit;
    }

    public void setFontScale(double scale) {
        fontScale = scale;
        setWidth(320 * scale);
        setHeight(44 * scale);
        draw();
    }

    void draw() {
        GraphicsContext gc = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        gc.clearRect(0, 0, w, h);
        double barLeft = 70 * fontScale;
        double barRight = w - 40 * fontScale;
        double barTop = 4;
        double barHeight = h * 0.38;
        for (double px = barLeft; px < barRight; px++) {
            double v = ((px - barLeft) / (barRight - barLeft) * 2 - 1) * limit;
            java.awt.Color c = DivergingScale.color(v, limit);
            gc.setFill(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            gc.fillRect(px, barTop, 1.5, barHeight);
        }
        gc.setStroke(Color.GRAY);
        gc.strokeRect(barLeft, barTop, barRight - barLeft, barHeight);
        gc.setFill(highContrast ? Color.WHITE : Color.BLACK);
        gc.setStroke(highContrast ? Color.WHITE : Color.GRAY);
        gc.setFont(Font.font("System", 12 * fontScale));
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText("Q(x,u)", barLeft - 8, barTop + barHeight / 2);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.CENTER);
        double labelTop = barTop + barHeight + 3;
        for (int k = 0; k <= 4; k++) {
            double v = (k / 2.0 - 1) * limit;
            double px = barLeft + k / 4.0 * (barRight - barLeft);
            gc.strokeLine(px, barTop + barHeight, px, barTop + barHeight + 2);
            gc.fillText(format(v), px, labelTop);
        }
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 0.1 ? String.format(Locale.ROOT, "%.2f", v)
                : a >= 0.001 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.0e", v);
    }
}
