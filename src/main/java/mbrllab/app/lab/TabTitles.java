package mbrllab.app.lab;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Font;

import mbrllab.app.controls.TextMeasure;

/**
 * Tab titles that shorten before they are cut: a tab may carry its title in several forms, longest first
 * ({@link Layouts#tabTitles}), and a tab pane fitted with {@link Layouts#fitTabTitles} shows, after each layout, the
 * longest forms whose headers fit its width (the same form index for every tab, so they shorten together). A tab
 * pane's own overflow menu is left for tabs that do not fit even then.
 */
final class TabTitles {

    static final Object FORMS = TabTitles.class;

    private final TabPane pane;
    private Scene scene;
    private final Runnable check = this::fit;

    private TabTitles(TabPane pane) {
        this.pane = pane;
        pane.sceneProperty().addListener((o, a, b) -> attach(b));
        attach(pane.getScene());
    }

    static void fit(TabPane pane) {
        new TabTitles(pane);
    }

    static void forms(Tab tab, String... forms) {
        tab.getProperties().put(FORMS, List.of(forms));
        tab.setText(forms[0]);
    }

    private void attach(Scene newScene) {
        if (scene != null) {
            scene.removePostLayoutPulseListener(check);
        }
        scene = newScene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(check);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> formsOf(Tab tab) {
        Object f = tab.getProperties().get(FORMS);
        return f instanceof List<?> list ? (List<String>) list : List.of(tab.getText() == null ? "" : tab.getText());
    }

    /** After a layout: the longest level of forms whose headers fit; changes the titles only when it differs. */
    private void fit() {
        if (!pane.isVisible() || pane.getWidth() <= 0) {
            return;
        }
        // Looked up in the pane's own header area, not in the whole pane: after every layout pulse, and the Dyna-maze
        // lab's tab pane holds the whole lab (the idle app spent 4% of a core walking it, every sample of its FX
        // thread inside this lookup). A tab pane inside one of the tabs has its header area in the tab's content.
        Node area = headerArea();
        if (area == null) {
            return;
        }
        List<Node> tabNodes = area.lookupAll(".tab").stream().filter(n -> n.getParent() != null
                && n.getParent().getStyleClass().contains("headers-region")).toList();
        if (tabNodes.size() != pane.getTabs().size()) {
            return;
        }
        if (relayoutStaleHeaders(tabNodes)) {
            return; // measured after the next layout
        }
        // The tab menu's button counts whether it is shown or not, as the tab pane counts it when it decides to show
        // it: counted only while shown, the titles flipped every few pulses between their forms where the long ones
        // fit only without the button (the acceleration lab at 1366x768, text 1.5: 373 px of tabs in 388).
        Node controls = area.lookup(".control-buttons-tab");
        double available = area.getLayoutBounds().getWidth() - 12
                - (controls instanceof javafx.scene.layout.Region r ? r.prefWidth(-1) : 0);
        double[] overhead = new double[tabNodes.size()];
        Font font = null;
        for (int i = 0; i < tabNodes.size(); i++) {
            Node tab = tabNodes.get(i);
            Label label = (Label) tab.lookup(".tab-label");
            if (label == null) {
                return;
            }
            font = label.getFont();
            overhead[i] = tab.getLayoutBounds().getWidth() - TextMeasure.width(label.getText(), font);
        }
        int levels = 1;
        for (Tab t : pane.getTabs()) {
            levels = Math.max(levels, formsOf(t).size());
        }
        int chosen = levels - 1;
        for (int level = 0; level < levels; level++) {
            double need = 0;
            for (int i = 0; i < pane.getTabs().size(); i++) {
                List<String> forms = formsOf(pane.getTabs().get(i));
                need += overhead[i] + TextMeasure.width(forms.get(Math.min(level, forms.size() - 1)), font);
            }
            if (need <= available) {
                chosen = level;
                break;
            }
        }
        for (Tab t : pane.getTabs()) {
            List<String> forms = formsOf(t);
            String text = forms.get(Math.min(chosen, forms.size() - 1));
            if (!text.equals(t.getText())) {
                t.setText(text);
            }
        }
    }

    /**
     * Asks for a layout of every ancestor of a tab header that still needs one after a layout pass. The tab pane can
     * leave a header marked for layout under ancestors that are not, so that no layout pass reaches it: after the
     * acceleration lab moved its tabs (presenter mode at text 2.0) the headers kept the widths of their former
     * titles ("Curves" in 235 px, the tab menu shown) for as long as nothing else changed. Returns whether it asked.
     */
    private static boolean relayoutStaleHeaders(List<Node> tabNodes) {
        boolean stale = false;
        for (Node tab : tabNodes) {
            if (tab instanceof javafx.scene.Parent p && p.isNeedsLayout()) {
                stale = true;
                for (Node n = tab; n != null; n = n.getParent()) {
                    if (n instanceof javafx.scene.Parent q) {
                        q.requestLayout();
                    }
                }
            }
        }
        return stale;
    }

    /** The pane's tab header area: a child of the pane itself (its skin's), or null before the skin. */
    private Node headerArea() {
        for (Node n : pane.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("tab-header-area")) {
                return n;
            }
        }
        return null;
    }
}
