package mbrllab.app.render;

import javafx.scene.canvas.Canvas;

/**
 * A Canvas that takes the size its parent gives it and redraws when that size changes (a plain Canvas keeps
 * its own size). Subclasses draw in {@link #draw()}, on the FX thread only.
 */
public abstract class ResizableCanvas extends Canvas {

    private final double prefW;
    private final double prefH;
    private final double minW;
    private final double minH;

    /**
     * @param prefWidth  preferred width in pixels
     * @param prefHeight preferred height in pixels
     * @param minWidth   smallest width
     * @param minHeight  smallest height
     */
    protected ResizableCanvas(double prefWidth, double prefHeight, double minWidth, double minHeight) {
        this.prefW = prefWidth;
        this.prefH = prefHeight;
        this.minW = minWidth;
        this.minH = minHeight;
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    /** Paints the whole canvas for its current size. */
    protected abstract void draw();

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return prefW;
    }

    @Override
    public double prefHeight(double width) {
        return prefH;
    }

    @Override
    public double minWidth(double height) {
        return minW;
    }

    @Override
    public double minHeight(double width) {
        return minH;
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
}
