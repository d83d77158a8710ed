package mbrllab.app.cartpole;

import java.awt.Color;
import java.util.Locale;

import mbrllab.app.render.OffsetPen;
import mbrllab.app.render.Pen;
import mbrllab.app.render.Pen.Align;
import mbrllab.app.render.Pen.Cap;
import mbrllab.app.render.Pen.Face;
import mbrllab.app.render.Pen.VAlign;
import mbrllab.core.cartpole.CartPoleState;

/**
 * Draws one cart-pole with a {@link Pen}, so the screen ({@link CartCanvas}) and the exported PNG and SVG files show
 * the same picture: the track with its ticks (and, for balance, its limits at +-2.4 m), the cart on its wheels (the
 * wheels turn as the cart rolls), the pole, the force arrow, the failure angle (balance: +-12 degrees) as faint
 * lines, and for swing-up the target (the tip upright above x = 0). Text: the episode, step and return on top, the
 * state read-outs (x, x', theta in degrees, theta' in degrees per second, F) at the bottom.
 */
public final class CartRenderer {

    /** Half the width of track shown at least [m]: the limits at 2.4 m and a margin. */
    static final double HALF_VIEW = 2.75;
    /** Least height of the title band that {@link #drawFigure} adds above the picture. */
    static final double FIGURE_BAND = 34;

    /**
     * What to draw.
     *
     * @param system  the system (conventions and sizes)
     * @param pose    {x, x', theta, theta'} to draw (an in-between pose while animating)
     * @param state   the state the read-outs show; the lab passes the pose drawn, so they describe the picture (on
     *                the swing-up's substeps a state of the physics; at a whole step the run's or the recording's own)
     * @param force   the force of the step that led to {@code state} [N]
     * @param header  the top line, e.g. "episode 3 · step 42 · return 42"
     * @param ending  how the episode ended, or null
     * @param replay  true while a recorded episode is shown
     * @param hint    a line of help at the bottom of the picture, or null
     * @param keys    the keyboard's push (-1, 0, +1) to show as key caps, or {@link Integer#MIN_VALUE} for none
     */
    public record Picture(CartSystem system, double[] pose, double[] state, double force, String header,
                          CartSystem.Ending ending, boolean replay, String hint, int keys) {

        /** The same picture without the prompts meant for the person at the keyboard (hint and key caps). */
        public Picture withoutPrompts() {
            return new Picture(system, pose, state, force, header, ending, replay, null, Integer.MIN_VALUE);
        }
    }

    /**
     * How to draw.
     *
     * @param fontSize     text size in pixels (the font scale applied)
     * @param highContrast black background, light lines
     * @param compact      compact read-outs for small panes: the force is left to its arrow when the lines run short
     * @param accent       the cart's colour (the pane's colour in the charts)
     * @param focusRing    frame the picture in the accent colour (the canvas has the keyboard focus)
     */
    public record Style(double fontSize, boolean highContrast, boolean compact, Color accent, boolean focusRing) {
    }

    /** The cart's colours in one theme (ThemeContrastTest checks the high-contrast ones against the background). */
    public record Theme(Color background, Color rail, Color tick, Color text, Color faint, Color limit, Color pole,
                        Color poleEdge, Color hinge, Color wheel, Color arrow, Color warning, Color target,
                        Color replay) {
    }

    private static final Theme NORMAL = new Theme(new Color(0xfafafa), new Color(0x555555), new Color(0x8a8a8a),
            new Color(0x222222), new Color(0x9a9a9a), new Color(0x333333), new Color(0xE69F00),
            new Color(0x7a5200), new Color(0x222222), new Color(0x333333), new Color(0xCC79A7),
            new Color(0xB34A00), new Color(0x009E73), new Color(0x0072B2));
    private static final Theme HIGH_CONTRAST = new Theme(Color.BLACK, Color.WHITE, new Color(0xcccccc), Color.WHITE,
            new Color(0xb0b0b0), Color.WHITE, new Color(0xFFD000), Color.WHITE, Color.WHITE, new Color(0xdddddd),
            new Color(0xFF8AD0), new Color(0xFF9966), new Color(0x33DDAA), new Color(0xFFFF00));

    private CartRenderer() {
    }

    /** The colours of the normal or the high-contrast theme. */
    public static Theme theme(boolean highContrast) {
        return highContrast ? HIGH_CONTRAST : NORMAL;
    }

    /**
     * The read-outs in as few lines as fit {@code columns} characters: one line, or x and x' | theta and theta' | F;
     * when even those lines are too long, with fewer decimals ("x -0.61 m  x' -0.12 m/s", "θ -4.4°  θ' -12°/s").
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
        if (Math.max(x.length(), theta.length()) <= columns) {
            return new String[] {x, theta, f};
        }
        String xShort = String.format(Locale.ROOT, "x %+5.2f m  x' %+5.2f m/s", s[CartPoleState.X],
                s[CartPoleState.X_DOT]);
        String thetaShort = String.format(Locale.ROOT, "θ %+5.1f°  θ' %+4.0f°/s",
                Math.toDegrees(s[CartPoleState.THETA]), Math.toDegrees(s[CartPoleState.THETA_DOT]));
        return new String[] {xShort, thetaShort, f};
    }

    /**
     * The read-out lines {@link #draw} writes at the bottom of a {@code w} px wide picture whose monospaced digits
     * are {@code monoWidth} px wide (the compact style leaves the force to its arrow when three lines are needed).
     */
    static String[] readoutLines(double[] s, double force, Style style, double w, double monoWidth) {
        double pad = Math.max(4, style.fontSize() * 0.4);
        String[] lines = readout(s, force, (w - 2 * pad) / monoWidth);
        if (style.compact() && lines.length == 3) {
            lines = new String[] {lines[0], lines[1]};
        }
        return lines;
    }

    /**
     * The least height at which {@link #draw} shows a cart of at least {@value #LEAST_SCENE} px between its title line
     * and {@code readoutLines} read-out lines, at text size {@code fontSize}; below it the picture is read-outs only.
     */
    static double leastHeight(double fontSize, int readoutLines) {
        double line = Math.ceil(fontSize * 1.3);
        double pad = Math.max(4, fontSize * 0.4);
        return (pad + line + 4) + (pad + readoutLines * line + 4) + LEAST_SCENE;
    }

    /** The least height of the cart's scene (rail, cart and pole) that {@link #leastHeight} asks for [px]. */
    static final double LEAST_SCENE = 50;

    /** Height of the figure {@link #drawFigure} draws around a w x h picture. */
    static double figureHeight(Style style, double h) {
        return h + figureBand(style);
    }

    private static double figureBand(Style style) {
        return Math.max(FIGURE_BAND, Math.ceil(style.fontSize() * 2.4));
    }

    /**
     * The picture as a stand-alone figure (for exports): a bold title line above it. The whole figure is w x
     * {@link #figureHeight}.
     */
    public static void drawFigure(Pen pen, Picture p, Style style, String title, double w, double h) {
        double band = figureBand(style);
        Theme t = style.highContrast() ? HIGH_CONTRAST : NORMAL;
        pen.fill(t.background());
        pen.fillRect(0, 0, w, band);
        pen.fill(t.text());
        double size = Math.min(style.fontSize() * 1.15, Math.max(9, w / Math.max(1, title.length()) * 1.7));
        pen.text(title, w / 2, band / 2, size, Face.BOLD, Align.CENTER, VAlign.CENTER, w - 8);
        draw(new OffsetPen(pen, 0, band), p, style, w, h);
    }

    /** Draws {@code p} into the area [0, w] x [0, h]; with a null picture only the background. */
    public static void draw(Pen pen, Picture p, Style style, double w, double h) {
        Theme t = style.highContrast() ? HIGH_CONTRAST : NORMAL;
        pen.fill(t.background());
        pen.fillRect(0, 0, w, h);
        if (style.focusRing()) {
            pen.stroke(style.highContrast() ? Color.YELLOW : style.accent(), 3, null, Cap.BUTT);
            pen.strokeRect(1.5, 1.5, w - 3, h - 3);
        }
        if (p == null || w < 60 || h < 60) {
            return;
        }
        double fs = style.fontSize();
        double line = Math.ceil(fs * 1.3);
        double pad = Math.max(4, fs * 0.4);
        double monoWidth = pen.textWidth("0000000000", fs, Face.MONO) / 10;
        String[] lines = readoutLines(p.state(), p.force(), style, w, monoWidth);
        double caps = p.keys() != Integer.MIN_VALUE ? fs * 1.7 : 0;
        Face headerFace = p.replay() ? Face.BOLD : Face.REGULAR;
        String header = mbrllab.app.render.PenText.longestThatFits(pen, headerForms(p.header()), fs, headerFace,
                w - 2 * pad);
        double capsWidth = caps > 0 ? KEY_CAPS_WIDTH * fs : 0;
        double hintRight = w - pad - capsWidth - (capsWidth > 0 ? fs * 0.6 : 0);
        boolean hintBeside = p.hint() != null && hintRight - pen.textWidth(p.hint(), fs, Face.REGULAR)
                >= pad + pen.textWidth(header, fs, headerFace) + fs;
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
            drawReadouts(pen, t, lines, fs, h, pad, line);
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

        double cartX = cx + x * scale;
        double bw = cartW * scale;
        double bh = cartH * scale;
        double by = railY - (bodyBottom + cartH) * scale;
        Arrow arrow = Arrow.of(p.force(), sys.maxForce(), scale, cartX, bw, by, bh);
        String forceLabel = arrow == null ? null : String.format(Locale.ROOT, "%.0f N", Math.abs(p.force()));

        // Track: rail, ticks every 0.5 m, labels every metre.
        pen.stroke(t.rail(), Math.max(2, scale * 0.02), null, Cap.BUTT);
        pen.strokeLine(0, railY, w, railY);
        pen.stroke(t.tick(), 1, null, Cap.BUTT);
        pen.fill(t.tick());
        for (int k = (int) Math.ceil((viewX - visibleHalf) * 2); k <= (int) Math.floor((viewX + visibleHalf) * 2);
                k++) {
            double px = cx + k * 0.5 * scale;
            double len = k % 2 == 0 ? Math.max(5, fs * 0.5) : Math.max(3, fs * 0.3);
            pen.strokeLine(px, railY, px, railY + len);
            if (k % 2 == 0 && labels) {
                pen.text(k / 2 + (k == 0 ? " m" : ""), px, railY + len + 1, fs, Face.REGULAR, Align.CENTER, VAlign.TOP,
                        0);
            }
        }
        if (balance) {
            double limit = CartSystem.BALANCE_SYSTEM.xThreshold();
            pen.stroke(t.limit(), Math.max(3, scale * 0.035), null, Cap.BUTT);
            for (int side = -1; side <= 1; side += 2) {
                double px = cx + side * limit * scale;
                pen.strokeLine(px, railY + 2, px, railY - Math.max(10, 0.3 * scale));
            }
            if (labels) {
                // Above the bumpers, kept inside the picture, and above the force arrow's label where the cart
                // pushes near a bumper (they overlapped).
                pen.fill(t.text());
                double[] force = arrow == null ? null : arrow.labelBox(pen, forceLabel, fs);
                double half = pen.textWidth("+2.4 m", fs, Face.REGULAR) / 2 + 2;
                for (int side = -1; side <= 1; side += 2) {
                    double lx = side < 0 ? Math.max(half, cx - limit * scale) : Math.min(w - half, cx + limit * scale);
                    double bottom = railY - Math.max(10, 0.3 * scale) - 2;
                    if (force != null && lx - half < force[2] && lx + half > force[0]
                            && bottom - LINE * fs < force[3] && bottom > force[1]) {
                        bottom = force[1] - 2;
                    }
                    pen.text(side < 0 ? "-2.4 m" : "+2.4 m", lx, bottom, fs, Face.REGULAR, Align.CENTER,
                            VAlign.BOTTOM, 0);
                }
            }
        } else {
            // The target: the tip upright above x = 0.
            double tx = cx;
            double ty = railY - (hingeY + length) * scale;
            double r = Math.max(5, CartSystem.COST_WIDTH * 0.5 * scale);
            pen.stroke(t.target(), 1.5, new double[] {4, 4}, Cap.BUTT);
            pen.strokeOval(tx - r, ty - r, 2 * r, 2 * r);
            pen.strokeLine(tx, railY, tx, ty + r);
            if (labels) {
                pen.fill(t.target());
                pen.text("target", tx + r + 4, ty, fs, Face.REGULAR, Align.LEFT, VAlign.CENTER, 0);
            }
        }

        double hx = cartX;
        double hy = railY - hingeY * scale;

        // Failure angle: faint lines at +-12 degrees from the hinge.
        if (balance) {
            double a = CartSystem.BALANCE_SYSTEM.thetaThresholdRadians();
            double len = length * scale * 1.02;
            pen.stroke(t.faint(), 1, new double[] {5, 5}, Cap.BUTT);
            pen.strokeLine(hx, hy, hx + Math.sin(a) * len, hy - Math.cos(a) * len);
            pen.strokeLine(hx, hy, hx - Math.sin(a) * len, hy - Math.cos(a) * len);
            if (labels) {
                pen.fill(t.faint());
                pen.text("12°", hx + Math.sin(a) * len + 2, hy - Math.cos(a) * len + fs, fs, Face.REGULAR, Align.LEFT,
                        VAlign.BOTTOM, 0);
            }
        }

        // Wheels (with a spoke that turns as the cart rolls), body.
        double wr = wheelR * scale;
        for (int side = -1; side <= 1; side += 2) {
            double wx = cartX + side * cartW * 0.3 * scale;
            double wy = railY - wr;
            pen.fill(t.wheel());
            pen.fillOval(wx - wr, wy - wr, 2 * wr, 2 * wr);
            double turn = -x / wheelR;
            pen.stroke(t.background(), Math.max(1, wr * 0.25), null, Cap.BUTT);
            pen.strokeLine(wx, wy, wx + Math.cos(turn) * wr * 0.85, wy + Math.sin(turn) * wr * 0.85);
        }
        pen.fill(style.accent());
        pen.fillRoundRect(cartX - bw / 2, by, bw, bh, bh * 0.3);
        pen.stroke(style.highContrast() ? Color.WHITE : style.accent().darker(), 1.5, null, Cap.BUTT);
        pen.strokeRoundRect(cartX - bw / 2, by, bw, bh, bh * 0.3);

        // Force arrow: pushes on the cart's side, pointing the way of the force, length by |F|.
        if (arrow != null) {
            double dir = arrow.dir();
            double head = arrow.head();
            pen.stroke(t.arrow(), Math.max(2.5, bh * 0.16), null, Cap.BUTT);
            pen.fill(t.arrow());
            pen.strokeLine(arrow.tail(), arrow.y(), arrow.tip() - dir * head * 0.8, arrow.y());
            pen.fillPolygon(new double[] {arrow.tip(), arrow.tip() - dir * head, arrow.tip() - dir * head},
                    new double[] {arrow.y(), arrow.y() - head * 0.6, arrow.y() + head * 0.6});
            if (labels) {
                double[] box = arrow.labelBox(pen, forceLabel, fs);
                pen.text(forceLabel, (box[0] + box[2]) / 2, box[3], fs, Face.REGULAR, Align.CENTER, VAlign.BOTTOM, 0);
            }
        }

        // Pole and hinge.
        double tipX = hx + sys.tipDx(theta) * length * scale;
        double tipY = hy - sys.tipDy(theta) * length * scale;
        double poleW = Math.max(4, 0.045 * scale);
        pen.stroke(t.poleEdge(), poleW + 2, null, Cap.ROUND);
        pen.strokeLine(hx, hy, tipX, tipY);
        pen.stroke(t.pole(), poleW, null, Cap.ROUND);
        pen.strokeLine(hx, hy, tipX, tipY);
        double hr = Math.max(3, poleW * 0.7);
        pen.fill(t.hinge());
        pen.fillOval(hx - hr, hy - hr, 2 * hr, 2 * hr);

        // x = 0 out of view (the view follows the cart): an arrow at the edge pointing back to it.
        double[] edgeBox = null;
        if (Math.abs(viewX) > visibleHalf) {
            double side = -Math.signum(viewX);
            double ex = side > 0 ? w - pad : pad;
            double ay = railY - fs * 1.2;
            pen.fill(balance ? t.text() : t.target());
            pen.fillPolygon(new double[] {ex, ex - side * fs, ex - side * fs},
                    new double[] {ay, ay - fs * 0.6, ay + fs * 0.6});
            String where = String.format(Locale.ROOT, balance ? "x = 0: %.1f m" : "target: %.1f m", Math.abs(x));
            pen.text(where, ex - side * (fs * 1.3), ay, fs, Face.BOLD, side > 0 ? Align.RIGHT : Align.LEFT,
                    VAlign.CENTER, 0);
            double reach = fs * 1.3 + pen.textWidth(where, fs, Face.BOLD);
            edgeBox = new double[] {side > 0 ? ex - reach : ex, ay - fs * 0.7, side > 0 ? ex : ex + reach,
                ay + fs * 0.7};
        }

        // Text: header, ending, hint, key caps, read-outs.
        pen.fill(p.replay() ? t.replay() : t.text());
        pen.text(header, pad, pad, fs, headerFace, Align.LEFT, VAlign.TOP, w - 2 * pad);
        if (p.ending() != null) {
            // beside or under a hint that has a line of its own under the header (the two had been drawn over each
            // other at 1024x768 with text 1.5); under it on a veil of the background over the pole and its 12° label
            String ending = p.ending().text();
            double endingWidth = pen.textWidth(ending, fs, Face.BOLD);
            boolean hintBelow = p.hint() != null && !hintBeside;
            double hintLine = pad + line * 1.1;
            pen.fill(p.ending().failed() ? t.warning() : t.text());
            if (hintBelow && pad + pen.textWidth(p.hint(), fs, Face.REGULAR) + fs + endingWidth <= w - pad) {
                // on the hint's own line, at its right
                pen.text(ending, w - pad, hintLine, fs, Face.BOLD, Align.RIGHT, VAlign.TOP, 0);
            } else {
                double top = hintBelow ? Math.max(sceneTop, hintLine + fs * 1.2 + 2) : sceneTop;
                double half = Math.min(w / 2 - pad, endingWidth / 2 + fs * 0.3);
                if (edgeBox != null && w / 2 - half < edgeBox[2] && w / 2 + half > edgeBox[0] && top < edgeBox[3]
                        && top + fs * 1.3 + 2 > edgeBox[1]) {
                    top = edgeBox[3] + 2; // under the edge's "target: 9.0 m", which it had covered
                }
                Color veil = t.background();
                pen.fill(new Color(veil.getRed(), veil.getGreen(), veil.getBlue(), 200));
                pen.fillRect(w / 2 - half, top, 2 * half, fs * 1.3 + 2);
                pen.fill(p.ending().failed() ? t.warning() : t.text());
                pen.text(ending, w / 2, top + 2, fs, Face.BOLD, Align.CENTER, VAlign.TOP, w - 2 * pad);
            }
        }
        // Top right: the key caps and the hint, beside the header.
        if (caps > 0) {
            drawKeyCaps(pen, t, p.keys(), w - pad, pad + caps, fs);
        }
        if (p.hint() != null) {
            pen.fill(t.faint());
            if (hintBeside) {
                pen.text(p.hint(), hintRight, pad + Math.max(line, caps) / 2, fs, Face.REGULAR, Align.RIGHT,
                        VAlign.CENTER, 0);
            } else {
                // it would run into the header (a narrow pane, large text): under the header, on the left
                pen.text(p.hint(), pad, pad + line * 1.1, fs, Face.REGULAR, Align.LEFT, VAlign.TOP, w - 2 * pad);
            }
        }
        drawReadouts(pen, t, lines, fs, h, pad, line);
    }

    /** A line of text's height in font sizes, for the boxes labels must not share. */
    private static final double LINE = 1.2;

    /**
     * The force arrow on the cart's side, pointing the way of the force, its length by |F|.
     *
     * @param dir  the sign of the force
     * @param y    its height [px], the middle of the cart's body
     * @param tip  where it touches the cart [px]
     * @param tail its other end [px]
     * @param head its head's length [px]
     */
    private record Arrow(double dir, double y, double tip, double tail, double head) {

        /** The arrow of force {@code f}, or null without a push. */
        static Arrow of(double f, double maxForce, double scale, double cartX, double bw, double by, double bh) {
            if (f == 0) {
                return null;
            }
            double dir = Math.signum(f);
            double len = Math.abs(f) / maxForce * 0.42 * scale;
            double tip = cartX - dir * (bw / 2 + 2);
            return new Arrow(dir, by + bh / 2, tip, tip - dir * len, Math.max(6, Math.min(len * 0.45, bh * 0.5)));
        }

        /** The box {left, top, right, bottom} [px] of its label, centred above it. */
        double[] labelBox(Pen pen, String label, double fs) {
            double half = pen.textWidth(label, fs, Face.REGULAR) / 2;
            double mid = (tail + tip) / 2;
            double bottom = y - head * 0.6 - 1;
            return new double[] {mid - half, bottom - LINE * fs, mid + half, bottom};
        }
    }

    private static void drawReadouts(Pen pen, Theme t, String[] lines, double fs, double h, double pad, double line) {
        pen.fill(t.text());
        for (int i = 0; i < lines.length; i++) {
            pen.text(lines[i], pad, h - pad - (lines.length - i) * line, fs, Face.MONO, Align.LEFT, VAlign.TOP, 0);
        }
    }

    /** The two key caps' width in font sizes: two caps of 1.7 and a gap of 0.3. */
    private static final double KEY_CAPS_WIDTH = 2 * 1.7 + 0.3;

    /** Two key caps, left and right, the held one filled ({@link #KEY_CAPS_WIDTH} font sizes wide). */
    private static void drawKeyCaps(Pen pen, Theme t, int keys, double right, double bottom, double fs) {
        double size = fs * 1.7;
        double gap = fs * 0.3;
        for (int i = 0; i < 2; i++) {
            int dir = i == 0 ? -1 : 1;
            double left = right - (2 - i) * size - (1 - i) * gap;
            double top = bottom - size;
            boolean held = keys == dir;
            pen.fill(held ? t.arrow() : t.background());
            pen.fillRoundRect(left, top, size, size, size * 0.25);
            pen.stroke(held ? t.arrow() : t.faint(), 1.5, null, Cap.BUTT);
            pen.strokeRoundRect(left, top, size, size, size * 0.25);
            double mx = left + size / 2;
            double my = top + size / 2;
            double a = size * 0.22;
            pen.fill(held ? t.background() : t.faint());
            pen.fillPolygon(new double[] {mx + dir * a, mx - dir * a, mx - dir * a},
                    new double[] {my, my - a, my + a});
        }
    }

    /**
     * A header's forms, longest first, for a narrow pane: "episode 56 · step 231 · return 231", then "ep. 56 · step 231
     * · return 231", then without its score ("ep. 56 · step 231"); a replay's "REPLAY of episode 19 · step 78 / 78 ·
     * return 78" the same way ("REPLAY ep. 19 · step 78 / 78"), and last without the episode's length ("REPLAY ep. 19
     * · step 78"). The replay's header had been squeezed into a 275 px pane at 1024x768 with text 1.5.
     */
    static String[] headerForms(String header) {
        String shorter = header.replaceFirst("(^|REPLAY of )episode ", header.startsWith("REPLAY") ? "REPLAY ep. "
                : "ep. ");
        String bare = shorter.replaceFirst(" · (return|cost) [-0-9.,]+$", "");
        return new String[] {header, shorter, bare, bare.replaceFirst(" / [0-9,]+$", "")};
    }
}
