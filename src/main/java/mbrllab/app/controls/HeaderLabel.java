package mbrllab.app.controls;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextBoundsType;

/**
 * A pane's header that shortens before it wraps and is never elided. It holds the same text in several forms,
 * longest first ("episode 3, step 120 · 1,200 Q updates" ... "ep. 3 · 120\n1,200 upd."), and shows the longest form
 * whose every line fits its width. When even the shortest does not fit, that one wraps at its spaces, never inside a
 * word: the label is never narrower than the shortest form's longest word, and never lower than its text. Its
 * preferred width is the longest form's, so a parent that has the room shows the whole text.
 *
 * <p>Headers in a {@link Group} (the counters over a row of panes) show the same form, the shortest any of them
 * needs, so that the panes below them stay level.
 */
public final class HeaderLabel extends Label {

    private List<String> forms = List.of("");
    private Group group;

    /** A header showing {@code forms}, longest first. */
    public HeaderLabel(String... forms) {
        getStyleClass().add("header-label");
        setMinHeight(USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        setTextAlignment(TextAlignment.CENTER);
        widthProperty().addListener((o, a, b) -> choose());
        fontProperty().addListener((o, a, b) -> {
            requestLayout();
            choose();
        });
        setForms(forms);
    }

    /** Headers that show the same form: the shortest that any of them needs. */
    public static final class Group {
        private final List<HeaderLabel> members = new ArrayList<>();

        /** Adds a header to the group. */
        public void add(HeaderLabel label) {
            members.add(label);
            label.group = this;
            update();
        }

        /** Empties the group (the panes are rebuilt). */
        public void clear() {
            for (HeaderLabel l : members) {
                l.group = null;
            }
            members.clear();
        }

        /** The form index all members show when each has {@code available} pixels for its text (-1: its own). */
        int level(double available) {
            int level = 0;
            for (HeaderLabel l : members) {
                double a = available >= 0 ? available : l.available();
                level = Math.max(level, l.neededLevel(a));
            }
            return level;
        }

        void update() {
            int level = level(-1);
            for (HeaderLabel l : members) {
                l.show(level);
            }
        }
    }

    /** The text in its forms, longest first; shows the longest that fits. */
    public void setForms(String... newForms) {
        List<String> list = newForms.length == 0 ? List.of("") : List.of(newForms);
        if (!list.equals(forms)) {
            boolean widthsChange = !sameShape(list, forms);
            forms = list;
            if (widthsChange) {
                requestLayout();
            }
            choose();
        }
    }

    /** The forms, longest first. */
    public List<String> forms() {
        return forms;
    }

    /** The width the shortest form needs without wrapping (its widest line and the insets). */
    public double shortestFormWidth() {
        return widestLine(forms.get(forms.size() - 1)) + horizontalInsets();
    }

    /** Widths change only when the forms do, not when a digit changes: layouts stay calm while numbers count up. */
    private static boolean sameShape(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).length() != b.get(i).length()) {
                return false;
            }
        }
        return true;
    }

    private void choose() {
        if (group != null) {
            group.update();
        } else {
            show(neededLevel(available()));
        }
    }

    /** Shows form {@code level} (or this label's last), wrapped only when even that does not fit. */
    private void show(int level) {
        if (getWidth() <= 0) {
            setWrapText(false);
            setText(forms.get(0));
            return;
        }
        String form = forms.get(Math.min(level, forms.size() - 1));
        boolean wrap = !fits(form, available());
        boolean lines = wrap != isWrapText() || lineCount(form) != lineCount(getText());
        setWrapText(wrap);
        setText(form);
        if (lines && !relayoutPending) {
            // The height changes. Another header of the group may have changed this one from inside a layout pass
            // that had laid this one out already: its request then stops at the parent still being laid out, and the
            // parent ends the pass clean. A second line stayed in a label one line high (PaneHeadersTest), so the
            // parent is asked again on the next pulse.
            // The group's other headers take this one's height too (computePrefHeight).
            relayoutPending = true;
            javafx.application.Platform.runLater(() -> {
                relayoutPending = false;
                for (HeaderLabel l : group == null ? List.of(this) : List.copyOf(group.members)) {
                    l.requestLayout();
                    l.requestParentLayout();
                }
            });
        }
    }

    private boolean relayoutPending;

    private static int lineCount(String s) {
        return s == null ? 0 : (int) s.chars().filter(c -> c == '\n').count() + 1;
    }

    private double available() {
        return getWidth() <= 0 ? Double.MAX_VALUE : getWidth() - horizontalInsets();
    }

    /** The index of the longest form whose every line fits {@code available}, or the number of forms when none. */
    private int neededLevel(double available) {
        for (int i = 0; i < forms.size(); i++) {
            if (fits(forms.get(i), available)) {
                return i;
            }
        }
        return forms.size();
    }

    private double verticalInsets() {
        Insets in = getInsets();
        Insets pad = getLabelPadding();
        return in.getTop() + in.getBottom() + pad.getTop() + pad.getBottom();
    }

    private double horizontalInsets() {
        Insets in = getInsets();
        Insets pad = getLabelPadding();
        return in.getLeft() + in.getRight() + pad.getLeft() + pad.getRight();
    }

    /** Whether every line of {@code form} fits {@code available} (to a hundredth of a pixel). */
    private boolean fits(String form, double available) {
        return widestLine(form) <= available + 0.01;
    }

    /** The width of the widest line of {@code s} in the label's font. */
    double widestLine(String s) {
        return TextMeasure.widestLine(s, getFont());
    }


    @Override
    protected double computePrefWidth(double height) {
        double w = 0;
        for (String form : forms) {
            w = Math.max(w, widestLine(form));
        }
        return w + horizontalInsets();
    }

    /**
     * The height of the form shown at {@code width} (its lines, or the shortest form wrapped at that width); in a
     * group, the highest of its visible headers', so that the panes under them stay level where one header wraps
     * (the Dyna-maze's n = 50 pane, its maze a line lower than its neighbours', after minutes at full speed).
     */
    @Override
    protected double computePrefHeight(double width) {
        double h = ownHeight(width);
        if (group != null) {
            for (HeaderLabel l : group.members) {
                if (l != this && l.isVisible() && l.getWidth() > 0) {
                    h = Math.max(h, l.ownHeight(l.getWidth()));
                }
            }
        }
        return h;
    }

    /** The height of the form this header shows at {@code width}, alone. */
    private double ownHeight(double width) {
        double available = width < 0 ? Double.MAX_VALUE : width - horizontalInsets();
        int level = group != null ? group.level(available) : neededLevel(available);
        String form = forms.get(Math.min(level, forms.size() - 1));
        boolean wrap = !fits(form, available);
        // Measured as a label lays out its text: with plain logical bounds two lines at text 1.4 measured 42.4 px
        // where the label's text takes 48, and the second line's descenders were cut off by the maze under it.
        double h = TextMeasure.height(form, getFont(), wrap ? Math.max(1, available) : 0, getLineSpacing(),
                TextBoundsType.LOGICAL_VERTICAL_CENTER);
        return Math.ceil(h) + verticalInsets();
    }

    @Override
    protected double computeMinWidth(double height) {
        double w = 0;
        for (String word : forms.get(forms.size() - 1).split("[ \n]+")) {
            w = Math.max(w, Math.ceil(TextMeasure.width(word, getFont())));
        }
        return w + horizontalInsets();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }
}
