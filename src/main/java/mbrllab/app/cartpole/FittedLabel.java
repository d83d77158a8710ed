package mbrllab.app.cartpole;

import java.util.List;

import javafx.scene.control.Label;

import mbrllab.app.controls.TextMeasure;

/**
 * A left-aligned label of several lines that holds its text in several forms, longest first, and shows the longest
 * whose every line fits its width (the Dyna-Q panes' box entries: "box 67 · Q left -0.012, right -0.034" ... "box 67
 * · Q ← -0.01, → -0.03"). Unlike the centred {@code HeaderLabel} it never wraps and keeps the height of its lines, so
 * that a pane's column gives it that height (a wrapping label's height for a width was shrunk by the column, and the
 * entry's third line was cut at 1280x800). The shortest form is elided only when no form fits at all.
 */
final class FittedLabel extends Label {

    private List<String> forms;

    FittedLabel(String text) {
        super(text);
        forms = List.of(text);
        widthProperty().addListener((o, a, b) -> choose());
        fontProperty().addListener((o, a, b) -> choose());
    }

    /** The text in its forms, longest first. */
    void setForms(String... newForms) {
        forms = List.of(newForms);
        choose();
    }

    List<String> forms() {
        return forms;
    }

    private void choose() {
        double available = getWidth() - snappedLeftInset() - snappedRightInset() - getLabelPadding().getLeft()
                - getLabelPadding().getRight();
        String chosen = forms.get(forms.size() - 1);
        if (getWidth() <= 0) {
            chosen = forms.get(0);
        } else {
            for (String form : forms) {
                if (TextMeasure.widestLine(form, getFont()) <= available + 0.01) {
                    chosen = form;
                    break;
                }
            }
        }
        if (!chosen.equals(getText())) {
            setText(chosen);
        }
    }
}
