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
 * dashed, each sampled trajectory faint). The view follows the true cart. The swing-up convention: theta = 0 hangs down, the tip is at (x + l sin theta, -l cos theta).
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
        // the camera follows the true cart at step k; wide enough for the ghosts' spread (2.5 to 8 m)
        int k = Math.min(f.k(), steps - 1);
        double centre = f.truth()[k * d];
        double spread = 0;
        for (int i = 0; i < f.ghosts().length / d; i++) {
            double x = f.ghosts()[i * d];
            if (Double.isFinite(x)) {
                spread = Math.max(spread, Math.abs(x - centre));
            }
        }
        double span = Math.min(8, Math.max(2.5, 2 * spread + 3 * l));
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
        for (double x = Math.ceil(2 * (centre - span)) / 2; x <= centre + span; x += 0.5) {
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
