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
        // the room the column shows depends on its parent's height too (see visibleHeight)
        javafx.beans.value.ChangeListener<Number> parentHeight = (o, a, b) -> requestLayout();
        parentProperty().addListener((o, a, b) -> {
            if (a instanceof javafx.scene.layout.Region old) {
                old.heightProperty().removeListener(parentHeight);
            }
            if (b instanceof javafx.scene.layout.Region now) {
                now.heightProperty().addListener(parentHeight);
            }
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
        // the children's width: what the padding leaves (a legend that wraps needs more lines in less width)
        double inner = width < 0 ? width : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        double h = snappedTopInset() + snappedBottomInset() + chart.minHeight(inner);
        for (Node n : below) {
            if (!folds(n) && n.isManaged()) {
                h += getSpacing() + n.minHeight(inner);
            }
        }
        return h;
    }

    @Override
    protected void layoutChildren() {
        foldToFit();
        if (!giveUpChartHeight()) {
            super.layoutChildren();
        }
    }

    /**
     * The column's height, or less where its parent ends above the column's bottom: parents lay a node out at least at
     * its minimum height however little room they have (a tab's content region does) and cut off what lies beyond
     * their own edge. For parents that put the column at their top, as tabs and split panes do.
     */
    private double visibleHeight() {
        double h = getHeight();
        if (getParent() instanceof javafx.scene.layout.Region parent) {
            double room = parent.getHeight() - parent.snappedBottomInset() - getLayoutY();
            if (room > 0 && room < h) {
                h = room;
            }
        }
        return h;
    }

    /**
     * A column given less than its minimum height (large text in a small window, or a tab pane, which does not pass
     * its content's minimum on): a VBox keeps the chart at its minimum and lets what is below run out of the column,
     * where it is cut off: the acceleration lab's curves lost their x axis and the lower half of the y label in
     * presenter mode at 1024x768 with text 2.0 (a column of 198 px holding a chart of 340). The chart gives up the
     * height that is missing, down to nothing, and what is below it moves up: a short plot, whole. The column lays
     * its children out itself then, each at one place (moving them after the VBox had placed them asked for another
     * layout at every pulse).
     *
     * @return whether the children were laid out here (else the VBox lays them out)
     */
    private boolean giveUpChartHeight() {
        if (!chart.isManaged()) {
            return false;
        }
        double left = snappedLeftInset();
        double top = snappedTopInset();
        double w = getWidth() - left - snappedRightInset();
        double inner = visibleHeight() - top - snappedBottomInset();
        double spacing = snapSpaceY(getSpacing());
        double belowHeight = 0;
        for (Node n : below) {
            if (n.isManaged()) {
                belowHeight += spacing + snapSizeY(n.prefHeight(w));
            }
        }
        if (snapSizeY(chart.minHeight(w)) + belowHeight <= inner + 0.5) {
            return false;
        }
        double chartHeight = Math.max(0, snapSizeY(inner - belowHeight));
        chart.resizeRelocate(left, top, w, chartHeight);
        double y = top + chartHeight;
        for (Node n : below) {
            if (n.isManaged()) {
                y += spacing;
                double h = snapSizeY(n.prefHeight(w));
                layoutInArea(n, left, y, w, h, 0, getAlignment().getHpos(), javafx.geometry.VPos.TOP);
                y += h;
            }
        }
        return true;
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
