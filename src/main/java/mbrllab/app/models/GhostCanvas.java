package mbrllab.app.models;

import mbrllab.app.render.FxPen;
import mbrllab.app.render.ResizableCanvas;

/** The ghost-pole drawing on screen: a resizable Canvas that draws a {@link GhostPoles.Frame}. FX thread only. */
final class GhostCanvas extends ResizableCanvas {

    private GhostPoles.Frame frame;
    private Look look = Look.normal();

    GhostCanvas() {
        super(360, 260, 120, 90);
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

    @Override
    protected void draw() {
        GhostPoles.draw(new FxPen(getGraphicsContext2D()), frame, look, getWidth(), getHeight());
    }
}
