package mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The Help text read as sections of paragraphs, list items and shortcut rows, its source line breaks gone. */
class HelpDocumentTest {

    private static final HelpDocument HELP = HelpDocument.parse(HelpText.TEXT);

    @Test
    void aSmallTextGivesItsSectionsParagraphsAndItems() {
        HelpDocument d = HelpDocument.parse("""
                First
                  one two
                  three

                  four
                    item a
                      continued
                    item b
                  five
                Keyboard shortcuts
                  Ctrl+X  cut it
                          all
                  Space     play  now
                  Not a row
                """);
        assertEquals(List.of("First", "Keyboard shortcuts"), d.sections().stream().map(HelpDocument.Section::title)
                .toList());
        assertEquals(List.of(new HelpDocument.Paragraph("one two three"), new HelpDocument.Paragraph("four"),
                new HelpDocument.Item("item a continued"), new HelpDocument.Item("item b"),
                new HelpDocument.Paragraph("five")), d.sections().get(0).blocks());
        assertEquals(List.of(new HelpDocument.Shortcut("Ctrl+X", "cut it all"),
                new HelpDocument.Shortcut("Space", "play  now"), new HelpDocument.Paragraph("Not a row")),
                d.sections().get(1).blocks());
    }

    @Test
    void theShortcutsAreRowsOfKeysAndWhatTheyDo() {
        HelpDocument.Section keys = HELP.section(HelpDocument.SHORTCUTS);
        assertNotNull(keys);
        assertEquals(HelpDocument.SHORTCUTS, HELP.sections().get(0).title(), "the shortcuts come first");
        List<HelpDocument.Block> blocks = keys.blocks();
        assertEquals(new HelpDocument.Shortcut("Space", "play / pause"), blocks.get(0));
        assertEquals(new HelpDocument.Shortcut("Right arrow", "one step (every pane: one real step and its n planning"
                + " updates); in the cart-pole lab with the keyboard agent it pushes the cart instead"), blocks.get(1));
        assertTrue(blocks.contains(new HelpDocument.Shortcut("Ctrl+1 .. Ctrl+7",
                "open the first to seventh lab of the list (also the Labs menu)")));
        assertTrue(blocks.contains(new HelpDocument.Shortcut("F1", "this help, open at the section of the lab on"
                + " show; in it Ctrl+F searches, Enter and Shift+Enter step through the matches, Escape clears, then"
                + " closes")), blocks.toString());
        long rows = blocks.stream().filter(b -> b instanceof HelpDocument.Shortcut).count();
        assertEquals(blocks.size() - 1, rows, "every line a row but the closing note: " + blocks);
        assertInstanceOf(HelpDocument.Paragraph.class, blocks.get(blocks.size() - 1));
    }

    @Test
    void everyLabHasItsSectionAndTheTextHasNoSourceLineBreaks() {
        for (String title : HelpWindow.LAB_SECTIONS.values()) {
            HelpDocument.Section s = HELP.section(title);
            assertNotNull(s, title);
            assertFalse(s.blocks().isEmpty(), title);
        }
        assertEquals(7, HelpWindow.LAB_SECTIONS.size(), "one section per lab");
        for (HelpDocument.Section s : HELP.sections()) {
            for (HelpDocument.Block b : s.blocks()) {
                assertFalse(b.text().contains("\n"), b.text());
                assertFalse(b.text().isBlank(), s.title());
                if (!(b instanceof HelpDocument.Shortcut)) {
                    assertFalse(b.text().contains("  "), "a source line break joined with one space: " + b.text());
                }
            }
        }
        // the models lab's four prediction methods are list items, each whole
        List<HelpDocument.Block> items = HELP.section("The models lab (GP vs ensemble)").blocks().stream()
                .filter(b -> b instanceof HelpDocument.Item).toList();
        assertEquals(4, items.size(), items.toString());
        assertEquals("moment matching (GP): the state is kept Gaussian and its exact mean and covariance are carried"
                + " through the GP at every step (PILCO);", items.get(0).text());
        // the slip explanation of the core is a paragraph of its own section
        assertTrue(HELP.section("Slip (a stochastic maze, the \"Slip probability\" field)").blocks().get(0).text()
                .startsWith("With a slip probability p, the maze no longer does what the agent asks"));
    }

    @Test
    void theListOfSectionsShowsTitlesWithoutTheirParenthesis() {
        assertEquals("The changing mazes lab",
                HelpWindow.shortTitle("The changing mazes lab (Sutton and Barto, Sections 8.3 and 8.4)"));
        assertEquals("Figure 8.3", HelpWindow.shortTitle("Figure 8.3"));
    }
}
