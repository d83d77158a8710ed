package mbrllab.core;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A choice with a stable key: the word that the command line and the session files use for it, e.g.
 * {@code "first-index"} for a tie-breaking rule. A key never changes once released, since saved sessions, presets
 * and scripts depend on it; labels for the screen may change freely.
 */
public interface Keyed {

    /** The stable key, in lower case, e.g. {@code "first-index"}. */
    String key();

    /**
     * The constant of {@code type} with this key; case is ignored.
     *
     * @throws IllegalArgumentException listing the allowed keys when none has it
     */
    static <E extends Enum<E> & Keyed> E fromKey(Class<E> type, String key) {
        for (E e : type.getEnumConstants()) {
            if (e.key().equalsIgnoreCase(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("expected " + alternatives(type, "") + ", got "
                + (key == null ? "nothing" : "'" + key + "'"));
    }

    /**
     * The keys of {@code type} in declaration order, each between {@code quote}s, as "a, b or c".
     *
     * @param quote {@code ""} for the command line, {@code "\""} for JSON
     */
    static <E extends Enum<E> & Keyed> String alternatives(Class<E> type, String quote) {
        return alternatives(List.of(type.getEnumConstants()), quote);
    }

    /** The keys of {@code choices} in their order, each between {@code quote}s, as "a, b or c". */
    static String alternatives(Collection<? extends Keyed> choices, String quote) {
        Objects.requireNonNull(quote, "quote");
        List<? extends Keyed> all = List.copyOf(choices);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                s.append(i == all.size() - 1 ? " or " : ", ");
            }
            s.append(quote).append(all.get(i).key()).append(quote);
        }
        return s.toString();
    }
}
