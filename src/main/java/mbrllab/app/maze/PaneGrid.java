package mbrllab.app.maze;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import mbrllab.app.lab.Presenter;
import mbrllab.app.render.ResizableCanvas;

/**
 * A lab's maze panes ({@link PaneBox}) and the legend under them. Normally the panes share one row and the legend
 * (the footer) lies under the row, as in an HBox over its legend. In presenter mode, where the lab's chart stands
 * beside the mazes ({@code Layouts.pictureOverChart(...).besideInPresenterMode()}), the grid takes as many columns
 * as give the mazes the largest cells in the room it has: three Dyna-maze panes beside a chart at 1024x768 with text
 * 1.5 go two over one, and the legend fills the free cell of the last row instead of taking a row of its own.
 *
 * <p>All cells of the grid are equally wide; a pane's maze takes the room its title and counters leave.
 */
public final class PaneGrid extends Pane {

    private final double gap;
    private Node footer;
    private boolean freeColumns;
    private int columns = 1;

    /** An empty grid with {@code gap} pixels between panes and around the footer; follows presenter mode. */
    public PaneGrid(double gap) {
        this.gap = gap;
        getStyleClass().add("pane-grid");
        Presenter.follow(this, this::setFreeColumns);
    }

    /** The node under the panes (the Q legend); in presenter mode it may take a free cell of the last row. */
    public void setFooter(Node node) {
        if (footer != null) {
            getChildren().remove(footer);
        }
        footer = node;
        if (node != null) {
            getChildren().add(node);
        }
        requestLayout();
    }

    /** Adds a pane (before the footer). */
    public void addPane(Node pane) {
        int at = footer == null ? getChildren().size() : getChildren().indexOf(footer);
        getChildren().add(at, pane);
    }

    /** Removes every pane, keeping the footer. */
    public void clearPanes() {
        if (footer == null) {
            getChildren().clear();
        } else {
            getChildren().setAll(footer);
        }
    }

    /** Whether the grid picks its columns (presenter mode) or keeps the panes in one row. */
    public void setFreeColumns(boolean on) {
        freeColumns = on;
        requestLayout();
    }

    /** The columns of the last layout (for tests). */
    public int columns() {
        return columns;
    }

    private List<Node> panes() {
        List<Node> out = new ArrayList<>();
        for (Node n : getChildren()) {
            if (n != footer && n.isManaged()) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        List<Node> panes = panes();
        for (Node n : panes) {
            w += n.prefWidth(-1);
        }
        w += Math.max(0, panes.size() - 1) * gap;
        if (footer != null) {
            w = Math.max(w, footer.prefWidth(-1));
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        double w = 0;
        List<Node> panes = panes();
        for (Node n : panes) {
            w = freeColumns ? Math.max(w, n.minWidth(-1)) : w + n.minWidth(-1);
        }
        if (!freeColumns) {
            w += Math.max(0, panes.size() - 1) * gap;
        }
        return snappedLeftInset() + w + snappedRightInset();
    }

    /** The height of one row of panes and the footer under it, at {@code width}. */
    @Override
    protected double computePrefHeight(double width) {
        List<Node> panes = panes();
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        double cellW = inner < 0 || panes.isEmpty() ? -1 : (inner - (panes.size() - 1) * gap) / panes.size();
        double h = 0;
        for (Node n : panes) {
            h = Math.max(h, n.prefHeight(cellW));
        }
        if (footer != null) {
            h += gap + footer.prefHeight(inner);
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y0 - snappedBottomInset();
        List<Node> panes = panes();
        int k = panes.size();
        if (k == 0) {
            if (footer != null) {
                layoutInArea(footer, x0, y0, w, h, 0, in, true, false, javafx.geometry.HPos.CENTER,
                        javafx.geometry.VPos.TOP);
            }
            return;
        }
        int best = k;
        double bestSize = -1;
        double least = 0;
        for (Node n : panes) {
            least = Math.max(least, n.minWidth(-1));
        }
        for (int c = k; c >= (freeColumns ? 1 : k); c--) {
            // no more columns than leave every pane its least width (prioritized sweeping's queue table at text
            // 1.5 in high contrast was given 155 of its 225 px in a row of four, over the pane beside it)
            if (freeColumns && c > 1 && (w - (c - 1) * gap) / c < least) {
                continue;
            }
            double size = pictureWidth(panes, c, w, h);
            if (size > bestSize + 0.5) {
                best = c;
                bestSize = size;
            }
        }
        columns = best;
        int rows = (k + best - 1) / best;
        boolean footerInCell = footerInCell(k, best);
        double footerH = footer == null || footerInCell ? 0 : footer.prefHeight(w) + gap;
        double cellW = (w - (best - 1) * gap) / best;
        double cellH = (h - footerH - (rows - 1) * gap) / rows;
        double bottom = y0;
        for (int i = 0; i < k; i++) {
            int row = i / best;
            int col = i % best;
            layoutInArea(panes.get(i), x0 + col * (cellW + gap), y0 + row * (cellH + gap), cellW, cellH, 0,
                    Insets.EMPTY, true, true, javafx.geometry.HPos.CENTER, javafx.geometry.VPos.TOP);
            bottom = Math.max(bottom, panes.get(i).getLayoutY() + panes.get(i).getLayoutBounds().getMaxY());
        }
        if (footer != null && !footerInCell) {
            // Under the panes even where the room is shorter than their least height (a pane is never made smaller
            // than that): the legend lay over the mazes and their headers at 800x600 with text 1.5; what does not
            // fit is cut at the grid's bottom edge instead.
            layoutInArea(footer, x0, Math.max(y0 + h - footerH + gap, bottom + gap), w, footer.prefHeight(w), 0,
                    Insets.EMPTY, true, false, javafx.geometry.HPos.CENTER, javafx.geometry.VPos.TOP);
        } else if (footer != null) {
            layoutInArea(footer, x0 + (k % best) * (cellW + gap), y0 + (rows - 1) * (cellH + gap), cellW, cellH, 0,
                    Insets.EMPTY, false, false, javafx.geometry.HPos.CENTER, javafx.geometry.VPos.CENTER);
        }
    }

    /** Whether the footer goes into the free cell of the last row (it must fit that cell's width). */
    private boolean footerInCell(int panes, int cols) {
        if (footer == null || cols == panes || panes % cols == 0) {
            return false;
        }
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double cellW = (w - (cols - 1) * gap) / cols;
        return footer.prefWidth(-1) <= cellW;
    }

    /**
     * The smallest maze width among the panes when they take {@code cols} columns of a {@code w} x {@code h} area:
     * what the columns are chosen by. A pane without a canvas (the priority queue) does not count.
     */
    private double pictureWidth(List<Node> panes, int cols, double w, double h) {
        int k = panes.size();
        int rows = (k + cols - 1) / cols;
        double footerH = footer == null || footerInCell(k, cols) ? 0 : footer.prefHeight(w) + gap;
        double cellW = (w - (cols - 1) * gap) / cols;
        double cellH = (h - footerH - (rows - 1) * gap) / rows;
        double least = Double.MAX_VALUE;
        for (Node pane : panes) {
            ResizableCanvas canvas = canvasIn(pane);
            if (canvas == null) {
                continue;
            }
            double aspect = canvas.prefHeight(cellW) / Math.max(1, cellW);
            double headers = pane.prefHeight(cellW) - canvas.prefHeight(cellW);
            double inset = pane instanceof Region r ? r.snappedLeftInset() + r.snappedRightInset() : 0;
            double width = Math.min(cellW - inset, (cellH - headers) / aspect);
            least = Math.min(least, width);
        }
        return least == Double.MAX_VALUE ? cellW : least;
    }

    private static ResizableCanvas canvasIn(Node pane) {
        if (pane instanceof ResizableCanvas c) {
            return c;
        }
        if (pane instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                if (child instanceof ResizableCanvas c) {
                    return c;
                }
            }
        }
        return null;
    }
}
