package mbrllab.app.shell;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import javafx.scene.Node;

/**
 * What the shell needs of an open lab.
 *
 * @param content       the lab's main area
 * @param toolbarItems  the lab's run controls, shown in the shell's toolbar
 * @param controls      the actions behind the keyboard shortcuts
 * @param fontScale     called when the font scale changes (canvases and charts draw their own text)
 * @param highContrast  called when the high-contrast theme is switched
 * @param dispose       stops the lab's background work (lab switch, window close)
 * @param extras        exports and session state
 */
public record LabView(Node content, List<Node> toolbarItems, RunControls controls, DoubleConsumer fontScale,
                      Consumer<Boolean> highContrast, Runnable dispose, LabExtras extras) {

    /** A lab without exports or session state. */
    public LabView(Node content, List<Node> toolbarItems, RunControls controls, DoubleConsumer fontScale,
                   Consumer<Boolean> highContrast, Runnable dispose) {
        this(content, toolbarItems, controls, fontScale, highContrast, dispose, LabExtras.NONE);
    }
}
