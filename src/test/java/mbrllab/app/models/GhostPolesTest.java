package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.app.render.Pen;

/** The ghost-pole picture keeps what it draws inside itself. */
class GhostPolesTest {

    /** Records the x of every line's ends and every filled shape's edges. */
    private static final class XPen implements Pen {
        final List<Double> xs = new ArrayList<>();
        int lines;

        @Override
        public void fill(Color color) {
        }

        @Override
        public void stroke(Color color, double width, double[] dashes, Cap cap) {
        }

        @Override
        public void fillRect(double x, double y, double w, double h) {
            xs.add(x);
            xs.add(x + w);
        }

        @Override
        public void strokeRect(double x, double y, double w, double h) {
            xs.add(x);
            xs.add(x + w);
        }

        @Override
        public void fillRoundRect(double x, double y, double w, double h, double arc) {
        }

        @Override
        public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        }

        @Override
        public void fillPolygon(double[] x, double[] y) {
        }

        @Override
        public void strokePolygon(double[] x, double[] y) {
        }

        @Override
        public void strokeLine(double x1, double y1, double x2, double y2) {
            lines++;
            xs.add(x1);
            xs.add(x2);
        }

        @Override
        public void fillOval(double x, double y, double w, double h) {
            xs.add(x);
            xs.add(x + w);
        }

        @Override
        public void strokeOval(double x, double y, double w, double h) {
        }

        @Override
        public void text(String text, double x, double y, double size, Face face, Align align, VAlign valign,
                         double maxWidth) {
        }

        @Override
        public double textWidth(String text, double size, Face face) {
            return 0.56 * size * text.length();
        }
    }

    /** A cart racing right at 3 m/s (0.3 m a step) with its pole turning: state t = (0.3 t, 3, 0.5 t, 5). */
    private static double[] racing(int steps, double offset, double lag) {
        double[] s = new double[(steps + 1) * 4];
        for (int t = 0; t <= steps; t++) {
            s[4 * t] = 0.3 * t * lag + offset;
            s[4 * t + 1] = 3;
            s[4 * t + 2] = 0.5 * t;
            s[4 * t + 3] = 5;
        }
        return s;
    }

    @Test
    void theTipsPathsOfAFastCartStayInThePicture() {
        int k = 10;
        double[] truth = racing(25, 0, 1);
        double[][] trails = new double[6][];
        double[] ghosts = new double[6 * 4];
        for (int j = 0; j < trails.length; j++) {
            // the sampled trajectories drift apart, some ahead of the truth, some behind
            trails[j] = java.util.Arrays.copyOf(racing(k, 0.05 * j, 0.8 + 0.1 * j), (k + 1) * 4);
            System.arraycopy(trails[j], 4 * k, ghosts, 4 * j, 4);
        }
        GhostPoles.Frame frame = new GhostPoles.Frame(truth, k, ghosts, trails, 1, "sampled", 0.5);
        for (double[] size : new double[][] {{320, 290}, {560, 260}, {200, 300}}) {
            XPen pen = new XPen();
            GhostPoles.draw(pen, frame, Look.normal(), size[0], size[1]);
            assertTrue(pen.lines > 30, "tips' paths drawn: " + pen.lines);
            double lo = pen.xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double hi = pen.xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertTrue(lo >= 0 && hi <= size[0], "drawn within 0.." + size[0] + " px: from " + lo + " to " + hi);
        }
        double[] view = GhostPoles.view(frame, k);
        assertTrue(view[1] >= GhostPoles.MIN_SPAN && view[1] <= GhostPoles.MAX_SPAN, "width " + view[1]);
    }

    @Test
    void ghostsSpreadWiderThanTheViewLeaveItButTheTruthStays() {
        int k = 5;
        double[] truth = racing(10, 0, 1);
        double[] ghosts = {-20, 0, 0, 0, 1.5, 0, 0.1, 0, 30, 0, 0, 0};
        GhostPoles.Frame frame = new GhostPoles.Frame(truth, k, ghosts, null, 1, "draws", 0.5);
        double[] view = GhostPoles.view(frame, k);
        assertEquals(GhostPoles.MAX_SPAN, view[1], 0.0);
        for (int t = 0; t <= k; t++) {
            double x = truth[4 * t];
            double tip = x + 0.5 * Math.sin(truth[4 * t + 2]);
            assertTrue(Math.abs(x - view[0]) < view[1] / 2 && Math.abs(tip - view[0]) < view[1] / 2,
                    "the truth at step " + t + " is in view");
        }
    }
}
