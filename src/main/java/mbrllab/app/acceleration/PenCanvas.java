package mbrllab.app.acceleration;

import mbrllab.app.render.FxPen;
import mbrllab.app.render.Pen;
import mbrllab.app.render.ResizableCanvas;

/** A resizable canvas that paints whatever its painter draws with a {@link Pen}; FX thread only. */
final class PenCanvas extends ResizableCanvas {

    /** Draws a picture of the given size. */
    @FunctionalInterface
    interface Painter {
        void paint(Pen pen, double w, double h);
    }

    private final FxPen pen = new FxPen(getGraphicsContext2D());
    private Painter painter;
    private long draws;

    PenCanvas(double prefWidth, double prefHeight, double minWidth, double minHeight) {
        super(prefWidth, prefHeight, minWidth, minHeight);
    }

    /** Paints with this painter now and whenever the size changes. */
    void show(Painter newPainter) {
        this.painter = newPainter;
        draw();
    }

    Painter painter() {
        return painter;
    }

    /** Times painted (tests). */
    long draws() {
        return draws;
    }

    @Override
    protected void draw() {
        if (painter != null && getWidth() > 0 && getHeight() > 0) {
            draws++;
            painter.paint(pen, getWidth(), getHeight());
        }
    }
}
