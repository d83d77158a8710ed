package mbrllab.core;

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
        Objects.requireNonNull(quote, "quote");
        E[] all = type.getEnumConstants();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) {
                s.append(i == all.length - 1 ? " or " : ", ");
            }
            s.append(quote).append(all[i].key()).append(quote);
        }
        return s.toString();
    }
}
