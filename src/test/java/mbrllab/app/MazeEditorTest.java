package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.maze.MazeCanvas;
import mbrllab.io.MazeFiles;
import mbrllab.app.editor.MazeEditor;
import mbrllab.core.maze.Cell;
import mbrllab.core.maze.Maze;

/** The maze editor through real clicks: walls, S, undo, resize, save as, use in the lab. */
class MazeEditorTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @TempDir
    Path dir;

    /** Clicks the centre of the editor's cell (row, col), where the FX thread has it. */
    static void clickCell(FxRobot robot, int row, int col) {
        clickAtFx(robot, () -> {
            MazeCanvas canvas = robot.lookup("#editorCanvas").queryAs(MazeCanvas.class);
            int index = row * canvas.frame().layout().cols() + col;
            return canvas.localToScreen(canvas.cellCentre(index));
        });
    }

    static String status(FxRobot robot) {
        return robot.lookup("#editorStatus").queryAs(Label.class).getText();
    }

    @Test
    void editSaveAndUseAMaze(FxRobot robot) throws Exception {
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("6x9, 47 free cells, shortest path 14 steps", status(robot));

        clickCell(robot, 1, 8);
        assertTrue(status(robot).startsWith("Warning: G cannot be reached"), status(robot));
        assertTrue(robot.lookup("#saveMazeButton").queryButton().isDisabled(), "an unreachable G cannot be saved");
        clickOnFx(robot, "#undoButton");
        assertEquals("6x9, 47 free cells, shortest path 14 steps", status(robot));
        clickOnFx(robot, "#redoButton");
        assertTrue(status(robot).startsWith("Warning"));
        clickOnFx(robot, "#undoButton");

        clickCell(robot, 0, 0);
        assertEquals("6x9, 46 free cells, shortest path 14 steps", status(robot));
        clickOnFx(robot, "#toolStart");
        clickCell(robot, 5, 0);
        assertEquals(new Cell(5, 0), editor.maze().layout().start());
        robot.interact(() -> robot.lookup("#rowsSpinner").queryAs(javafx.scene.control.Spinner.class).increment());
        assertEquals(7, editor.maze().layout().rows());
        clickOnFx(robot, "#mazeName");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write("My maze");

        answer = dir.resolve("my-maze.maze");
        clickOnFx(robot, "#saveMazeButton");
        assertTrue(Files.exists(answer));
        Maze saved = MazeFiles.read(answer);
        assertEquals("My maze", saved.name());
        assertEquals(editor.maze().layout(), saved.layout(), "the file holds what the editor shows");
        assertTrue(saved.layout().isWall(0, 0));
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary left");

        clickOnFx(robot, "#useMazeButton");
        waitUntil(() -> {
            var f = DynaMazeLabTest.frame(robot, 0);
            return f != null && f.layout().rows() == 7 && f.agent() == 5 * 9;
        }, "the lab's panes use the edited maze, agent on the new S");
        WaitForAsyncUtils.asyncFx(() -> editor.stage().close()).get(5, TimeUnit.SECONDS);
    }

    /**
     * A changing maze keeps both layouts and its step in the editor (it kept only the first: a blocking maze saved or
     * used from the editor no longer changed): the later layout shown and edited by After, the step moved, the file
     * and the lab given both; a change removed and added by its check box.
     */
    @Test
    void aChangingMazeKeepsBothLayoutsAndItsStep(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1, false);
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Maze blocking = mbrllab.io.BundledMazes.load(mbrllab.io.BundledMazes.BLOCKING_MAZE);
        assertEquals(blocking, readOnFx(editor::maze), "the opened maze, with its change and description");
        assertEquals("6x9; before the change 46 free cells, shortest path 10 steps; after step 1,000: 46 free cells, "
                + "shortest path 16 steps", status(robot));
        MazeCanvas canvas = robot.lookup("#editorCanvas").queryAs(MazeCanvas.class);
        assertEquals(blocking.layout(), readOnFx(() -> canvas.frame().layout()), "the layout before the change");

        assertArrayEquals(new int[] {3 * 9, 3 * 9 + 8}, readOnFx(() -> canvas.extras().outlined()),
                "the two cells that change, outlined");
        clickOnFx(robot, "#showAfter");
        assertEquals(blocking.change().get().layout(), readOnFx(() -> canvas.frame().layout()), "After shows the later one");
        clickCell(robot, 3, 0); // closes the later layout's gap
        assertEquals("Warning: G cannot be reached from S after the change. Open a path before saving or using this "
                + "maze.", status(robot));
        assertTrue(robot.lookup("#useMazeButton").queryButton().isDisabled());
        clickOnFx(robot, "#undoButton");
        clickCell(robot, 0, 0); // a wall in the later layout's corner
        assertTrue(readOnFx(() -> editor.maze().change().get().layout().isWall(0, 0)));
        assertArrayEquals(new int[] {0, 3 * 9, 3 * 9 + 8}, readOnFx(() -> canvas.extras().outlined()));
        assertFalse(readOnFx(() -> editor.maze().layout().isWall(0, 0)), "the first layout is untouched");
        assertEquals("Blocking maze (edited)", readOnFx(() -> editor.maze().name()));
        assertEquals("", readOnFx(() -> editor.maze().description()), "the book's description may not hold for it");
        // undo shows the layout it changes: the wall in the later layout, undone while the first is on show
        clickOnFx(robot, "#showBefore");
        assertEquals(blocking.layout(), readOnFx(() -> canvas.frame().layout()));
        clickOnFx(robot, "#undoButton");
        assertEquals(blocking.change().get().layout(), readOnFx(() -> canvas.frame().layout()), "After, without the wall");
        clickOnFx(robot, "#redoButton");
        assertTrue(readOnFx(() -> canvas.frame().layout().isWall(0, 0)), "redone, in view");

        typeInto(robot, "#changeAtSpinner", "500");
        assertEquals(500, readOnFx(() -> editor.maze().change().get().afterStep()));
        assertTrue(readOnFx(() -> canvas.frame().layout().isWall(0, 0)), "still the later layout on show");

        answer = dir.resolve("blocking-edited.maze");
        clickOnFx(robot, "#saveMazeButton");
        Maze saved = MazeFiles.read(answer);
        assertEquals(readOnFx(editor::maze), saved, "the file holds both layouts and the step");
        assertEquals(500, saved.change().get().afterStep());

        clickOnFx(robot, "#useMazeButton");
        assertEquals("The lab now uses \"Blocking maze (edited)\"", status(robot));
        Maze inLab = readOnFx(() -> shell.currentLab().mazes().orElseThrow().currentMaze());
        assertEquals(saved, inLab, "the lab's maze changes after step 500 to the edited layout");

        clickOnFx(robot, "#changesBox");
        assertTrue(readOnFx(() -> editor.maze().change().isEmpty()), "the change removed");
        assertTrue(readOnFx(() -> robot.lookup("#showAfter").queryAs(javafx.scene.control.ToggleButton.class)
                .isDisabled()));
        assertEquals(blocking.layout(), readOnFx(() -> canvas.frame().layout()), "the first layout on show");
        clickOnFx(robot, "#undoButton");
        assertEquals(saved.change(), readOnFx(() -> editor.maze().change()), "undo brings it back");
        clickOnFx(robot, "#redoButton");
        clickOnFx(robot, "#changesBox");
        assertEquals(blocking.layout(), readOnFx(() -> editor.maze().change().get().layout()),
                "a new change starts from a copy of the first layout");
        assertTrue(readOnFx(() -> robot.lookup("#showAfter").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected()), "and is shown for editing");
        WaitForAsyncUtils.asyncFx(() -> editor.stage().close()).get(5, TimeUnit.SECONDS);
    }

    /**
     * Text typed into the editor's number fields: not a number is refused with a message and the value stays (it threw
     * on the FX thread and left "abc" in the field); outside the range the nearest end, said so; "1,500" is 1500.
     */
    @Test
    void badNumbersTypedAreRefusedWithAMessage(FxRobot robot) throws Exception {
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        typeInto(robot, "#rowsSpinner", "abc");
        waitUntil(() -> "Rows: \"abc\" is not a whole number; it stays 6".equals(readOnFx(() -> status(robot))), "the message " + "Rows: \"abc\" is not a whole number; it stays 6");
        assertEquals("6", readOnFx(() -> robot.lookup("#rowsSpinner").queryAs(javafx.scene.control.Spinner.class)
                .getEditor().getText()));
        assertEquals(6, readOnFx(() -> editor.maze().layout().rows()));
        typeInto(robot, "#colsSpinner", "1");
        waitUntil(() -> "Columns: 1 is outside 2 to 200; set to 2".equals(readOnFx(() -> status(robot))), "the message " + "Columns: 1 is outside 2 to 200; set to 2");
        assertEquals(2, readOnFx(() -> editor.maze().layout().cols()));
        clickOnFx(robot, "#undoButton");
        clickOnFx(robot, "#changesBox");
        typeInto(robot, "#changeAtSpinner", "1,500");
        assertEquals(1500, readOnFx(() -> editor.maze().change().get().afterStep()));
        typeInto(robot, "#changeAtSpinner", "12x");
        waitUntil(() -> "Changes after step: \"12x\" is not a whole number; it stays 1500".equals(readOnFx(() -> status(robot))), "the message " + "Changes after step: \"12x\" is not a whole number; it stays 1500");
        clickOnFx(robot, "#changesBox");
        clickOnFx(robot, "#undoButton");
        clickOnFx(robot, "#undoButton");
        clickOnFx(robot, "#undoButton");
        assertFalse(readOnFx(editor::hasUnkeptChanges), "all undone: " + readOnFx(editor::maze));
        WaitForAsyncUtils.asyncFx(() -> editor.stage().close()).get(5, TimeUnit.SECONDS);
    }

    /** The Dyna-maze lab runs on one layout: using a changing maze there says that its change is left out. */
    @Test
    void theDynaMazeLabSaysItLeavesTheChangeOut(FxRobot robot) throws Exception {
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        clickOnFx(robot, "#changesBox");
        clickCell(robot, 0, 0);
        clickOnFx(robot, "#useMazeButton");
        assertEquals("The lab now uses \"Dyna-maze (edited)\" (this lab runs on its first layout; the change after "
                + "step 1,000 is for the Changing mazes lab)", status(robot));
        waitUntil(() -> {
            var f = DynaMazeLabTest.frame(robot, 0);
            return f != null && !f.layout().isWall(0, 0);
        }, "the lab's panes on the first layout, without the wall drawn after the change");
        WaitForAsyncUtils.asyncFx(() -> editor.stage().close()).get(5, TimeUnit.SECONDS);
    }

    /**
     * An edited maze is named "NAME (edited)" while the name field holds the opened maze's name (it would go into the
     * lab's titles, sessions and files as the Dyna-maze); undone to the opened layout, the opened name again; a name
     * the user types stays.
     */
    @Test
    void anEditedMazeIsNamedSo(FxRobot robot) throws Exception {
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Dyna-maze", readOnFx(() -> editor.maze().name()));
        clickCell(robot, 0, 0);
        assertEquals("Dyna-maze (edited)", readOnFx(() -> editor.maze().name()));
        assertEquals("Maze editor: Dyna-maze (edited)", readOnFx(() -> editor.stage().getTitle()), "and its window");
        clickOnFx(robot, "#undoButton");
        assertEquals("Dyna-maze", readOnFx(() -> editor.maze().name()));
        clickCell(robot, 0, 0);
        clickOnFx(robot, "#mazeName");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write("Mine");
        clickCell(robot, 0, 1);
        assertEquals("Mine", readOnFx(() -> editor.maze().name()));
        clickOnFx(robot, "#undoButton");
        clickOnFx(robot, "#undoButton");
        assertEquals("Mine", readOnFx(() -> editor.maze().name()), "the user's name stays, also at the opened layout");
        clickCell(robot, 0, 0);
        clickOnFx(robot, "#useMazeButton");
        WaitForAsyncUtils.asyncFx(() -> editor.stage().close()).get(5, TimeUnit.SECONDS);
    }

    /**
     * Closing the editor (Ctrl+W, the window's close button, quitting the app) with a maze that is neither saved nor
     * used in the lab asks first; it closed at once and the drawing was lost. A saved or used maze closes at once.
     */
    @Test
    void closingWithUnkeptChangesAsksFirst(FxRobot robot) throws Exception {
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(readOnFx(editor::hasUnkeptChanges), "nothing changed yet");
        clickCell(robot, 0, 0);
        assertTrue(readOnFx(editor::hasUnkeptChanges), "a wall drawn");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> readOnFx(() -> robot.lookup("#keepEditingButton").tryQuery().isPresent()), "the question");
        assertEquals("Discard the changes to \"Dyna-maze (edited)\"?", readOnFx(() -> {
            javafx.scene.Node n = robot.lookup("#keepEditingButton").query();
            while (!(n instanceof javafx.scene.control.DialogPane)) {
                n = n.getParent();
            }
            return ((javafx.scene.control.DialogPane) n).getHeaderText();
        }));
        clickOnFx(robot, "#keepEditingButton");
        waitUntil(() -> readOnFx(() -> robot.lookup("#keepEditingButton").tryQuery().isEmpty()), "the answer");
        assertTrue(readOnFx(() -> editor.stage().isShowing()), "Keep editing keeps the editor open");
        assertTrue(readOnFx(() -> editor.maze().layout().isWall(0, 0)), "with the wall");

        // File > Quit asks the same; Keep editing keeps the app open
        javafx.scene.control.MenuItem quitItem = readOnFx(() -> ((javafx.scene.control.MenuBar) shell.view()
                .lookup(".menu-bar")).getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "quitMenuItem".equals(i.getId())).findFirst().orElseThrow());
        java.util.concurrent.Future<Void> quit = WaitForAsyncUtils.asyncFx(quitItem::fire);
        waitUntil(() -> readOnFx(() -> robot.lookup("#keepEditingButton").tryQuery().isPresent()), "the question");
        clickOnFx(robot, "#keepEditingButton");
        quit.get(15, TimeUnit.SECONDS);
        assertTrue(readOnFx(() -> shell.view().getScene().getWindow().isShowing()), "the app does not quit");
        assertTrue(readOnFx(() -> editor.stage().isShowing()), "nor the editor close");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> readOnFx(() -> robot.lookup("#discardMazeButton").tryQuery().isPresent()), "the question");
        clickOnFx(robot, "#discardMazeButton");
        waitUntil(() -> readOnFx(() -> !editor.stage().isShowing()), "Discard changes closes the editor");

        // a maze used in the lab is kept: the editor closes without a question
        MazeEditor used = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        clickCell(robot, 0, 0);
        clickOnFx(robot, "#useMazeButton");
        assertFalse(readOnFx(used::hasUnkeptChanges), "used in the lab: " + status(robot));
        assertTrue(readOnFx(() -> shell.editorsMayClose()), "nothing to ask");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.W, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> readOnFx(() -> !used.stage().isShowing()), "Ctrl+W closes the editor");
    }

    @Test
    void theEditorOpensInTheHighContrastThemeWhenTheAppIsInIt(FxRobot robot) throws Exception {
        clickMenuFx(robot, "View", "#highContrastItem");
        robot.interact(() -> shell.changeFontScale(0.5));
        MazeEditor editor = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(readOnFx(() -> robot.lookup("#mazeEditor").query().getStyleClass().contains("high-contrast")));
        // at text 1.5 the buttons keep their words (they were cut to "Sav..." and "Use in t..." beside the status)
        for (String button : new String[] {"#saveMazeButton", "#useMazeButton"}) {
            double[] w = readOnFx(() -> {
                var b = robot.lookup(button).queryButton();
                return new double[] {b.getWidth(), b.prefWidth(-1)};
            });
            assertTrue(w[0] >= w[1] - 0.5, button + " " + w[0] + " < " + w[1]);
        }
        // and the sizes' fields show three digits (a fixed 80 px showed "4(" for 40)
        for (String spinner : new String[] {"#rowsSpinner", "#colsSpinner"}) {
            double[] w = readOnFx(() -> {
                javafx.scene.control.TextField field = robot.lookup(spinner).queryAs(javafx.scene.control.Spinner.class)
                        .getEditor();
                javafx.scene.text.Text measure = new javafx.scene.text.Text("200");
                measure.setFont(field.getFont());
                javafx.geometry.Insets in = field.getInsets();
                javafx.scene.Node sp = robot.lookup(spinner).query();
                assertTrue(sp.localToScene(sp.getLayoutBounds()).getMaxX() <= sp.getScene().getWidth(),
                        spinner + " inside the window");
                return new double[] {field.getWidth() - in.getLeft() - in.getRight(),
                    measure.getLayoutBounds().getWidth(), field.getFont().getSize()};
            });
            System.out.println("maze editor at text 1.5: " + spinner + " field " + w[0] + " px for '200' of " + w[1]
                    + " px (font " + w[2] + ")");
            assertTrue(w[2] > 19, "the field's text at 1.5: " + w[2]);
            assertTrue(w[0] >= w[1], spinner + ": '200' needs " + w[1] + " px, the field has " + w[0]);
        }
        assertTrue(readOnFx(() -> robot.lookup("#editorCanvas").queryAs(MazeCanvas.class).style().highContrast()),
                "the maze in its high-contrast colours");
        WaitForAsyncUtils.asyncFx(() -> editor.stage().close()).get(5, TimeUnit.SECONDS);
        clickMenuFx(robot, "View", "#highContrastItem");
        robot.interact(() -> shell.changeFontScale(-0.5));
        MazeEditor plain = WaitForAsyncUtils.asyncFx(() -> shell.openEditor()).get(5, TimeUnit.SECONDS);
        assertFalse(readOnFx(() -> robot.lookup("#mazeEditor").query().getStyleClass().contains("high-contrast")));
        assertFalse(readOnFx(() -> robot.lookup("#editorCanvas").queryAs(MazeCanvas.class).style().highContrast()));
        // while it is open it follows the app's text size and theme
        robot.interact(() -> shell.changeFontScale(0.3));
        assertEquals(shell.view().getStyle(), readOnFx(() -> robot.lookup("#mazeEditor").query().getStyle()));
        assertEquals("-fx-font-size: 16.9px;", shell.view().getStyle());
        clickMenuFx(robot, "View", "#highContrastItem");
        assertTrue(readOnFx(() -> robot.lookup("#mazeEditor").query().getStyleClass().contains("high-contrast")));
        assertTrue(readOnFx(() -> robot.lookup("#editorCanvas").queryAs(MazeCanvas.class).style().highContrast()));
        robot.interact(() -> shell.changeFontScale(-0.3));
        clickMenuFx(robot, "View", "#highContrastItem");
        WaitForAsyncUtils.asyncFx(() -> plain.stage().close()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void openingABadMazeFileNamesLineAndColumn(FxRobot robot) throws Exception {
        answer = dir.resolve("bad.maze");
        Files.writeString(answer, "S..\n..x\n..G\n");
        WaitForAsyncUtils.asyncFx(() -> shell.openMaze(answer)).get(5, TimeUnit.SECONDS);
        assertEquals(answer + ":2:3: unknown character 'x'; expected '.' (free), '#' (wall), 'S' (start) or 'G' (goal)",
                shell.lastError());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        answer = dir.resolve("good.maze");
        Files.writeString(answer, "name: Corridor\nS...G\n");
        WaitForAsyncUtils.asyncFx(() -> shell.openMaze(answer)).get(5, TimeUnit.SECONDS);
        waitUntil(() -> {
            var f = DynaMazeLabTest.frame(robot, 0);
            return f != null && f.layout().cols() == 5 && f.layout().rows() == 1;
        }, "the lab uses the corridor");
    }
}
