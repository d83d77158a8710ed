package mbrllab.app.planning;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mbrllab.app.render.Pen;
import mbrllab.app.render.PenText;
import mbrllab.charts.Palette;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.planning.Iteration;

/**
 * Draws a {@link PlanningFrame} with a {@link Pen} (the canvas on screen, PNG and SVG exports): on the left the
 * cart-pole with the fan of the candidates' predicted pole-tip paths (grey; the elites orange), the executed plan's
 * predicted paths (blue, bold) and the same forces replayed in the true physics (black, dashed); on the right the
 * candidates' forces u_1..u_H with the sampling distribution's mean +- sigma, and sigma per round (CEM contracting).
 */
public final class PlanningPicture {

    /**
     * The picture's colours in a theme. The high-contrast one is the app's (black, white ink, the palette lightened
     * for black): text at least 7:1 against the background, lines and marks at least 3:1, the candidates' faint fan
     * included (ThemeContrastTest draws the picture and checks every colour it uses).
     */
    public record Colours(Color background, Color ink, Color faintText, Color frame, Color track, Color centre,
                          Color limit, Color candidate, Color candidateKey, Color elite, Color plan, Color truth,
                          Color target, Color cart, Color pole, Color hinge) {
    }

    private static final Colours NORMAL = new Colours(Color.WHITE, Color.BLACK, Color.DARK_GRAY,
            new Color(200, 200, 200), Color.DARK_GRAY, new Color(170, 170, 170), Palette.categorical(1),
            new Color(150, 150, 150, 90), new Color(120, 120, 120), Palette.categorical(3), Palette.categorical(0),
            Palette.categorical(7), Palette.categorical(2), new Color(0x44, 0x55, 0x66), new Color(0x8B, 0x45, 0x13),
            Color.BLACK);

    private static final Colours HIGH_CONTRAST = new Colours(Color.BLACK, Color.WHITE, new Color(0xDD, 0xDD, 0xDD),
            new Color(0x90, 0x90, 0x90), Color.WHITE, new Color(0xCC, 0xCC, 0xCC), Palette.categorical(1, true),
            new Color(200, 200, 200, 140), new Color(0xB0, 0xB0, 0xB0), Palette.categorical(3, true),
            Palette.categorical(0, true), Palette.categorical(7, true), Palette.categorical(2, true),
            new Color(0x6F, 0x82, 0x96), new Color(0xFF, 0xD0, 0x00), Color.WHITE);

    /** The colours of the normal or the high-contrast theme. */
    public static Colours colours(boolean highContrast) {
        return highContrast ? HIGH_CONTRAST : NORMAL;
    }

    private PlanningPicture() {
    }

    /** The pole tip of state s: swing-up (theta = 0 hanging), balance (theta = 0 upright); writes out[0..1]. */
    static void tip(CartPoleTask task, double[] s, int offset, double[] out) {
        double x = s[offset];
        double theta = s[offset + 2];
        if (task instanceof SwingUpTask su) {
            double l = su.poleLength();
            out[0] = x + l * Math.sin(theta);
            out[1] = -l * Math.cos(theta);
        } else {
            double l = ((BalanceTask) task).system().poleLength();
            out[0] = x + l * Math.sin(theta);
            out[1] = l * Math.cos(theta);
        }
    }

    /**
     * Draws the frame into w x h.
     *
     * @param highContrast the high-contrast theme (white on black, the palette lightened) with thicker lines
     */
    static void draw(Pen pen, PlanningFrame f, double w, double h, double fontScale, boolean highContrast) {
        Colours k = colours(highContrast);
        pen.fill(k.background());
        pen.fillRect(0, 0, w, h);
        if (f == null) {
            return;
        }
        double font = 13 * fontScale;
        double line = font * 1.45;
        pen.fill(k.ink());
        String head = String.format(Locale.ROOT, "Episode %d/%d   step %d/%d   return %.2f   data %d",
                f.episode(), f.settings().episodes(), f.step(), f.settings().cartPoleTask().steps(), f.returnSoFar(),
                f.transitions());
        pen.text(head, 8, 4, font, Pen.Face.BOLD, Pen.Align.LEFT, Pen.VAlign.TOP, w - 16);
        pen.text(PenText.sentencesThatFit(pen, f.phase(), font, Pen.Face.REGULAR, w - 16), 8, 4 + line, font,
                Pen.Face.REGULAR, Pen.Align.LEFT, Pen.VAlign.TOP, w - 16);
        double top = 4 + 2 * line + 4;
        int legendRows = legendWidth(pen, font) > w - 16 ? 2 : 1;
        double bottom = h - (1 + legendRows) * line - 6;
        double split = w * 0.6;
        drawWorld(pen, f, 8, top, split - 16, bottom - top, font, highContrast);
        drawForces(pen, f, split + 8, top, w - split - 16, bottom - top, font, highContrast);
        pen.fill(k.ink());
        String planText;
        if (f.plan() != null) {
            double model = f.plan().predictedReturn();
            double truth = f.plan().replayedReturn();
            planText = PenText.longestThatFits(pen, new String[] {
                String.format(Locale.ROOT, "Plan's J: model %.2f   same forces in the true physics %.2f", model, truth),
                String.format(Locale.ROOT, "Plan's J: model %.2f, in the true physics %.2f", model, truth),
                String.format(Locale.ROOT, "J: model %.2f, true physics %.2f", model, truth)}, font,
                Pen.Face.REGULAR, w - 16);
        } else if (f.searchInProgress()) {
            planText = "Search in progress: Step, or Round after the last round, acts";
        } else {
            planText = "No plan yet in this episode";
        }
        pen.text(planText, 8, bottom + 4, font, Pen.Face.REGULAR, Pen.Align.LEFT, Pen.VAlign.TOP, w - 16);
        legend(pen, 8, bottom + 4 + line, font, w - 16, k);
    }

    private static final String[] LEGEND = {"candidates", "elites", "plan (model)", "plan (true physics)"};

    private static double legendWidth(Pen pen, double font) {
        double sum = 0;
        for (String item : LEGEND) {
            sum += 24 + pen.textWidth(item, font, Pen.Face.REGULAR) + 18;
        }
        return sum;
    }

    private static void legend(Pen pen, double x, double y, double font, double maxW, Colours k) {
        Color[] keys = {k.candidateKey(), k.elite(), k.plan(), k.truth()};
        double cx = x;
        for (int i = 0; i < LEGEND.length; i++) {
            String label = LEGEND[i];
            double tw = pen.textWidth(label, font, Pen.Face.REGULAR);
            if (cx + 26 + tw > x + maxW && cx > x) {
                cx = x;
                y += font * 1.45;
            }
            pen.stroke(keys[i], 3, i == 3 ? new double[] {6, 4} : null);
            pen.strokeLine(cx, y + font * 0.6, cx + 20, y + font * 0.6);
            pen.fill(k.ink());
            pen.text(label, cx + 24, y, font, Pen.Face.REGULAR, Pen.Align.LEFT, Pen.VAlign.TOP, 0);
            cx += 24 + tw + 18;
        }
    }

    private static void drawWorld(Pen pen, PlanningFrame f, double x0, double y0, double w, double h, double font,
                                  boolean highContrast) {
        Colours k = colours(highContrast);
        CartPoleTask task = f.settings().cartPoleTask();
        boolean swing = task instanceof SwingUpTask;
        double[] now = f.state();
        // the view follows the cart when it leaves the usual stretch of track (the swing-up's track has no ends)
        double reach = Math.max(swing ? 2.0 : 2.6, Math.abs(now[0]) + (swing ? 0.8 : 1.2));
        double xMin = -reach;
        double xMax = reach;
        double yMin = swing ? -0.75 : -0.45;
        double yMax = swing ? 0.75 : 1.35;
        double scale = Math.min(w / (xMax - xMin), h / (yMax - yMin));
        double cx = x0 + w / 2;
        double cy = y0 + h / 2 + (yMax + yMin) / 2 * scale;
        Mapper m = new Mapper(cx, cy, scale, x0, y0, x0 + w, y0 + h);
        pen.stroke(k.frame(), 1, null);
        pen.strokeRect(x0, y0, w, h);
        // the track; the balance task's ends (|x| = 2.4 m) marked
        pen.stroke(k.track(), 2, null);
        pen.strokeLine(x0 + 4, m.y(0), x0 + w - 4, m.y(0));
        if (!swing) {
            double limit = ((BalanceTask) task).system().xThreshold();
            pen.stroke(k.limit(), 3, null);
            pen.strokeLine(m.x(-limit), m.y(0) - 8, m.x(-limit), m.y(0) + 8);
            pen.strokeLine(m.x(limit), m.y(0) - 8, m.x(limit), m.y(0) + 8);
        }
        pen.stroke(k.centre(), 1, null);
        pen.strokeLine(m.x(0), m.y(0) - 5, m.x(0), m.y(0) + 5);
        if (swing) {
            SwingUpTask su = (SwingUpTask) task;
            pen.stroke(k.target(), 2, new double[] {4, 3});
            double r = su.successRadius() * scale;
            pen.strokeOval(m.x(0) - r, m.y(su.poleLength()) - r, 2 * r, 2 * r);
        }
        int horizon = f.settings().planner().horizon();
        double[] tip = new double[2];
        Iteration round = f.round();
        if (round != null && round.hasStates()) {
            int n = round.particles();
            boolean[] elite = new boolean[round.population()];
            for (int e : round.elites()) {
                elite[e] = true;
            }
            double width = highContrast ? 1.5 : 1;
            for (int pass = 0; pass < 2; pass++) {
                for (int c = 0; c < round.population(); c++) {
                    if (elite[c] != (pass == 1)) {
                        continue;
                    }
                    pen.stroke(elite[c] ? k.elite() : k.candidate(), elite[c] ? width * 1.6 : width, null);
                    path(pen, m, task, round.states(), (c * n) * (horizon + 1) * 4, horizon + 1, tip);
                }
            }
        }
        if (f.plan() != null) {
            double[] predicted = f.plan().predicted();
            int n = predicted.length / ((horizon + 1) * 4);
            pen.stroke(k.plan(), highContrast ? 4 : 3, null);
            for (int i = 0; i < n; i++) {
                path(pen, m, task, predicted, i * (horizon + 1) * 4, horizon + 1, tip);
            }
            double[] replayed = f.plan().replayed();
            pen.stroke(k.truth(), highContrast ? 3.5 : 2.5, new double[] {7, 5});
            path(pen, m, task, replayed, 0, replayed.length / 4, tip);
        }
        // the cart-pole now
        double[] s = f.state();
        double cartW = 0.36 * scale;
        double cartH = 0.16 * scale;
        pen.fill(k.cart());
        pen.fillRoundRect(m.x(s[0]) - cartW / 2, m.y(0) - cartH / 2, cartW, cartH, 6);
        tip(task, s, 0, tip);
        pen.stroke(k.pole(), Math.max(4, 0.04 * scale), null);
        pen.strokeLine(m.x(s[0]), m.y(0), m.x(tip[0]), m.y(tip[1]));
        pen.fill(k.hinge());
        pen.fillOval(m.x(s[0]) - 4, m.y(0) - 4, 8, 8);
    }

    private static void path(Pen pen, Mapper m, CartPoleTask task, double[] states, int offset, int points,
                             double[] tip) {
        tip(task, states, offset, tip);
        double px = m.x(tip[0]);
        double py = m.y(tip[1]);
        for (int t = 1; t < points; t++) {
            tip(task, states, offset + t * 4, tip);
            double qx = m.x(tip[0]);
            double qy = m.y(tip[1]);
            if (Double.isFinite(qx) && Double.isFinite(qy)) {
                if (m.inside(px, py) && m.inside(qx, qy)) {
                    pen.strokeLine(px, py, qx, qy);
                }
                px = qx;
                py = qy;
            }
        }
    }

    /**
     * "sigma [N]: 5.0 -> 4.2 -> 3.6 -> 2.9", the sampling distribution's mean sigma before the first round and after
     * each; when that is wider than {@code w}, the first and the last with an ellipsis between ("5.0 -> ... -> 2.9"),
     * so that the text keeps its size on a narrow picture instead of being squeezed.
     */
    static String sigmaLine(Pen pen, List<String> sigmas, double font, double w) {
        String head = "\u03c3 [N]:";
        if (sigmas.isEmpty()) {
            return head;
        }
        String all = head + " " + String.join(" \u2192 ", sigmas);
        if (sigmas.size() <= 3 || pen.textWidth(all, font, Pen.Face.REGULAR) <= w) {
            return all;
        }
        return head + " " + sigmas.get(0) + " \u2192 \u2026 \u2192 " + sigmas.get(sigmas.size() - 1);
    }

    private static void drawForces(Pen pen, PlanningFrame f, double x0, double y0, double w, double h, double font,
                                   boolean highContrast) {
        Colours k = colours(highContrast);
        double maxF = f.settings().cartPoleTask().maxForce();
        double line = font * 1.4;
        pen.fill(k.ink());
        Iteration round = f.round();
        String title = round == null ? "Forces u1..uH" : String.format(Locale.ROOT, "Forces, round %d/%d",
                round.index() + 1, f.roundsTotal());
        pen.text(title, x0, y0, font, Pen.Face.BOLD, Pen.Align.LEFT, Pen.VAlign.TOP, w);
        List<Iteration> rounds = f.rounds();
        List<String> sigmas = new ArrayList<>();
        if (!rounds.isEmpty()) {
            sigmas.add(String.format(Locale.ROOT, "%.1f", mean(rounds.get(0).std())));
            for (Iteration it : rounds) {
                sigmas.add(String.format(Locale.ROOT, "%.1f", mean(it.nextStd())));
            }
        }
        pen.text(sigmaLine(pen, sigmas, font, w), x0, y0 + line, font, Pen.Face.REGULAR, Pen.Align.LEFT,
                Pen.VAlign.TOP, w);
        double left = x0 + pen.textWidth("-10", font, Pen.Face.REGULAR) + 6;
        double top = y0 + 2 * line + 6;
        double pw = x0 + w - left;
        double ph = y0 + h - top - line;
        if (pw < 20 || ph < 20) {
            return;
        }
        pen.stroke(k.frame(), 1, null);
        pen.strokeRect(left, top, pw, ph);
        pen.strokeLine(left, top + ph / 2, left + pw, top + ph / 2);
        pen.fill(k.faintText());
        pen.text(fmt(maxF), left - 4, top, font * 0.9, Pen.Face.REGULAR, Pen.Align.RIGHT, Pen.VAlign.TOP, 0);
        pen.text("0", left - 4, top + ph / 2, font * 0.9, Pen.Face.REGULAR, Pen.Align.RIGHT, Pen.VAlign.CENTER, 0);
        pen.text(fmt(-maxF), left - 4, top + ph, font * 0.9, Pen.Face.REGULAR, Pen.Align.RIGHT, Pen.VAlign.BOTTOM, 0);
        pen.text("plan step 1..H", left + pw / 2, top + ph + 2, font * 0.9, Pen.Face.REGULAR,
                Pen.Align.CENTER, Pen.VAlign.TOP, pw);
        if (round == null) {
            return;
        }
        int hor = round.horizon();
        double dx = hor > 1 ? pw / (hor - 1) : 0;
        java.util.function.DoubleUnaryOperator y = v -> top + ph / 2
                - Math.max(-maxF, Math.min(maxF, v)) / maxF * ph / 2;
        boolean[] elite = new boolean[round.population()];
        for (int e : round.elites()) {
            elite[e] = true;
        }
        double[] seq = round.sequences();
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < round.population(); c++) {
                if (elite[c] != (pass == 1)) {
                    continue;
                }
                pen.stroke(elite[c] ? k.elite() : k.candidate(), elite[c] ? 1.6 : 1, null);
                for (int t = 1; t < hor; t++) {
                    pen.strokeLine(left + (t - 1) * dx, y.applyAsDouble(seq[c * hor + t - 1]), left + t * dx,
                            y.applyAsDouble(seq[c * hor + t]));
                }
            }
        }
        double[] mu = round.nextMean();
        double[] sd = round.nextStd();
        for (int t = 1; t < hor; t++) {
            pen.stroke(k.plan(), highContrast ? 3.5 : 2.5, null);
            pen.strokeLine(left + (t - 1) * dx, y.applyAsDouble(mu[t - 1]), left + t * dx, y.applyAsDouble(mu[t]));
            pen.stroke(k.plan(), 1.2, new double[] {4, 3});
            pen.strokeLine(left + (t - 1) * dx, y.applyAsDouble(mu[t - 1] + sd[t - 1]), left + t * dx,
                    y.applyAsDouble(mu[t] + sd[t]));
            pen.strokeLine(left + (t - 1) * dx, y.applyAsDouble(mu[t - 1] - sd[t - 1]), left + t * dx,
                    y.applyAsDouble(mu[t] - sd[t]));
        }
    }

    /**
     * The candidates of the round shown as CSV: candidate, J, elite (1/0), u_1..u_H; then the executed plan's
     * predicted and replayed returns as comments-free rows named "plan".
     */
    static String csv(PlanningFrame f) {
        StringBuilder sb = new StringBuilder("candidate,J,elite");
        Iteration round = f == null ? null : f.round();
        int hor = f == null ? 0 : f.settings().planner().horizon();
        for (int t = 1; t <= hor; t++) {
            sb.append(",u").append(t);
        }
        sb.append('\n');
        if (round != null) {
            boolean[] elite = new boolean[round.population()];
            for (int e : round.elites()) {
                elite[e] = true;
            }
            for (int c = 0; c < round.population(); c++) {
                sb.append(c + 1).append(',').append(num(round.returns()[c])).append(',').append(elite[c] ? 1 : 0);
                for (int t = 0; t < hor; t++) {
                    sb.append(',').append(num(round.sequences()[c * hor + t]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** World metres to picture pixels. */
    private record Mapper(double cx, double cy, double scale, double left, double top, double right,
                          double bottom) {
        /** Whether a picture point lies in the world's box (paths are drawn only there). */
        boolean inside(double px, double py) {
            return px >= left && px <= right && py >= top && py <= bottom;
        }

        double x(double wx) {
            return cx + wx * scale;
        }

        double y(double wy) {
            return cy - wy * scale;
        }
    }
}
