package mbrllab.app.acceleration;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import mbrllab.app.render.Pen;
import mbrllab.app.render.Pen.Align;
import mbrllab.app.render.Pen.Face;
import mbrllab.app.render.Pen.VAlign;
import mbrllab.app.render.PenText;
import mbrllab.core.acceleration.ModelRollout;
import mbrllab.core.acceleration.ProcessCounters;

/**
 * The acceleration lab's pictures, drawn with a {@link Pen} so that the screen and the exported files show the same
 * thing: a cart-pole, the returns of a pane's episodes, the lecture's five processes of model-based DQN, and one model
 * rollout against the true physics. Pure drawing: what to draw comes in, nothing is kept.
 */
final class Drawings {

    /** Colours of a theme. */
    record Theme(Color background, Color text, Color faint, Color line, Color box, Color idle, Color lit) {
    }

    static final Theme NORMAL = new Theme(new Color(0xfafafa), new Color(0x222222), new Color(0x8a8a8a),
            new Color(0x555555), new Color(0xffffff), new Color(0xd8d8d8), new Color(0xD55E00));
    static final Theme HIGH_CONTRAST = new Theme(Color.BLACK, Color.WHITE, new Color(0xbbbbbb), new Color(0xdddddd),
            new Color(0x111111), new Color(0x555555), new Color(0xFFD000));

    /** How to draw: text size at this scale, theme, the pane's colour. */
    record Style(double font, Theme theme, Color accent) {
    }

    private static final double TRACK_LIMIT = 2.4;
    private static final double FAIL_ANGLE = 12 * Math.PI / 180;

    private Drawings() {
    }

    /**
     * A cart-pole: the track with its limits at +-2.4 m, the cart, the pole (1 m, theta from upright), the push as an
     * arrow, and a header line.
     */
    static void cart(Pen pen, double w, double h, double[] state, double force, String[] header, Style st) {
        Theme t = st.theme();
        pen.fill(t.background());
        pen.fillRect(0, 0, w, h);
        double f = st.font();
        pen.fill(t.text());
        pen.text(fitting(pen, header, f, w - 12), 6, 4, f, Face.REGULAR, Align.LEFT, VAlign.TOP, w - 12);
        if (state == null) {
            return;
        }
        double top = f * 1.6;
        double scale = (w - 16) / (2 * TRACK_LIMIT + 0.6);
        double poleLen = 1.0 * scale;
        double railY = Math.min(h - 8, top + poleLen * 1.15 + 0.35 * scale);
        if (railY - top < 40) {
            scale *= (h - top - 8) / (poleLen * 1.15 + 0.35 * scale);
            poleLen = scale;
            railY = h - 8;
        }
        double cx = w / 2;
        pen.stroke(t.line(), 2, null);
        pen.strokeLine(cx - TRACK_LIMIT * scale - 0.2 * scale, railY, cx + TRACK_LIMIT * scale + 0.2 * scale, railY);
        pen.stroke(t.faint(), 2, null);
        for (int side = -1; side <= 1; side += 2) {
            double lx = cx + side * TRACK_LIMIT * scale;
            pen.strokeLine(lx, railY - 0.25 * scale, lx, railY + 4);
        }
        double x = Math.max(-TRACK_LIMIT - 0.2, Math.min(TRACK_LIMIT + 0.2, state[0]));
        double cartX = cx + x * scale;
        double cartW = 0.5 * scale;
        double cartH = 0.25 * scale;
        double cartTop = railY - cartH - 2;
        pen.fill(st.accent());
        pen.fillRoundRect(cartX - cartW / 2, cartTop, cartW, cartH, 4);
        double theta = state[2];
        double px = cartX + Math.sin(theta) * poleLen;
        double py = cartTop - Math.cos(theta) * poleLen;
        pen.stroke(t.faint(), 1, new double[] {3, 3});
        for (int side = -1; side <= 1; side += 2) {
            pen.strokeLine(cartX, cartTop, cartX + Math.sin(side * FAIL_ANGLE) * poleLen * 0.9,
                    cartTop - Math.cos(FAIL_ANGLE) * poleLen * 0.9);
        }
        boolean fallen = Math.abs(theta) > FAIL_ANGLE || Math.abs(state[0]) > TRACK_LIMIT;
        pen.stroke(fallen ? t.lit() : new Color(0xE69F00), Math.max(3, 0.06 * scale), null);
        pen.strokeLine(cartX, cartTop, px, py);
        pen.fill(t.text());
        pen.fillOval(cartX - 3, cartTop - 3, 6, 6);
        if (force != 0) {
            double dir = Math.signum(force);
            double ay = cartTop + cartH / 2;
            double ax = cartX + dir * (cartW / 2 + 4);
            double len = Math.max(14, 0.3 * scale);
            pen.stroke(new Color(0xCC79A7), 3, null);
            pen.strokeLine(ax, ay, ax + dir * len, ay);
            pen.fill(new Color(0xCC79A7));
            pen.fillPolygon(new double[] {ax + dir * (len + 7), ax + dir * len, ax + dir * len},
                    new double[] {ay, ay - 5, ay + 5});
        }
    }

    /** The returns of a pane's finished episodes as bars (the latest {@code max}), 500 at the top, 195 dashed. */
    static void returns(Pen pen, double w, double h, int[] returns, int max, Style st) {
        Theme t = st.theme();
        pen.fill(t.background());
        pen.fillRect(0, 0, w, h);
        double f = st.font() * 0.85;
        pen.stroke(t.idle(), 1, null);
        pen.strokeRect(0.5, 0.5, w - 1, h - 1);
        int from = Math.max(0, returns.length - max);
        int count = returns.length - from;
        double plotH = h - 4;
        double y195 = h - 2 - plotH * 195 / 500;
        if (count > 0) {
            double bw = (w - 4) / Math.max(count, 20);
            pen.fill(st.accent());
            for (int e = 0; e < count; e++) {
                double v = Math.min(500, returns[from + e]);
                double bh = Math.max(1, plotH * v / 500);
                pen.fillRect(2 + e * bw, h - 2 - bh, Math.max(1, bw - 1), bh);
            }
        }
        pen.stroke(t.line(), 1, new double[] {4, 3});
        pen.strokeLine(2, y195, w - 2, y195);
        String[] forms = count == 0
                ? new String[] {"returns of the episodes appear here", "returns appear here"}
                : new String[] {"returns, last " + count + " episodes (195 dashed)",
                        "last " + count + " returns (195 dashed)", "last " + count + " returns"};
        String caption = fitting(pen, forms, f, w - 8);
        // on a veil of the background, so that the tall bars of a run that balances do not hide it
        Color veil = t.background();
        pen.fill(new Color(veil.getRed(), veil.getGreen(), veil.getBlue(), 200));
        pen.fillRect(2, 2, Math.min(w - 4, pen.textWidth(caption, f, Face.REGULAR) + 4), f * 1.25 + 2);
        pen.fill(t.text());
        pen.text(caption, 4, 3, f, Face.REGULAR, Align.LEFT, VAlign.TOP, w - 8);
    }

    /**
     * The longest of {@code forms} that fits {@code width} at {@code size}, else the shortest (which the pen then
     * squeezes): at 1024x768 with text 1.5 the returns strips' caption was squeezed to half its width.
     */
    static String fitting(Pen pen, String[] forms, double size, double width) {
        return fitting(pen, forms, size, Face.REGULAR, width);
    }

    /** {@link #fitting(Pen, String[], double, double)} in the given face. */
    static String fitting(Pen pen, String[] forms, double size, Face face, double width) {
        return PenText.longestThatFits(pen, forms, size, face, width);
    }

    /**
     * The five processes' state for {@link #processes}: the title's forms, longest first, counters, rates per real
     * step, which arrows are lit.
     */
    record Processes(String[] titles, boolean usesModel, boolean learnedModel, ProcessCounters c, double[] perStep,
                     boolean[] lit, int modelCapacity) {
        /** Arrows: real data in, real data to Q, model data to Q, Q to target, real data to model, model to rollouts,
         * real starts to rollouts, rollouts to model data. */
        static final int COLLECT = 0, REAL_TO_Q = 1, MODEL_TO_Q = 2, TARGET = 3, FIT = 4, MODEL_USE = 5, STARTS = 6,
                ROLLOUTS = 7, ARROWS = 8;
    }

    /**
     * The lecture's "model-based acceleration of DQN": five processes as boxes with their counters and rates, the real
     * and the model dataset with their sizes, arrows that light up while data flows along them. Without a model,
     * model training, model-data collection and the model dataset are drawn idle.
     */
    static void processes(Pen pen, double w, double h, Processes p, Style st) {
        Theme t = st.theme();
        pen.fill(t.background());
        pen.fillRect(0, 0, w, h);
        double f = st.font();
        pen.fill(t.text());
        // the longest title form on one line; where none fits, the shortest wraps to two lines before it shrinks
        String title = fitting(pen, p.titles(), f, Face.BOLD, w - 12);
        BoxLayout titleLayout = layout(pen, List.of(new Block(title, Face.BOLD, 1)), f, w - 12, f * LINE * 2);
        double titleSize = titleLayout.size();
        List<String> titleLines = titleLayout.split(0, title);
        for (int i = 0; i < titleLines.size(); i++) {
            pen.text(titleLines.get(i), 6, 4 + i * titleSize * LINE, titleSize, Face.BOLD, Align.LEFT, VAlign.TOP,
                    w - 12);
        }
        double top = 4 + titleLines.size() * titleSize * LINE + f * 0.4;
        double colW = (w - 10) / 4;
        double bw = colW * 0.9;
        double rowH = (h - top - 4) / 2;
        double bh = Math.min(rowH * 0.86, f * 8);
        double[] cx = new double[4];
        for (int i = 0; i < 4; i++) {
            cx[i] = 5 + colW * (i + 0.5);
        }
        double[] cy = {top + rowH * 0.5, top + rowH * 1.5};
        ProcessCounters c = p.c();
        String none = "real data only: idle";
        // arrows first, boxes on top
        arrow(pen, cx[0] + bw / 2, cy[0], cx[1] - bw / 2, cy[0], p.lit()[Processes.COLLECT], true, t);
        arrow(pen, cx[1], cy[0] + bh / 2, cx[1], cy[1] - bh / 2, p.lit()[Processes.REAL_TO_Q], true, t);
        arrow(pen, cx[2] - bw / 2, cy[1], cx[1] + bw / 2, cy[1], p.lit()[Processes.MODEL_TO_Q], p.usesModel(), t);
        arrow(pen, cx[1] - bw / 2, cy[1], cx[0] + bw / 2, cy[1], p.lit()[Processes.TARGET], true, t);
        arrow(pen, cx[1] + bw / 2, cy[0], cx[3] - bw / 2, cy[0], p.lit()[Processes.FIT], p.learnedModel(), t);
        arrow(pen, cx[3], cy[0] + bh / 2, cx[3], cy[1] - bh / 2, p.lit()[Processes.MODEL_USE], p.usesModel(), t);
        arrow(pen, cx[1] + bw / 2, cy[0] + bh / 2, cx[3] - bw / 2, cy[1] - bh / 2 + 4, p.lit()[Processes.STARTS],
                p.usesModel(), t);
        arrow(pen, cx[3] - bw / 2, cy[1], cx[2] + bw / 2, cy[1], p.lit()[Processes.ROLLOUTS], p.usesModel(), t);

        List<BoxText> boxes = new ArrayList<>();
        boxes.add(new BoxText(cx[0], cy[0], bw, bh, "1 Collect data", counted(c.realSteps(), "real step", "real steps"),
                rate(p.perStep()[0], ""), true, false));
        boxes.add(new BoxText(cx[1], cy[1], bw, bh, "2 Q-function regression",
                counted(c.qUpdates(), "TD update", "TD updates"), rate(p.perStep()[1], ""), true, false));
        boxes.add(new BoxText(cx[0], cy[1], bw, bh, "3 Target network update",
                // θ → φ kept on one line: it broke before φ in presenter mode at 1024x768, text 1.5
                counted(c.targetUpdates(), "copy", "copies") + " θ\u00a0→\u00a0φ", rate(p.perStep()[2], ""), true,
                false));
        boxes.add(new BoxText(cx[3], cy[0], bw, bh, "4 Model training", !p.usesModel() ? none : !p.learnedModel()
                        ? "true physics: no fit"
                        : counted(c.modelRefits(), "refit", "refits") + ", " + counted(c.modelSteps(), "step", "steps"),
                p.learnedModel() ? rate(p.perStep()[3], "") : "", p.usesModel(), false));
        boxes.add(new BoxText(cx[3], cy[1], bw, bh, "5 Model-data collection", !p.usesModel() ? none
                        : counted(c.modelRollouts(), "rollout", "rollouts"),
                p.usesModel() ? rate(p.perStep()[4], "transition") : "", p.usesModel(), false));
        boxes.add(new BoxText(cx[1], cy[0], bw, bh, "Real data",
                counted(c.realBufferSize(), "transition", "transitions"), "(x, u, x', r)", true, true));
        boxes.add(new BoxText(cx[2], cy[1], bw, bh, "Model data", !p.usesModel() ? "none" : count(c.modelBufferSize())
                        + (c.modelBufferSize() >= p.modelCapacity() ? " (full)" : "") + " transitions",
                p.usesModel() ? "(x, u, x̂', r̂)" : "", p.usesModel(), true));
        // one text size for all the boxes: the largest at which every box's text fits; where that is under
        // READABLE of the text's size (presenter mode at 1024x768 with text 2.0: 11.9 px for text of 24), the boxes
        // drop their small third lines (the rates, the datasets' tuples) for larger titles and counts (13.5 px)
        double size = boxTextSize(pen, boxes, st.font());
        if (size < READABLE * st.font()) {
            List<BoxText> shorter = new ArrayList<>();
            for (BoxText b : boxes) {
                shorter.add(b.withoutThirdLine());
            }
            double larger = boxTextSize(pen, shorter, st.font());
            if (larger > size) {
                boxes = shorter;
                size = larger;
            }
        }
        for (BoxText b : boxes) {
            box(pen, b, size, st);
        }
    }

    /** Below this share of the text's size the five processes' boxes drop their third lines. */
    static final double READABLE = 0.6;

    /** The largest text size up to {@code font} at which every box's text fits its box. */
    private static double boxTextSize(Pen pen, List<BoxText> boxes, double font) {
        double size = font;
        for (BoxText b : boxes) {
            size = Math.min(size, layout(pen, b.blocks(), font, b.textWidth(), b.bh() - 6).size());
        }
        return size;
    }

    /** A box of the five processes: where it is, its three texts, whether it is active and a dataset. */
    record BoxText(double cx, double cy, double bw, double bh, String title, String line1, String line2,
                   boolean active, boolean dataset) {

        /**
         * The width its text may take. A dataset's corners are rounder, but only where the text's first and last lines
         * hardly reach (ends as round as half the height took a third of the width from a dataset's text; with the
         * title on two lines and lower boxes, the boxes' text was 12.5 to 13.5 px at 1024x768 with text 1.5, now 15
         * to 15.5, DrawingsTest).
         */
        double textWidth() {
            return bw - (dataset ? 14 : 10);
        }

        /** The same box with its title and count only. */
        BoxText withoutThirdLine() {
            return new BoxText(cx, cy, bw, bh, title, line1, "", active, dataset);
        }

        /** The corners' arc: rounder for a dataset. */
        double arc() {
            return dataset ? bh * DATASET_ARC : 10;
        }

        List<Block> blocks() {
            List<Block> b = new ArrayList<>(List.of(new Block(title, Face.BOLD, 1), new Block(line1, Face.REGULAR,
                    1)));
            if (!line2.isEmpty()) {
                b.add(new Block(line2, Face.REGULAR, SMALL));
            }
            return b;
        }
    }

    private static void box(Pen pen, BoxText box, double textSize, Style st) {
        Theme t = st.theme();
        double cx = box.cx();
        double cy = box.cy();
        double bw = box.bw();
        double bh = box.bh();
        boolean active = box.active();
        boolean dataset = box.dataset();
        double x = cx - bw / 2;
        double y = cy - bh / 2;
        pen.fill(dataset ? (active ? blend(st.accent(), t.box(), 0.85) : t.background()) : t.box());
        pen.fillRoundRect(x, y, bw, bh, box.arc());
        pen.stroke(active ? (dataset ? st.accent() : t.line()) : t.idle(), dataset ? 2 : 1.5, null);
        pen.strokeRoundRect(x, y, bw, bh, box.arc());
        // the text word-wrapped at the size that fits every box
        double width = box.textWidth();
        List<Block> blocks = box.blocks();
        BoxLayout layout = layout(pen, blocks, textSize, width, bh - 6);
        double f = layout.size();
        List<List<String>> lines = new ArrayList<>();
        double height = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            List<String> l = layout.split(i, b.text());
            lines.add(l);
            height += l.size() * f * b.scale() * LINE;
        }
        double lineY = cy - height / 2;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            pen.fill(!active ? t.faint() : i == 2 ? t.line() : t.text());
            for (String line : lines.get(i)) {
                double size = f * b.scale();
                pen.text(line, cx, lineY + size * LINE / 2, size, b.face(), Align.CENTER, VAlign.CENTER, width);
                lineY += size * LINE;
            }
        }
    }

    /** Line height over the text size. */
    static final double LINE = 1.22;
    /** A dataset's corner arc over its height. */
    static final double DATASET_ARC = 0.3;
    /** The third line of a box, smaller. */
    private static final double SMALL = 0.88;
    /** Below this the text of a box shrinks no further (it is squeezed to the width instead). */
    private static final double MIN_TEXT = 8;

    /**
     * How a box's text is laid out: its size and, per block, how many words each line takes. Computed for the text
     * with its digits as zeros, so that the counters ticking up every frame reuse it (digits are equally wide) and
     * the size does not flicker; kept per pen kind, size and box.
     */
    record BoxLayout(double size, int[][] wordsPerLine) {

        /** {@code text} (block {@code block}'s words) in this layout's lines. */
        List<String> split(int block, String text) {
            String[] words = text.split(" ");
            List<String> lines = new ArrayList<>();
            int at = 0;
            for (int n : wordsPerLine[block]) {
                lines.add(String.join(" ", java.util.Arrays.copyOfRange(words, Math.min(at, words.length),
                        Math.min(at + n, words.length))));
                at += n;
            }
            if (at < words.length) { // not the text laid out: its rest on one more line
                lines.add(String.join(" ", java.util.Arrays.copyOfRange(words, at, words.length)));
            }
            return lines;
        }
    }

    private static final java.util.Map<String, BoxLayout> LAYOUTS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, BoxLayout> eldest) {
                    return size() > 256;
                }
            });

    /** The layout of {@code blocks} in a box ({@link #fitted}, {@link #wrap}), from the cache when it can. */
    static BoxLayout layout(Pen pen, List<Block> blocks, double size, double width, double height) {
        StringBuilder key = new StringBuilder(pen.getClass().getName()).append('|').append(Math.round(size * 10))
                .append('|').append(Math.round(width)).append('|').append(Math.round(height));
        List<Block> zeros = new ArrayList<>();
        for (Block b : blocks) {
            String z = b.text().replaceAll("[0-9]", "0");
            zeros.add(new Block(z, b.face(), b.scale()));
            key.append('|').append(b.face()).append(b.scale()).append(':').append(z);
        }
        return LAYOUTS.computeIfAbsent(key.toString(), k -> {
            double f = fitted(pen, zeros, size, width, height);
            int[][] counts = new int[zeros.size()][];
            for (int i = 0; i < zeros.size(); i++) {
                Block b = zeros.get(i);
                counts[i] = wrap(pen, b.text(), f * b.scale(), b.face(), width).stream()
                        .mapToInt(line -> line.split(" ").length).toArray();
            }
            return new BoxLayout(f, counts);
        });
    }

    /** A piece of text of a box, with its face and its size relative to the box's. */
    record Block(String text, Face face, double scale) {
    }

    /**
     * The largest text size up to {@code size} at which {@code blocks}, each word-wrapped to {@code width}, fit in
     * {@code height} with no line wider than {@code width} (down to {@link #MIN_TEXT}).
     */
    static double fitted(Pen pen, List<Block> blocks, double size, double width, double height) {
        double f = size;
        while (f > MIN_TEXT) {
            double total = 0;
            boolean narrow = true;
            for (Block b : blocks) {
                for (String line : wrap(pen, b.text(), f * b.scale(), b.face(), width)) {
                    total += f * b.scale() * LINE;
                    narrow &= pen.textWidth(line, f * b.scale(), b.face()) <= width;
                }
            }
            if (narrow && total <= height) {
                return f;
            }
            f = Math.max(MIN_TEXT, f * 0.97);
        }
        return MIN_TEXT;
    }

    /** {@code text} split at spaces into lines no wider than {@code width} (a single word may be wider). */
    static List<String> wrap(Pen pen, String text, double size, Face face, double width) {
        return PenText.wrap(pen, List.of(text.split(" ")), " ", size, face, width);
    }

    private static Color blend(Color a, Color b, double towardsB) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * towardsB),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * towardsB),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * towardsB));
    }

    private static void arrow(Pen pen, double x1, double y1, double x2, double y2, boolean lit, boolean active,
                              Theme t) {
        Color c = !active ? t.idle() : lit ? t.lit() : t.line();
        double width = lit && active ? 4 : 1.5;
        pen.stroke(c, width, active ? null : new double[] {4, 4});
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < 1) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double head = lit && active ? 12 : 9;
        pen.strokeLine(x1, y1, x2 - ux * head * 0.8, y2 - uy * head * 0.8);
        pen.fill(c);
        pen.fillPolygon(new double[] {x2, x2 - ux * head - uy * head * 0.5, x2 - ux * head + uy * head * 0.5},
                new double[] {y2, y2 - uy * head + ux * head * 0.5, y2 - uy * head - ux * head * 0.5});
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** "1 refit", "0 refits", "1,390 rollouts". */
    static String counted(long v, String one, String many) {
        return count(v) + " " + (v == 1 ? one : many);
    }

    /**
     * "2.0 per real step", "0.9 per real step", "178 transitions per real step" (with {@code what} "transition"),
     * "1 per 500 real steps" (below one in two real steps), or "" before a rate is known.
     */
    static String rate(double perStep, String what) {
        if (Double.isNaN(perStep)) {
            return "";
        }
        if (perStep == 0) {
            return "none lately";
        }
        if (perStep >= 0.5) {
            String unit = what.isEmpty() ? "" : " " + what + "s";
            return String.format(Locale.ROOT, perStep >= 9.5 ? "%.0f%s per real step" : "%.1f%s per real step",
                    perStep, unit);
        }
        return String.format(Locale.ROOT, "1 per %.0f real steps", 1 / perStep);
    }

    /**
     * One model rollout against the true physics: theta (degrees) and x (m) over the k imagined steps, the model's
     * states dashed in the pane's colour, the true physics solid, rings where the true physics' one step from each
     * imagined state goes, the failure limits faint; the longest of the titles that fits.
     */
    static void rollout(Pen pen, double w, double h, ModelRollout r, String[] titles, Style st) {
        Theme t = st.theme();
        pen.fill(t.background());
        pen.fillRect(0, 0, w, h);
        double f = st.font();
        pen.fill(t.text());
        pen.text(fitting(pen, titles, f, Face.BOLD, w - 12), 6, 4, f, Face.BOLD, Align.LEFT, VAlign.TOP, w - 12);
        if (r == null) {
            pen.fill(t.faint());
            List<String> lines = wrap(pen, "No model rollout yet: the model is fitted when learning starts (real "
                    + "step 200).", f, Face.REGULAR, w - 12);
            for (int i = 0; i < lines.size(); i++) {
                pen.text(lines.get(i), 6, f * (2.2 + 1.3 * i), f, Face.REGULAR, Align.LEFT, VAlign.TOP, w - 12);
            }
            return;
        }
        double legendY = f * 1.9;
        pen.stroke(st.accent(), 3, new double[] {7, 4});
        pen.strokeLine(8, legendY + f * 0.5, 40, legendY + f * 0.5);
        pen.fill(t.text());
        String[] imagined = r.modelTerminal()
                ? new String[] {"imagined by the model (the pole falls at step " + r.steps() + ")",
                    "imagined (falls at step " + r.steps() + ")", "imagined (falls)", "imagined"}
                : new String[] {"imagined by the model", "imagined"};
        pen.text(fitting(pen, imagined, f * 0.9, w / 2 - 50), 46, legendY, f * 0.9, Face.REGULAR, Align.LEFT,
                VAlign.TOP, w / 2 - 50);
        pen.stroke(t.text(), 2, null);
        pen.strokeLine(w / 2 + 4, legendY + f * 0.5, w / 2 + 36, legendY + f * 0.5);
        int falls = r.trueTerminalAt();
        String[] truth = falls > 0
                ? new String[] {"true physics, same pushes (falls at step " + falls + ")",
                    "true physics (falls at step " + falls + ")", "true (falls at step " + falls + ")", "true physics"}
                : new String[] {"true physics, same pushes", "true physics"};
        pen.text(fitting(pen, truth, f * 0.9, w / 2 - 46), w / 2 + 42, legendY, f * 0.9, Face.REGULAR, Align.LEFT,
                VAlign.TOP, w / 2 - 46);
        double stepLegendY = legendY + f * 1.3;
        pen.stroke(t.text(), 1.5, null);
        pen.strokeOval(24 - 4, stepLegendY + f * 0.5 - 4, 8, 8);
        pen.fill(t.text());
        pen.text(fitting(pen, new String[] {"the true physics' one step from each imagined state (how far each model "
                    + "step is off alone)", "true one step from each imagined state"}, f * 0.9, w - 56), 46,
                stepLegendY, f * 0.9, Face.REGULAR, Align.LEFT, VAlign.TOP, w - 56);
        double plotTop = stepLegendY + f * 1.6;
        double bottomText = f * 1.5;
        double plotH = (h - plotTop - bottomText - 8) / 2;
        double left = f * 4;
        double right = w - 10;
        series(pen, r, 2, 180 / Math.PI, 12, "θ [deg]", left, plotTop, right - left, plotH, st);
        series(pen, r, 0, 1, TRACK_LIMIT, "x [m]", left, plotTop + plotH + 6, right - left, plotH, st);
        pen.fill(t.text());
        pen.text(rolloutCaption(pen, r, f * 0.9, w - 12), 6, h - 4, f * 0.9, Face.REGULAR, Align.LEFT, VAlign.BOTTOM,
                w - 12);
    }

    /**
     * The rollout's numbers, in the longest form that fits: the state error after the k steps, and beside it the error
     * of the last step alone (from the model's own state), which is all that the transition in the model buffer gets
     * wrong.
     */
    static String rolloutCaption(Pen pen, ModelRollout r, double size, double width) {
        int k = r.steps();
        if (k == 0) {
            return "start: a real state from the buffer; the model's first step left the state space";
        }
        String after = String.format(Locale.ROOT, "%.3f", r.error(k));
        if (k == 1) {
            return fitting(pen, new String[] {"start: a real state from the buffer; 1 imagined step; state error after "
                + "it " + after + " (1 = off by the failure limits)", "1 imagined step; state error " + after}, size,
                    width);
        }
        String alone = String.format(Locale.ROOT, "%.3f", r.stepError(k));
        return fitting(pen, new String[] {
            String.format(Locale.ROOT, "start: a real state from the buffer; state error after the %d imagined "
                + "steps %s (1 = off by the failure limits); step %d alone, from the model's own state: %s",
                k, after, k, alone),
            String.format(Locale.ROOT, "state error after %d imagined steps %s; step %d alone, from the model's own "
                + "state: %s", k, after, k, alone),
            String.format(Locale.ROOT, "error after %d steps %s; step %d alone %s", k, after, k, alone)}, size, width);
    }

    private static void series(Pen pen, ModelRollout r, int component, double unit, double limit, String label,
                               double x0, double y0, double pw, double ph, Style st) {
        Theme t = st.theme();
        double max = limit * 1.25;
        for (int s = 0; s <= r.steps(); s++) {
            max = Math.max(max, Math.abs(r.imagined(s, component) * unit));
            max = Math.max(max, Math.abs(r.truth(s, component) * unit));
        }
        max = Math.min(max, limit * 10);
        double mid = y0 + ph / 2;
        double steps = Math.max(1, r.steps());
        pen.stroke(t.idle(), 1, null);
        pen.strokeRect(x0, y0, pw, ph);
        pen.stroke(t.faint(), 1, new double[] {3, 3});
        for (int side = -1; side <= 1; side += 2) {
            double y = mid - side * limit / max * ph / 2;
            pen.strokeLine(x0, y, x0 + pw, y);
        }
        pen.fill(t.text());
        pen.text(label, x0 - 4, mid, st.font() * 0.85, Face.REGULAR, Align.RIGHT, VAlign.CENTER, x0 - 6);
        pen.fill(t.faint());
        pen.text(String.format(Locale.ROOT, "±%.3g", limit), x0 - 4, mid - limit / max * ph / 2, st.font() * 0.75,
                Face.REGULAR, Align.RIGHT, VAlign.CENTER, x0 - 6);
        // the true physics after its pole has fallen (the episode would have ended there) thin and faint
        int falls = r.trueTerminalAt();
        for (int pass = 0; pass < 2; pass++) {
            boolean imagined = pass == 1;
            double px = 0;
            double py = 0;
            for (int s = 0; s <= r.steps(); s++) {
                double v = (imagined ? r.imagined(s, component) : r.truth(s, component)) * unit;
                v = Math.max(-max, Math.min(max, v));
                double x = x0 + pw * s / steps;
                double y = mid - v / max * ph / 2;
                boolean afterFall = !imagined && falls > 0 && s > falls;
                Color c = imagined ? st.accent() : afterFall ? t.faint() : t.text();
                if (s > 0) {
                    pen.stroke(c, imagined ? 3 : afterFall ? 1.5 : 2,
                            imagined ? new double[] {7, 4} : afterFall ? new double[] {2, 3} : null);
                    pen.strokeLine(px, py, x, y);
                }
                pen.fill(c);
                double dot = afterFall ? 3 : 5;
                pen.fillOval(x - dot / 2, y - dot / 2, dot, dot);
                px = x;
                py = y;
            }
        }
        // where each model step should have gone: the true physics' one step from the model's previous state
        pen.stroke(t.text(), 1.5, null);
        for (int s = 1; s <= r.steps(); s++) {
            double v = Math.max(-max, Math.min(max, r.stepped(s, component) * unit));
            pen.strokeOval(x0 + pw * s / steps - 4, mid - v / max * ph / 2 - 4, 8, 8);
        }
    }
}
