package mbrllab.app.lab;

import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Presenter mode as the shared layouts see it. The shell owns one and hangs it on its root node ({@link #attachTo});
 * any node below that root follows it with {@link #follow}, also a node added later (a pane rebuilt, a tab opened
 * for the first time). Outside a shell, e.g. a lab built alone in a test, presenter mode is off.
 *
 * <p>A lab does not call this itself: {@link Layouts#withSidePanel} folds its side panel into a drawer, and
 * {@link Layouts#pictureOverChart} and {@link Layouts#chartColumn} give the picture and the chart the room.
 */
public final class Presenter {

    private static final Object KEY = Presenter.class;

    private final BooleanProperty on = new SimpleBooleanProperty(this, "presenter", false);

    /** Presenter mode: on or off. FX thread only. */
    public BooleanProperty onProperty() {
        return on;
    }

    public boolean isOn() {
        return on.get();
    }

    /** Makes this the presenter mode that every node below {@code root} follows. */
    public void attachTo(Parent root) {
        root.getProperties().put(KEY, this);
    }

    /**
     * Calls {@code action} with presenter mode now and whenever it changes, for as long as {@code node} is in a scene
     * whose root carries a presenter mode; with false when the node is in no such scene. The listener is taken off
     * the shell's presenter mode when the node leaves the scene (a closed lab leaves nothing behind).
     */
    public static void follow(Node node, Consumer<Boolean> action) {
        new Follower(node, action);
    }

    /** The presenter mode of the scene's root, or null. */
    static Presenter of(Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return null;
        }
        Object p = scene.getRoot().getProperties().get(KEY);
        return p instanceof Presenter presenter ? presenter : null;
    }

    private static final class Follower {
        private final Consumer<Boolean> action;
        private final ChangeListener<Boolean> onChange;
        private Presenter current;
        private Boolean applied;

        Follower(Node node, Consumer<Boolean> action) {
            this.action = action;
            this.onChange = (o, a, b) -> apply(b);
            node.sceneProperty().addListener((o, a, scene) -> attach(scene));
            attach(node.getScene());
        }

        private void attach(Scene scene) {
            Presenter p = of(scene);
            if (p != current) {
                if (current != null) {
                    current.on.removeListener(onChange);
                }
                current = p;
                if (p != null) {
                    p.on.addListener(onChange);
                }
            }
            apply(p != null && p.on.get());
        }

        private void apply(boolean on) {
            if (applied == null || applied != on) {
                applied = on;
                action.accept(on);
            }
        }
    }
}
