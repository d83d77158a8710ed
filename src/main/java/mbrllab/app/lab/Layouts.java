package mbrllab.app.lab;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The layouts the labs share: a picture over its chart, a side panel of options, a chart with its notes. They know
 * presenter mode ({@link Presenter}): a lab that builds its view from them gets presenter mode without a line of its
 * own (see the README's "The lab runtime").
 */
public final class Layouts {

    private Layouts() {
    }

    /**
     * The picture above, the chart below, in a split pane the user can drag. The divider starts at {@code divider}
     * (0 top, 1 bottom); a picture that keeps its aspect (a maze or cart canvas) then gets the height it can use at
     * its width and the chart the rest (see {@link PictureOverChart}).
     */
    public static PictureOverChart pictureOverChart(Node picture, Node chart, double divider) {
        return new PictureOverChart(picture, chart, divider);
    }

    /**
     * The lab's main area with its options panel on the right. The panel scrolls, takes the width it asks for (it
     * follows the text size) and keeps it when the window resizes; {@code divider} is only where the divider starts.
     * In presenter mode the panel folds into a drawer behind a handle on the right edge (see {@link SidePanelLayout}).
     */
    public static SidePanelLayout withSidePanel(Node main, Node side, double divider) {
        return new SidePanelLayout(main, side, divider);
    }

    /**
     * A chart that takes the height it is given, with what goes under it (legend, notes) at their own height. Notes
     * (style class {@code note}, or {@link ChartColumn#FOLDS}) are left out in presenter mode, where the lecturer says
     * them and the chart takes their room, and whenever the chart would get less than its minimum height with them;
     * then their text is the column's tooltip (see {@link ChartColumn}).
     */
    public static VBox chartColumn(Node chart, Insets padding, Node... below) {
        return new ChartColumn(chart, padding, below);
    }

    /** Leaves {@code nodes} out of the layout in presenter mode (explanations a lecturer gives by voice). */
    public static void hideInPresenterMode(Node... nodes) {
        for (Node n : nodes) {
            Presenter.follow(n, on -> {
                n.setVisible(!on);
                n.setManaged(!on);
            });
        }
    }

    /**
     * Gives a tab its title in several forms, longest first ("Dyna-Q and Dyna-Q+ on a changing maze", "Dyna-Q vs
     * Dyna-Q+"); a tab pane fitted with {@link #fitTabTitles} shows the longest that fit.
     */
    public static void tabTitles(javafx.scene.control.Tab tab, String... forms) {
        TabTitles.forms(tab, forms);
    }

    /** Makes the tab pane's titles shorten together when their headers do not fit its width, instead of being cut. */
    public static void fitTabTitles(javafx.scene.control.TabPane pane) {
        TabTitles.fit(pane);
    }

    /**
     * Whether {@code area}, laid out, is smaller than {@code width} x {@code height} px per unit of text size (text
     * below 1 counts as 1): the rule by which a view swaps its side-by-side arrangement for a compact one (the
     * debugger, the cart-pole dynamics). False before the first layout.
     */
    public static boolean cramped(Region area, double fontScale, double width, double height) {
        double w = area.getWidth();
        double h = area.getHeight();
        double scale = Math.max(1, fontScale);
        return w > 0 && h > 0 && (w < width * scale || h < height * scale);
    }

    /** Clips a region to its own bounds: what does not fit is cut at its edge, not drawn over its neighbour. */
    public static void clipToBounds(Region region) {
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(region.widthProperty());
        clip.heightProperty().bind(region.heightProperty());
        region.setClip(clip);
    }

    /** The label of the real steps taken, for a lab's toolbar ({@code #realStepsLabel}). */
    public static Label realStepsLabel() {
        Label label = new Label("real steps: 0");
        label.setId("realStepsLabel");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
