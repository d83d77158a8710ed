package mbrllab.app.lab;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

import mbrllab.app.render.ResizableCanvas;

/**
 * A lab's picture above, its chart below ({@link Layouts#pictureOverChart}), in a split pane whose divider the user
 * may drag. Until the user drags it, the divider gives the picture the height it can use at the width it has: a
 * picture that keeps its aspect (maze and cart canvases report a height for a width) gets that height and the chart
 * the rest, so a wider window makes both grow instead of leaving grey bands beside the maze. The picture's share
 * stays between {@value #MIN_SHARE} and {@value #MAX_SHARE}, and the chart keeps its minimum height. A picture without
 * an aspect keeps the divider it was given, moved down as far as its minimum height needs (a wrapped third line of a
 * title must not push the picture's last line out of sight) while the chart keeps its minimum. In presenter mode the divider follows the picture again (a drag there holds
 * until presenter mode ends).
 */
public final class PictureOverChart extends SplitPane {

    /** The smallest share of the height the picture gets from the automatic divider. */
    static final double MIN_SHARE = 0.3;
    /** The largest share of the height the picture gets from the automatic divider. */
    static final double MAX_SHARE = 0.7;

    /** Pixels added to the picture's height for the divider's half. */
    private static final double DIVIDER_ALLOWANCE = 4;

    /** The picture's share of the width when the chart stands beside it. */
    static final double BESIDE_SHARE = 0.66;

    private final Node picture;
    private final Node chart;
    private final double divider;
    private boolean userMoved;
    private boolean besideInPresenterMode;
    private boolean beside;
    /** The automatic position set last (NaN: none yet, or to be set again). */
    private double automaticSet = Double.NaN;

    PictureOverChart(Node picture, Node chart, double divider) {
        super(picture, chart);
        this.picture = picture;
        this.chart = chart;
        this.divider = divider;
        getStyleClass().add("picture-over-chart");
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(divider);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != this; n = n.getParent()) {
                if (n.getParent() == this && n.getStyleClass().contains("split-pane-divider")) {
                    userMoved = true;
                    return;
                }
            }
        });
        Presenter.follow(this, on -> {
            userMoved = false;
            automaticSet = Double.NaN;
            beside = on && besideInPresenterMode;
            setOrientation(beside ? Orientation.HORIZONTAL : Orientation.VERTICAL);
            requestLayout();
        });
    }

    /**
     * In presenter mode, puts the chart beside the picture instead of under it, the picture taking
     * {@value #BESIDE_SHARE} of the width. For a row of panes that can rearrange themselves into a grid (the mazes'
     * {@code PaneGrid}): at 1024x768 with text 1.5, three maze panes over the chart left the chart 110 px of plot;
     * beside it, two over one, the mazes keep their 32 px cells and the chart gets the window's height.
     */
    public PictureOverChart besideInPresenterMode() {
        besideInPresenterMode = true;
        Presenter.follow(this, on -> {
            automaticSet = Double.NaN;
            beside = on;
            setOrientation(on ? Orientation.HORIZONTAL : Orientation.VERTICAL);
            requestLayout();
        });
        return this;
    }

    /** Whether the chart stands beside the picture now (presenter mode, {@link #besideInPresenterMode()}). */
    public boolean isBeside() {
        return beside;
    }

    /** The divider position the picture would get now: its height for the width it has, as a share. */
    double automaticPosition() {
        if (beside) {
            return BESIDE_SHARE;
        }
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        if (h <= 0 || w <= 0) {
            return divider;
        }
        double most = Math.min(MAX_SHARE, 1 - (chart.minHeight(w) + DIVIDER_ALLOWANCE) / h);
        if (!keepsAspect(picture)) {
            double least = (picture.minHeight(w) + DIVIDER_ALLOWANCE) / h;
            return least > divider ? Math.max(divider, Math.min(most, least)) : divider;
        }
        double need = picture.prefHeight(w) + DIVIDER_ALLOWANCE;
        return Math.max(MIN_SHARE, Math.min(most, need / h));
    }

    /**
     * Whether {@code node} holds a canvas that keeps its aspect (a maze, a cart), shown. Only then does the divider
     * follow the picture: a chart over a wrapping note also reports a height for its width, but that is the least it
     * needs, not what it can use (the playground's chart got 46 % instead of its 68 %, and none at all for its plot
     * under its legend at text 1.5).
     */
    static boolean keepsAspect(Node node) {
        if (!node.isVisible()) {
            return false;
        }
        if (node instanceof ResizableCanvas canvas) {
            return canvas.getContentBias() == Orientation.HORIZONTAL;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (keepsAspect(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected void layoutChildren() {
        if (!userMoved && !getDividers().isEmpty()) {
            // Set when the automatic position changes, not whenever the divider is elsewhere: where the two minimum
            // heights do not fit, the split pane moves the divider off it, and setting it again at every layout asked
            // for a layout at every pulse.
            double position = automaticPosition();
            if (Double.isNaN(automaticSet) || Math.abs(automaticSet - position) > 1e-3) {
                automaticSet = position;
                setDividerPosition(0, position);
            }
        }
        super.layoutChildren();
    }
}
