package mbrllab.app.maze;

import java.awt.Color;
import java.util.Locale;

import mbrllab.app.render.OffsetPen;
import mbrllab.app.render.Pen;
import mbrllab.app.render.Pen.Align;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Layout;

/**
 * Draws one maze pane with a {@link Pen}, so the screen and the exported PNG and SVG files show the same
 * picture: walls, four Q triangles per cell on a shared diverging scale, greedy arrows where one action is
 * strictly best, S and G, the cells the model knows, values or visit counts, the agent with its trail, and
 * the last planning update.
 */
public final class MazeRenderer {

    static final Color WALL = new Color(0x3b3b3b);
    static final Color AGENT = new Color(0xD55E00);
    static final Color GOAL = new Color(0x009E73);
    static final Color KNOWN = new Color(0x0072B2);

    /**
     * The maze's colours in one theme. In high contrast (ThemeContrastTest checks it): walls 3:1 or more against the
     * free cells, the grid lines and the background; grid lines 3:1 against the cells; the letters 7:1 against what
     * they are drawn on.
     *
     * @param background the pane around the maze
     * @param cell       a free cell with Q = 0 (the middle of the diverging scale) or without triangles
     * @param wall       a wall cell
     * @param grid       the lines between cells
     * @param goal       the goal cell's fill
     * @param goalText   the letter G
     * @param start      the start cell's frame and its letter S
     * @param plate      the light plate under S and the numbers
     */
    public record Colours(Color background, Color cell, Color wall, Color grid, Color goal, Color goalText, Color start,
                          Color plate) {
    }

    private static final Colours NORMAL = new Colours(new Color(0xfafafa), Color.WHITE, WALL, new Color(0x9a9a9a),
            GOAL, Color.WHITE, Color.BLACK, new Color(255, 255, 255, 210));
    private static final Colours HIGH_CONTRAST = new Colours(Color.BLACK, Color.WHITE, new Color(0x666666),
            Color.BLACK, new Color(0x005C43), Color.WHITE, Color.BLACK, new Color(255, 255, 255, 230));

    /** The colours of the normal or the high-contrast theme. */
    public static Colours colours(boolean highContrast) {
        return highContrast ? HIGH_CONTRAST : NORMAL;
    }

    /**
     * How to draw.
     *
     * @param limit        the colour scale's limit m: Q in [-m, m]
     * @param overlays     which layers
     * @param fontScale    text scale, 1 = normal
     * @param highContrast black background, light walls
     */
    public record Style(double limit, Overlays overlays, double fontScale, boolean highContrast) {
    }

    /**
     * Layers beyond the Q picture, used by the Changing mazes lab.
     *
     * @param heat      null, or per (x,u), indexed x * 4 + u, a value in [0, heatLimit] that colours the four
     *                  triangles on the {@link SequentialScale} instead of Q (the tau heat map)
     * @param heatLimit the top of the heat scale
     * @param heatName  the heat's name in the exported legend, e.g. "tau"
     * @param outlined  cell indices drawn with a black and yellow dashed frame (the cells a layout change touched)
     */
    public record Extras(double[] heat, double heatLimit, String heatName, int[] outlined) {

        /** Nothing beyond the Q picture. */
        public static final Extras NONE = new Extras(null, 1, "", new int[0]);

        public Extras {
            outlined = outlined == null ? new int[0] : outlined;
            heatName = heatName == null ? "" : heatName;
        }
    }

    private MazeRenderer() {
    }

    /**
     * Cells smaller than this many pixels are drawn as plain squares (see {@link #drawSmall}): a Q triangle, a grid
     * line or an arrow would not show in them.
     */
    static final double SMALL_CELL = 4;

    /**
     * Side of a cell and the offsets that centre the grid in a w x h area: {s, ox, oy}. The side is a whole number of
     * pixels from {@link #SMALL_CELL} up, and the exact share of the area below it (a 40 x 60 maze in a 180 x 110 px
     * pane: 2.75 px, not 2).
     */
    static double[] geometry(Layout layout, double w, double h) {
        double exact = Math.min(w / layout.cols(), h / layout.rows());
        double s = exact >= SMALL_CELL ? Math.floor(exact) : Math.max(0, exact);
        double ox = Math.floor((w - s * layout.cols()) / 2);
        double oy = Math.floor((h - s * layout.rows()) / 2);
        return new double[] {s, ox, oy};
    }

    /** Draws {@code frame} into the area [0, w] x [0, h]. */
    public static void draw(Pen pen, PaneFrame frame, Style style, double w, double h) {
        draw(pen, frame, style, Extras.NONE, w, h);
    }

    /** Draws {@code frame} with the {@code extras} layers into the area [0, w] x [0, h]. */
    public static void draw(Pen pen, PaneFrame frame, Style style, Extras extras, double w, double h) {
        Overlays overlays = style.overlays();
        Colours colours = colours(style.highContrast());
        pen.fill(colours.background());
        pen.fillRect(0, 0, w, h);
        if (frame == null) {
            return;
        }
        Layout layout = frame.layout();
        double[] g = geometry(layout, w, h);
        double s = g[0];
        double ox = g[1];
        double oy = g[2];
        if (s < SMALL_CELL) {
            drawSmall(pen, frame, colours, style, extras, s, ox, oy);
            return;
        }
        double[] q = frame.q();
        int cols = layout.cols();
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                int x = r * cols + c;
                double left = ox + c * s;
                double top = oy + r * s;
                if (layout.isWall(r, c)) {
                    pen.fill(colours.wall());
                    pen.fillRect(left, top, s, s);
                    continue;
                }
                if (extras.heat() != null || overlays.qTriangles()) {
                    for (int u = 0; u < Action.COUNT; u++) {
                        pen.fill(extras.heat() != null ? SequentialScale.color(extras.heat()[x * 4 + u],
                                extras.heatLimit()) : DivergingScale.color(q[x * 4 + u], style.limit()));
                        pen.fillPolygon(triangleXs(u, left, s), triangleYs(u, top, s));
                    }
                    pen.stroke(Color.WHITE, Math.max(0.5, s / 60), null);
                    pen.strokeLine(left, top, left + s, top + s);
                    pen.strokeLine(left + s, top, left, top + s);
                } else {
                    pen.fill(colours.cell());
                    pen.fillRect(left, top, s, s);
                }
            }
        }
        pen.stroke(colours.grid(), style.highContrast() ? Math.max(1, s / 40) : 1, null);
        for (int r = 0; r <= layout.rows(); r++) {
            pen.strokeLine(ox, oy + r * s, ox + cols * s, oy + r * s);
        }
        for (int c = 0; c <= cols; c++) {
            pen.strokeLine(ox + c * s, oy, ox + c * s, oy + layout.rows() * s);
        }
        drawStartAndGoal(pen, layout, colours, s, ox, oy);
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                if (layout.isWall(r, c)) {
                    continue;
                }
                int x = r * cols + c;
                double left = ox + c * s;
                double top = oy + r * s;
                if (overlays.modelKnown() && frame.known()[x]) {
                    double m = Math.max(3, s * 0.12);
                    pen.fill(KNOWN);
                    pen.fillOval(left + s * 0.06, top + s * 0.06, m, m);
                }
                boolean goal = layout.goal().row() == r && layout.goal().col() == c;
                int best = overlays.greedyArrows() && !goal ? DynaQ.strictlyBestAction(q, x) : -1;
                // The numbers first, away from the arrow's head; where large text cannot keep clear, the arrow on top.
                if ((overlays.stateValues() || overlays.visitCounts()) && !goal) {
                    drawNumbers(pen, frame, overlays, style.fontScale(), x, left, top, s, best);
                }
                if (best >= 0) {
                    drawArrow(pen, Action.of(best), left + s / 2, top + s / 2, s, extras.heat() != null);
                }
            }
        }
        if (overlays.trail()) {
            int[] trail = frame.trail();
            for (int k = 0; k < trail.length - 1; k++) {
                int alpha = (int) Math.round(255 * (0.15 + 0.45 * k / Math.max(1, trail.length - 1)));
                pen.fill(new Color(AGENT.getRed(), AGENT.getGreen(), AGENT.getBlue(), alpha));
                double[] p = centre(layout, trail[k], s, ox, oy);
                double d = s * 0.22;
                pen.fillOval(p[0] - d / 2, p[1] - d / 2, d, d);
            }
        }
        if (overlays.planning() && frame.plannedPair() >= 0) {
            drawPlanning(pen, frame, layout, s, ox, oy);
        }
        for (int cell : extras.outlined()) {
            if (cell >= 0 && cell < layout.cellCount()) {
                double left = ox + (cell % cols) * s;
                double top = oy + (cell / cols) * s;
                double wd = Math.max(2, s / 14);
                pen.stroke(Color.BLACK, wd, null);
                pen.strokeRect(left + wd / 2, top + wd / 2, s - wd, s - wd);
                pen.stroke(new Color(0xF0E442), wd, new double[] {s / 7, s / 7});
                pen.strokeRect(left + wd / 2, top + wd / 2, s - wd, s - wd);
            }
        }
        double[] a = centre(layout, frame.agent(), s, ox, oy);
        double d = s * 0.5;
        pen.fill(AGENT);
        pen.fillOval(a[0] - d / 2, a[1] - d / 2, d, d);
        pen.stroke(Color.BLACK, Math.max(1, s / 30), null);
        pen.strokeOval(a[0] - d / 2, a[1] - d / 2, d, d);
    }

    /**
     * A maze whose cells are under {@link #SMALL_CELL} pixels (a large maze in a small pane; it used to be left blank):
     * each free cell one square in the colour of its best action's value (or its largest heat), walls, the goal, the
     * start and the agent as squares of their colours, a line around the maze, no grid lines, triangles or arrows.
     */
    private static void drawSmall(Pen pen, PaneFrame frame, Colours colours, Style style, Extras extras, double s,
                                  double ox, double oy) {
        if (s <= 0) {
            return;
        }
        Layout layout = frame.layout();
        double[] q = frame.q();
        Overlays overlays = style.overlays();
        int cols = layout.cols();
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                int x = r * cols + c;
                if (layout.isWall(r, c)) {
                    pen.fill(colours.wall());
                } else if (extras.heat() != null) {
                    double most = extras.heat()[x * 4];
                    for (int u = 1; u < Action.COUNT; u++) {
                        most = Math.max(most, extras.heat()[x * 4 + u]);
                    }
                    pen.fill(SequentialScale.color(most, extras.heatLimit()));
                } else if (overlays.qTriangles()) {
                    double best = q[x * 4];
                    for (int u = 1; u < Action.COUNT; u++) {
                        best = Math.max(best, q[x * 4 + u]);
                    }
                    pen.fill(DivergingScale.color(best, style.limit()));
                } else {
                    pen.fill(colours.cell());
                }
                pen.fillRect(ox + c * s, oy + r * s, s, s);
            }
        }
        // The maze's edge, inside its outer cells (it fills the pane's width or height; its free cells are as light
        // as the pane where their values are 0).
        pen.stroke(colours.grid(), 1, null);
        pen.strokeRect(ox + 0.5, oy + 0.5, cols * s - 1, layout.rows() * s - 1);
        // The marks at least 2 px wide, centred on their cells, so that one can find them.
        double m = Math.max(2, s);
        pen.fill(colours.goal());
        pen.fillRect(ox + (layout.goal().col() + 0.5) * s - m / 2, oy + (layout.goal().row() + 0.5) * s - m / 2, m, m);
        pen.fill(colours.start());
        pen.fillRect(ox + (layout.start().col() + 0.5) * s - m / 2, oy + (layout.start().row() + 0.5) * s - m / 2, m,
                m);
        double[] a = centre(layout, frame.agent(), s, ox, oy);
        pen.fill(Color.BLACK);
        pen.fillRect(a[0] - m / 2 - 1, a[1] - m / 2 - 1, m + 2, m + 2);
        pen.fill(AGENT);
        pen.fillRect(a[0] - m / 2, a[1] - m / 2, m, m);
    }

    /** Height of the title and legend bands that {@link #drawFigure} adds around the maze. */
    public static final double FIGURE_BAND = 34;

    /**
     * The maze as a stand-alone figure (for exports): a title line, the maze, and the colour legend with numbers
     * under it. The whole figure is w x (h + 2 * {@link #FIGURE_BAND}).
     */
    public static void drawFigure(Pen pen, PaneFrame frame, Style style, String title, double w, double h) {
        drawFigure(pen, frame, style, Extras.NONE, title, w, h);
    }

    /**
     * As {@link #drawFigure(Pen, PaneFrame, Style, String, double, double)} with the {@code extras} layers; with a
     * heat map the legend shows the heat's scale instead of Q's.
     */
    public static void drawFigure(Pen pen, PaneFrame frame, Style style, Extras extras, String title, double w,
                                  double h) {
        double band = FIGURE_BAND;
        pen.fill(style.highContrast() ? Color.BLACK : Color.WHITE);
        pen.fillRect(0, 0, w, h + 2 * band);
        Color text = style.highContrast() ? Color.WHITE : Color.BLACK;
        pen.fill(text);
        pen.text(title, w / 2, band / 2, Math.min(15, Math.max(9, w / title.length() * 1.6)) * style.fontScale(), true,
                Align.CENTER);
        draw(new OffsetPen(pen, 0, band), frame, style, extras, w, h);
        double barLeft = Math.max(60, w * 0.2);
        double barRight = w - Math.max(30, w * 0.1);
        double top = h + band + 4;
        double barHeight = 10;
        int steps = 120;
        boolean heat = extras.heat() != null;
        for (int k = 0; k < steps; k++) {
            double t = k / (double) (steps - 1);
            pen.fill(heat ? SequentialScale.colorAt(t) : DivergingScale.color((t * 2 - 1) * style.limit(),
                    style.limit()));
            double x = barLeft + k * (barRight - barLeft) / steps;
            pen.fillRect(x, top, (barRight - barLeft) / steps + 0.5, barHeight);
        }
        pen.fill(text);
        pen.text(heat ? extras.heatName() : "Q(x,u)", barLeft - 8, top + barHeight / 2, 12 * style.fontScale(), false,
                Align.RIGHT);
        for (int k = 0; k <= 4; k++) {
            String label = heat ? String.format(Locale.ROOT, "%,.0f", SequentialScale.valueAt(k / 4.0,
                    extras.heatLimit())) : QLegend.format((k / 2.0 - 1) * style.limit());
            pen.text(label, barLeft + k / 4.0 * (barRight - barLeft), top + barHeight + 9,
                    11 * style.fontScale(), false, Align.CENTER);
        }
    }

    private static double[] centre(Layout layout, int cell, double s, double ox, double oy) {
        int r = cell / layout.cols();
        int c = cell % layout.cols();
        return new double[] {ox + c * s + s / 2, oy + r * s + s / 2};
    }

    static double[] triangleXs(int u, double left, double s) {
        double cx = left + s / 2;
        return switch (Action.of(u)) {
            case UP, DOWN -> new double[] {left, left + s, cx};
            case LEFT -> new double[] {left, left, cx};
            case RIGHT -> new double[] {left + s, left + s, cx};
        };
    }

    static double[] triangleYs(int u, double top, double s) {
        double cy = top + s / 2;
        return switch (Action.of(u)) {
            case UP -> new double[] {top, top, cy};
            case DOWN -> new double[] {top + s, top + s, cy};
            case LEFT, RIGHT -> new double[] {top, top + s, cy};
        };
    }

    /** Size of the letter G as a share of the cell: it grows with the cell, as the maze does. */
    static final double LETTER = 0.5;

    /**
     * Size of the letter S as a share of the cell, on its plate in the cell's top right corner (0.34 before: 11 px in
     * a presenter mode's 34 px cell, small beside G and the agent).
     */
    static final double START_LETTER = 0.46;

    /**
     * G fills the goal cell with its letter in the middle; S frames the start cell with its letter on a light plate in
     * the top right corner (the middle is the greedy arrow's and the agent's). Both letters scale with the cell.
     */
    private static void drawStartAndGoal(Pen pen, Layout layout, Colours colours, double s, double ox, double oy) {
        double gl = ox + layout.goal().col() * s;
        double gt = oy + layout.goal().row() * s;
        pen.fill(colours.goal());
        pen.fillRect(gl + 1, gt + 1, s - 2, s - 2);
        pen.fill(colours.goalText());
        pen.text("G", gl + s / 2, gt + s / 2, Math.max(9, s * LETTER), true, Align.CENTER);
        double sl = ox + layout.start().col() * s;
        double st = oy + layout.start().row() * s;
        pen.stroke(colours.start(), Math.max(1.5, s / 20), null);
        pen.strokeRect(sl + 2, st + 2, s - 4, s - 4);
        double size = Math.max(9, s * START_LETTER);
        double cx = sl + s - 3 - size * 0.45;
        double cy = st + 3 + size * 0.55;
        pen.fill(colours.plate());
        pen.fillRect(cx - size * 0.42, cy - size * 0.52, size * 0.84, size * 1.04);
        pen.fill(colours.start());
        pen.text("S", cx, cy, size, true, Align.CENTER);
    }

    /** A black arrow; with {@code halo} a white edge around it, readable on dark heat-map colours too. */
    private static void drawArrow(Pen pen, Action u, double cx, double cy, double s, boolean halo) {
        double len = s * 0.34;
        double x2 = cx + u.dCol() * len;
        double y2 = cy + u.dRow() * len;
        double x1 = cx - u.dCol() * len * 0.55;
        double y1 = cy - u.dRow() * len * 0.55;
        if (halo) {
            pen.stroke(Color.WHITE, Math.max(1.5, s / 16) + 3, null);
            pen.strokeLine(x1, y1, x2, y2);
            double head = s * 0.16;
            double px = -u.dRow();
            double py = u.dCol();
            pen.strokePolygon(new double[] {x2 + u.dCol() * head * 0.6, x2 - u.dCol() * head * 0.5 + px * head * 0.7,
                x2 - u.dCol() * head * 0.5 - px * head * 0.7},
                new double[] {y2 + u.dRow() * head * 0.6, y2 - u.dRow() * head * 0.5 + py * head * 0.7,
                    y2 - u.dRow() * head * 0.5 - py * head * 0.7});
        }
        pen.stroke(Color.BLACK, Math.max(1.5, s / 16), null);
        pen.strokeLine(x1, y1, x2, y2);
        double head = s * 0.16;
        double px = -u.dRow();
        double py = u.dCol();
        pen.fill(Color.BLACK);
        pen.fillPolygon(new double[] {x2 + u.dCol() * head * 0.6, x2 - u.dCol() * head * 0.5 + px * head * 0.7,
            x2 - u.dCol() * head * 0.5 - px * head * 0.7},
            new double[] {y2 + u.dRow() * head * 0.6, y2 - u.dRow() * head * 0.5 + py * head * 0.7,
                y2 - u.dRow() * head * 0.5 - py * head * 0.7});
    }

    /**
     * The cell's numbers on a light plate, in the half of the cell away from the head of its greedy arrow
     * ({@code arrow}, -1 for none): the top for a down arrow, else the bottom, below a sideways arrow's head.
     */
    private static void drawNumbers(Pen pen, PaneFrame frame, Overlays overlays, double fontScale, int x, double left,
                                    double top, double s, int arrow) {
        StringBuilder text = new StringBuilder();
        if (overlays.stateValues()) {
            double[] q = frame.q();
            double v = Math.max(Math.max(q[x * 4], q[x * 4 + 1]), Math.max(q[x * 4 + 2], q[x * 4 + 3]));
            text.append(String.format(Locale.ROOT, "%.2f", v));
        }
        if (overlays.visitCounts()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(frame.visits()[x]);
        }
        double size = Math.max(8, s * 0.2 * Math.min(1.3, fontScale));
        // A light plate keeps the numbers readable on dark triangles.
        pen.fill(new Color(255, 255, 255, 200));
        double lines = overlays.stateValues() && overlays.visitCounts() ? 2 : 1;
        double plate = size * 1.5 * lines;
        double y = top + s * (arrow == Action.DOWN.ordinal() ? 0.22 : 0.77);
        y = Math.max(top + s * 0.02 + plate / 2, Math.min(top + s * 0.98 - plate / 2, y)); // inside the cell
        pen.fillRect(left + s * 0.18, y - plate / 2, s * 0.64, plate);
        pen.fill(Color.BLACK);
        pen.text(text.toString(), left + s / 2, y, size, false, Align.CENTER);
    }

    private static void drawPlanning(Pen pen, PaneFrame frame, Layout layout, double s, double ox, double oy) {
        int pair = frame.plannedPair();
        int x = pair / 4;
        int u = pair % 4;
        double left = ox + (x % layout.cols()) * s;
        double top = oy + (x / layout.cols()) * s;
        pen.stroke(Color.BLACK, Math.max(2, s / 14), null);
        pen.strokePolygon(triangleXs(u, left, s), triangleYs(u, top, s));
        double cx = left + s / 2;
        double cy = top + s / 2;
        if (frame.plannedNext() >= 0 && frame.plannedNext() != x) {
            double[] to = centre(layout, frame.plannedNext(), s, ox, oy);
            pen.stroke(Color.BLACK, Math.max(2, s / 14), new double[] {s / 8, s / 10});
            pen.strokeLine(cx, cy, to[0], to[1]);
            pen.stroke(Color.BLACK, Math.max(2, s / 14), null);
            pen.strokeOval(to[0] - s * 0.18, to[1] - s * 0.18, s * 0.36, s * 0.36);
        }
    }
}
