package mbrllab.app.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.app.render.Pen;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Layout;
import mbrllab.io.BundledMazes;

/** What the maze renderer draws where, recorded by a pen that draws nothing. */
class MazeRendererTest {

    /** The light plate under a cell's numbers. */
    private static final Color PLATE = new Color(255, 255, 255, 200);

    /** A box drawn as the {@code order}-th shape. */
    private record Drawn(Rectangle2D box, int order) {
    }

    /** Remembers the plates and the black triangles (arrow heads), with the order they were drawn in. */
    private static final class RecordingPen implements Pen {
        final List<Drawn> plates = new ArrayList<>();
        final List<Drawn> blackPolygons = new ArrayList<>();
        final java.util.Map<String, Double> textSizes = new java.util.HashMap<>();
        final List<Rectangle2D> rects = new ArrayList<>();
        final List<Color> rectFills = new ArrayList<>();
        Color fill = Color.BLACK;
        int drawn;

        @Override
        public void fill(Color color) {
            fill = color;
        }

        @Override
        public void stroke(Color color, double width, double[] dashes, Cap cap) {
        }

        @Override
        public void fillRect(double x, double y, double w, double h) {
            drawn++;
            rects.add(new Rectangle2D.Double(x, y, w, h));
            rectFills.add(fill);
            if (fill.equals(PLATE) && fill.getAlpha() == PLATE.getAlpha()) {
                plates.add(new Drawn(new Rectangle2D.Double(x, y, w, h), drawn));
            }
        }

        @Override
        public void strokeRect(double x, double y, double w, double h) {
        }

        @Override
        public void fillRoundRect(double x, double y, double w, double h, double arc) {
        }

        @Override
        public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys) {
            drawn++;
            if (fill.equals(Color.BLACK) && xs.length == 3) {
                double minX = Math.min(xs[0], Math.min(xs[1], xs[2]));
                double maxX = Math.max(xs[0], Math.max(xs[1], xs[2]));
                double minY = Math.min(ys[0], Math.min(ys[1], ys[2]));
                double maxY = Math.max(ys[0], Math.max(ys[1], ys[2]));
                blackPolygons.add(new Drawn(new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY), drawn));
            }
        }

        @Override
        public void strokePolygon(double[] xs, double[] ys) {
        }

        @Override
        public void strokeLine(double x1, double y1, double x2, double y2) {
        }

        @Override
        public void fillOval(double x, double y, double w, double h) {
        }

        @Override
        public void strokeOval(double x, double y, double w, double h) {
        }

        @Override
        public void text(String text, double x, double y, double size, Face face, Align align, VAlign valign,
                         double maxWidth) {
            textSizes.put(text, size);
        }

        @Override
        public double textWidth(String text, double size, Face face) {
            return text.length() * size * 0.6;
        }
    }

    /**
     * The numbers in a cell (max Q, as the debugger shows them) sit on a light plate; it must not hide the head of the
     * cell's greedy arrow, whichever way the arrow points (the plate used to sit across a down arrow's head). With one
     * line of numbers at normal text they do not overlap at all; with two lines or larger text, where they cannot
     * both fit, the arrow is drawn over the plate.
     */
    @Test
    void theValuePlateNeverCoversTheHeadOfTheGreedyArrow() {
        Layout layout = BundledMazes.dynaMaze().layout();
        int cell = 3 * layout.cols() + 4; // (3,4), a free cell
        assertFalse(layout.isWall(3, 4));
        for (Action best : Action.values()) {
            for (boolean visits : new boolean[] {false, true}) {
                double[] q = new double[layout.cellCount() * 4];
                q[cell * 4 + best.ordinal()] = 0.5;
                PaneFrame frame = new PaneFrame(5, layout, q, 0, new int[] {0}, new boolean[layout.cellCount()],
                        new int[layout.cellCount()], -1, -1, 1, 0, 0, 0, new int[0]);
                Overlays overlays = new Overlays(true, true, true, visits, false, false, false);
                for (double fontScale : new double[] {1, 1.5, 3}) {
                    RecordingPen pen = new RecordingPen();
                    MazeRenderer.draw(pen, frame, new MazeRenderer.Style(1, overlays, fontScale, false), 540, 360);
                    double s = MazeRenderer.geometry(layout, 540, 360)[0];
                    Rectangle2D cellBox = new Rectangle2D.Double(MazeRenderer.geometry(layout, 540, 360)[1] + 4 * s,
                            MazeRenderer.geometry(layout, 540, 360)[2] + 3 * s, s, s);
                    Drawn head = only(pen.blackPolygons, cellBox, "arrow head");
                    Drawn plate = only(pen.plates, cellBox, "plate");
                    String what = best + " arrow, visits " + visits + ", text " + fontScale + ": head " + head.box()
                            + ", plate " + plate.box();
                    if (!visits && fontScale == 1) {
                        assertFalse(head.box().intersects(plate.box()), what + " overlap");
                    }
                    assertTrue(!head.box().intersects(plate.box()) || head.order() > plate.order(),
                            what + ": the plate hides the head");
                }
            }
        }
    }

    /**
     * S and G grow with the cell: G half the cell, S (on its plate in the corner) 0.46 of it, from a 20 px cell (normal
     * mode at 1024x768, text 1.5) to a 60 px one; S was a third of the cell, 11 px in presenter mode's 34 px cells.
     */
    @Test
    void startAndGoalLettersScaleWithTheCell() {
        Layout layout = BundledMazes.dynaMaze().layout();
        PaneFrame frame = new PaneFrame(0, layout, new double[layout.cellCount() * 4], 0, new int[] {0},
                new boolean[layout.cellCount()], new int[layout.cellCount()], -1, -1, 1, 0, 0, 0, new int[0]);
        for (double width : new double[] {180, 306, 540}) {
            RecordingPen pen = new RecordingPen();
            MazeRenderer.draw(pen, frame, new MazeRenderer.Style(1, Overlays.defaults(), 1.5, false), width,
                    width * 2 / 3);
            double s = MazeRenderer.geometry(layout, width, width * 2 / 3)[0];
            assertEquals(0.5 * s, pen.textSizes.get("G"), 0.01, "G in a " + s + " px cell");
            assertEquals(0.46 * s, pen.textSizes.get("S"), 0.01, "S in a " + s + " px cell");
        }
    }

    /**
     * A maze whose cells come to less than 4 px (the editor's 40 x 60 used in the lab: 2.75 px cells in normal mode at
     * 1024x768 with text 1.5) is drawn, one square per cell in its best action's colour, with the goal, the start and
     * the agent; it was left blank.
     */
    @Test
    void aLargeMazeInASmallPaneIsDrawnCellByCell() {
        Layout layout = BundledMazes.dynaMaze().layout().resized(40, 60);
        double[] q = new double[layout.cellCount() * 4];
        int cell = 20 * 60 + 30; // a free cell in the middle of the new room
        assertFalse(layout.isWall(20, 30));
        q[cell * 4 + 2] = 0.5;
        int agent = layout.index(layout.start());
        PaneFrame frame = new PaneFrame(5, layout, q, agent, new int[] {agent}, new boolean[layout.cellCount()],
                new int[layout.cellCount()], -1, -1, 1, 0, 0, 0, new int[0]);
        RecordingPen pen = new RecordingPen();
        MazeRenderer.draw(pen, frame, new MazeRenderer.Style(1, Overlays.defaults(), 1.5, false), 180, 110);
        double[] g = MazeRenderer.geometry(layout, 180, 110);
        assertEquals(2.75, g[0], 1e-12, "the cells' exact side");
        // the background, then one square per cell, then the goal, the start and the agent (on its black edge)
        assertEquals(1 + layout.cellCount() + 4, pen.rects.size(), "squares drawn");
        Rectangle2D middle = pen.rects.get(1 + cell);
        assertEquals(g[1] + 30 * 2.75, middle.getX(), 1e-9);
        assertEquals(g[2] + 20 * 2.75, middle.getY(), 1e-9);
        assertEquals(DivergingScale.color(0.5, 1), pen.rectFills.get(1 + cell), "the cell in its best value's colour");
        assertEquals(DivergingScale.color(0, 1), pen.rectFills.get(2 + cell), "its neighbour at Q = 0");
        assertEquals(MazeRenderer.AGENT, pen.rectFills.get(pen.rects.size() - 1), "the agent last, on top");
        Rectangle2D mark = pen.rects.get(pen.rects.size() - 1);
        assertEquals(2.75, mark.getWidth(), 1e-9, "the agent a cell wide");
        assertTrue(mark.contains(g[1] + (layout.start().col() + 0.5) * 2.75, g[2] + (layout.start().row() + 0.5)
                * 2.75), "on the start cell");
    }

    private static Drawn only(List<Drawn> shapes, Rectangle2D cell, String what) {
        List<Drawn> inside = new ArrayList<>();
        for (Drawn d : shapes) {
            if (cell.contains(d.box().getCenterX(), d.box().getCenterY())) {
                inside.add(d);
            }
        }
        assertEquals(1, inside.size(), "one " + what + " in the cell");
        assertTrue(inside.get(0).box().getWidth() > 0);
        return inside.get(0);
    }
}
