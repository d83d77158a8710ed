package mbrllab.app.lab;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A lab's main area with its options panel on the right ({@link Layouts#withSidePanel}). A split pane, so that a lab
 * may treat it as one.
 *
 * <ul>
 * <li>Normally the two share a split pane. The side panel scrolls and gets the width it asks for (style class
 * {@code side-panel}: a width in em in the style sheet, so it follows the text size), the main area the rest, until
 * the user drags the divider; then the divider stays where it was put, and the side panel keeps its width when the
 * window resizes.</li>
 * <li>In presenter mode ({@link Presenter}) the main area takes the whole width but a narrow handle on the right
 * edge ({@code #sidePanelHandle}); the handle opens the side panel as a drawer over the main area's right part, and
 * closes it again.</li>
 * </ul>
 */
public final class SidePanelLayout extends SplitPane {

    /**
     * The smallest share of the width the main area keeps while the side panel takes its preferred width. At 1024x768
     * with text 1.5 the side panels ask for 16em (312 px) of the 860 px beside the lab list; at 0.55 they got it and
     * the mazes kept 19 px cells; at 0.68 they get 275 px (they scroll, their headings wrap) and the pictures the rest.
     */
    static final double MIN_MAIN_SHARE = 0.68;

    private final Node main;
    private final Region side;
    private final BorderPane presenterView = new BorderPane();
    private final StackPane stage = new StackPane();
    private final ToggleButton handle = new ToggleButton();
    private final double startDivider;
    private boolean userMoved;
    private boolean presenter;

    SidePanelLayout(Node main, Node side, double divider) {
        this.main = main;
        this.side = scrolling(side);
        this.startDivider = divider;
        getStyleClass().add("side-panel-layout");
        this.side.getStyleClass().add("side-panel");
        setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(this.side, false);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isDivider(e.getPickResult().getIntersectedNode())) {
                userMoved = true;
            }
        });

        Label text = new Label("Options");
        text.setRotate(-90);
        text.getStyleClass().add("drawer-handle-text");
        handle.setGraphic(new Group(text));
        handle.setId("sidePanelHandle");
        handle.getStyleClass().add("drawer-handle");
        handle.setMaxHeight(Double.MAX_VALUE);
        handle.setTooltip(new Tooltip("Show or hide the options (presenter mode folds them away)"));
        handle.selectedProperty().addListener((o, a, open) -> showDrawer(open));
        StackPane.setAlignment(this.side, Pos.TOP_RIGHT);
        presenterView.setCenter(stage);
        presenterView.setRight(handle);
        showNormal();
        clipToBounds();
        Presenter.follow(this, this::setPresenter);
    }

    /** The side panel (wrapped in a scroll pane unless it scrolls itself). */
    public Region side() {
        return side;
    }

    /** The handle that opens the drawer in presenter mode. */
    public ToggleButton handle() {
        return handle;
    }

    /** Whether the side panel is folded away (presenter mode). */
    public boolean isFolded() {
        return presenter;
    }

    /** Opens or closes the drawer in presenter mode; outside presenter mode the side panel is always shown. */
    public void setDrawerOpen(boolean open) {
        handle.setSelected(open);
    }

    private void setPresenter(boolean on) {
        if (on == presenter) {
            return;
        }
        presenter = on;
        handle.setSelected(false);
        if (on) {
            getItems().clear();
            stage.getChildren().setAll(main);
            getItems().setAll(presenterView);
        } else {
            getItems().clear();
            stage.getChildren().clear();
            showNormal();
        }
    }

    private void showNormal() {
        getItems().setAll(main, side);
        setDividerPositions(startDivider);
    }

    private void showDrawer(boolean open) {
        if (!presenter) {
            return;
        }
        if (open) {
            side.setMaxWidth(Region.USE_PREF_SIZE);
            stage.getChildren().setAll(main, side);
        } else {
            stage.getChildren().setAll(main);
            side.setMaxWidth(Double.MAX_VALUE);
        }
    }

    @Override
    protected void layoutChildren() {
        if (!presenter && !userMoved && !getDividers().isEmpty()) {
            double w = getWidth() - snappedLeftInset() - snappedRightInset();
            if (w > 0) {
                double want = side.prefWidth(-1) + 8;
                double position = Math.max(MIN_MAIN_SHARE, Math.min(0.9, 1 - want / w));
                if (Math.abs(getDividerPositions()[0] - position) > 1e-3) {
                    setDividerPosition(0, position);
                }
            }
        }
        super.layoutChildren();
    }

    private void clipToBounds() {
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    @Override
    protected double computeMinWidth(double height) {
        // What does not fit is scrolled or clipped inside; the shell's window decides the width.
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    private boolean isDivider(Node node) {
        for (Node n = node; n != null && n != this; n = n.getParent()) {
            if (n.getParent() == this && n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /** The side panel as given when it scrolls itself (or holds its own scroll pane), else wrapped in one. */
    private static Region scrolling(Node side) {
        if (side instanceof ScrollPane scroll) {
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setFitToWidth(true);
            return scroll;
        }
        if (side instanceof Region region && side.lookup(".scroll-pane") != null) {
            return region;
        }
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }
}
