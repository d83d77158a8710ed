package mbrllab.app;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

import mbrllab.app.shell.ClassroomSettings;
import mbrllab.app.shell.ClassroomSettings.WindowBounds;

/**
 * Remembers where the window was: its place and size while it is neither maximised nor in full screen, and whether
 * it was maximised, saved in the classroom settings when it closes; the next start puts it back there if that is
 * still on a screen (a projector unplugged since then: the window opens as on a first start).
 */
final class WindowMemory {

    /** How much of the window's top edge must lie on a screen for it to be put back: enough to grab it. */
    static final double GRAB_WIDTH = 120;
    static final double GRAB_HEIGHT = 30;

    private WindowMemory() {
    }

    /**
     * The saved bounds as the window should take them on these screens (their usable areas): on the screen where
     * a strip of its top edge ({@value #GRAB_WIDTH} x {@value #GRAB_HEIGHT} px from its top-left corner) lies, made
     * no larger than that screen and moved wholly onto it; empty when no screen holds that strip.
     */
    static Optional<WindowBounds> restorable(WindowBounds saved, List<Rectangle2D> screens) {
        for (Rectangle2D s : screens) {
            if (s.contains(saved.x(), saved.y(), Math.min(GRAB_WIDTH, saved.width()), GRAB_HEIGHT)) {
                double w = Math.max(WindowBounds.MIN_WIDTH, Math.min(saved.width(), s.getWidth()));
                double h = Math.max(WindowBounds.MIN_HEIGHT, Math.min(saved.height(), s.getHeight()));
                double x = Math.max(s.getMinX(), Math.min(saved.x(), s.getMaxX() - w));
                double y = Math.max(s.getMinY(), Math.min(saved.y(), s.getMaxY() - h));
                return Optional.of(new WindowBounds(x, y, w, h, saved.maximized()));
            }
        }
        return Optional.empty();
    }

    /** Puts the window where {@code b} says (before it is shown). */
    static void apply(Stage stage, WindowBounds b) {
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
    }

    /**
     * Follows the window's normal place and size from now on and saves them, with whether it is maximised, when it
     * is hidden; nothing is saved for a window closed in full screen (presenter mode keeps its own setting).
     */
    static void remember(Stage stage, ClassroomSettings settings) {
        double[] normal = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        Runnable track = () -> {
            if (!stage.isMaximized() && !stage.isFullScreen() && stage.isShowing()) {
                normal[0] = stage.getX();
                normal[1] = stage.getY();
                normal[2] = stage.getWidth();
                normal[3] = stage.getHeight();
            }
        };
        stage.xProperty().addListener((o, a, b) -> track.run());
        stage.yProperty().addListener((o, a, b) -> track.run());
        stage.widthProperty().addListener((o, a, b) -> track.run());
        stage.heightProperty().addListener((o, a, b) -> track.run());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> {
            if (stage.isFullScreen() || !Double.isFinite(normal[0]) || !Double.isFinite(normal[1])
                    || !(normal[2] >= WindowBounds.MIN_WIDTH) || !(normal[3] >= WindowBounds.MIN_HEIGHT)) {
                return;
            }
            settings.setWindow(new WindowBounds(normal[0], normal[1], normal[2], normal[3], stage.isMaximized()));
        });
    }
}
