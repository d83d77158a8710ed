package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The shell's classroom controls: font scale keys, high contrast, Help. */
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
        robot.clickOn("View").clickOn("#highContrastItem");
        assertTrue(shell.view().getStyleClass().contains("high-contrast"));
        robot.type(KeyCode.F1);
        TextArea help = robot.lookup("#helpText").queryAs(TextArea.class);
        assertTrue(help.getText().contains("COMMON RANDOM NUMBERS"));
        assertTrue(help.getText().contains("Space            play / pause"));
        robot.type(KeyCode.ESCAPE);
    }
}
