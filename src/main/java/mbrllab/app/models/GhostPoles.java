package mbrllab.app.models;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mbrllab.app.render.Pen;
import mbrllab.core.cartpole.CartPoleState;

/**
 * Draws the cart-pole at one step k of a held-out window: the true cart and pole solid, the model's predicted
 * states as a fan of faint ghost poles, and the paths of the pole tips over the last few steps before k (the truth
 * dashed, each sampled trajectory faint). The view follows the true cart. The swing-up convention: theta = 0 hangs
 * down, the tip is at (x + l sin theta, -l cos theta).
 * One renderer for the screen and for exported files ({@link Pen}).
 */
final class GhostPoles {

    /**
     * What to draw.
     *
     * @param truth      true states s_0 .. s_H, (H+1) x 4
     * @param k          the step shown
     * @param ghosts     predicted states at step k, n x 4 (may be empty)
     * @param trails     for particle methods, the sampled trajectories' states 0..k, one (k+1) x 4 array each; null
     *                   for moment matching (its samples at different k are independent draws, not trajectories)
     * @param colour     the rollout's colour index
     * @param caption    what the ghosts are
     * @param poleLength the pole's length [m]
     */
    record Frame(double[] truth, int k, double[] ghosts, double[][] trails, int colour, String caption,
                 double poleLength) {
    }

    /** Words into lines of at most {@code width} pixels, taking a character as 0.56 of the font size. */
    static List<String> wrap(String text, double width, double size) {
        int perLine = Math.max(10, (int) (width / (0.56 * size)));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Steps of the tips' paths drawn before step k. */
    static final int TRAIL = 5;

    private GhostPoles() {
    }

    static void draw(Pen pen, Frame f, Look look, double w, double h) {
        pen.fill(look.background());
        pen.fillRect(0, 0, w, h);
        if (f == null || w < 20 || h < 20) {
            pen.fill(look.muted());
            pen.text("No prediction yet", w / 2, h / 2, 13 * look.fontScale(), false, Pen.Align.CENTER);
            return;
        }
        int d = CartPoleState.DIMENSION;
        int steps = f.truth().length / d;
        double l = f.poleLength();
        int k = Math.min(f.k(), steps - 1);
        double[] view = view(f, k);
        double centre = view[0];
        double span = view[1];
        double text = 12 * look.fontScale();
        double top = 2.2 * text;
        double bottom = 4.2 * text;
        double scale = Math.min(w / span, (h - top - bottom) / (2.6 * l));
        if (scale <= 0) {
            return;
        }
        double originY = top + (h - top - bottom) / 2;
        java.util.function.DoubleUnaryOperator sx = x -> w / 2 + (x - centre) * scale;
        java.util.function.DoubleUnaryOperator sy = y -> originY - y * scale;
        // track
        pen.stroke(look.muted(), 1.5, null);
        pen.strokeLine(0, originY, w, originY);
        double half = w / 2 / scale;
        for (double x = Math.ceil(2 * (centre - half)) / 2; x <= centre + half; x += 0.5) {
            double px = sx.applyAsDouble(x);
            pen.strokeLine(px, originY - 3, px, originY + 3);
        }
        Color ghost = look.colour(f.colour());
        // trails of the sampled trajectories
        if (f.trails() != null) {
            pen.stroke(Look.withAlpha(ghost, 0.35), 1.2, null);
            for (double[] trail : f.trails()) {
                tipPath(pen, trail, Math.min(f.k(), trail.length / d - 1), l, sx, sy);
            }
        }
        // ghost carts and poles
        double cartW = 0.24 * scale;
        double cartH = 0.1 * scale;
        int n = f.ghosts().length / d;
        for (int i = 0; i < n; i++) {
            double x = f.ghosts()[i * d];
            double theta = f.ghosts()[i * d + CartPoleState.THETA];
            if (!Double.isFinite(x) || !Double.isFinite(theta)) {
                continue;
            }
            pen.stroke(Look.withAlpha(ghost, 0.22), 1, null);
            pen.strokeRect(sx.applyAsDouble(x) - cartW / 2, originY - cartH / 2, cartW, cartH);
            pen.stroke(Look.withAlpha(ghost, 0.35), Math.max(2, 3 * look.fontScale()), null);
            pen.strokeLine(sx.applyAsDouble(x), originY, sx.applyAsDouble(x + l * Math.sin(theta)),
                    sy.applyAsDouble(-l * Math.cos(theta)));
        }
        // the truth: its tip path dashed, then the cart and pole solid
        pen.stroke(look.ink(), 1.4, new double[] {5, 4});
        tipPath(pen, f.truth(), k, l, sx, sy);
        double x = f.truth()[k * d];
        double theta = f.truth()[k * d + CartPoleState.THETA];
        pen.fill(look.ink());
        pen.fillRect(sx.applyAsDouble(x) - cartW / 2, originY - cartH / 2, cartW, cartH);
        pen.stroke(look.ink(), Math.max(3, 4 * look.fontScale()), null);
        double tipX = sx.applyAsDouble(x + l * Math.sin(theta));
        double tipY = sy.applyAsDouble(-l * Math.cos(theta));
        pen.strokeLine(sx.applyAsDouble(x), originY, tipX, tipY);
        pen.fillOval(tipX - 4, tipY - 4, 8, 8);
        pen.fill(look.ink());
        pen.text(String.format(Locale.ROOT, "k = %d  (%.1f s after the start)", k, 0.1 * k), 8, text, text * 1.1, true,
                Pen.Align.LEFT);
        pen.fill(look.muted());
        List<String> lines = wrap("Black: the true cart-pole. Faint: " + f.caption() + ". Lines: the pole tips' paths "
                + "over the last " + TRAIL + " steps (the truth's dashed).", w - 16, text * 0.95);
        for (int i = 0; i < lines.size(); i++) {
            pen.text(lines.get(i), 8, h - (lines.size() - i - 0.4) * 1.2 * text, text * 0.95, false, Pen.Align.LEFT);
        }
    }

    /** Least width of track shown [m]. */
    static final double MIN_SPAN = 2.5;
    /** Most width of track shown [m]: wider, the poles would be too small to read. */
    static final double MAX_SPAN = 8;

    /**
     * The part of the track to show, {centre, width} [m]: everything drawn (the carts and pole tips at step k, the
     * tips' paths over the last {@value #TRAIL} steps, the truth's and the sampled trajectories'), with a margin,
     * between {@value #MIN_SPAN} and {@value #MAX_SPAN} m wide. Wider than that, the truth and its path stay in view
     * and the farthest ghosts leave it. (The view used to be centred on the true cart and sized by the ghosts' spread
     * at k alone, so a fast cart's path ran off the picture.)
     */
    static double[] view(Frame f, int k) {
        int d = CartPoleState.DIMENSION;
        double l = f.poleLength();
        double[] truth = extent(f.truth(), k, l, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        double[] all = truth.clone();
        for (int i = 0; i < f.ghosts().length / d; i++) {
            include(all, f.ghosts(), i, l);
        }
        if (f.trails() != null) {
            for (double[] trail : f.trails()) {
                extent(trail, Math.min(f.k(), trail.length / d - 1), l, all);
            }
        }
        double margin = 0.25;
        double span = Math.max(MIN_SPAN, Math.min(MAX_SPAN, all[1] - all[0] + 2 * margin));
        span = Math.max(span, Math.min(MAX_SPAN * 2, truth[1] - truth[0] + 2 * margin));
        double centre = (all[0] + all[1]) / 2;
        // keep the truth in view when the ghosts spread wider than the view
        centre = Math.max(centre, truth[1] + margin - span / 2);
        centre = Math.min(centre, truth[0] - margin + span / 2);
        return new double[] {centre, span};
    }

    /** Widens {lo, hi} by the carts and tips of states max(0, upTo - TRAIL) .. upTo; returns it. */
    private static double[] extent(double[] states, int upTo, double l, double[] loHi) {
        int d = CartPoleState.DIMENSION;
        for (int t = Math.max(0, upTo - TRAIL); t <= upTo && (t + 1) * d <= states.length; t++) {
            include(loHi, states, t, l);
        }
        return loHi;
    }

    private static void include(double[] loHi, double[] states, int i, double l) {
        int d = CartPoleState.DIMENSION;
        double x = states[i * d];
        double theta = states[i * d + CartPoleState.THETA];
        if (!Double.isFinite(x) || !Double.isFinite(theta)) {
            return;
        }
        double tip = x + l * Math.sin(theta);
        double cartHalf = 0.12;
        loHi[0] = Math.min(loHi[0], Math.min(x - cartHalf, tip));
        loHi[1] = Math.max(loHi[1], Math.max(x + cartHalf, tip));
    }

    /** The pole tip's path over the last {@value #TRAIL} steps up to {@code upTo}. */
    private static void tipPath(Pen pen, double[] states, int upTo, double l,
                                java.util.function.DoubleUnaryOperator sx, java.util.function.DoubleUnaryOperator sy) {
        int d = CartPoleState.DIMENSION;
        for (int t = Math.max(0, upTo - TRAIL); t < upTo; t++) {
            double x0 = states[t * d];
            double a0 = states[t * d + CartPoleState.THETA];
            double x1 = states[(t + 1) * d];
            double a1 = states[(t + 1) * d + CartPoleState.THETA];
            if (!Double.isFinite(x0 + a0 + x1 + a1)) {
                return;
            }
            pen.strokeLine(sx.applyAsDouble(x0 + l * Math.sin(a0)), sy.applyAsDouble(-l * Math.cos(a0)),
                    sx.applyAsDouble(x1 + l * Math.sin(a1)), sy.applyAsDouble(-l * Math.cos(a1)));
        }
    }
}
