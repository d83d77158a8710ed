package mbrllab.app.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;

/**
 * Keeps a tool bar's overflow menu up to date when its items change size. JavaFX 21's tool bar decides which items go
 * behind its "&gt;&gt;" button only when its own width or its list of items changes; an item that grows in place (the
 * text raised, presenter mode showing the lab button, a label whose number gains a digit) was laid out past the
 * window's edge, the seed field cut in half under the "&gt;&gt;" button (WindowEdgesTest). When an item's width, or
 * whether it is shown, changes, this tells the tool bar that its items changed, once per change of the scene (by
 * adding and removing an empty marker, which the tool bar's skin takes as a change of its items). FX thread only.
 */
final class ToolbarOverflow {

    private final ToolBar toolbar;
    private final Region marker = new Region();
    private final List<Node> watched = new ArrayList<>();
    private final InvalidationListener changed = o -> schedule();
    private boolean pending;

    private ToolbarOverflow(ToolBar toolbar) {
        this.toolbar = toolbar;
    }

    /** Watches {@code toolbar}'s items, as they are now and as they are replaced. */
    static void keepUpToDate(ToolBar toolbar) {
        ToolbarOverflow overflow = new ToolbarOverflow(toolbar);
        toolbar.getItems().addListener((ListChangeListener<Node>) c -> overflow.watchItems());
        overflow.watchItems();
    }

    private void watchItems() {
        for (Node n : watched) {
            n.layoutBoundsProperty().removeListener(changed);
            n.visibleProperty().removeListener(changed);
            n.managedProperty().removeListener(changed);
        }
        watched.clear();
        for (Node n : toolbar.getItems()) {
            if (n == marker) {
                continue;
            }
            n.layoutBoundsProperty().addListener(changed);
            n.visibleProperty().addListener(changed);
            n.managedProperty().addListener(changed);
            watched.add(n);
        }
    }

    /** One refresh after the changes of this pulse, not one per change. */
    private void schedule() {
        if (pending) {
            return;
        }
        pending = true;
        Platform.runLater(() -> {
            pending = false;
            toolbar.getItems().add(marker);
            toolbar.getItems().remove(marker);
        });
    }
}
