package mbrllab.core.maze;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The editing history of a maze layout: every edit pushes the previous layout for undo; undo moves it to the
 * redo stack; a new edit clears redo. Layouts are immutable, so the history holds them directly. At most
 * {@value #LIMIT} steps are kept.
 */
public final class LayoutHistory {

    /** Undo steps kept. */
    public static final int LIMIT = 500;

    private final Deque<Layout> undo = new ArrayDeque<>();
    private final Deque<Layout> redo = new ArrayDeque<>();
    private Layout current;

    public LayoutHistory(Layout initial) {
        this.current = initial;
    }

    public Layout current() {
        return current;
    }

    /** Makes {@code next} current; an unchanged layout is not recorded. */
    public void edit(Layout next) {
        if (next.equals(current)) {
            return;
        }
        undo.push(current);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Back one edit; does nothing when there is none. */
    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(current);
            current = undo.pop();
        }
    }

    /** Forward one undone edit; does nothing when there is none. */
    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(current);
            current = redo.pop();
        }
    }
}
