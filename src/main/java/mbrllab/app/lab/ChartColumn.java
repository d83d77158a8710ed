package mbrllab.app.lab;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A chart that takes the height it is given, with what goes under it at their own height ({@link Layouts#chartColumn}).
 * What goes under it may fold: notes (style class {@code note}) and anything marked {@link #FOLDS} leave the layout
 * in presenter mode, and also whenever showing them would squeeze the chart below its minimum height (a small
 * window with large text: at 1024x768 with text 1.5 the Changing mazes chart kept 75 px of plot and its notes were
 * cut at the window's edge). They fold from the last one up, and the text of those folded stays at hand as the
 * column's tooltip. The column's minimum height counts the chart and what never folds, so that a split pane above
 * gives the chart its minimum before the notes.
 */
public final class ChartColumn extends VBox {

    /** The style class of what under a chart folds away in presenter mode and when there is no room for it. */
    public static final String FOLDS = "chart-folds";

    private final Node chart;
    private final List<Node> below;
    private final Tooltip foldedText = new Tooltip();
    private boolean presenter;
    private boolean tooltipInstalled;

    ChartColumn(Node chart, Insets padding, Node... below) {
        super(2, chart);
        this.chart = chart;
        this.below = List.of(below);
        getChildren().addAll(below);
        VBox.setVgrow(chart, Priority.ALWAYS);
        setPadding(padding);
        getStyleClass().add("chart-column");
        foldedText.setWrapText(true);
        foldedText.setMaxWidth(520);
        Presenter.follow(this, on -> {
            presenter = on;
            requestLayout();
        });
    }

    static boolean folds(Node n) {
        return n.getStyleClass().contains("note") || n.getStyleClass().contains(FOLDS);
    }

    /** The nodes under the chart that are folded away now. */
    public List<Node> folded() {
        List<Node> out = new ArrayList<>();
        for (Node n : below) {
            if (folds(n) && !n.isManaged()) {
                out.add(n);
            }
        }
        return out;
    }

    /** The column's tooltip text while something is folded (the folded notes' text), else null. */
    String foldedTooltipText() {
        return tooltipInstalled ? foldedText.getText() : null;
    }

    @Override
    protected double computeMinHeight(double width) {
        double h = snappedTopInset() + snappedBottomInset() + chart.minHeight(width);
        for (Node n : below) {
            if (!folds(n) && n.isManaged()) {
                h += getSpacing() + n.minHeight(width);
            }
        }
        return h;
    }

    @Override
    protected void layoutChildren() {
        foldToFit();
        super.layoutChildren();
    }

    /** Shows as many of the folding nodes, first to last, as leave the chart its minimum height. */
    private void foldToFit() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double room = getHeight() - snappedTopInset() - snappedBottomInset() - chart.minHeight(w);
        for (Node n : below) {
            if (!folds(n) && n.isManaged()) {
                room -= getSpacing() + n.prefHeight(w);
            }
        }
        StringBuilder text = new StringBuilder();
        boolean full = presenter;
        for (Node n : below) {
            if (!folds(n)) {
                continue;
            }
            double need = getSpacing() + n.prefHeight(w);
            boolean show = !full && need <= room + 0.5;
            if (show) {
                room -= need;
            } else {
                full = true;
                if (!presenter && n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                    text.append(text.length() == 0 ? "" : "\n").append(l.getText());
                }
            }
            if (n.isManaged() != show) {
                n.setManaged(show);
            }
            n.setVisible(show);
        }
        if (text.length() > 0) {
            foldedText.setText(text.toString());
            if (!tooltipInstalled) {
                Tooltip.install(this, foldedText);
                tooltipInstalled = true;
            }
        } else if (tooltipInstalled) {
            Tooltip.uninstall(this, foldedText);
            tooltipInstalled = false;
        }
    }
}
