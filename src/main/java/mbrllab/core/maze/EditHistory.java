package mbrllab.core.maze;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The editing history of an immutable value (the maze editor's layouts): every edit pushes the previous value for
 * undo; undo moves it to the redo stack; a new edit clears redo. The values are immutable, so the history holds them
 * directly. At most {@value #LIMIT} steps are kept.
 *
 * @param <T> an immutable value with {@code equals}
 */
public final class EditHistory<T> {

    /** Undo steps kept. */
    public static final int LIMIT = 500;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private T current;

    public EditHistory(T initial) {
        this.current = initial;
    }

    public T current() {
        return current;
    }

    /** Makes {@code next} current; an unchanged value is not recorded. */
    public void edit(T next) {
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
