package mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.MbrlLabApp;

/**
 * The lab list's width: every name on one line in a wide window (at 1920x1080 "Changing mazes" wrapped onto two
 * lines beside an empty screen), on at most two lines in a narrow one at large text (1024x768, text 1.5).
 */
@ExtendWith(ApplicationExtension.class)
class NavigationWidthTest {

    @Start
    void start(Stage stage) {
        // The toolkit only: the widths are measured with the fonts it loads.
    }

    @Test
    void namesStayOnOneLineWhenTheWindowHasRoom() throws Exception {
        double[] w = WaitForAsyncUtils.asyncFx(() -> {
            Text text = new Text("Models (GP vs ensemble)");
            text.setFont(Font.font(Font.getDefault().getFamily(), Shell.BASE_FONT));
            return new double[] {text.getLayoutBounds().getWidth(),
                Shell.navigationWidth(MbrlLabApp.LABS, Shell.BASE_FONT, 1920),
                Shell.navigationWidth(MbrlLabApp.LABS, Shell.BASE_FONT * 1.5, 1024),
                Shell.navigationWidth(MbrlLabApp.LABS, Shell.BASE_FONT * 1.5, 1920)};
        }).get();
        System.out.printf(java.util.Locale.ROOT, "lab list: %.0f px at 1920 text 1.0, %.0f at 1024 text 1.5, "
                + "%.0f at 1920 text 1.5 (longest name %.0f px at text 1.0)%n", w[1], w[2], w[3], w[0]);
        assertTrue(w[1] > w[0], "at 1920 px, text 1.0, the longest name fits on one line: " + w[1] + " > " + w[0]);
        assertTrue(w[1] <= 0.15 * 1920, "and the list takes at most 15 % of the width: " + w[1]);
        assertTrue(w[2] < 1.5 * w[0] * 0.7, "at 1024 px, text 1.5, names take two lines: " + w[2]);
    }
}
