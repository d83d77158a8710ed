package mbrllab.app.planning;

import mbrllab.app.render.FxPen;
import mbrllab.app.render.ResizableCanvas;

/** The planning picture on screen ({@link PlanningPicture}); draws on the FX thread only, when given a frame. */
final class PlanningCanvas extends ResizableCanvas {

    private final FxPen pen = new FxPen(getGraphicsContext2D());
    private PlanningFrame frame;
    private double fontScale = 1;
    private boolean highContrast;

    PlanningCanvas() {
        super(860, 380, 300, 200);
    }

    void show(PlanningFrame f) {
        frame = f;
        draw();
    }

    PlanningFrame frame() {
        return frame;
    }

    void setFontScale(double scale) {
        fontScale = scale;
        draw();
    }

    void setHighContrast(boolean on) {
        highContrast = on;
        draw();
    }

    double fontScale() {
        return fontScale;
    }

    boolean highContrast() {
        return highContrast;
    }

    @Override
    protected void draw() {
        PlanningPicture.draw(pen, frame, getWidth(), getHeight(), fontScale, highContrast);
    }
}
