package mbrllab.app.controls;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * Typed text in an editable whole-number spinner: a bad text ("abc", "12x") threw a NumberFormatException on the
 * FX thread and left the text in the field. Guarded, it keeps the value, says why in its caller's status line and
 * shows the value again; a number outside the spinner's range is set to the nearest end and said so; "1,000" is read
 * as 1000. The message comes after the value is set (on the FX thread's next turn), so that what the new value
 * redraws (a status line rewritten) does not hide it.
 */
public final class WholeNumberSpinner {

    private WholeNumberSpinner() {
    }

    /**
     * Guards {@code spinner}, whose value factory must be an integer factory.
     *
     * @param what   the field's name in messages ("Rows")
     * @param report shows a message where the user looks (a status line)
     */
    public static void guard(Spinner<Integer> spinner, String what, Consumer<String> report) {
        if (!(spinner.getValueFactory() instanceof SpinnerValueFactory.IntegerSpinnerValueFactory factory)) {
            throw new IllegalArgumentException("the spinner needs an integer value factory");
        }
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer kept = factory.getValue();
                String t = text == null ? "" : text.strip().replace(",", "");
                long n;
                try {
                    n = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    String message = String.format(Locale.ROOT, "%s: \"%s\" is not a whole number; it stays %d",
                            what, text == null ? "" : text.strip(), kept);
                    Platform.runLater(() -> report.accept(message));
                    spinner.getEditor().setText(toString(kept));
                    return kept;
                }
                int value = (int) Math.max(factory.getMin(), Math.min(factory.getMax(), n));
                if (value != n) {
                    String message = String.format(Locale.ROOT, "%s: %s is outside %d to %d; set to %d", what, t,
                            factory.getMin(), factory.getMax(), value);
                    Platform.runLater(() -> report.accept(message));
                }
                spinner.getEditor().setText(toString(value));
                return value;
            }
        });
    }
}
