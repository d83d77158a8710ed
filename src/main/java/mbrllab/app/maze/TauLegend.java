package mbrllab.app.maze;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import mbrllab.app.maze.SequentialScale;

/**
 * The legend of the tau heat map: the {@link SequentialScale} from tau = 0 (tried just now) to the limit (not tried
 * for that many real steps, or never), with numbers at evenly spaced colour steps (square-root placement). Its compact
 * form is narrower and numbers every other step, so that it and the tau switch share a line in a narrow lab.
 */
public final class TauLegend extends Canvas {

    private double limit = 1;
    private double fontScale = 1;
    private boolean highContrast;
    private boolean compact;

    public TauLegend() {
        super(360, 44);
        draw();
    }

    public void setLimit(double newLimit) {
        if (newLimit != limit) {
            limit = newLimit;
            draw();
        }
    }

    double limit() {
        return limit;
    }

    public void setFontScale(double scale) {
        fontScale = scale;
        applySize();
    }

    /** The narrower form (three numbers on a shorter bar) or the normal one. */
    public void setCompact(boolean on) {
        if (on != compact) {
            compact = on;
            applySize();
        }
    }

    public boolean isCompact() {
        return compact;
    }

    /** The width of the normal or the compact form at the current text size. */
    public double widthOf(boolean compactForm) {
        return (compactForm ? 300 : 360) * Math.min(fontScale, 1.25);
    }

    private void applySize() {
        setWidth(widthOf(compact));
        setHeight(44 * fontScale);
        draw();
    }

    public void setHighContrast(boolean on) {
        highContrast = on;
        draw();
    }

    private void draw() {
        GraphicsContext gc = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        gc.clearRect(0, 0, w, h);
        double barLeft = 110 * fontScale;
        double barRight = w - 30 * fontScale;
        double barTop = 4;
        double barHeight = h * 0.38;
        for (double px = barLeft; px < barRight; px++) {
            java.awt.Color c = SequentialScale.colorAt((px - barLeft) / (barRight - barLeft));
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
        gc.fillText("tau(x,u), steps", barLeft - 8, barTop + barHeight / 2);
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.CENTER);
        for (int k = 0; k <= 4; k += compact ? 2 : 1) {
            double px = barLeft + k / 4.0 * (barRight - barLeft);
            gc.strokeLine(px, barTop + barHeight, px, barTop + barHeight + 2);
            gc.fillText(String.format(Locale.ROOT, "%,.0f", SequentialScale.valueAt(k / 4.0, limit)), px,
                    barTop + barHeight + 3);
        }
    }
}
