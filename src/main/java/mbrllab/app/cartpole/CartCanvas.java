package mbrllab.app.cartpole;

import java.awt.Color;

import mbrllab.app.render.FxPen;
import mbrllab.app.render.ResizableCanvas;

/**
 * One cart-pole on screen: a resizable Canvas that draws its {@link CartRenderer.Picture} with {@link CartRenderer}
 * (exports draw the same picture into files). Resizes with its parent; draws only on the FX thread, only when told to
 * ({@link #show}).
 */
public final class CartCanvas extends ResizableCanvas {

    private final FxPen pen = new FxPen(getGraphicsContext2D());
    private CartRenderer.Picture picture;
    private double baseFont = 12;
    private double fontScale = 1;
    private boolean highContrast;
    private boolean compact;
    private Color accent = new Color(0x0072B2);
    private long draws;
    private final double aspect;

    /**
     * @param prefWidth  preferred width in pixels
     * @param prefHeight preferred height in pixels
     */
    public CartCanvas(double prefWidth, double prefHeight) {
        super(prefWidth, prefHeight, 120, 90);
        this.aspect = prefHeight / prefWidth;
        focusedProperty().addListener((o, a, b) -> draw());
    }

    /** The preferred size's height over width: the cart asks for the height that suits the width it gets. */
    @Override
    protected double aspect() {
        return aspect;
    }


    /** Draws a picture now. */
    public void show(CartRenderer.Picture newPicture) {
        this.picture = newPicture;
        draw();
    }

    /** The picture on show (tests read its state). */
    public CartRenderer.Picture picture() {
        return picture;
    }

    /** Times drawn (tests). */
    long draws() {
        return draws;
    }

    /** Text size in pixels at font scale 1. */
    public void setBaseFont(double pixels) {
        this.baseFont = pixels;
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

    /** Compact read-outs for small panes: the force is left to its arrow when the lines run short of room. */
    public void setCompact(boolean on) {
        this.compact = on;
        draw();
    }

    /** The cart's colour (the pane's colour in the charts). */
    public void setAccent(Color colour) {
        this.accent = colour;
        draw();
    }

    /** How the picture is drawn now, without the focus frame (for exports that must match the screen). */
    public CartRenderer.Style style() {
        return style(false);
    }

    private CartRenderer.Style style(boolean focusRing) {
        return new CartRenderer.Style(baseFont * fontScale, highContrast, compact, accent, focusRing);
    }

    @Override
    protected void draw() {
        draws++;
        CartRenderer.draw(pen, picture, style(isFocused()), getWidth(), getHeight());
    }
}
