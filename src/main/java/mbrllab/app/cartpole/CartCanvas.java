package mbrllab.app.cartpole;

import java.util.Locale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import mbrllab.core.cartpole.CartPoleState;

/**
 * Draws one cart-pole: the track with its ticks (and, for balance, its limits at +-2.4 m), the cart on its wheels
 * (the wheels turn as the cart rolls), the pole, the force arrow, the failure angle (balance: +-12 degrees) as faint
 * lines, and for swing-up the target (the tip upright above x = 0). Text: the episode, step and return on top, the
 * state read-outs (x, x', theta in degrees, theta' in degrees per second, F) at the bottom. Resizes with its
 * parent; draws only on the FX thread, only when told to ({@link #show}).
 */
public final class CartCanvas extends Canvas {

    /** Half the width of track shown at least [m]: the limits at 2.4 m and a margin. */
    static final double HALF_VIEW = 2.75;

    /**
     * What to draw.
     *
     * @param system  the system (conventions and sizes)
     * @param pose    {x, x', theta, theta'} to draw (an in-between pose while animating)
     * @param state   the physical state the read-outs show (a real state of the run or the recording)
     * @param force   the force of the step that led to {@code state} [N]
     * @param header  the top line, e.g. "episode 3 · step 42 · return 42"
     * @param ending  how the episode ended, or null
     * @param replay  true while a recorded episode is shown
     * @param hint    a line of help at the bottom of the picture, or null
     * @param keys    the keyboard's push (-1, 0, +1) to show as key caps, or {@link Integer#MIN_VALUE} for none
     */
    public record Picture(CartSystem system, double[] pose, double[] state, double force, String header,
                          CartSystem.Ending ending, boolean replay, String hint, int keys) {
    }

    private record Theme(Color background, Color rail, Color tick, Color text, Color faint, Color limit, Color pole,
                         Color poleEdge, Color hinge, Color wheel, Color arrow, Color warning, Color target,
                         Color replay) {
    }

    private static final Theme NORMAL = new Theme(Color.web("#fafafa"), Color.web("#555555"), Color.web("#8a8a8a"),
            Color.web("#222222"), Color.web("#9a9a9a"), Color.web("#333333"), Color.web("#E69F00"),
            Color.web("#7a5200"), Color.web("#222222"), Color.web("#333333"), Color.web("#CC79A7"),
            Color.web("#B34A00"), Color.web("#009E73"), Color.web("#0072B2"));
    private static final Theme HIGH_CONTRAST = new Theme(Color.BLACK, Color.WHITE, Color.web("#cccccc"), Color.WHITE,
            Color.web("#b0b0b0"), Color.WHITE, Color.web("#FFD000"), Color.WHITE, Color.WHITE, Color.web("#dddddd"),
            Color.web("#FF8AD0"), Color.web("#FF9966"), Color.web("#33DDAA"), Color.web("#FFFF00"));

    private Picture picture;
    private double baseFont = 12;
    private double fontScale = 1;
    private boolean highContrast;
    private boolean compact;
    private Color accent = Color.web("#0072B2");
    private final double prefW;
    private final double prefH;
    private Font font;
    private Font bold;
    private Font mono;
    private double monoWidth;
    private double limitLabelWidth;
    private long draws;

    /**
     * @param prefWidth  preferred width in pixels
     * @param prefHeight preferred height in pixels
     */
    public CartCanvas(double prefWidth, double prefHeight) {
        this.prefW = prefWidth;
        this.prefH = prefHeight;
        updateFonts();
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        focusedProperty().addListener((o, a, b) -> draw());
    }

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return prefW;
    }

    @Override
    public double prefHeight(double width) {
        return prefH;
    }

    @Override
    public double minWidth(double height) {
        return 120;
    }

    @Override
    public double minHeight(double width) {
        return 90;
    }

    @Override
    public double maxWidth(double height) {
        return Double.MAX_VALUE;
    }

    @Override
    public double maxHeight(double width) {
        return Double.MAX_VALUE;
    }

    @Override
    public void resize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }

    /** Draws a picture now. */
    public void show(Picture newPicture) {
        this.picture = newPicture;
        draw();
    }

    /** The picture on show (tests read its state). */
    public Picture picture() {
        return picture;
    }

    /** Times drawn (tests). */
    long draws() {
        return draws;
    }

    /** Text size in pixels at font scale 1. */
    public void setBaseFont(double pixels) {
        this.baseFont = pixels;
        updateFonts();
        draw();
    }

    public void setFontScale(double scale) {
        this.fontScale = scale;
        updateFonts();
        draw();
    }

    public void setHighContrast(boolean on) {
        this.highContrast = on;
        draw();
    }

    /** Compact read-outs for small panes: the force is left to its arrow when the lines run short of room. */
    public void setCompact(boolean on) {
        this.compact = on;
        draw();
    }

    /** The cart's colour (the pane's colour in the charts). */
    public void setAccent(Color colour) {
        this.accent = colour;
        draw();
    }

    private void updateFonts() {
        double size = baseFont * fontScale;
        font = Font.font("System", size);
        bold = Font.font("System", FontWeight.BOLD, size);
        mono = Font.font("Monospaced", size);
        Text probe = new Text("0000000000");
        probe.setFont(mono);
        monoWidth = probe.getLayoutBounds().getWidth() / 10;
        Text limit = new Text("+2.4 m");
        limit.setFont(font);
        limitLabelWidth = limit.getLayoutBounds().getWidth();
    }

    /**
     * The read-outs in as few lines as fit {@code columns} characters: one line, or x and x' | theta and theta' | F.
     */
    static String[] readout(double[] s, double force, double columns) {
        String x = String.format(Locale.ROOT, "x %+6.3f m  x' %+6.3f m/s", s[CartPoleState.X], s[CartPoleState.X_DOT]);
        String theta = String.format(Locale.ROOT, "θ %+7.2f°  θ' %+7.1f°/s", Math.toDegrees(s[CartPoleState.THETA]),
                Math.toDegrees(s[CartPoleState.THETA_DOT]));
        String f = String.format(Locale.ROOT, "F %+3.0f N", force);
        String one = x + "  " + f + "   " + theta;
        if (one.length() <= columns) {
            return new String[] {one};
        }
        if (x.length() + 2 + f.length() <= columns) {
            return new String[] {x + "  " + f, theta};
        }
        return new String[] {x, theta, f};
    }

    void draw() {
        draws++;
        GraphicsContext gc = getGraphicsContext2D();
        Theme t = highContrast ? HIGH_CONTRAST : NORMAL;
        double w = getWidth();
        double h = getHeight();
        gc.setFill(t.background());
        gc.fillRect(0, 0, w, h);
        if (isFocused()) {
            gc.setStroke(highContrast ? Color.YELLOW : accent);
            gc.setLineWidth(3);
            gc.strokeRect(1.5, 1.5, w - 3, h - 3);
        }
        Picture p = picture;
        if (p == null || w < 60 || h < 60) {
            return;
        }
        double fs = baseFont * fontScale;
        double line = Math.ceil(fs * 1.3);
        double pad = Math.max(4, fs * 0.4);
        String[] lines = readout(p.state(), p.force(), (w - 2 * pad) / monoWidth);
        if (compact && lines.length == 3) {
            lines = new String[] {lines[0], lines[1]};
        }
        double caps = p.keys() != Integer.MIN_VALUE ? fs * 1.7 : 0;
        double sceneTop = pad + Math.max(line, caps) + 4;
        double sceneBottom = h - pad - lines.length * line - 4;

        CartSystem sys = p.system();
        boolean balance = sys == CartSystem.BALANCE;
        double wheelR = balance ? 0.05 : 0.04;
        double cartW = balance ? 0.44 : 0.34;
        double cartH = balance ? 0.22 : 0.16;
        double bodyBottom = wheelR * 1.3;
        double hingeY = balance ? bodyBottom + cartH * 0.8 : bodyBottom + cartH / 2;
        double length = sys.poleLength();
        double yHi = hingeY + length + (balance ? 0.04 : 0.08);
        double yLo = balance ? 0 : Math.min(0, hingeY - length - 0.03);
        // Tick labels under the rail only when there is room for them.
        double labelBand = fs + 6;
        double scale = Math.min((w - 2 * pad) / (2 * HALF_VIEW), (sceneBottom - labelBand - sceneTop) / (yHi - yLo));
        boolean labels = scale >= 3.2 * fs;
        if (!labels) {
            labelBand = 4;
            scale = Math.min((w - 2 * pad) / (2 * HALF_VIEW), (sceneBottom - labelBand - sceneTop) / (yHi - yLo));
        }
        if (scale <= 2) {
            drawReadouts(gc, t, lines, h, pad, line);
            return;
        }
        double railY = sceneBottom - labelBand + yLo * scale;
        double visibleHalf = (w / 2) / scale;
        double x = p.pose()[CartPoleState.X];
        double theta = p.pose()[CartPoleState.THETA];
        // The view follows a cart that would leave it (swing-up has no track limits): the ticks scroll.
        double margin = Math.min(visibleHalf * 0.9, cartW / 2 + 0.5);
        double viewX = Math.abs(x) > visibleHalf - margin ? x - Math.signum(x) * (visibleHalf - margin) : 0;
        double cx = w / 2 - viewX * scale;

        // Track: rail, ticks every 0.5 m, labels every metre.
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setStroke(t.rail());
        gc.setLineWidth(Math.max(2, scale * 0.02));
        gc.strokeLine(0, railY, w, railY);
        gc.setStroke(t.tick());
        gc.setLineWidth(1);
        gc.setFont(font);
        gc.setFill(t.tick());
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (int k = (int) Math.ceil((viewX - visibleHalf) * 2); k <= (int) Math.floor((viewX + visibleHalf) * 2); k++) {
            double px = cx + k * 0.5 * scale;
            double len = k % 2 == 0 ? Math.max(5, fs * 0.5) : Math.max(3, fs * 0.3);
            gc.strokeLine(px, railY, px, railY + len);
            if (k % 2 == 0 && labels) {
                gc.fillText(k / 2 + (k == 0 ? " m" : ""), px, railY + len + 1);
            }
        }
        if (balance) {
            double limit = CartSystem.BALANCE_SYSTEM.xThreshold();
            gc.setStroke(t.limit());
            gc.setLineWidth(Math.max(3, scale * 0.035));
            for (int side = -1; side <= 1; side += 2) {
                double px = cx + side * limit * scale;
                gc.strokeLine(px, railY + 2, px, railY - Math.max(10, 0.3 * scale));
            }
            if (labels) {
                // Above the bumpers, kept inside the picture.
                gc.setFill(t.text());
                gc.setTextBaseline(VPos.BOTTOM);
                gc.setTextAlign(TextAlignment.CENTER);
                double top = railY - Math.max(10, 0.3 * scale) - 2;
                double half = limitLabelWidth / 2 + 2;
                gc.fillText("-2.4 m", Math.max(half, cx - limit * scale), top);
                gc.fillText("+2.4 m", Math.min(w - half, cx + limit * scale), top);
            }
        } else {
            // The target: the tip upright above x = 0.
            double tx = cx;
            double ty = railY - (hingeY + length) * scale;
            double r = Math.max(5, CartSystem.COST_WIDTH * 0.5 * scale);
            gc.setStroke(t.target());
            gc.setLineWidth(1.5);
            gc.setLineDashes(4, 4);
            gc.strokeOval(tx - r, ty - r, 2 * r, 2 * r);
            gc.strokeLine(tx, railY, tx, ty + r);
            gc.setLineDashes((double[]) null);
            if (labels) {
                gc.setFill(t.target());
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.CENTER);
                gc.fillText("target", tx + r + 4, ty);
            }
        }

        double cartX = cx + x * scale;
        double hx = cartX;
        double hy = railY - hingeY * scale;

        // Failure angle: faint lines at +-12 degrees from the hinge.
        if (balance) {
            double a = CartSystem.BALANCE_SYSTEM.thetaThresholdRadians();
            double len = length * scale * 1.02;
            gc.setStroke(t.faint());
            gc.setLineWidth(1);
            gc.setLineDashes(5, 5);
            gc.strokeLine(hx, hy, hx + Math.sin(a) * len, hy - Math.cos(a) * len);
            gc.strokeLine(hx, hy, hx - Math.sin(a) * len, hy - Math.cos(a) * len);
            gc.setLineDashes((double[]) null);
            if (labels) {
                gc.setFill(t.faint());
                gc.setTextAlign(TextAlignment.LEFT);
                gc.setTextBaseline(VPos.BOTTOM);
                gc.fillText("12°", hx + Math.sin(a) * len + 2, hy - Math.cos(a) * len + fs);
            }
        }

        // Wheels (with a spoke that turns as the cart rolls), body.
        double wr = wheelR * scale;
        gc.setLineWidth(Math.max(1, wr * 0.25));
        for (int side = -1; side <= 1; side += 2) {
            double wx = cartX + side * cartW * 0.3 * scale;
            double wy = railY - wr;
            gc.setFill(t.wheel());
            gc.fillOval(wx - wr, wy - wr, 2 * wr, 2 * wr);
            double turn = -x / wheelR;
            gc.setStroke(t.background());
            gc.strokeLine(wx, wy, wx + Math.cos(turn) * wr * 0.85, wy + Math.sin(turn) * wr * 0.85);
        }
        double bw = cartW * scale;
        double bh = cartH * scale;
        double by = railY - (bodyBottom + cartH) * scale;
        gc.setFill(accent);
        gc.fillRoundRect(cartX - bw / 2, by, bw, bh, bh * 0.3, bh * 0.3);
        gc.setStroke(highContrast ? Color.WHITE : accent.darker());
        gc.setLineWidth(1.5);
        gc.strokeRoundRect(cartX - bw / 2, by, bw, bh, bh * 0.3, bh * 0.3);

        // Force arrow: pushes on the cart's side, pointing the way of the force, length by |F|.
        double f = p.force();
        if (f != 0) {
            double dir = Math.signum(f);
            double len = Math.abs(f) / sys.maxForce() * 0.42 * scale;
            double ay = by + bh / 2;
            double tip = cartX - dir * (bw / 2 + 2);
            double tail = tip - dir * len;
            double head = Math.max(6, Math.min(len * 0.45, bh * 0.5));
            gc.setStroke(t.arrow());
            gc.setFill(t.arrow());
            gc.setLineWidth(Math.max(2.5, bh * 0.16));
            gc.strokeLine(tail, ay, tip - dir * head * 0.8, ay);
            gc.fillPolygon(new double[] {tip, tip - dir * head, tip - dir * head},
                    new double[] {ay, ay - head * 0.6, ay + head * 0.6}, 3);
            if (labels) {
                gc.setFont(font);
                gc.setTextBaseline(VPos.BOTTOM);
                gc.setTextAlign(TextAlignment.CENTER);
                gc.fillText(String.format(Locale.ROOT, "%.0f N", Math.abs(f)), (tail + tip) / 2, ay - head * 0.6 - 1);
            }
        }

        // Pole and hinge.
        double tipX = hx + sys.tipDx(theta) * length * scale;
        double tipY = hy - sys.tipDy(theta) * length * scale;
        double poleW = Math.max(4, 0.045 * scale);
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setStroke(t.poleEdge());
        gc.setLineWidth(poleW + 2);
        gc.strokeLine(hx, hy, tipX, tipY);
        gc.setStroke(t.pole());
        gc.setLineWidth(poleW);
        gc.strokeLine(hx, hy, tipX, tipY);
        double hr = Math.max(3, poleW * 0.7);
        gc.setFill(t.hinge());
        gc.fillOval(hx - hr, hy - hr, 2 * hr, 2 * hr);
        gc.setLineCap(StrokeLineCap.BUTT);

        // x = 0 out of view (the view follows the cart): an arrow at the edge pointing back to it.
        if (Math.abs(viewX) > visibleHalf) {
            double side = -Math.signum(viewX);
            double ex = side > 0 ? w - pad : pad;
            double ay = railY - fs * 1.2;
            gc.setFill(balance ? t.text() : t.target());
            gc.fillPolygon(new double[] {ex, ex - side * fs, ex - side * fs},
                    new double[] {ay, ay - fs * 0.6, ay + fs * 0.6}, 3);
            gc.setFont(bold);
            gc.setTextAlign(side > 0 ? TextAlignment.RIGHT : TextAlignment.LEFT);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(String.format(Locale.ROOT, balance ? "x = 0: %.1f m" : "target: %.1f m", Math.abs(x)),
                    ex - side * (fs * 1.3), ay);
        }

        // Text: header, ending, hint, key caps, read-outs.
        gc.setTextBaseline(VPos.TOP);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(p.replay() ? bold : font);
        gc.setFill(p.replay() ? t.replay() : t.text());
        gc.fillText(p.header(), pad, pad, w - 2 * pad);
        if (p.ending() != null) {
            gc.setFont(bold);
            gc.setFill(p.ending().failed() ? t.warning() : t.text());
            gc.setTextAlign(TextAlignment.CENTER);
            gc.fillText(p.ending().text(), w / 2, sceneTop + 2, w - 2 * pad);
        }
        // Top right: the key caps and the hint, beside the header.
        double capsWidth = 0;
        if (caps > 0) {
            capsWidth = drawKeyCaps(gc, t, p.keys(), w - pad, pad + caps, fs);
        }
        if (p.hint() != null) {
            gc.setFont(font);
            gc.setFill(t.faint());
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(p.hint(), w - pad - capsWidth - (capsWidth > 0 ? fs * 0.6 : 0), pad + Math.max(line, caps) / 2);
        }
        drawReadouts(gc, t, lines, h, pad, line);
    }

    private void drawReadouts(GraphicsContext gc, Theme t, String[] lines, double h, double pad, double line) {
        gc.setFont(mono);
        gc.setFill(t.text());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.length; i++) {
            gc.fillText(lines[i], pad, h - pad - (lines.length - i) * line);
        }
    }

    /** Two key caps, left and right, the held one filled; returns their width. */
    private double drawKeyCaps(GraphicsContext gc, Theme t, int keys, double right, double bottom, double fs) {
        double size = fs * 1.7;
        double gap = fs * 0.3;
        for (int i = 0; i < 2; i++) {
            int dir = i == 0 ? -1 : 1;
            double left = right - (2 - i) * size - (1 - i) * gap;
            double top = bottom - size;
            boolean held = keys == dir;
            gc.setFill(held ? t.arrow() : t.background());
            gc.fillRoundRect(left, top, size, size, size * 0.25, size * 0.25);
            gc.setStroke(held ? t.arrow() : t.faint());
            gc.setLineWidth(1.5);
            gc.strokeRoundRect(left, top, size, size, size * 0.25, size * 0.25);
            double mx = left + size / 2;
            double my = top + size / 2;
            double a = size * 0.22;
            gc.setFill(held ? t.background() : t.faint());
            gc.fillPolygon(new double[] {mx + dir * a, mx - dir * a, mx - dir * a},
                    new double[] {my, my - a, my + a}, 3);
        }
        return 2 * size + gap;
    }
}
