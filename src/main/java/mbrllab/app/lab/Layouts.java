package mbrllab.app.lab;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The layouts the labs share: a picture over its chart, a side panel of options, a chart with its notes. */
public final class Layouts {

    private Layouts() {
    }

    /** The picture above, the chart below, divided at {@code divider} (0 top, 1 bottom); the user drags the divider. */
    public static SplitPane pictureOverChart(Node picture, Node chart, double divider) {
        SplitPane split = new SplitPane(picture, chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(divider);
        return split;
    }

    /** The lab's main area with its options panel on the right, which keeps its width when the window resizes. */
    public static SplitPane withSidePanel(Node main, Node side, double divider) {
        SplitPane split = new SplitPane(main, side);
        split.setDividerPositions(divider);
        SplitPane.setResizableWithParent(side, false);
        return split;
    }

    /** A chart that takes the height it is given, with what goes under it (legend, notes) at their own height. */
    public static VBox chartColumn(Node chart, Insets padding, Node... below) {
        VBox box = new VBox(2, chart);
        box.getChildren().addAll(below);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.setPadding(padding);
        return box;
    }

    /** The label of the real steps taken, for a lab's toolbar ({@code #realStepsLabel}). */
    public static Label realStepsLabel() {
        Label label = new Label("real steps: 0");
        label.setId("realStepsLabel");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
