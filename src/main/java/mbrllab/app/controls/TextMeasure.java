package mbrllab.app.controls;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * Text measured as JavaFX lays it out, with a {@link Text} node in the given font: what a label, a tab header or a
 * canvas will need for a text before it shows it (a control's own preferred size still holds its previous text when
 * its text or font has just changed). One node per thread, reset on every call.
 */
public final class TextMeasure {

    private static final ThreadLocal<Text> NODE = ThreadLocal.withInitial(Text::new);

    private TextMeasure() {
    }

    /** The width of {@code text} on one line in {@code font} (null: empty). */
    public static double width(String text, Font font) {
        return node(text, font, 0, 0, TextBoundsType.LOGICAL).getLayoutBounds().getWidth();
    }

    /** The width of the widest line of {@code text} in {@code font}, each line's rounded up to a whole pixel. */
    public static double widestLine(String text, Font font) {
        double w = 0;
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            w = Math.max(w, Math.ceil(width(line, font)));
        }
        return w;
    }

    /**
     * The height of {@code text} in {@code font}, wrapped at {@code wrappingWidth} (0: only at its line breaks), with
     * {@code lineSpacing} between lines, in bounds of {@code type}: {@link TextBoundsType#LOGICAL_VERTICAL_CENTER} is
     * how a label lays its text out (two lines at text 1.4: 48 px, where plain logical bounds give 42.4).
     */
    public static double height(String text, Font font, double wrappingWidth, double lineSpacing,
                                TextBoundsType type) {
        return node(text, font, wrappingWidth, lineSpacing, type).getLayoutBounds().getHeight();
    }

    private static Text node(String text, Font font, double wrappingWidth, double lineSpacing, TextBoundsType type) {
        Text t = NODE.get();
        t.setBoundsType(type);
        t.setFont(font);
        t.setLineSpacing(lineSpacing);
        t.setWrappingWidth(wrappingWidth);
        t.setText(text == null ? "" : text);
        return t;
    }
}
