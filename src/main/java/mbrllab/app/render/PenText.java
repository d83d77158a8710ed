package mbrllab.app.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Text laid out for a {@link Pen}: pieces (words, or the parts of a read-out) joined into as few lines as fit a width,
 * so that a narrow picture wraps its text instead of squeezing it.
 */
public final class PenText {

    private PenText() {
    }

    /**
     * {@code parts} joined by {@code separator}, a new line wherever the next part would make the line wider than
     * {@code width}. A part wider than {@code width} alone starts a line and is split at its spaces (a no-break space,
     * U+00A0, keeps words together); a single word wider than {@code width} has a line of its own, which the pen
     * squeezes.
     *
     * @return at least one line (an empty one for no parts)
     */
    public static List<String> wrap(Pen pen, List<String> parts, String separator, double size, Pen.Face face,
                                    double width) {
        List<String> lines = new ArrayList<>();
        String line = null;
        for (String part : parts) {
            if (line != null && pen.textWidth(line + separator + part, size, face) <= width) {
                line = line + separator + part;
                continue;
            }
            if (line != null) {
                lines.add(line);
            }
            line = part;
            if (part.contains(" ") && pen.textWidth(part, size, face) > width) {
                List<String> words = wrap(pen, List.of(part.split(" ")), " ", size, face, width);
                lines.addAll(words.subList(0, words.size() - 1));
                line = words.get(words.size() - 1);
            }
        }
        lines.add(line == null ? "" : line);
        return lines;
    }

    /** The first of {@code forms} (longest first) no wider than {@code width}; the last when none is. */
    public static String longestThatFits(Pen pen, String[] forms, double size, Pen.Face face, double width) {
        for (String form : forms) {
            if (pen.textWidth(form, size, face) <= width) {
                return form;
            }
        }
        return forms[forms.length - 1];
    }

    /**
     * {@code text} whole when it fits {@code width} on one line, else its longest start of whole sentences (ending
     * at ". ") that fits, with " …" after it; the first sentence when even that does not fit.
     */
    public static String sentencesThatFit(Pen pen, String text, double size, Pen.Face face, double width) {
        if (pen.textWidth(text, size, face) <= width) {
            return text;
        }
        String shown = null;
        int from = 0;
        int end;
        while ((end = text.indexOf(". ", from)) >= 0) {
            String prefix = text.substring(0, end + 1) + " …";
            if (shown != null && pen.textWidth(prefix, size, face) > width) {
                break;
            }
            shown = prefix;
            from = end + 2;
        }
        return shown == null ? text : shown;
    }
}
