package mbrllab.app.shell;

import static mbrllab.app.ShellFixture.clickOnFx;
import static mbrllab.app.ShellFixture.readOnFx;
import static mbrllab.app.ShellFixture.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.stage.Modality;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.MbrlLabApp;

/**
 * The Help window at a projector's size (an owner of 1024x768, text 1.5): it opens at the section of the lab on
 * show, its text wraps to its width, the list of sections jumps to a section, it follows the theme and Escape
 * closes it.
 */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest {

    private static final String PROJECTOR_TEXT = "-fx-font-size: 19.5px;";

    private Stage owner;
    private HelpWindow help;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(), 1024, 768);
        stage.setScene(scene);
        stage.show();
        help = new HelpWindow(stage, HelpDocument.parse(HelpText.TEXT), MbrlLabApp.stylesheet());
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> help.close()).get(15, TimeUnit.SECONDS);
    }

    @Test
    void itOpensAtTheLabsSectionWithItsTextWrappedToItsWidth(FxRobot robot) {
        robot.interact(() -> help.show("pilco", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The PILCO lab")), "the PILCO section at the top");
        assertEquals("The PILCO lab", readOnFx(() -> help.selectedSection()));
        // the list of sections scrolls its selected entry, one of the last, wholly into view
        waitUntil(() -> readOnFx(() -> entryInView(robot, "The PILCO lab")), "PILCO's entry in the list's view");
        assertEquals(Modality.NONE, help.stage().getModality(), "the app stays usable beside its Help");
        double[] at = readOnFx(() -> new double[] {help.stage().getX() - owner.getX(),
            help.stage().getY() - owner.getY(), help.stage().getWidth(), help.stage().getHeight()});
        assertTrue(at[0] >= 0 && at[1] >= 0 && at[0] + at[2] <= 1024 && at[1] + at[3] <= 768,
                "over the owner: " + java.util.Arrays.toString(at));
        double[] widths = readOnFx(() -> {
            ScrollPane scroll = robot.lookup("#helpScroll").queryAs(ScrollPane.class);
            double widest = 0;
            for (MarkedText t : texts(help.contentNode())) {
                widest = Math.max(widest, t.getBoundsInParent().getMaxX());
            }
            Text title = (Text) texts(help.contentNode()).get(0).lookup(".help-words");
            return new double[] {widest, scroll.getViewportBounds().getWidth(), title.getFont().getSize()};
        });
        assertTrue(widths[0] <= widths[1] + 0.5, "no text runs past the viewport: " + widths[0] + " > " + widths[1]);
        assertEquals(1.25 * 19.5, widths[2], 0.1, "the titles at the app's text size");
        // the list shows titles without their parenthesis
        List<String> cells = readOnFx(() -> robot.lookup(".help-section").queryAllAs(ToggleButton.class).stream()
                .map(ToggleButton::getText).toList());
        assertTrue(cells.contains("The changing mazes lab"), cells.toString());
    }

    @Test
    void theListJumpsToASectionAndEscapeCloses(FxRobot robot) {
        robot.interact(() -> help.show("dyna-maze", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The Dyna-maze lab")), "the Dyna-maze section at the top");
        Node cell = visibleCell(robot, "Export and sessions");
        clickOnFx(robot, cell);
        waitUntil(() -> readOnFx(() -> help.showsAtTop("Export and sessions")), "the section at the top");
        assertFalse(readOnFx(() -> help.showsAtTop("The Dyna-maze lab")));
        robot.interact(() -> help.restyle(PROJECTOR_TEXT, true));
        assertTrue(readOnFx(() -> robot.lookup("#helpWindow").query().getStyleClass().contains("high-contrast")));
        robot.interact(() -> help.restyle(PROJECTOR_TEXT, false));
        assertFalse(readOnFx(() -> robot.lookup("#helpWindow").query().getStyleClass().contains("high-contrast")));
        clickOnFx(robot, cell);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> readOnFx(() -> !help.stage().isShowing()), "Escape closes the Help");
        assertTrue(owner.isShowing());
    }

    @Test
    void f1AgainBringsItToAnotherLabsSection(FxRobot robot) {
        robot.interact(() -> help.show("acceleration", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The acceleration lab (Dyna-style DQN)")), "acceleration");
        robot.interact(() -> help.show("models", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The models lab (GP vs ensemble)")), "models");
        robot.interact(() -> help.show("no-such-lab", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop(HelpDocument.SHORTCUTS)), "a lab without a section: the top");
    }

    @Test
    void closedAndOpenedAgainItKeepsTheSizeAndPlaceTheReaderGaveIt(FxRobot robot) {
        robot.interact(() -> help.show("models", PROJECTOR_TEXT, false, 1024, 768));
        double[] first = readOnFx(() -> new double[] {help.stage().getWidth(), help.stage().getHeight()});
        assertEquals(1024 * 0.8, first[0], 1, "the first time: 80% of the app's window");
        robot.interact(() -> {
            help.stage().setX(owner.getX() + 5);
            help.stage().setY(owner.getY() + 7);
            help.stage().setWidth(700);
            help.stage().setHeight(500);
        });
        robot.interact(() -> help.close());
        robot.interact(() -> help.show("pilco", PROJECTOR_TEXT, false, 1024, 768));
        double[] again = readOnFx(() -> new double[] {help.stage().getX() - owner.getX(),
            help.stage().getY() - owner.getY(), help.stage().getWidth(), help.stage().getHeight()});
        assertEquals(5, again[0], 0.5);
        assertEquals(7, again[1], 0.5);
        assertEquals(700, again[2], 0.5);
        assertEquals(500, again[3], 0.5);
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The PILCO lab")), "at the lab's section all the same");
    }

    @Test
    void theSearchMarksEveryMatchAndShowsThemOneByOne(FxRobot robot) {
        robot.interact(() -> help.show("dyna-maze", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The Dyna-maze lab")), "the Dyna-maze section at the top");
        clickOnFx(robot, visibleCell(robot, "Figure 8.3"));
        waitUntil(() -> readOnFx(() -> entry(robot, "Figure 8.3").isFocused()), "the list has the keys");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpSearch").query().isFocused()), "Ctrl+F: the search");
        robot.write("sqrt(tau)");
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpSearch").queryTextInputControl().getText())
                .equals("sqrt(tau)"), "the words typed");
        String count = readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText());
        assertTrue(count.matches("1 of \\d+"), count);
        int n = Integer.parseInt(count.substring("1 of ".length()));
        // every text with the words and only those are marked, case ignored; the count is of places
        List<MarkedText> marked = readOnFx(() -> texts(help.contentNode()).stream()
                .filter(MarkedText::isMarked).toList());
        assertEquals(n, (int) readOnFx(() -> help.contentNode().lookupAll(".help-match-text").size()));
        assertTrue(marked.size() >= 2 && n > marked.size(), "Dyna-Q+'s bonus (twice) and the tau heat map: " + n
                + " places in " + marked.size() + " texts");
        for (MarkedText t : marked) {
            assertTrue(t.getText().toLowerCase(java.util.Locale.ROOT).contains("sqrt(tau)"), t.getText());
        }
        // in them the words themselves are marked: a box behind each place, the words in their own style
        for (MarkedText t : marked) {
            readOnFx(() -> {
                List<Node> words = List.copyOf(t.lookupAll(".help-match-text"));
                assertFalse(words.isEmpty(), t.getText());
                Path box = (Path) t.lookup(".help-mark");
                Bounds boxes = box.localToScene(box.getBoundsInLocal());
                for (Node w : words) {
                    assertEquals("sqrt(tau)", ((Text) w).getText().toLowerCase(java.util.Locale.ROOT));
                    Bounds at = w.localToScene(w.getBoundsInLocal());
                    assertTrue(boxes.contains(at.getCenterX(), at.getCenterY()), "a box behind " + t.getText());
                }
                assertTrue(boxes.getWidth() < t.getWidth() || words.size() > 1,
                        "the box marks the words, not the paragraph: " + boxes.getWidth() + " of " + t.getWidth());
                return null;
            });
        }
        HelpWindow.Place first = readOnFx(() -> help.currentMatch());
        assertTrue(readOnFx(() -> currentBoxIsBehind(first)), "the first place in orange");
        waitUntil(() -> readOnFx(() -> help.currentMatchInView()), "the first place in view");
        // Enter steps place by place, also within one text
        for (int k = 2; k <= n; k++) {
            robot.type(KeyCode.ENTER);
            assertEquals(k + " of " + n, readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()));
            HelpWindow.Place at = readOnFx(() -> help.currentMatch());
            assertTrue(readOnFx(() -> currentBoxIsBehind(at)), "place " + k + " in orange");
            assertEquals(1L, (long) readOnFx(() -> help.contentNode().lookupAll(".help-mark-current").stream()
                    .filter(m -> !((Path) m).getElements().isEmpty()).count()), "one place in orange");
            waitUntil(() -> readOnFx(() -> help.currentMatchInView()), "place " + k + " in view");
            assertEquals(readOnFx(() -> sectionBefore(at.text())), readOnFx(() -> help.selectedSection()),
                    "the list marks the section of the place on show");
        }
        robot.type(KeyCode.ENTER);
        assertEquals("1 of " + n, readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()),
                "round the end");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        assertEquals(n + " of " + n, readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()));
        robot.write("zzz");
        assertEquals("no match", readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()));
        assertTrue(readOnFx(() -> texts(help.contentNode()).stream().noneMatch(MarkedText::isMarked)
                && help.contentNode().lookupAll(".help-match-text").isEmpty()), "nothing marked");
        // Escape clears the search first, then closes the window
        robot.type(KeyCode.ESCAPE);
        assertEquals("", readOnFx(() -> robot.lookup("#helpSearch").queryTextInputControl().getText()));
        assertTrue(readOnFx(() -> help.stage().isShowing()));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> readOnFx(() -> !help.stage().isShowing()), "the second Escape closes the Help");
    }

    @Test
    void theArrowKeysStepThroughTheSectionsAndTheListFollowsTheReader(FxRobot robot) {
        robot.interact(() -> help.show("dyna-maze", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The Dyna-maze lab")), "the Dyna-maze section at the top");
        List<String> order = readOnFx(() -> robot.lookup(".help-section").queryAllAs(ToggleButton.class).stream()
                .map(b -> (String) b.getUserData()).toList());
        int at = order.indexOf("The Dyna-maze lab");
        clickOnFx(robot, visibleCell(robot, "The Dyna-maze lab"));
        robot.type(KeyCode.DOWN);
        waitUntil(() -> readOnFx(() -> help.showsAtTop(order.get(at + 1))), "Down: the next section at the top");
        assertEquals(order.get(at + 1), readOnFx(() -> help.selectedSection()));
        robot.type(KeyCode.UP).type(KeyCode.UP);
        waitUntil(() -> readOnFx(() -> help.showsAtTop(order.get(at - 1))), "Up twice: the section before");
        robot.type(KeyCode.END);
        String last = order.get(order.size() - 1);
        waitUntil(() -> readOnFx(() -> help.showsAtTop(last) && entryInView(robot, last)), "End: the last section");
        robot.type(KeyCode.HOME);
        waitUntil(() -> readOnFx(() -> help.showsAtTop(order.get(0)) && entryInView(robot, order.get(0))),
                "Home: the first section");
        // the reader scrolls the text down with the wheel: the list marks the section read there, the text stays
        // (a wheel's event fired at the text: the headless robot's wheel does not reach it)
        robot.interact(() -> help.contentNode().fireEvent(new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false, false, false,
                0, -1500, 0, -1500, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpScroll").queryAs(ScrollPane.class).getVvalue()) > 0.05,
                "the text scrolled");
        double vvalue = readOnFx(() -> robot.lookup("#helpScroll").queryAs(ScrollPane.class).getVvalue());
        String reading = readOnFx(() -> help.selectedSection());
        assertEquals(readOnFx(() -> sectionAtUpperThird(robot, order)), reading,
                "the list marks the last section whose title is above the text's upper third");
        assertTrue(order.indexOf(reading) > 0, reading);
        assertEquals(vvalue, readOnFx(() -> robot.lookup("#helpScroll").queryAs(ScrollPane.class).getVvalue()),
                1e-9, "marking the section leaves the text where the reader put it");
        assertTrue(readOnFx(() -> entryInView(robot, reading)));
    }

    /** Whether the orange box of {@code place}'s text lies behind that place's words. */
    private static boolean currentBoxIsBehind(HelpWindow.Place place) {
        Path box = (Path) place.text().lookup(".help-mark-current");
        Node words = List.copyOf(place.text().lookupAll(".help-match-text")).get(place.index());
        Bounds at = words.localToScene(words.getBoundsInLocal());
        return !box.getElements().isEmpty()
                && box.localToScene(box.getBoundsInLocal()).contains(at.getCenterX(), at.getCenterY());
    }

    /** The title of the section that {@code text} stands in, by the order of the texts. */
    private String sectionBefore(MarkedText text) {
        String section = null;
        for (MarkedText t : texts(help.contentNode())) {
            if (t.getStyleClass().contains("help-title")) {
                section = t.getText();
            }
            if (t == text) {
                return section;
            }
        }
        throw new AssertionError("not in the text: " + text.getText());
    }

    /** The last section whose title lies above the upper third of the text's viewport, by the titles' places. */
    private String sectionAtUpperThird(FxRobot robot, List<String> order) {
        ScrollPane scroll = robot.lookup("#helpScroll").queryAs(ScrollPane.class);
        double line = scroll.getBoundsInLocal().getMinY() + scroll.getViewportBounds().getHeight() / 3;
        String found = order.get(0);
        for (MarkedText l : texts(help.contentNode())) {
            if (l.getStyleClass().contains("help-title") && order.contains(l.getText())
                    && scroll.sceneToLocal(l.localToScene(l.getBoundsInLocal())).getMinY() <= line) {
                found = l.getText();
            }
        }
        return found;
    }

    private static ToggleButton entry(FxRobot robot, String text) {
        return robot.lookup(".help-section").queryAllAs(ToggleButton.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    /** Whether the list's entry for the section {@code title} is wholly inside the list's viewport. */
    private static boolean entryInView(FxRobot robot, String title) {
        ScrollPane list = robot.lookup("#helpSections").queryAs(ScrollPane.class);
        ToggleButton b = robot.lookup(".help-section").queryAllAs(ToggleButton.class).stream()
                .filter(e -> title.equals(e.getUserData())).findFirst().orElseThrow();
        javafx.geometry.Bounds inside = list.localToScene(list.getBoundsInLocal());
        javafx.geometry.Bounds at = b.localToScene(b.getBoundsInLocal());
        return at.getMinY() >= inside.getMinY() - 0.5 && at.getMaxY() <= inside.getMaxY() + 0.5;
    }

    /** The list's entry with this text, which must be on show. */
    private static Node visibleCell(FxRobot robot, String text) {
        return readOnFx(() -> {
            ToggleButton b = entry(robot, text);
            assertTrue(entryInView(robot, (String) b.getUserData()), text + " on show in the list");
            return b;
        });
    }

    private static List<MarkedText> texts(Node root) {
        List<MarkedText> out = new ArrayList<>();
        if (root instanceof MarkedText l) {
            out.add(l);
        } else if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(texts(child));
            }
        }
        return out;
    }
}
