package mbrllab.app.maze;

import mbrllab.app.render.FxPen;
import mbrllab.app.render.ResizableCanvas;
import mbrllab.core.maze.Layout;

/**
 * One maze pane on screen: a resizable Canvas that draws its {@link PaneFrame} with {@link MazeRenderer}.
 * FX thread only.
 */
public final class MazeCanvas extends ResizableCanvas {

    private PaneFrame frame;
    private double limit = 1;
    private Overlays overlays = Overlays.defaults();
    private double fontScale = 1;
    private boolean highContrast;
    private MazeRenderer.Extras extras = MazeRenderer.Extras.NONE;

    public MazeCanvas() {
        super(360, 240, 90, 60);
    }


    /** Shows a new frame with the shared colour limit of all panes. */
    public void show(PaneFrame newFrame, double colourLimit) {
        double before = aspect();
        this.frame = newFrame;
        this.limit = colourLimit;
        if (Double.compare(before, aspect()) != 0) {
            aspectChanged();
        }
        draw();
    }

    /** Rows over columns of the maze on show: the canvas asks for the height its cells can use at its width. */
    @Override
    protected double aspect() {
        return frame == null ? Double.NaN : frame.layout().rows() / (double) frame.layout().cols();
    }

    /** The side of a maze cell on screen in pixels (0 before the first frame). */
    public double cellSize() {
        return frame == null ? 0 : MazeRenderer.geometry(frame.layout(), getWidth(), getHeight())[0];
    }

    /** Layers beyond the Q picture (a heat map, outlined cells); {@link MazeRenderer.Extras#NONE} for none. */
    public void setExtras(MazeRenderer.Extras newExtras) {
        this.extras = newExtras == null ? MazeRenderer.Extras.NONE : newExtras;
        draw();
    }

    public MazeRenderer.Extras extras() {
        return extras;
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

    /** How the pane is drawn now (for exports that must match the screen). */
    public MazeRenderer.Style style() {
        return new MazeRenderer.Style(limit, overlays, fontScale, highContrast);
    }

    /** The centre of cell {@code index} in the canvas's coordinates (for tests and tooltips). */
    public javafx.geometry.Point2D cellCentre(int index) {
        Layout layout = frame.layout();
        double[] g = MazeRenderer.geometry(layout, getWidth(), getHeight());
        return new javafx.geometry.Point2D(g[1] + (index % layout.cols() + 0.5) * g[0],
                g[2] + (index / layout.cols() + 0.5) * g[0]);
    }

    /** The cell index under a point of the canvas, or -1. */
    public int cellAt(double px, double py) {
        if (frame == null) {
            return -1;
        }
        Layout layout = frame.layout();
        double[] g = MazeRenderer.geometry(layout, getWidth(), getHeight());
        int col = (int) Math.floor((px - g[1]) / g[0]);
        int row = (int) Math.floor((py - g[2]) / g[0]);
        return layout.contains(row, col) ? row * layout.cols() + col : -1;
    }

    @Override
    protected void draw() {
        MazeRenderer.draw(new FxPen(getGraphicsContext2D()), frame, style(), extras, getWidth(), getHeight());
    }
}
