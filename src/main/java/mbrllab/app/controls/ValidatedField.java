package mbrllab.app.controls;

import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A labelled text field that checks its text as it is typed: a bad value is marked red with its reason
 * under the field, and {@link #validProperty()} turns false, so the caller never applies it.
 *
 * @param <T> the value type
 */
public final class ValidatedField<T> {

    private final TextField field = new TextField();
    private final Label error = new Label();
    private final VBox box;
    private final Function<String, Result<T>> parser;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private T value;

    /** The outcome of reading a text: a value or the reason it is refused. */
    public record Result<T>(T value, String error) {
        public static <T> Result<T> ok(T value) {
            return new Result<>(value, null);
        }

        public static <T> Result<T> error(String reason) {
            return new Result<>(null, reason);
        }
    }

    /**
     * @param id      node id of the text field (the error label gets id + "Error")
     * @param label   shown above the field
     * @param help    tooltip
     * @param parser  reads the text
     * @param initial the first text
     */
    public ValidatedField(String id, String label, String help, Function<String, Result<T>> parser, String initial) {
        this.parser = parser;
        field.setId(id);
        field.setTooltip(new Tooltip(help));
        error.setId(id + "Error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        Label title = new Label(label);
        title.setWrapText(true);
        title.setLabelFor(field);
        box = new VBox(2, title, field, error);
        field.textProperty().addListener((o, a, b) -> check());
        field.setText(initial);
        check();
    }

    private void check() {
        Result<T> result;
        try {
            result = parser.apply(field.getText().strip());
        } catch (RuntimeException e) {
            result = Result.error(String.valueOf(e.getMessage()));
        }
        boolean ok = result.error() == null;
        valid.set(ok);
        value = ok ? result.value() : null;
        error.setText(ok ? "" : result.error());
        error.setVisible(!ok);
        error.setManaged(!ok);
        if (ok) {
            field.getStyleClass().remove("invalid");
        } else if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
    }

    public VBox view() {
        return box;
    }

    public TextField field() {
        return field;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The current value, or empty while the text is invalid. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    public void setText(String text) {
        field.setText(text);
    }

    /** A parser for a decimal number in a range, e.g. "alpha must be in (0, 1]". */
    public static Function<String, Result<Double>> decimal(String name, double min, boolean minOpen, double max) {
        String range = (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + "]";
        return text -> {
            if (text.isEmpty()) {
                return Result.error(name + " is empty; enter a number in " + range);
            }
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return Result.error("'" + text + "' is not a number; " + name + " must be in " + range);
            }
            boolean inside = (minOpen ? v > min : v >= min) && v <= max;
            return inside ? Result.ok(v) : Result.error(name + " must be in " + range + ", got " + text);
        };
    }

    /** A parser for a whole number in [min, max]. */
    public static Function<String, Result<Integer>> integer(String name, int min, int max) {
        return text -> {
            int v;
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return Result.error("'" + text + "' is not a whole number; " + name + " must be in " + min + ".."
                        + max);
            }
            return v >= min && v <= max ? Result.ok(v)
                    : Result.error(name + " must be in " + min + ".." + max + ", got " + v);
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
