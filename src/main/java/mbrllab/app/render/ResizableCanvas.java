package mbrllab.app.render;

import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;

/**
 * A Canvas that takes the size its parent gives it and redraws when that size changes (a plain Canvas keeps
 * its own size). Subclasses draw in {@link #draw()}, on the FX thread only.
 *
 * <p>A picture with an aspect (a maze of rows x cols, a cart on its track) says so with {@link #aspect()}: its
 * preferred height then follows the width it gets, so that layouts give it the height it can use and no more.
 *
 * <p>Sharp on HiDPI screens without help: JavaFX backs a Canvas with a texture at the highest output scale of the
 * screens (NGCanvas's highestPixelScale, e.g. 2 on a laptop at 200 %), and the renderers draw in logical
 * coordinates, so lines and text are drawn at device resolution.
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

    /** Height over width of the picture, or NaN when it has no aspect (then the preferred height is fixed). */
    protected double aspect() {
        return Double.NaN;
    }

    /** Tells the parent that the aspect changed (a maze of another size). */
    protected final void aspectChanged() {
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    @Override
    public Orientation getContentBias() {
        return Double.isNaN(aspect()) ? null : Orientation.HORIZONTAL;
    }

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
        double a = aspect();
        return Double.isNaN(a) || width <= 0 ? prefH : Math.max(minH, width * a);
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
