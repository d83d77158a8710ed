package mbrllab.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A text of the Help window that wraps to its width and marks the places of a search's words: each place gets a
 * coloured box behind it (style class {@code help-mark}; the place the search shows now {@code help-mark-current})
 * and its words their own style class ({@code help-match-text}), so that a theme can give them a colour of their
 * own.
 */
final class MarkedText extends Region {

    private final String words;
    private final TextFlow flow = new TextFlow();
    private final Path marks = new Path();
    private final Path currentMark = new Path();
    /** Start and end of each marked place in {@link #words}, in pairs. */
    private int[] places = new int[0];
    /** The place the search shows now, or -1. */
    private int current = -1;

    /**
     * @param words      the text
     * @param styleClass the style class of the paragraph, item, title, key or action
     */
    MarkedText(String words, String styleClass) {
        this.words = words;
        getStyleClass().addAll("help-text", styleClass);
        marks.getStyleClass().add("help-mark");
        marks.setManaged(false);
        currentMark.getStyleClass().add("help-mark-current");
        currentMark.setManaged(false);
        flow.getChildren().add(plain(words));
        getChildren().addAll(marks, currentMark, flow);
    }

    String getText() {
        return words;
    }

    /**
     * Marks every place of {@code query} (case ignored; blank marks nothing); none is the current one.
     *
     * @return how many places the text has
     */
    int mark(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Integer> found = new ArrayList<>();
        if (!q.isEmpty()) {
            String lower = words.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(q); at >= 0; at = lower.indexOf(q, at + q.length())) {
                found.add(at);
                found.add(at + q.length());
            }
        }
        current = -1;
        if (found.isEmpty() && places.length == 0) {
            return 0; // unmarked before and after: the text stays as it is
        }
        places = found.stream().mapToInt(Integer::intValue).toArray();
        List<Text> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < places.length; i += 2) {
            if (places[i] > from) {
                parts.add(plain(words.substring(from, places[i])));
            }
            Text match = plain(words.substring(places[i], places[i + 1]));
            match.getStyleClass().add("help-match-text");
            parts.add(match);
            from = places[i + 1];
        }
        if (from < words.length() || parts.isEmpty()) {
            parts.add(plain(words.substring(from)));
        }
        flow.getChildren().setAll(parts);
        requestLayout();
        return places.length / 2;
    }

    /** Whether the text has marked places. */
    boolean isMarked() {
        return places.length > 0;
    }

    /** Makes place {@code place} (0 for the first) the one the search shows now; -1 for none. */
    void setCurrent(int place) {
        current = place;
        requestLayout();
    }

    /** The top of place {@code place} in this text's own coordinates (after layout). */
    double placeTop(int place) {
        layout();
        return new Path(shapeOf(place)).getBoundsInLocal().getMinY() + getInsets().getTop();
    }

    /** The outline of place {@code place} in the flow's coordinates. */
    private PathElement[] shapeOf(int place) {
        return flow.rangeShape(places[2 * place], places[2 * place + 1]);
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("help-words");
        return t;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        flow.resizeRelocate(in.getLeft(), in.getTop(), w, flow.prefHeight(w));
        flow.layout();
        List<PathElement> shape = new ArrayList<>();
        for (int i = 0; i < places.length / 2; i++) {
            shape.addAll(List.of(shapeOf(i)));
        }
        marks.getElements().setAll(shape);
        currentMark.getElements().setAll(current >= 0 && current < places.length / 2
                ? List.of(shapeOf(current)) : List.of());
        for (Path p : List.of(marks, currentMark)) {
            p.setLayoutX(in.getLeft());
            p.setLayoutY(in.getTop());
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + flow.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        return in.getTop() + flow.prefHeight(inner) + in.getBottom();
    }
}
