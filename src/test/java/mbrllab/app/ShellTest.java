package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.shell.ClassroomSettings;
import mbrllab.app.shell.MemoryPreferences;
import mbrllab.app.shell.Shell;

import org.junit.jupiter.api.Test;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The shell's classroom controls: font scale keys (Ctrl+=, Ctrl+Shift+=, the keypad), Ctrl+1.. for the labs, presenter
 * mode (F11), high contrast, Help, and the settings remembered for the next start.
 */
class ShellTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void ctrlPlusAndMinusScaleTheText(FxRobot robot) {
        assertEquals("-fx-font-size: 13.0px;", shell.view().getStyle());
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        assertEquals(1.2, shell.fontScaleProperty().get(), 1e-9);
        assertEquals("-fx-font-size: 15.6px;", shell.view().getStyle());
        robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        assertEquals(1.1, shell.fontScaleProperty().get(), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(1.0, shell.fontScaleProperty().get(), 1e-9);
    }

    @Test
    void highContrastAndHelp(FxRobot robot) {
        clickMenuFx(robot, "View", "#highContrastItem");
        assertTrue(shell.view().getStyleClass().contains("high-contrast"));
        robot.type(KeyCode.F1);
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpContent").tryQuery().isPresent()), "the Help opens");
        java.util.List<String> help = helpTexts(robot);
        assertTrue(help.contains("Common random numbers"), help.toString());
        int space = help.indexOf("Space");
        assertTrue(space >= 0 && help.get(space + 1).equals("play / pause"), "the shortcuts are rows: " + help);
        assertTrue(readOnFx(() -> robot.lookup("#helpWindow").query().getStyleClass().contains("high-contrast")),
                "the Help in the app's theme");
        assertEquals("The Dyna-maze lab", ShellFixture.helpSection(robot), "open at the lab on show");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpContent").tryQuery().isEmpty()), "Escape closes it");
        // an error dialog in the app's theme too
        robot.interact(() -> shell.showError("Cannot open the file", "bad.json: theta must be in [0, 1.0]"));
        waitUntil(() -> readOnFx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()), "the error is shown");
        assertTrue(readOnFx(() -> robot.lookup(".dialog-pane").query().getStyleClass().contains("high-contrast")));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> readOnFx(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty()), "Escape closes the error");
    }

    @Test
    void everyPlusKeyAndEveryMinusKeyScaleTheText(FxRobot robot) {
        // Ctrl++ is Ctrl+Shift+= on most keyboards.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.SHIFT,
                KeyCode.CONTROL);
        assertEquals(1.1, shell.fontScaleProperty().get(), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.ADD).release(KeyCode.ADD, KeyCode.CONTROL);
        assertEquals(1.2, shell.fontScaleProperty().get(), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.SUBTRACT).release(KeyCode.SUBTRACT, KeyCode.CONTROL);
        assertEquals(1.1, shell.fontScaleProperty().get(), 1e-9);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.SHIFT,
                KeyCode.CONTROL);
        assertEquals(1.0, shell.fontScaleProperty().get(), 1e-9);
        assertEquals(1.0, shell.settings().fontScale(), 1e-9, "the scale is saved as it changes");
    }

    @Test
    void ctrlDigitsOpenTheLabsAndF11FoldsTheListAway(FxRobot robot) {
        String[] ids = MbrlLabApp.LABS.stream().map(e -> e.id()).toArray(String[]::new);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7};
        for (int i = ids.length - 1; i >= 0; i--) {
            robot.press(KeyCode.CONTROL, digits[i]).release(digits[i], KeyCode.CONTROL);
            String id = ids[i];
            ShellFixture.waitUntil(() -> id.equals(currentId()), "Ctrl+" + (i + 1)
                    + " opens " + id);
        }
        BorderPane root = shell.view();
        assertTrue(root.getLeft() != null, "the lab list is shown outside presenter mode");
        robot.type(KeyCode.F11);
        assertTrue(shell.presenterProperty().get());
        assertEquals(null, root.getLeft(), "presenter mode folds the lab list away");
        assertTrue(shell.view().lookup("#labsButton").isVisible(), "the toolbar's lab button stands in for the list");
        assertTrue(root.getStyleClass().contains("presenter"));
        assertTrue(shell.settings().presenter(), "presenter mode is saved");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        ShellFixture.waitUntil(() -> ids[1].equals(currentId()), "Ctrl+2 works in presenter mode too");
        robot.type(KeyCode.F11);
        assertFalse(shell.presenterProperty().get());
        assertTrue(root.getLeft() != null);
    }

    @Test
    void aNewShellStartsWithTheSavedSettings() throws Exception {
        MemoryPreferences prefs = new MemoryPreferences();
        ClassroomSettings saved = new ClassroomSettings(prefs.node(ClassroomSettings.NODE));
        saved.setFontScale(1.5);
        saved.setHighContrast(true);
        saved.setPresenter(true);
        Object[] seen = WaitForAsyncUtils.asyncFx(() -> {
            Shell next = new Shell(new Stage(), java.util.List.of(), dispatcher, background,
                    new ClassroomSettings(prefs.node(ClassroomSettings.NODE)));
            Object[] r = {next.fontScaleProperty().get(), next.view().getStyleClass().contains("high-contrast"),
                next.presenterProperty().get(), next.view().getLeft(), next.view().getStyle()};
            next.dispose();
            return r;
        }).get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1.5, (double) seen[0], 1e-9);
        assertEquals(true, seen[1]);
        assertEquals(true, seen[2]);
        assertEquals(null, seen[3], "no lab list in presenter mode");
        assertEquals("-fx-font-size: 19.5px;", seen[4]);
    }

    /** The app opens the lab that was open when it last closed; an unknown id (a lab since renamed) opens the first. */
    @Test
    void aNewShellOpensTheLabLastOpen(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        waitUntil(() -> "acceleration".equals(currentId()), "Ctrl+6 opens the acceleration lab");
        assertEquals(java.util.Optional.of("acceleration"), shell.settings().lastLab(), "the open lab is saved");
        MemoryPreferences prefs = new MemoryPreferences();
        ClassroomSettings saved = new ClassroomSettings(prefs.node(ClassroomSettings.NODE));
        saved.setLastLab("planning");
        assertEquals("planning", openedBy(prefs));
        saved.setLastLab("no-such-lab");
        assertEquals("dyna-maze", openedBy(prefs));
    }

    /** The lab a new shell with these preferences opens. */
    private String openedBy(MemoryPreferences prefs) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Shell next = new Shell(new Stage(), MbrlLabApp.LABS, dispatcher, background,
                    new ClassroomSettings(prefs.node(ClassroomSettings.NODE)));
            String id = next.currentLabId();
            next.dispose();
            return id;
        }).get(15, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * The Presets menu holds the open lab's presets and one submenu per other lab; a preset from another lab's
     * submenu opens that lab, and then the menu holds that lab's presets.
     */
    @Test
    void thePresetsMenuHoldsTheOpenLabsPresetsAndASubmenuPerOtherLab(FxRobot robot) {
        waitUntil(() -> "dyna-maze".equals(currentId()), "the Dyna-maze lab is open");
        java.util.List<String> others = MbrlLabApp.LABS.stream().map(e -> e.id()).filter(id -> !id.equals("dyna-maze"))
                .map(id -> "presetsOf-" + id).toList();
        java.util.List<String> dynaMaze = java.util.List.of("preset-figure-8-2", "preset-figure-8-3",
                "preset-first-index-ties", "preset-debug-one-episode");
        java.util.List<String> expected = new java.util.ArrayList<>(dynaMaze);
        expected.add(null); // the separator
        expected.addAll(others);
        assertEquals(expected, presetIds(robot));

        clickMenuFx(robot, "Presets", "#presetsOf-acceleration");
        String item = "#preset-acceleration-long-rollouts";
        waitUntil(() -> readOnFx(() -> robot.lookup(item).match(org.testfx.matcher.base.NodeMatchers.isVisible())
                .tryQuery().isPresent()), "the Acceleration presets show");
        javafx.scene.Node node = readOnFx(() -> robot.lookup(item).match(
                org.testfx.matcher.base.NodeMatchers.isVisible()).query());
        javafx.geometry.Point2D at = readOnFx(() -> robot.point(node).query());
        // across to the submenu first: straight down would pass over the other labs' submenus and open them
        robot.clickOn(at, org.testfx.robot.Motion.HORIZONTAL_FIRST);
        waitUntil(() -> "acceleration".equals(currentId()), "the preset opens the Acceleration lab");
        java.util.List<String> now = presetIds(robot);
        assertEquals(java.util.Arrays.asList("preset-acceleration-short-rollouts", "preset-acceleration-long-rollouts",
                "preset-acceleration-perfect-model", "preset-acceleration-real-data-only",
                "preset-acceleration-copies-of-real-data", null), now.subList(0, 6));
        assertTrue(now.contains("presetsOf-dyna-maze") && !now.contains("presetsOf-acceleration"), now.toString());
    }

    /** The ids of the Presets menu's items, null for a separator. */
    private java.util.List<String> presetIds(FxRobot robot) {
        return readOnFx(() -> ((javafx.scene.control.MenuBar) robot.lookup("#menuBar").query()).getMenus().stream()
                .filter(m -> "presetsMenu".equals(m.getId())).findFirst().orElseThrow().getItems().stream()
                .map(i -> i instanceof javafx.scene.control.SeparatorMenuItem ? null : i.getId()).toList());
    }

    private String currentId() {
        return shell.currentLabId();
    }
}
