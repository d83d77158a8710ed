package mbrllab.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Help window: the sections of {@link HelpText} listed on the left, their text on the right, wrapping to the
 * window's width at the app's text size and theme. It does not block the app (a student can read it while the lab
 * runs), F1 brings it to the front at the section of the lab on show, Escape closes it.
 */
final class HelpWindow {

    /** The Help section of each lab, by the lab's id. */
    static final Map<String, String> LAB_SECTIONS = Map.of(
            "dyna-maze", "The Dyna-maze lab",
            "changing-mazes", "The changing mazes lab (Sutton and Barto, Sections 8.3 and 8.4)",
            "cart-pole", "The cart-pole lab",
            "models", "The models lab (GP vs ensemble)",
            "planning", "The planning lab",
            "acceleration", "The acceleration lab (Dyna-style DQN)",
            "pilco", "The PILCO lab");

    private final Stage stage = new Stage();
    private final VBox root = new VBox();
    private final VBox content = new VBox();
    private final ScrollPane scroll = new ScrollPane(content);
    private final ListView<String> sections = new ListView<>();
    private final Map<String, Label> titles = new LinkedHashMap<>();
    private final TextField search = new TextField();
    private final Label matchCount = new Label();
    /** Every text of the window in reading order, for the search. */
    private final List<Label> searchable = new ArrayList<>();
    private List<Label> matches = List.of();
    private int current = -1;
    /** What the text is kept scrolled to until the reader scrolls: a section's title or a match. */
    private Label pending;

    /**
     * @param owner      the app's window
     * @param document   the text
     * @param stylesheet the app's style sheet, or null
     */
    HelpWindow(Window owner, HelpDocument document, String stylesheet) {
        stage.initOwner(owner);
        stage.setTitle("MBRL Lab help");
        content.setId("helpContent");
        content.getStyleClass().add("help-content");
        content.setFillWidth(true);
        for (HelpDocument.Section s : document.sections()) {
            Label title = new Label(s.title());
            title.getStyleClass().add("help-title");
            title.setWrapText(true);
            titles.put(s.title(), title);
            searchable.add(title);
            // the content's height changes before its children move: the title's own move re-scrolls too
            title.boundsInParentProperty().addListener((o, was, now) -> {
                if (pending == title) {
                    reveal(title);
                }
            });
            content.getChildren().add(title);
            GridPane keys = null;
            for (HelpDocument.Block b : s.blocks()) {
                if (b instanceof HelpDocument.Shortcut k) {
                    if (keys == null) {
                        keys = shortcutGrid();
                        content.getChildren().add(keys);
                    }
                    keys.addRow(keys.getRowCount(), text(k.keys(), "help-keys"), text(k.action(), "help-action"));
                } else {
                    keys = null;
                    content.getChildren().add(b instanceof HelpDocument.Item
                            ? text("•  " + b.text(), "help-item") : text(b.text(), "help-paragraph"));
                }
            }
        }
        scroll.setId("helpScroll");
        scroll.setFitToWidth(true);
        sections.setId("helpSections");
        sections.setCellFactory(list -> new ListCell<>() {
            {
                // long titles wrap within the list's width (less its border and a vertical scroll bar)
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : shortTitle(item));
            }
        });
        sections.getItems().setAll(titles.keySet());
        sections.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                scrollTo(now);
            }
        });
        // the list of sections takes a quarter of the window, the text the rest
        sections.prefWidthProperty().bind(root.widthProperty().multiply(0.25));
        sections.minWidthProperty().bind(sections.prefWidthProperty());
        sections.maxWidthProperty().bind(sections.prefWidthProperty());
        scroll.setMinWidth(0);
        scroll.setPrefWidth(0);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox panes = new HBox(sections, scroll);
        VBox.setVgrow(panes, Priority.ALWAYS);
        search.setId("helpSearch");
        search.setPromptText("words to find (Ctrl+F); Enter: next match, Shift+Enter: previous");
        search.textProperty().addListener((o, was, now) -> find(now));
        search.setOnAction(e -> next(1));
        matchCount.setId("helpMatches");
        matchCount.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(search, Priority.ALWAYS);
        Label searchLabel = new Label("Search");
        searchLabel.setMinWidth(Region.USE_PREF_SIZE);
        searchLabel.setLabelFor(search);
        HBox bar = new HBox(8, searchLabel, search, matchCount);
        bar.getStyleClass().add("help-search");
        bar.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(bar, panes);
        root.setId("helpWindow");
        root.getStyleClass().add("shell");
        Scene scene = new Scene(root);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        // a filter: the list of sections would take Escape for itself (to cancel an edit). Escape in a search
        // with text clears it; otherwise it closes the window.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                if (search.isFocused() && !search.getText().isEmpty()) {
                    search.clear();
                } else {
                    stage.close();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShiftDown() && search.isFocused()) {
                next(-1);
                e.consume();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            search.requestFocus();
            search.selectAll();
        });
        stage.setScene(scene);
        // a section asked for before the text was laid out at the window's width is scrolled to once it is (and
        // kept at the top while the window is resized), until the reader scrolls
        content.heightProperty().addListener((o, was, now) -> {
            if (pending != null) {
                reveal(pending);
            }
        });
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (pending != null) {
                reveal(pending);
            }
        });
        scroll.addEventFilter(ScrollEvent.ANY, e -> pending = null);
        scroll.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pending = null);
        scroll.addEventFilter(KeyEvent.KEY_PRESSED, e -> pending = null);
    }

    /** A title without its parenthesis, for the list of sections: "The changing mazes lab". */
    static String shortTitle(String title) {
        int paren = title.indexOf(" (");
        return paren > 0 ? title.substring(0, paren) : title;
    }

    private static GridPane shortcutGrid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-shortcuts");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints what = new ColumnConstraints();
        what.setHgrow(Priority.ALWAYS);
        what.setFillWidth(true);
        grid.getColumnConstraints().addAll(keys, what);
        return grid;
    }

    private Label text(String words, String styleClass) {
        Label label = new Label(words);
        searchable.add(label);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * Shows the window (or brings it to the front) at the section of {@code labId} (the top if it has none), at the
     * app's text size and theme, and sized to the app's window.
     */
    void show(String labId, String rootStyle, boolean highContrast, double ownerWidth, double ownerHeight) {
        restyle(rootStyle, highContrast);
        if (!stage.isShowing()) {
            // the root's preferred size, not the stage's: a stage shown while its owner is still being shown
            // (the screenshot command) took the text's own preferred size, a column of 205 x 2,450 pixels
            double w = Math.max(480, Math.min(1100, ownerWidth * 0.8));
            double h = Math.max(360, ownerHeight * 0.8);
            root.setPrefSize(w, h);
            stage.sizeToScene();
            Window owner = stage.getOwner();
            if (owner != null && !Double.isNaN(owner.getX()) && !Double.isNaN(owner.getY())) {
                stage.setX(owner.getX() + (ownerWidth - w) / 2);
                stage.setY(owner.getY() + (ownerHeight - h) / 2);
            }
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        String section = labId == null ? null : LAB_SECTIONS.get(labId);
        String target = section != null && titles.containsKey(section) ? section : titles.keySet().iterator().next();
        if (target.equals(sections.getSelectionModel().getSelectedItem())) {
            scrollTo(target);
        } else {
            sections.getSelectionModel().select(target);
        }
    }

    /** Follows the app's text size ({@code rootStyle}, the app's -fx-font-size) and theme. */
    void restyle(String rootStyle, boolean highContrast) {
        root.setStyle(rootStyle);
        Shell.setHighContrastClass(root, highContrast);
    }

    /** Scrolls the text so that the section's title is at the top (as far as the text reaches). */
    private void scrollTo(String title) {
        sections.scrollTo(title);
        reveal(titles.get(title));
    }

    /**
     * Keeps {@code label} in view: a section's title at the top of the text, a match a quarter of the way down (as far
     * as the text reaches), until the reader scrolls.
     */
    private void reveal(Label label) {
        pending = label;
        Bounds viewport = scroll.getViewportBounds();
        double free = content.getHeight() - viewport.getHeight();
        if (content.getHeight() <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        double y = content.sceneToLocal(label.localToScene(label.getBoundsInLocal())).getMinY();
        if (!titles.containsValue(label)) {
            y -= viewport.getHeight() / 4;
        }
        scroll.setVvalue(free <= 0 ? 0 : Math.max(0, Math.min(1, y / free)));
    }

    /** Marks every text that contains {@code query} (case ignored) and shows the first. */
    private void find(String query) {
        for (Label l : matches) {
            l.getStyleClass().remove("help-match");
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        matches = q.isEmpty() ? List.of() : searchable.stream()
                .filter(l -> l.getText().toLowerCase(Locale.ROOT).contains(q)).toList();
        for (Label l : matches) {
            l.getStyleClass().add("help-match");
        }
        current = matches.isEmpty() ? -1 : 0;
        showMatch(q.isEmpty());
    }

    /** Shows the next match ({@code step} 1) or the previous one (-1), round the end. */
    private void next(int step) {
        if (!matches.isEmpty()) {
            current = Math.floorMod(current + step, matches.size());
            showMatch(false);
        }
    }

    private void showMatch(boolean noQuery) {
        matchCount.setText(noQuery ? "" : matches.isEmpty() ? "no match" : (current + 1) + " of " + matches.size());
        if (current >= 0) {
            reveal(matches.get(current));
        }
    }

    /** The text the search shows now (tests), or null. */
    Label currentMatch() {
        return current < 0 ? null : matches.get(current);
    }

    /** Whether {@code label} is wholly inside the text's viewport. */
    boolean inView(Label label) {
        Bounds b = scroll.sceneToLocal(label.localToScene(label.getBoundsInLocal()));
        Bounds view = scroll.getBoundsInLocal();
        return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
    }

    /**
     * Whether the title of {@code section} is where {@link #show} and the list put it: in the top third of the text's
     * viewport, or, for a section near the end that cannot come up that far, in view with the text scrolled to its
     * end.
     */
    boolean showsAtTop(String section) {
        Label label = titles.get(section);
        Bounds title = scroll.sceneToLocal(label.localToScene(label.getBoundsInLocal()));
        Bounds view = scroll.getBoundsInLocal();
        return inView(label)
                && (title.getMinY() < view.getMinY() + view.getHeight() / 3 || scroll.getVvalue() >= 1);
    }

    Stage stage() {
        return stage;
    }

    /** The text's node (tests). */
    Node contentNode() {
        return content;
    }

    void close() {
        stage.close();
    }
}
