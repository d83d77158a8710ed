package mbrllab.app.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Help text as sections of paragraphs, list items and shortcut rows, so that the Help window can let the text
 * wrap to its width instead of showing the source's line breaks.
 *
 * <p>The source ({@link HelpText#TEXT}) is plain text: a line without indentation is a section title; below it, lines
 * indented by two spaces are paragraph text (a paragraph runs until a blank line, a list item or the next title);
 * a line indented by four spaces starts a list item and deeper lines continue it. In a section titled
 * {@link #SHORTCUTS}, a two-space line whose words are split by a gap of two or more spaces is a row of keys and what
 * they do, and deeper lines continue what they do.
 */
record HelpDocument(List<Section> sections) {

    /** The title of the section whose rows are keys and their actions. */
    static final String SHORTCUTS = "Keyboard shortcuts";

    private static final Pattern ROW = Pattern.compile("(\\S.*?) {2,}(\\S.*)");

    HelpDocument {
        sections = List.copyOf(sections);
    }

    /** One section: its title and its blocks in order. */
    record Section(String title, List<Block> blocks) {
        Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of a section. */
    sealed interface Block permits Paragraph, Item, Shortcut {
        /** Its words, as one line. */
        String text();
    }

    /** Running text, its source lines joined by spaces. */
    record Paragraph(String text) implements Block {
    }

    /** A list item (the source's four-space lines). */
    record Item(String text) implements Block {
    }

    /** A row of the shortcuts: the keys and what they do. */
    record Shortcut(String keys, String action) implements Block {
        @Override
        public String text() {
            return keys + "  " + action;
        }
    }

    /** The section with this title, or null. */
    Section section(String title) {
        for (Section s : sections) {
            if (s.title().equals(title)) {
                return s;
            }
        }
        return null;
    }

    /** Parses {@code text} as the class comment describes. */
    static HelpDocument parse(String text) {
        List<Section> sections = new ArrayList<>();
        String title = null;
        List<Block> blocks = new ArrayList<>();
        Open open = null;
        for (String raw : text.split("\n", -1)) {
            String words = raw.strip();
            int indent = raw.length() - raw.stripLeading().length();
            boolean row = indent == 2 && SHORTCUTS.equals(title) && ROW.matcher(words).matches();
            boolean continues = open != null && !words.isEmpty()
                    && (indent > 4 || indent == 2 && !row && open.kind == Kind.PARAGRAPH);
            if (continues) {
                open.text.append(' ').append(words);
                continue;
            }
            if (open != null) {
                blocks.add(open.block());
                open = null;
            }
            if (words.isEmpty()) {
                continue;
            }
            if (indent == 0) {
                if (title != null) {
                    sections.add(new Section(title, blocks));
                }
                title = words;
                blocks = new ArrayList<>();
            } else if (row) {
                Matcher m = ROW.matcher(words);
                m.matches();
                open = new Open(Kind.SHORTCUT, m.group(1), m.group(2));
            } else {
                open = new Open(indent == 4 ? Kind.ITEM : Kind.PARAGRAPH, null, words);
            }
        }
        if (open != null) {
            blocks.add(open.block());
        }
        if (title != null) {
            sections.add(new Section(title, blocks));
        }
        return new HelpDocument(sections);
    }

    private enum Kind { PARAGRAPH, ITEM, SHORTCUT }

    /** The block being read: its kind, its keys (a shortcut's) and its words so far. */
    private static final class Open {
        final Kind kind;
        final String keys;
        final StringBuilder text;

        Open(Kind kind, String keys, String first) {
            this.kind = kind;
            this.keys = keys;
            this.text = new StringBuilder(first);
        }

        Block block() {
            return switch (kind) {
                case SHORTCUT -> new Shortcut(keys, text.toString());
                case ITEM -> new Item(text.toString());
                case PARAGRAPH -> new Paragraph(text.toString());
            };
        }
    }
}
