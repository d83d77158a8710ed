package mbrllab.app.models;

import javafx.scene.canvas.Canvas;

import mbrllab.app.render.FxPen;

/** The ghost-pole drawing on screen: a resizable Canvas that draws a {@link GhostPoles.Frame}. FX thread only. */
final class GhostCanvas extends Canvas {

    private GhostPoles.Frame frame;
    private Look look = Look.normal();

    GhostCanvas() {
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
        return 260;
    }

    @Override
    public double minWidth(double height) {
        return 120;
    }

    @Override
    public double minHeight(double width) {
        return 90;
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

    void show(GhostPoles.Frame newFrame) {
        frame = newFrame;
        draw();
    }

    GhostPoles.Frame frame() {
        return frame;
    }

    void setLook(Look newLook) {
        look = newLook;
        draw();
    }

    Look look() {
        return look;
    }

    private void draw() {
        GhostPoles.draw(new FxPen(getGraphicsContext2D()), frame, look, getWidth(), getHeight());
    }
}
