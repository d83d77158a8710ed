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

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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
        assertEquals("The PILCO lab", readOnFx(() -> robot.lookup("#helpSections")
                .queryListView().getSelectionModel().getSelectedItem()));
        assertEquals(Modality.NONE, help.stage().getModality(), "the app stays usable beside its Help");
        double[] at = readOnFx(() -> new double[] {help.stage().getX() - owner.getX(),
            help.stage().getY() - owner.getY(), help.stage().getWidth(), help.stage().getHeight()});
        assertTrue(at[0] >= 0 && at[1] >= 0 && at[0] + at[2] <= 1024 && at[1] + at[3] <= 768,
                "over the owner: " + java.util.Arrays.toString(at));
        double[] widths = readOnFx(() -> {
            ScrollPane scroll = robot.lookup("#helpScroll").queryAs(ScrollPane.class);
            double widest = 0;
            for (Label l : labels(help.contentNode())) {
                widest = Math.max(widest, l.getBoundsInParent().getMaxX());
            }
            Label title = (Label) labels(help.contentNode()).get(0);
            return new double[] {widest, scroll.getViewportBounds().getWidth(), title.getFont().getSize()};
        });
        assertTrue(widths[0] <= widths[1] + 0.5, "no text runs past the viewport: " + widths[0] + " > " + widths[1]);
        assertEquals(1.25 * 19.5, widths[2], 0.1, "the titles at the app's text size");
        // the list shows titles without their parenthesis
        List<String> cells = readOnFx(() -> robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .map(c -> ((ListCell<?>) c).getText()).filter(t -> t != null).toList());
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
    void theSearchMarksEveryMatchAndShowsThemOneByOne(FxRobot robot) {
        robot.interact(() -> help.show("dyna-maze", PROJECTOR_TEXT, false, 1024, 768));
        waitUntil(() -> readOnFx(() -> help.showsAtTop("The Dyna-maze lab")), "the Dyna-maze section at the top");
        clickOnFx(robot, visibleCell(robot, "Figure 8.3"));
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpSections").query().isFocused()), "the list has the keys");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpSearch").query().isFocused()), "Ctrl+F: the search");
        robot.write("sqrt(tau)");
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpSearch").queryTextInputControl().getText())
                .equals("sqrt(tau)"), "the words typed");
        String count = readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText());
        assertTrue(count.matches("1 of \\d+"), count);
        int n = Integer.parseInt(count.substring("1 of ".length()));
        // every text with the words and only those are marked, case ignored
        List<Label> marked = readOnFx(() -> labels(help.contentNode()).stream()
                .filter(l -> l.getStyleClass().contains("help-match")).toList());
        assertEquals(n, marked.size());
        assertTrue(n >= 2, "Dyna-Q+'s bonus and the tau heat map: " + n);
        for (Label l : marked) {
            assertTrue(l.getText().toLowerCase(java.util.Locale.ROOT).contains("sqrt(tau)"), l.getText());
        }
        Label first = readOnFx(() -> help.currentMatch());
        waitUntil(() -> readOnFx(() -> help.inView(first)), "the first match in view");
        robot.type(KeyCode.ENTER);
        assertEquals("2 of " + n, readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()));
        Label second = readOnFx(() -> help.currentMatch());
        assertTrue(second != first);
        waitUntil(() -> readOnFx(() -> help.inView(second)), "the second match in view");
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        assertEquals("1 of " + n, readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()));
        robot.write("zzz");
        assertEquals("no match", readOnFx(() -> robot.lookup("#helpMatches").queryAs(Label.class).getText()));
        assertTrue(readOnFx(() -> labels(help.contentNode()).stream()
                .noneMatch(l -> l.getStyleClass().contains("help-match"))), "nothing marked");
        // Escape clears the search first, then closes the window
        robot.type(KeyCode.ESCAPE);
        assertEquals("", readOnFx(() -> robot.lookup("#helpSearch").queryTextInputControl().getText()));
        assertTrue(readOnFx(() -> help.stage().isShowing()));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> readOnFx(() -> !help.stage().isShowing()), "the second Escape closes the Help");
    }

    /** The list's cell on show with this text (the list keeps spare cells out of sight, some with old texts). */
    private static Node visibleCell(FxRobot robot, String text) {
        return readOnFx(() -> {
            Node list = robot.lookup("#helpSections").query();
            javafx.geometry.Bounds inside = list.localToScene(list.getBoundsInLocal());
            return robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                    .filter(c -> text.equals(c.getText()) && c.isVisible()
                            && inside.contains(c.localToScene(c.getBoundsInLocal())))
                    .findFirst().orElseThrow();
        });
    }

    private static List<Label> labels(Node root) {
        List<Label> out = new ArrayList<>();
        if (root instanceof Label l) {
            out.add(l);
        } else if (root instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(labels(child));
            }
        }
        return out;
    }
}
