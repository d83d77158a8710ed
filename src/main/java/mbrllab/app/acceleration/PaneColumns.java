package mbrllab.app.acceleration;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The lab's panes side by side, each a column of the same rows (title, returns, cart, returns strip, data counts),
 * every row as high as the highest of its kind at the columns' width, so that the carts and the returns strips line
 * up: the default third pane's title ("3: true physics n=10 k=1") wraps at 1024x768 where the others do not, and its
 * cart sat 20 px below theirs. One row, the pictures', takes the height left over;
 * where that is less than their preferred height, the other rows first give up what they have above their least.
 *
 * <p>The heights come from the nodes' preferred heights at the width they get, during the layout pass, without
 * changing any node's own sizes: a row of VBoxes that set its labels' minimum heights while it laid them out asked for
 * a layout that the pass lost, and the lab opened in a window showed empty panes until its first step.
 */
final class PaneColumns extends Pane {

    private final List<Node[]> columns = new ArrayList<>();
    private final int growingRow;
    private final double hgap;
    private final double vgap;
    private final double columnMinWidth;
    private final double columnPrefWidth;

    /**
     * @param growingRow      the row that takes the height left over (its nodes are stretched to fill it)
     * @param hgap            space between columns [px]
     * @param vgap            space between rows [px]
     * @param columnMinWidth  least width of a column [px]
     * @param columnPrefWidth preferred width of a column [px]
     */
    PaneColumns(int growingRow, double hgap, double vgap, double columnMinWidth, double columnPrefWidth) {
        this.growingRow = growingRow;
        this.hgap = hgap;
        this.vgap = vgap;
        this.columnMinWidth = columnMinWidth;
        this.columnPrefWidth = columnPrefWidth;
    }

    /** Adds a column, its nodes top to bottom (every column has the same number of rows). */
    void addColumn(Node... nodes) {
        if (!columns.isEmpty() && nodes.length != columns.get(0).length) {
            throw new IllegalArgumentException("a column of " + nodes.length + " rows beside columns of "
                    + columns.get(0).length);
        }
        columns.add(nodes.clone());
        getChildren().addAll(nodes);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).length;
    }

    /** A column's width when the whole is {@code width} wide (-1: preferred). */
    private double columnWidth(double width) {
        int n = Math.max(1, columns.size());
        if (width < 0) {
            return columnPrefWidth;
        }
        Insets in = getInsets();
        return Math.max(columnMinWidth, (width - in.getLeft() - in.getRight() - hgap * (n - 1)) / n);
    }

    /** The height of {@code row} at column width {@code w}: the highest of its nodes' preferred (or least) height. */
    private double rowHeight(int row, double w, boolean least) {
        double high = 0;
        for (Node[] column : columns) {
            Node node = column[row];
            if (node.isManaged()) {
                high = Math.max(high, least ? node.minHeight(w) : node.prefHeight(w));
            }
        }
        return high;
    }

    private double height(double width, boolean least) {
        double w = columnWidth(width);
        double sum = 0;
        for (int row = 0; row < rows(); row++) {
            sum += least ? rowHeight(row, w, true) : rowHeight(row, w, false);
        }
        Insets in = getInsets();
        return in.getTop() + in.getBottom() + sum + vgap * Math.max(0, rows() - 1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return height(width, true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return height(width, false);
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        int n = columns.size();
        return in.getLeft() + in.getRight() + n * columnMinWidth + hgap * Math.max(0, n - 1);
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        int n = columns.size();
        return in.getLeft() + in.getRight() + n * columnPrefWidth + hgap * Math.max(0, n - 1);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = columnWidth(getWidth());
        int rows = rows();
        double[] least = new double[rows];
        double[] heights = new double[rows];
        double others = 0;
        for (int row = 0; row < rows; row++) {
            least[row] = rowHeight(row, w, true);
            heights[row] = Math.max(least[row], rowHeight(row, w, false));
            if (row != growingRow) {
                others += heights[row];
            }
        }
        double inside = getHeight() - in.getTop() - in.getBottom() - vgap * Math.max(0, rows - 1);
        if (growingRow >= 0 && growingRow < rows) {
            // short of room for the pictures at their preferred height: the other rows give up what they have above
            // their least height first (the returns strips)
            double want = heights[growingRow] - (inside - others);
            for (int row = 0; row < rows && want > 0; row++) {
                if (row != growingRow) {
                    double give = Math.min(heights[row] - least[row], want);
                    heights[row] -= give;
                    others -= give;
                    want -= give;
                }
            }
            heights[growingRow] = Math.max(least[growingRow], inside - others);
        }
        for (int c = 0; c < columns.size(); c++) {
            double x = in.getLeft() + c * (w + hgap);
            double y = in.getTop();
            Node[] column = columns.get(c);
            for (int row = 0; row < rows; row++) {
                boolean fill = row == growingRow || !(column[row] instanceof javafx.scene.control.Labeled);
                layoutInArea(column[row], x, y, w, heights[row], 0, Insets.EMPTY, fill, fill, HPos.CENTER,
                        VPos.TOP);
                y += heights[row] + vgap;
            }
        }
    }
}
