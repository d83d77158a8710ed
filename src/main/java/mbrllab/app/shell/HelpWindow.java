package mbrllab.app.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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
    /**
     * The list of sections: one entry per section in a plain box (14 entries, all laid out, so that scrolling one
     * into view is exact; a ListView estimates the heights of wrapped cells it has not laid out).
     */
    private final VBox sectionBox = new VBox();
    private final ScrollPane sections = new ScrollPane(sectionBox);
    private final ToggleGroup sectionGroup = new ToggleGroup();
    private final Map<String, ToggleButton> entries = new LinkedHashMap<>();
    /** Whether the window was given its first size and place (it keeps the reader's after that). */
    private boolean sized;
    /** True while the list follows the reader's scrolling: the entry is marked, the text left where it is. */
    private boolean following;
    private final Map<String, MarkedText> titles = new LinkedHashMap<>();
    private final TextField search = new TextField();
    private final Label matchCount = new Label();
    /** Every text of the window in reading order, for the search. */
    private final List<MarkedText> searchable = new ArrayList<>();
    /** The places of the search's words, in reading order. */
    private List<Place> matches = List.of();
    private int current = -1;
    /** What the text is kept scrolled to until the reader scrolls: a section's title or a match's text. */
    private Region pending;
    /** The search's place inside {@link #pending} that is kept in view, or null (a title). */
    private Place pendingPlace;

    /** A place of the search's words: the {@code index}-th in {@code text}. */
    record Place(MarkedText text, int index) {
    }

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
            MarkedText title = new MarkedText(s.title(), "help-title");
            titles.put(s.title(), title);
            searchable.add(title);
            // the content's height changes before its children move: the title's own move re-scrolls too
            title.boundsInParentProperty().addListener((o, was, now) -> {
                if (pending == title) {
                    keepInView(title);
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
        sections.getStyleClass().add("help-sections");
        sections.setFitToWidth(true);
        sections.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        for (String title : titles.keySet()) {
            ToggleButton entry = new ToggleButton(shortTitle(title));
            entry.getStyleClass().add("help-section");
            entry.setUserData(title);
            entry.setToggleGroup(sectionGroup);
            entry.setWrapText(true);
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setMinHeight(Region.USE_PREF_SIZE);
            // an entry clicked takes the keys (only the selected one is a Tab stop, so the button would not)
            entry.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> entry.requestFocus());
            entries.put(title, entry);
            sectionBox.getChildren().add(entry);
        }
        sectionGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // a click on the selected entry keeps it selected
                sectionGroup.selectToggle(was);
            } else {
                String title = (String) now.getUserData();
                entries.values().forEach(b -> b.setFocusTraversable(b == now));
                revealEntry(entries.get(title));
                if (!following) {
                    scrollTo(title);
                }
            }
        });
        // Up and Down (Home, End) step through the sections as in a list; Tab stops at the selected entry only
        sectionBox.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            List<String> order = List.copyOf(entries.keySet());
            int at = order.indexOf(selectedSection());
            int to = switch (e.getCode()) {
                case UP, KP_UP -> Math.max(0, at - 1);
                case DOWN, KP_DOWN -> Math.min(order.size() - 1, at + 1);
                case HOME -> 0;
                case END -> order.size() - 1;
                default -> -1;
            };
            if (to >= 0) {
                e.consume();
                ToggleButton entry = entries.get(order.get(to));
                entry.setSelected(true);
                entry.requestFocus();
            }
        });
        // the selected entry stays in view when the list is laid out or resized
        sectionBox.heightProperty().addListener((o, was, now) -> revealSelectedEntry());
        sections.viewportBoundsProperty().addListener((o, was, now) -> revealSelectedEntry());
        // the list of sections takes three tenths of the window, the text the rest
        sections.prefWidthProperty().bind(root.widthProperty().multiply(0.3));
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
        // a filter, so that no control takes Escape for itself first. Escape in a search with text clears it;
        // otherwise it closes the window.
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
                keepInView(pending);
            }
        });
        scroll.viewportBoundsProperty().addListener((o, was, now) -> {
            if (pending != null) {
                keepInView(pending);
            }
        });
        // while the reader scrolls the text, the list marks the section being read
        scroll.vvalueProperty().addListener((o, was, now) -> {
            if (pending == null) {
                markSectionInView();
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

    private MarkedText text(String words, String styleClass) {
        MarkedText text = new MarkedText(words, styleClass);
        searchable.add(text);
        text.setMaxWidth(Double.MAX_VALUE);
        return text;
    }

    /**
     * Shows the window (or brings it to the front) at the section of {@code labId} (the top if it has none), at the
     * app's text size and theme, and sized to the app's window.
     */
    void show(String labId, String rootStyle, boolean highContrast, double ownerWidth, double ownerHeight) {
        restyle(rootStyle, highContrast);
        if (!stage.isShowing() && !sized) {
            // the first time at 80% of the app's window over its middle; later as the reader left it
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
            sized = true;
        }
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
        stage.requestFocus();
        String section = labId == null ? null : LAB_SECTIONS.get(labId);
        String target = section != null && titles.containsKey(section) ? section : titles.keySet().iterator().next();
        if (target.equals(selectedSection())) {
            scrollTo(target);
        } else {
            entries.get(target).setSelected(true);
        }
    }

    /** Follows the app's text size ({@code rootStyle}, the app's -fx-font-size) and theme. */
    void restyle(String rootStyle, boolean highContrast) {
        root.setStyle(rootStyle);
        Shell.setHighContrastClass(root, highContrast);
    }

    /** Scrolls the text so that the section's title is at the top (as far as the text reaches). */
    private void scrollTo(String title) {
        revealEntry(entries.get(title));
        reveal(titles.get(title));
    }

    /**
     * Marks in the list, without moving the text, the section being read: the last whose title is above the upper
     * third of the text's viewport.
     */
    private void markSectionInView() {
        Bounds viewport = scroll.getViewportBounds();
        double free = content.getHeight() - viewport.getHeight();
        if (free <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        double line = scroll.getVvalue() * free + viewport.getHeight() / 3;
        String reading = null;
        for (Map.Entry<String, MarkedText> t : titles.entrySet()) {
            if (t.getValue().getBoundsInParent().getMinY() <= line || reading == null) {
                reading = t.getKey();
            }
        }
        markSection(reading);
    }

    /** Selects {@code section} in the list without moving the text. */
    private void markSection(String section) {
        if (section != null && !section.equals(selectedSection())) {
            following = true;
            try {
                entries.get(section).setSelected(true);
            } finally {
                following = false;
            }
        }
    }

    /** The section {@code text} stands in (the title of the last section that begins before it). */
    private String sectionOf(MarkedText text) {
        String section = null;
        for (MarkedText t : searchable) {
            if (titles.containsValue(t)) {
                section = t.getText();
            }
            if (t == text) {
                break;
            }
        }
        return section;
    }

    /** The section selected in the list (its full title), or null. */
    String selectedSection() {
        return sectionGroup.getSelectedToggle() == null ? null : (String) sectionGroup.getSelectedToggle().getUserData();
    }

    private void revealSelectedEntry() {
        String selected = selectedSection();
        if (selected != null) {
            revealEntry(entries.get(selected));
        }
    }

    /** Scrolls the list of sections, if it must, so that {@code entry} is wholly in view. */
    private void revealEntry(ToggleButton entry) {
        double box = sectionBox.getHeight();
        double view = sections.getViewportBounds().getHeight();
        if (box <= view || view <= 0) {
            return;
        }
        Bounds b = entry.getBoundsInParent();
        double top = sections.getVvalue() * (box - view);
        if (b.getMinY() < top) {
            top = b.getMinY();
        } else if (b.getMaxY() > top + view) {
            top = b.getMaxY() - view;
        }
        sections.setVvalue(top / (box - view));
    }

    /**
     * Keeps {@code text} in view: a section's title at the top of the text, a match a quarter of the way down (as far
     * as the text reaches), until the reader scrolls.
     */
    private void reveal(Region text) {
        pendingPlace = null;
        keepInView(text);
    }

    /** As {@link #reveal(Region)}, for a place of the search's words: it a quarter of the way down. */
    private void reveal(Place place) {
        pendingPlace = place;
        keepInView(place.text());
    }

    private void keepInView(Region text) {
        pending = text;
        double offset = pendingPlace != null && pendingPlace.text() == text
                ? pendingPlace.text().placeTop(pendingPlace.index()) : 0;
        Bounds viewport = scroll.getViewportBounds();
        double free = content.getHeight() - viewport.getHeight();
        if (content.getHeight() <= 0 || viewport.getHeight() <= 0) {
            return;
        }
        double y = content.sceneToLocal(text.localToScene(text.getBoundsInLocal())).getMinY() + offset;
        if (!titles.containsValue(text)) {
            y -= viewport.getHeight() / 4;
        }
        scroll.setVvalue(free <= 0 ? 0 : Math.max(0, Math.min(1, y / free)));
    }

    /** Marks the words {@code query} (case ignored) wherever they are and shows the first place. */
    private void find(String query) {
        if (current >= 0) {
            matches.get(current).text().setCurrent(-1);
        }
        String q = query == null ? "" : query.strip();
        List<Place> found = new ArrayList<>();
        for (MarkedText t : searchable) {
            int n = t.mark(q);
            for (int i = 0; i < n; i++) {
                found.add(new Place(t, i));
            }
        }
        matches = List.copyOf(found);
        current = matches.isEmpty() ? -1 : 0;
        showMatch(q.isEmpty());
    }

    /** Shows the next place ({@code step} 1) or the previous one (-1), round the end. */
    private void next(int step) {
        if (!matches.isEmpty()) {
            matches.get(current).text().setCurrent(-1);
            current = Math.floorMod(current + step, matches.size());
            showMatch(false);
        }
    }

    private void showMatch(boolean noQuery) {
        matchCount.setText(noQuery ? "" : matches.isEmpty() ? "no match" : (current + 1) + " of " + matches.size());
        if (current >= 0) {
            Place place = matches.get(current);
            place.text().setCurrent(place.index());
            reveal(place);
            markSection(sectionOf(place.text()));
        }
    }

    /** The place the search shows now (tests), or null. */
    Place currentMatch() {
        return current < 0 ? null : matches.get(current);
    }

    /** Whether the place the search shows now is inside the text's viewport (tests). */
    boolean currentMatchInView() {
        if (current < 0) {
            return false;
        }
        Place p = matches.get(current);
        double top = scroll.sceneToLocal(p.text().localToScene(0, p.text().placeTop(p.index()))).getY();
        Bounds view = scroll.getBoundsInLocal();
        return top >= view.getMinY() - 1 && top <= view.getMaxY() - 10;
    }

    /** Whether {@code text} is wholly inside the text's viewport. */
    boolean inView(Region text) {
        Bounds b = scroll.sceneToLocal(text.localToScene(text.getBoundsInLocal()));
        Bounds view = scroll.getBoundsInLocal();
        return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
    }

    /**
     * Whether the title of {@code section} is where {@link #show} and the list put it: in the top third of the text's
     * viewport, or, for a section near the end that cannot come up that far, in view with the text scrolled to its
     * end.
     */
    boolean showsAtTop(String section) {
        MarkedText label = titles.get(section);
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
