package mbrllab.app.dynamaze;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import mbrllab.core.dyna.DynaQ;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Layout;

/**
 * Draws one maze pane: walls, four Q triangles per cell on a shared diverging scale, greedy arrows where
 * one action is strictly best, S and G, the cells the model knows, the agent with its trail, and the last
 * planning update. Resizes with its parent; draws only on the FX thread.
 */
public final class MazeCanvas extends Canvas {

    static final Color WALL = Color.web("#3b3b3b");
    static final Color GRID = Color.web("#ffffff");
    static final Color AGENT = Color.web("#D55E00");
    static final Color GOAL = Color.web("#009E73");
    static final Color KNOWN = Color.web("#0072B2");
    static final Color PLAN = Color.web("#000000");

    private PaneFrame frame;
    private double limit = 1;
    private Overlays overlays = Overlays.defaults();
    private double fontScale = 1;
    private boolean highContrast;

    public MazeCanvas() {
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return 360;
    }

    @Override
    public double prefHeight(double width) {
        return 240;
    }

    @Override
    public double minWidth(double height) {
        return 90;
    }

    @Override
    public double minHeight(double width) {
        return 60;
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

    /** Shows a new frame with the shared colour limit of all panes. */
    public void show(PaneFrame newFrame, double colourLimit) {
        this.frame = newFrame;
        this.limit = colourLimit;
        draw();
    }

    public void setOverlays(Overlays newOverlays) {
        this.overlays = newOverlays;
        draw();
    }

    public void setFontScale(double scale) {
        this.fontScale = scale;
        draw();
    }

    public void setHighContrast(boolean on) {
        this.highContrast = on;
        draw();
    }

    public PaneFrame frame() {
        return frame;
    }

    /** Side of a cell in pixels for the current size, and the offsets that centre the grid. */
    private double[] geometry(Layout layout) {
        double s = Math.floor(Math.min(getWidth() / layout.cols(), getHeight() / layout.rows()));
        double ox = Math.floor((getWidth() - s * layout.cols()) / 2);
        double oy = Math.floor((getHeight() - s * layout.rows()) / 2);
        return new double[] {s, ox, oy};
    }

    /** The cell index under a point of the canvas, or -1. */
    public int cellAt(double px, double py) {
        if (frame == null) {
            return -1;
        }
        Layout layout = frame.layout();
        double[] g = geometry(layout);
        int col = (int) Math.floor((px - g[1]) / g[0]);
        int row = (int) Math.floor((py - g[2]) / g[0]);
        return layout.contains(row, col) ? row * layout.cols() + col : -1;
    }

    void draw() {
        GraphicsContext gc = getGraphicsContext2D();
        gc.setFill(highContrast ? Color.BLACK : Color.web("#fafafa"));
        gc.fillRect(0, 0, getWidth(), getHeight());
        if (frame == null) {
            return;
        }
        Layout layout = frame.layout();
        double[] g = geometry(layout);
        double s = g[0];
        double ox = g[1];
        double oy = g[2];
        if (s < 4) {
            return;
        }
        double[] q = frame.q();
        int cols = layout.cols();
        gc.setLineCap(StrokeLineCap.ROUND);
        for (int r = 0; r < layout.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                int x = r * cols + c;
                double left = ox + c * s;
                double top = oy + r * s;
                if (layout.isWall(r, c)) {
                    gc.setFill(highContrast ? Color.web("#bbbbbb") : WALL);
                    gc.fillRect(left, top, s, s);
                    continue;
                }
                double cx = left + s / 2;
                double cy = top + s / 2;
                if (overlays.qTriangles()) {
                    for (int u = 0; u < Action.COUNT; u++) {
                        gc.setFill(DivergingScale.color(q[x * 4 + u], limit));
                        fillTriangle(gc, u, left, top, s, cx, cy);
                    }
                    gc.setStroke(GRID);
                    gc.setLineWidth(Math.max(0.5, s / 60));
                    gc.strokeLine(left, top, left + s, top + s);
                    gc.strokeLine(left + s, top, left, top + s);
                } else {
                    gc.setFill(Color.WHITE);
                    gc.fillRect(left, top, s, s);
                }
            }
        }
        // Grid lines.
        gc.setStroke(highContrast ? Color.WHITE : Color.web("#9a9a9a"));
        gc.setLineWidth(1);
        for (int r = 0; r <= layout.rows(); r++) {
            gc.strokeLine(ox, oy + r * s, ox + cols * s, oy + r * s);
        }
        for (int c = 0; c <= cols; c++) {
            gc.strokeLine(ox + c * s, oy, ox + c * s, oy + layout.rows() * s);
        }
        drawStartAndGoal(gc, layout, s, ox, oy);
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
                    gc.setFill(KNOWN);
                    gc.fillOval(left + s * 0.06, top + s * 0.06, m, m);
                }
                if (overlays.greedyArrows() && !isGoal(layout, r, c)) {
                    int best = DynaQ.strictlyBestAction(q, x);
                    if (best >= 0) {
                        drawArrow(gc, Action.of(best), left + s / 2, top + s / 2, s);
                    }
                }
                if (overlays.stateValues() || overlays.visitCounts()) {
                    drawNumbers(gc, x, left, top, s);
                }
            }
        }
        if (overlays.trail()) {
            int[] trail = frame.trail();
            for (int k = 0; k < trail.length - 1; k++) {
                double alpha = 0.15 + 0.45 * k / Math.max(1, trail.length - 1);
                gc.setFill(Color.color(AGENT.getRed(), AGENT.getGreen(), AGENT.getBlue(), alpha));
                double[] p = centre(layout, trail[k], s, ox, oy);
                double d = s * 0.22;
                gc.fillOval(p[0] - d / 2, p[1] - d / 2, d, d);
            }
        }
        if (overlays.planning() && frame.plannedPair() >= 0 && frame.n() > 0) {
            drawPlanning(gc, layout, s, ox, oy);
        }
        double[] a = centre(layout, frame.agent(), s, ox, oy);
        double d = s * 0.5;
        gc.setFill(AGENT);
        gc.fillOval(a[0] - d / 2, a[1] - d / 2, d, d);
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(Math.max(1, s / 30));
        gc.strokeOval(a[0] - d / 2, a[1] - d / 2, d, d);
    }

    private static boolean isGoal(Layout layout, int r, int c) {
        return layout.goal().row() == r && layout.goal().col() == c;
    }

    private static double[] centre(Layout layout, int cell, double s, double ox, double oy) {
        int r = cell / layout.cols();
        int c = cell % layout.cols();
        return new double[] {ox + c * s + s / 2, oy + r * s + s / 2};
    }

    private static void fillTriangle(GraphicsContext gc, int u, double left, double top, double s, double cx, double cy) {
        double right = left + s;
        double bottom = top + s;
        switch (Action.of(u)) {
            case UP -> gc.fillPolygon(new double[] {left, right, cx}, new double[] {top, top, cy}, 3);
            case DOWN -> gc.fillPolygon(new double[] {left, right, cx}, new double[] {bottom, bottom, cy}, 3);
            case LEFT -> gc.fillPolygon(new double[] {left, left, cx}, new double[] {top, bottom, cy}, 3);
            case RIGHT -> gc.fillPolygon(new double[] {right, right, cx}, new double[] {top, bottom, cy}, 3);
            default -> throw new IllegalStateException();
        }
    }

    private void drawStartAndGoal(GraphicsContext gc, Layout layout, double s, double ox, double oy) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font("System", FontWeight.BOLD, Math.max(9, s * 0.42)));
        double gl = ox + layout.goal().col() * s;
        double gt = oy + layout.goal().row() * s;
        gc.setFill(GOAL);
        gc.fillRect(gl + 1, gt + 1, s - 2, s - 2);
        gc.setFill(Color.WHITE);
        gc.fillText("G", gl + s / 2, gt + s / 2);
        double sl = ox + layout.start().col() * s;
        double st = oy + layout.start().row() * s;
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(Math.max(1.5, s / 20));
        gc.strokeRect(sl + 2, st + 2, s - 4, s - 4);
        gc.setFill(Color.BLACK);
        gc.setFont(Font.font("System", FontWeight.BOLD, Math.max(8, s * 0.26)));
        gc.fillText("S", sl + s * 0.82, st + s * 0.2);
    }

    private static void drawArrow(GraphicsContext gc, Action u, double cx, double cy, double s) {
        double len = s * 0.34;
        double x2 = cx + u.dCol() * len;
        double y2 = cy + u.dRow() * len;
        double x1 = cx - u.dCol() * len * 0.55;
        double y1 = cy - u.dRow() * len * 0.55;
        gc.setStroke(Color.BLACK);
        gc.setLineWidth(Math.max(1.5, s / 16));
        gc.strokeLine(x1, y1, x2, y2);
        double head = s * 0.16;
        double px = -u.dRow();
        double py = u.dCol();
        gc.setFill(Color.BLACK);
        gc.fillPolygon(new double[] {x2 + u.dCol() * head * 0.6, x2 - u.dCol() * head * 0.5 + px * head * 0.7,
                x2 - u.dCol() * head * 0.5 - px * head * 0.7},
                new double[] {y2 + u.dRow() * head * 0.6, y2 - u.dRow() * head * 0.5 + py * head * 0.7,
                        y2 - u.dRow() * head * 0.5 - py * head * 0.7}, 3);
    }

    private void drawNumbers(GraphicsContext gc, int x, double left, double top, double s) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font("System", Math.max(8, s * 0.2 * Math.min(1.3, fontScale))));
        gc.setFill(Color.BLACK);
        StringBuilder text = new StringBuilder();
        if (overlays.stateValues()) {
            double[] q = frame.q();
            double v = Math.max(Math.max(q[x * 4], q[x * 4 + 1]), Math.max(q[x * 4 + 2], q[x * 4 + 3]));
            text.append(String.format(java.util.Locale.ROOT, "%.2f", v));
        }
        if (overlays.visitCounts()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(frame.visits()[x]);
        }
        gc.fillText(text.toString(), left + s / 2, top + s * 0.72);
    }

    private void drawPlanning(GraphicsContext gc, Layout layout, double s, double ox, double oy) {
        int pair = frame.plannedPair();
        int x = pair / 4;
        int u = pair % 4;
        int r = x / layout.cols();
        int c = x % layout.cols();
        double left = ox + c * s;
        double top = oy + r * s;
        gc.setStroke(PLAN);
        gc.setLineWidth(Math.max(2, s / 14));
        double cx = left + s / 2;
        double cy = top + s / 2;
        double[] xs;
        double[] ys;
        switch (Action.of(u)) {
            case UP -> {
                xs = new double[] {left, left + s, cx};
                ys = new double[] {top, top, cy};
            }
            case DOWN -> {
                xs = new double[] {left, left + s, cx};
                ys = new double[] {top + s, top + s, cy};
            }
            case LEFT -> {
                xs = new double[] {left, left, cx};
                ys = new double[] {top, top + s, cy};
            }
            default -> {
                xs = new double[] {left + s, left + s, cx};
                ys = new double[] {top, top + s, cy};
            }
        }
        gc.strokePolygon(xs, ys, 3);
        if (frame.plannedNext() >= 0 && frame.plannedNext() != x) {
            double[] to = centre(layout, frame.plannedNext(), s, ox, oy);
            gc.setLineDashes(s / 8, s / 10);
            gc.strokeLine(cx, cy, to[0], to[1]);
            gc.setLineDashes((double[]) null);
            gc.strokeOval(to[0] - s * 0.18, to[1] - s * 0.18, s * 0.36, s * 0.36);
        }
    }
}
