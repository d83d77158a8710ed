package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;

import mbrllab.app.render.NoRoomForChart;

/**
 * Checks of a whole window for the tests of its edges: nothing laid out past the window's edges, no label, button or
 * check box cut to "..." (the status bar's texts aside), and no layout that marks a node for layout again (which
 * lays the window out at every pulse), for each tab and each folded section of a lab.
 */
abstract class WindowEdgesFixture extends ShellFixture {

    private final double width;
    private final double height;

    /** A window of {@code width} x {@code height}. */
    WindowEdgesFixture(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    protected double sceneWidth() {
        return width;
    }

    @Override
    protected double sceneHeight() {
        return height;
    }

    /** Opens each folded section (titled pane) of the open lab in turn, checking each, and folds it again. */
    protected void openEachFolded(String when) throws Exception {
        List<javafx.scene.control.TitledPane> folded = readOnFx(() -> shell.currentLab().view()
                .lookupAll(".titled-pane").stream().filter(n -> n instanceof javafx.scene.control.TitledPane t
                        && !t.isExpanded() && n.getScene() != null).map(n -> (javafx.scene.control.TitledPane) n)
                .toList());
        for (javafx.scene.control.TitledPane t : folded) {
            readOnFx(() -> {
                t.setExpanded(true);
                return null;
            });
            check(when + ", '" + t.getText() + "' opened");
            readOnFx(() -> {
                t.setExpanded(false);
                return null;
            });
        }
    }

    /** Shows each tab of each tab pane under {@code root} in turn (and the tabs of tab panes inside), checking each. */
    protected void everyTab(Node root, String when, java.util.Set<TabPane> seen) throws Exception {
        List<TabPane> panes = readOnFx(() -> root.lookupAll(".tab-pane").stream()
                .filter(n -> n instanceof TabPane && n.getScene() != null && n.isVisible()
                        && (n == root || n.getParent() == null || !insideAnotherTabPane(n, root)))
                .map(n -> (TabPane) n).toList());
        for (TabPane pane : panes) {
            if (!seen.add(pane)) {
                continue;
            }
            int count = readOnFx(() -> pane.getTabs().size());
            for (int i = 0; i < count; i++) {
                int index = i;
                String title = readOnFx(() -> {
                    pane.getSelectionModel().select(index);
                    return pane.getTabs().get(index).getText();
                });
                check(when + ", tab '" + title + "'");
                Node content = readOnFx(() -> pane.getTabs().get(index).getContent());
                if (content != null) {
                    everyTab(content, when + ", tab '" + title + "'", seen);
                }
            }
            readOnFx(() -> {
                pane.getSelectionModel().select(0);
                return null;
            });
        }
    }

    /** Whether a tab pane other than {@code node} lies between {@code node} and {@code root}. */
    private static boolean insideAnotherTabPane(Node node, Node root) {
        for (Node n = node.getParent(); n != null && n != root; n = n.getParent()) {
            if (n instanceof TabPane) {
                return true;
            }
        }
        return false;
    }

    protected void check(String when) throws Exception {
        List<String> past = waitUntilAtRest(() -> pastTheEdges(shell.view().getScene()), 150, "the lab laid out");
        System.out.println(when + ": " + (past.isEmpty() ? "nothing past the edges" : past));
        // and no label, button or check box ends in "..." (the status bar's texts may: their tooltips hold them whole)
        List<String> cut = readOnFx(() -> cutTexts(shell.view().getCenter()));
        if (shell.view().getLeft() != null) {
            cut = new ArrayList<>(cut);
            cut.addAll(readOnFx(() -> cutTexts(shell.view().getLeft())));
        }
        System.out.println(when + ": " + (cut.isEmpty() ? "no text cut" : "cut " + cut));
        assertEquals(List.of(), cut, when + ": texts cut");
        assertEquals(List.of(), past, when + ": nodes past the window's edges");
        // and every chart on show has room for its plot (else it says it has none: NoRoomForChart)
        assertEquals(List.of(), readOnFx(() -> chartsWithoutRoom(shell.view().getScene().getRoot())),
                when + ": charts with no room for their plot");
        assertEquals(List.of(), markedAfterEveryLayout(LOOP_PASSES), when + ": laid out again at every pulse");
    }

    /** The shown charts whose last drawing left no room for the plot, as "id [w x h]". Call on the FX thread. */
    static List<String> chartsWithoutRoom(Node node) {
        List<String> out = new ArrayList<>();
        if (!node.isVisible()) {
            return out;
        }
        if (node instanceof org.jfree.chart.fx.ChartViewer v && NoRoomForChart.shown(v)) {
            out.add(String.format(Locale.ROOT, "%s [%.0f x %.0f]", v.getId(), v.getWidth(), v.getHeight()));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(chartsWithoutRoom(child));
            }
        }
        return out;
    }

    /**
     * Layout passes in a row, each after a pulse with no posted update, that lay out a node and leave it marked again
     * before it counts as a loop.
     */
    private static final int LOOP_PASSES = 3;

    /**
     * The outermost shown nodes whose bounds reach more than 1 px past the scene's edges, as "class#id [bounds]".
     * Nodes inside a clip (scroll panes' viewports, tab header areas) are not looked into: they may be larger than
     * what they show. Call on the FX thread.
     */
    static List<String> pastTheEdges(Scene scene) {
        List<String> out = new ArrayList<>();
        collect(scene.getRoot(), scene.getWidth(), scene.getHeight(), out);
        return out;
    }

    private static void collect(Node node, double w, double h, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() > 0 && b.getHeight() > 0
                && (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > w + 1 || b.getMaxY() > h + 1)) {
            out.add(String.format(Locale.ROOT, "%s%s [%.0f, %.0f to %.0f, %.0f]", node.getClass().getSimpleName(),
                    node.getId() == null ? "" : "#" + node.getId(), b.getMinX(), b.getMinY(), b.getMaxX(),
                    b.getMaxY()));
            return;
        }
        if (node.getClip() != null || !(node instanceof Parent p)) {
            return;
        }
        for (Node child : p.getChildrenUnmodifiable()) {
            collect(child, w, h, out);
        }
    }
}
