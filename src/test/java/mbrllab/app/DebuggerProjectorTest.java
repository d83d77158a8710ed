package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import mbrllab.app.render.Fonts;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The step-through debugger at 1024x768 with text 1.5, in normal and presenter mode, with Dyna-Q+ (the longest
 * title), after some real and planning updates: every line of the lecture's pseudocode, every button and breakpoint
 * is shown whole (the lines had been cut to "(a) x &lt;- current ..." and the buttons to "Ag..." and "Breakpoi..."),
 * and so is the arithmetic of the last update (in a column of tabs with the model, scrolling where it is taller than
 * the tab), and the maze keeps cells of at least 25 px.
 */
class DebuggerProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theLecturesLinesAndTheControlsAreWholeAtProjectorSize(FxRobot robot) throws Exception {
        for (boolean presenter : new boolean[] {false, true}) {
            String mode = presenter ? "presenter mode" : "normal mode";
            showLab("changing-mazes", 1.5, presenter);
            clickOnFx(robot, "#changingDebuggerTab");
            Node view = waitUntilAtRest(() -> readOnFx(() -> shown(shell.view(), "debuggerView")), 300,
                    mode + ": the debugger laid out");
            for (int i = 0; i < 3; i++) {
                clickOnFx(robot, readOnFx(() -> view.lookup("#dbgStepReal")));
            }
            for (int i = 0; i < 2; i++) {
                clickOnFx(robot, readOnFx(() -> view.lookup("#dbgStepUpdate")));
            }
            waitUntil(() -> readOnFx(() -> ((Labeled) view.lookup("#insp9")).getText().startsWith("Q + alpha")),
                    mode + ": the last update's arithmetic shown");
            List<String> cut = waitUntilAtRest(() -> readOnFx(() -> cutTexts(view)), 300,
                    mode + ": the debugger's texts laid out");
            double[] maze = readOnFx(() -> {
                Node canvas = view.lookup("#debugCanvas");
                return new double[] {canvas.getLayoutBounds().getWidth(), canvas.getLayoutBounds().getHeight()};
            });
            boolean tabs = readOnFx(() -> shown(view, "debuggerSideTabs") != null);
            System.out.println(mode + ", 1024x768, text 1.5: debugger maze " + Math.round(maze[0]) + " x "
                    + Math.round(maze[1]) + " px, side tabs " + tabs + ", cut texts " + cut);
            assertEquals(List.of(), cut, mode + ": texts shown whole");
            // Dyna-Q+'s planning update, the longest arithmetic, whole without scrolling in presenter mode (490 px
            // in a 390 px tab before its arithmetic rows went under the others); normal mode has less width and
            // still scrolls (printed)
            assertTrue(readOnFx(() -> ((Labeled) view.lookup("#insp7")).getText().contains("kappa sqrt(tau)")),
                    mode + ": a planning update of Dyna-Q+");
            List<Double> fit = waitUntilAtRest(() -> readOnFx(() -> {
                Node scroll = shown(view, "inspectorScroll");
                if (scroll == null) {
                    return List.of(0.0, 0.0);
                }
                javafx.scene.control.ScrollPane s = (javafx.scene.control.ScrollPane) scroll;
                return List.of(s.getContent().getLayoutBounds().getHeight(), s.getViewportBounds().getHeight());
            }), 300, mode + ": the last update laid out");
            System.out.println(mode + ": the last update " + Math.round(fit.get(0)) + " px high in a view of "
                    + Math.round(fit.get(1)) + " px");
            if (presenter) {
                assertTrue(fit.get(0) <= fit.get(1) + 0.5, mode + ": the last update " + fit + " px (content, view)");
            }
            // the lecture's lines and the active one (bold) in the bundled monospaced face, whatever the machine has
            List<String> faces = readOnFx(() -> view.lookupAll(".code-line").stream()
                    .map(n -> ((Labeled) n).getFont().getName()).distinct().sorted().toList());
            assertEquals(List.of(Fonts.MONO, Fonts.MONO + " Bold"), faces, mode + ": the code's faces");
            // The line just executed is in view, whole, where the lines scroll (a taller monospaced font needs it).
            String inView = waitUntilAtRest(() -> readOnFx(() -> {
                Node active = view.lookup(".code-line-active");
                Node scroll = active.getParent();
                while (scroll != null && !(scroll instanceof javafx.scene.control.ScrollPane)) {
                    scroll = scroll.getParent();
                }
                javafx.geometry.Bounds line = active.localToScene(active.getLayoutBounds());
                javafx.geometry.Bounds port = scroll.localToScene(scroll.getLayoutBounds());
                return line.getMinY() >= port.getMinY() - 0.5 && line.getMaxY() <= port.getMaxY() + 0.5 ? "yes"
                        : "line " + line.getMinY() + ".." + line.getMaxY() + ", view " + port.getMinY() + ".."
                                + port.getMaxY();
            }), 300, mode + ": the lines scrolled");
            assertEquals("yes", inView, mode + ": the line just executed is in view");
            assertTrue(tabs, mode + ": the last update and the model in tabs");
            // the Dyna maze's 9 columns at 25 px at least
            assertTrue(maze[0] >= 9 * 25, mode + ": the maze " + maze[0] + " px wide");
        }
    }

    /**
     * After a whole episode at 1024x768 with text 1.5 the debugger still fits the window. The timeline's label
     * ("update 5,413 of 5,413 · episode 2, step 1 · 5 planning pending · 22 snapshots") would not shrink, and pushed
     * the debugger about 200 px past the window's right edge, cutting its buttons, the last update and the label there.
     */
    @Test
    void theDebuggerFitsTheWindowAfterAWholeEpisode(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, false);
        clickOnFx(robot, "#changingDebuggerTab");
        Node view = waitUntilAtRest(() -> readOnFx(() -> shown(shell.view(), "debuggerView")), 300,
                "the debugger laid out");
        clickOnFx(robot, readOnFx(() -> view.lookup("#dbgStepEpisode")));
        waitUntil(() -> readOnFx(() -> ((Labeled) view.lookup("#dbgTimelineLabel")).getText().contains("episode 2")),
                "the first episode stepped through");
        double right = waitUntilAtRest(() -> rightEdge(view), 300, "the debugger laid out");
        double width = readOnFx(() -> view.getScene().getWidth());
        String label = readOnFx(() -> ((Labeled) view.lookup("#dbgTimelineLabel")).getText());
        System.out.println("text 1.5, after an episode ('" + label + "'): the debugger's right edge at " + right
                + " px in a window of " + width);
        assertTrue(right <= width + 0.5, "the debugger ends at " + right + " px, past the window's " + width);
        assertEquals(List.of(), readOnFx(() -> cutTexts(view)), "texts shown whole");
    }

    /** The right edge, in the scene, of the rightmost of the debugger's buttons, last update and timeline. */
    private static double rightEdge(Node view) {
        return readOnFx(() -> {
            double right = view.localToScene(view.getLayoutBounds()).getMaxX();
            for (String id : new String[] {"dbgTimelineLabel", "debuggerSideTabs", "dbgRun", "dbgReset"}) {
                Node n = shown(view, id);
                if (n != null) {
                    right = Math.max(right, n.localToScene(n.getLayoutBounds()).getMaxX());
                }
            }
            return right;
        });
    }

    /** The node with this id that is on show (the labs each have a debugger), or null. */
    private static Node shown(Node root, String id) {
        for (Node n : root.lookupAll("#" + id)) {
            if (visible(n)) {
                return n;
            }
        }
        return null;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
