package mbrllab.app.pilco;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mbrllab.app.render.Pen;
import mbrllab.app.render.PenText;
import mbrllab.charts.Palette;
import mbrllab.core.control.SwingUpTask;
import mbrllab.io.PilcoRecording.Trial;

/**
 * The replay of a trial as one picture, drawn with a {@link Pen} (the screen and the exported PNG and SVG): the track,
 * the cart and the pole at step t of the real rollout, the trail of the pole tip so far, the upright target with the
 * success radius, and the predicted pole tip at t: its mean and its 2-sigma ellipse ({@link TipMoments}, exact for a
 * Gaussian state).
 */
public final class ReplayPicture {

    /** A predicted tip ellipse whose larger 2-sigma semi-axis exceeds this many pole lengths is drawn faint. */
    static final double VAGUE_TIP = 4;

    /** From one header line of costs to the next, in units of the text size. */
    private static final double LINE = 1.3;

    /** Half the width of track shown at least [m]. */
    static final double MIN_HALF_WIDTH = 1.2;

    /**
     * The replay's colours in a theme; the high-contrast one is the app's (black, white ink, the palette lightened for
     * black): text at least 7:1 against the background, lines and marks at least 3:1 (ThemeContrastTest).
     */
    public record Colours(Color background, Color ink, Color faintText, Color track, Color target, Color trail,
                          Color prediction, Color cart, Color pole, Color hinge, Color force) {
    }

    private static final Colours NORMAL = new Colours(Color.WHITE, Color.BLACK, Color.DARK_GRAY, Color.GRAY,
            Palette.categorical(2), new Color(0x99, 0x99, 0x99), Palette.categorical(0), new Color(0x44, 0x44, 0x44),
            Palette.categorical(1), Color.BLACK, Palette.categorical(3));

    private static final Colours HIGH_CONTRAST = new Colours(Color.BLACK, Color.WHITE, new Color(0xDD, 0xDD, 0xDD),
            new Color(0xCC, 0xCC, 0xCC), Palette.categorical(2, true), new Color(0xA0, 0xA0, 0xA0),
            Palette.categorical(0, true), new Color(0x6F, 0x82, 0x96), Palette.categorical(1, true), Color.WHITE,
            Palette.categorical(3, true));

    /** The colours of the normal or the high-contrast theme. */
    public static Colours colours(boolean highContrast) {
        return highContrast ? HIGH_CONTRAST : NORMAL;
    }

    private ReplayPicture() {
    }

    /**
     * Draws frame {@code f} in a w x h area.
     *
     * @param scale        text scale (1 = normal)
     * @param highContrast the high-contrast theme (white on black, the palette lightened) with thicker lines
     */
    static void draw(Pen pen, double w, double h, PilcoViewModel.ReplayFrame f, double scale, boolean highContrast) {
        Colours colour = colours(highContrast);
        pen.fill(colour.background());
        pen.fillRect(0, 0, w, h);
        if (f == null) {
            pen.fill(colour.faintText());
            pen.text("no trial yet", w / 2, h / 2, 14 * scale, false, Pen.Align.CENTER);
            return;
        }
        PilcoViewModel.Shown s = f.shown();
        int t = Math.max(0, Math.min(s.steps(), f.t()));
        SwingUpTask task = PilcoViewModel.task(s.steps());
        double l = task.poleLength();
        double text = 13 * scale;
        // the header: the trial and the time in bold, then the costs, each on as many lines as the width needs
        Trial trial = s.trial();
        double costSoFar = 0;
        double[] state = new double[4];
        for (int k = 1; k <= t; k++) {
            System.arraycopy(s.states(), k * 4, state, 0, 4);
            costSoFar += task.cost(state);
        }
        // no-break spaces keep "x = 0.50 m" and the like whole when a narrow picture wraps the title
        String who = s.start() != null ? String.format(Locale.ROOT,
                "Trial %d's policy from x\u00a0=\u00a0%.2f\u00a0m, θ\u00a0=\u00a0%.0f°", trial.trial(), s.start()[0],
                Math.toDegrees(s.start()[2]))
                : trial.isRandom() ? "Trial 1 (random forces)" : "Trial " + trial.trial();
        List<String> titleLines = PenText.wrap(pen, List.of(who,
                String.format(Locale.ROOT, "t\u00a0=\u00a0%.1f\u00a0s", t * task.controlPeriod())), " · ", text,
                Pen.Face.BOLD, w - 16);
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "cost so far %.2f", costSoFar));
        if (t > 0) {
            String step = String.format(Locale.ROOT, "step %.2f", task.cost(state));
            if (s.prediction() != null) {
                var p = s.prediction();
                // no-break spaces: on a narrow picture the prediction moves to a line of its own, whole
                step += String.format(Locale.ROOT, " (pred.\u00a0%.2f\u00a0±\u00a0%.2f)", p.costMean(t),
                        2 * Math.sqrt(Math.max(0, p.costVar(t))));
            }
            parts.add(step);
        }
        if (s.predicting()) {
            parts.add("predicting from this start…");
        }
        List<String> lines = PenText.wrap(pen, parts, " · ", text, Pen.Face.REGULAR, w - 16);
        double costTop = text * (2.1 + LINE * (titleLines.size() - 1));
        double top = costTop + text * (0.8 + LINE * (lines.size() - 1));
        double halfWidth = MIN_HALF_WIDTH;
        for (int k = 0; k <= s.steps(); k++) {
            halfWidth = Math.max(halfWidth, Math.abs(s.state(k, 0)) + 0.35);
        }
        // world: x in [-halfWidth, halfWidth], y in [-l - 0.25, l + 0.25]
        double m = Math.max(1e-6, Math.min(w / (2 * halfWidth), (h - top - 8) / (2 * l + 0.5)));
        double cx = w / 2;
        double cy = top + (h - top) / 2;
        double lw = highContrast ? 2 : 1;
        // track
        pen.stroke(colour.track(), 2 * lw, null);
        pen.strokeLine(cx - halfWidth * m, cy, cx + halfWidth * m, cy);
        // the target and the success radius
        pen.stroke(colour.target(), 1.5 * lw, new double[] {4, 3});
        double r = task.successRadius() * m;
        pen.strokeOval(cx - r, cy - l * m - r, 2 * r, 2 * r);
        // the trail of the tip
        pen.stroke(colour.trail(), lw, null);
        for (int k = 1; k <= t; k++) {
            pen.strokeLine(cx + tipX(s, k - 1, l) * m, cy - tipY(s, k - 1, l) * m, cx + tipX(s, k, l) * m,
                    cy - tipY(s, k, l) * m);
        }
        // the predicted tip: mean and 2-sigma ellipse
        if (s.prediction() != null) {
            var p = s.prediction();
            TipMoments.Tip tip = TipMoments.of(p.mean(t, 0), p.mean(t, 2), p.cov(t, 0, 0), p.cov(t, 2, 2),
                    p.cov(t, 0, 2), l);
            double[] e = tip.ellipse2Sigma();
            int n = 48;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n;
                double ex = e[0] * Math.cos(a);
                double ey = e[1] * Math.sin(a);
                xs[i] = cx + (tip.px() + ex * Math.cos(e[2]) - ey * Math.sin(e[2])) * m;
                ys[i] = cy - (tip.py() + ex * Math.sin(e[2]) + ey * Math.cos(e[2])) * m;
            }
            Color c = colour.prediction();
            // an ellipse wider than the picture (a start far from the data: the model does not know where the tip
            // is) is drawn faint and dashed, so that the cart and the trail stay readable
            boolean vague = e[0] > VAGUE_TIP * l;
            pen.fill(new Color(c.getRed(), c.getGreen(), c.getBlue(), vague ? 22 : 60));
            pen.fillPolygon(xs, ys);
            pen.stroke(c, 1.5 * lw, vague ? new double[] {6, 6} : null);
            pen.strokePolygon(xs, ys);
            pen.fill(c);
            pen.fillOval(cx + tip.px() * m - 4, cy - tip.py() * m - 4, 8, 8);
        }
        // cart and pole
        double x = s.state(t, 0);
        double theta = s.state(t, 2);
        double cartW = 0.3 * m;
        double cartH = 0.14 * m;
        double px = cx + x * m;
        pen.fill(colour.cart());
        pen.fillRoundRect(px - cartW / 2, cy - cartH / 2, cartW, cartH, 6);
        pen.stroke(colour.pole(), Math.max(3, 0.03 * m), null);
        double tx = px + l * Math.sin(theta) * m;
        double ty = cy + l * Math.cos(theta) * m;
        pen.strokeLine(px, cy, tx, ty);
        pen.fill(colour.hinge());
        pen.fillOval(px - 3, cy - 3, 6, 6);
        // force arrow
        if (t < s.steps()) {
            double u = s.forces()[t] / task.maxForce();
            pen.stroke(colour.force(), 2.5 * lw, null);
            double ax = px + u * 0.4 * m;
            double ay = cy + cartH / 2 + 10;
            pen.strokeLine(px, ay, ax, ay);
            if (Math.abs(u) > 0.05) {
                double d = Math.signum(u) * 7;
                pen.strokeLine(ax, ay, ax - d, ay - 5);
                pen.strokeLine(ax, ay, ax - d, ay + 5);
            }
        }
        // header
        pen.fill(colour.ink());
        for (int i = 0; i < titleLines.size(); i++) {
            pen.text(titleLines.get(i), 8, text * (0.8 + LINE * i), text, Pen.Face.BOLD, Pen.Align.LEFT,
                    Pen.VAlign.CENTER, w - 16);
        }
        for (int i = 0; i < lines.size(); i++) {
            pen.text(lines.get(i), 8, costTop + text * LINE * i, text, Pen.Face.REGULAR, Pen.Align.LEFT,
                    Pen.VAlign.CENTER, w - 16);
        }
    }

    static double tipX(PilcoViewModel.Shown s, int k, double l) {
        return s.state(k, 0) + l * Math.sin(s.state(k, 2));
    }

    static double tipY(PilcoViewModel.Shown s, int k, double l) {
        return -l * Math.cos(s.state(k, 2));
    }
}
