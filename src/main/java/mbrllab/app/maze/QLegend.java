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
    private boolean compact;

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
        resizeForScale();
    }

    /**
     * The compact form: the title above the bar and three numbers (-m, 0, +m) under it, 200 px wide at text 1.0
     * instead of 320, so that it fits a free cell beside a maze pane (presenter mode's grid of panes).
     */
    public void setCompact(boolean on) {
        compact = on;
        resizeForScale();
    }

    public boolean isCompact() {
        return compact;
    }

    /** The width of the normal or the compact form at the current text size. */
    public double widthOf(boolean compactForm) {
        return (compactForm ? 200 : 320) * fontScale;
    }

    private void resizeForScale() {
        setWidth(widthOf(compact));
        setHeight((compact ? 62 : 44) * fontScale);
        draw();
    }

    void draw() {
        GraphicsContext gc = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        gc.clearRect(0, 0, w, h);
        double barLeft = (compact ? 24 : 70) * fontScale;
        double barRight = w - (compact ? 24 : 40) * fontScale;
        double barTop = compact ? 20 * fontScale : 4;
        double barHeight = 44 * fontScale * 0.38;
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
        if (compact) {
            gc.setTextBaseline(VPos.TOP);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText("Q(x,u)", w / 2, 2);
        } else {
            gc.setTextBaseline(VPos.CENTER);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText("Q(x,u)", barLeft - 8, barTop + barHeight / 2);
        }
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.CENTER);
        double labelTop = barTop + barHeight + 3;
        int ticks = compact ? 2 : 4;
        for (int k = 0; k <= ticks; k++) {
            double v = (2.0 * k / ticks - 1) * limit;
            double px = barLeft + (double) k / ticks * (barRight - barLeft);
            gc.strokeLine(px, barTop + barHeight, px, barTop + barHeight + 2);
            gc.fillText(format(v), px, labelTop);
        }
    }

    /**
     * A tick's number as a student reads it aloud: "0.50", "0.025", "0.0005" (the legend of a maze whose Q values are
     * all 0 said "-5e-04"), and only below 0.0001 in powers of ten ("5e-05").
     */
    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 0.1 ? String.format(Locale.ROOT, "%.2f", v)
                : a >= 0.001 ? String.format(Locale.ROOT, "%.3f", v)
                : a >= 0.0001 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.0e", v);
    }
}
