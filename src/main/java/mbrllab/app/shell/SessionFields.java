package mbrllab.app.shell;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.core.Keyed;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;

/**
 * Reads the fields of one JSON object of a session's settings ({@link Sessions}), for the labs' settings records.
 * Every field is optional: a missing one gives the caller's fallback, a present one must be valid. Every refusal
 * has one wording, {@code "FIELD" must be WHAT, got VALUE}, where FIELD is the path from the settings object (e.g.
 * {@code "playground.points"}) and VALUE the JSON found:
 * <pre>
 * "alpha" must be a number, got "fast"
 * "playground.points" must be a whole number in 1..1000, got 0
 * "tieBreaking" must be "random" or "first-index", got "first"
 * </pre>
 * A refusal is an {@link IllegalArgumentException}. Reading changes no state; {@link #applyIfValid} hands valid
 * settings to the lab.
 */
public final class SessionFields {

    /** Largest finite speed a session gives, in steps per second (below 100,000; "max" is faster). */
    public static final double MAX_STEPS_PER_SECOND = 99_999;

    private final JsonNode object;
    private final String prefix;

    private SessionFields(JsonNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /**
     * The fields of a lab's settings object.
     *
     * @throws IllegalArgumentException when {@code settings} is not a JSON object
     */
    public static SessionFields of(JsonNode settings) {
        if (settings == null || !settings.isObject()) {
            throw new IllegalArgumentException("the settings must be a JSON object");
        }
        return new SessionFields(settings, "");
    }

    /**
     * The fields of the object in {@code field}, named "field.inner" in messages; a missing object (or JSON null) has
     * no fields, so each gives its fallback.
     */
    public SessionFields object(String field) {
        if (!has(field) || object.get(field).isNull()) {
            return new SessionFields(Sessions.mapper().createObjectNode(), prefix + field + ".");
        }
        JsonNode v = object.get(field);
        if (!v.isObject()) {
            throw invalid(field, "an object");
        }
        return new SessionFields(v, prefix + field + ".");
    }

    /** True when the field is present (even as JSON null, which only {@link #object} takes for a missing one). */
    public boolean has(String field) {
        return object.has(field);
    }

    /** The field's JSON as found, or null when it is missing. */
    public JsonNode get(String field) {
        return object.get(field);
    }

    /** The refusal of {@code field}: {@code "FIELD" must be WHAT, got VALUE} with the field's JSON as the value. */
    public IllegalArgumentException invalid(String field, String what) {
        return invalid(field, what, String.valueOf(object.get(field)));
    }

    /** The refusal of {@code field} with {@code got} as the value (e.g. one entry of a long list). */
    public IllegalArgumentException invalid(String field, String what, String got) {
        return new IllegalArgumentException("\"" + prefix + field + "\" must be " + what + ", got " + got);
    }

    /** The refusal of {@code field} in the words of {@code why}, e.g. a parser's message that quotes the value. */
    public IllegalArgumentException refused(String field, String why) {
        return new IllegalArgumentException("\"" + prefix + field + "\": " + why);
    }

    /** A number (any JSON number). */
    public double number(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isNumber()) {
            throw invalid(field, "a number");
        }
        return v.asDouble();
    }

    /** A number in [min, max]. */
    public double number(String field, double fallback, double min, double max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw invalid(field, "a number in " + brief(min) + ".." + brief(max));
        }
        return v.asDouble();
    }

    /** A whole number that fits an int. */
    public int wholeInt(String field, int fallback) {
        return wholeInt(field, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A whole number in [min, max]. */
    public int wholeInt(String field, int fallback, int min, int max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            throw invalid(field, min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? "a whole number"
                    : "a whole number in " + min + ".." + max);
        }
        return v.asInt();
    }

    /** A whole number that fits a long (seeds). */
    public long wholeLong(String field, long fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw invalid(field, "a whole number");
        }
        return v.asLong();
    }

    /** A non-empty list of whole numbers that fit an int, in the file's order. */
    public List<Integer> wholeNumbers(String field, List<Integer> fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isArray() || v.isEmpty()) {
            throw invalid(field, "a list of whole numbers, e.g. [0, 5, 50]");
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw invalid(field, "a list of whole numbers, e.g. [0, 5, 50]");
            }
            values.add(n.asInt());
        }
        return values;
    }

    /** true or false. */
    public boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isBoolean()) {
            throw invalid(field, "true or false");
        }
        return v.asBoolean();
    }

    /** Any text. */
    public String text(String field, String fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isTextual()) {
            throw invalid(field, "text");
        }
        return v.asText();
    }

    /** One of the keys of {@code type} (case ignored). */
    public <E extends Enum<E> & Keyed> E choice(String field, Class<E> type, E fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (v.isTextual()) {
            try {
                return Keyed.fromKey(type, v.asText());
            } catch (IllegalArgumentException e) {
                // refused below with the field's name
            }
        }
        throw invalid(field, Keyed.alternatives(type, "\""));
    }

    /**
     * One of {@code allowed} by its key (case ignored), or null when the field is missing or empty text
     * ({@code ""}).
     */
    public <E extends Enum<E> & Keyed> E choiceOrNone(String field, Set<E> allowed) {
        JsonNode v = object.get(field);
        if (v == null || v.isTextual() && v.asText().isEmpty()) {
            return null;
        }
        for (E e : allowed) {
            if (v.isTextual() && e.key().equalsIgnoreCase(v.asText())) {
                return e;
            }
        }
        throw invalid(field, Keyed.alternatives(allowed, "\""));
    }

    /**
     * A maze given as the text of a maze file ({@link MazeParser#format}); a file with an error is refused with the
     * parser's line and column.
     */
    public Maze maze(String field, Maze fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (!v.isTextual()) {
            throw invalid(field, "the text of a maze file");
        }
        try {
            return MazeParser.parse(prefix + field, v.asText());
        } catch (MazeFormatException e) {
            throw invalid(field, "a valid maze file", e.getMessage());
        }
    }

    /** A list of keys of {@code type} (case ignored; repeats count once; may be empty). */
    public <E extends Enum<E> & Keyed> Set<E> choices(String field, Class<E> type, Set<E> fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        String what = "a list of " + Keyed.alternatives(type, "\"");
        if (!v.isArray()) {
            throw invalid(field, what);
        }
        Set<E> values = EnumSet.noneOf(type);
        for (JsonNode k : v) {
            try {
                values.add(Keyed.fromKey(type, k.isTextual() ? k.asText() : null));
            } catch (IllegalArgumentException e) {
                throw invalid(field, what);
            }
        }
        return values;
    }

    /**
     * A speed: a number of steps per second in [1, 100000), or "max" for as fast as possible (returned as positive
     * infinity).
     */
    public double stepsPerSecond(String field, double fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = object.get(field);
        if (v.isTextual() && v.asText().equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        if (v.isNumber() && isStepsPerSecond(v.asDouble())) {
            return v.asDouble();
        }
        throw invalid(field, "a number in 1.." + (int) MAX_STEPS_PER_SECOND + " or \"max\"");
    }

    /** True for a speed that {@link #stepsPerSecond} gives: in [1, 100000), or positive infinity. */
    public static boolean isStepsPerSecond(double stepsPerSecond) {
        return stepsPerSecond == Double.POSITIVE_INFINITY
                || stepsPerSecond >= 1 && stepsPerSecond < MAX_STEPS_PER_SECOND + 1;
    }

    /**
     * Checks a settings record's speed.
     *
     * @throws IllegalArgumentException unless {@link #isStepsPerSecond}
     */
    public static double requireStepsPerSecond(double stepsPerSecond) {
        if (!isStepsPerSecond(stepsPerSecond)) {
            throw new IllegalArgumentException("stepsPerSecond must be in [1, 100000) or \"max\", got "
                    + stepsPerSecond);
        }
        return stepsPerSecond;
    }

    /**
     * Reads a lab's settings with {@code read} and, only when they are valid, hands them to {@code apply}: what a
     * lab's {@code applySettings} does.
     *
     * @return the reason the settings were refused, naming the field; nothing is applied then
     */
    public static <S> Optional<String> applyIfValid(JsonNode json, Function<JsonNode, S> read, Consumer<S> apply) {
        S settings;
        try {
            settings = read.apply(json);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        apply.accept(settings);
        return Optional.empty();
    }

    /** Writes a speed as {@link #stepsPerSecond} reads it: "max" for infinity, else rounded to 0.001. */
    public static void putStepsPerSecond(ObjectNode o, String field, double stepsPerSecond) {
        if (Double.isInfinite(stepsPerSecond)) {
            o.put(field, "max");
        } else {
            o.put(field, Math.round(stepsPerSecond * 1000) / 1000.0);
        }
    }

    /** 2 for 2.0, 0.5 for 0.5. */
    private static String brief(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
