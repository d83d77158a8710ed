package mbrllab.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;

/**
 * The split of a lab's picture over its chart comes to rest when the two minimum heights do not fit: the split pane
 * then puts its divider elsewhere than the automatic position, and setting that position again at every layout asked
 * for another layout at every pulse (the acceleration lab at 1024x768 with text 2.0 in presenter mode pulsed 60 times
 * a second with nothing to draw).
 */
@ExtendWith(ApplicationExtension.class)
class PictureOverChartTest {

    @Start
    void start(Stage stage) {
        // The toolkit only: each test shows its own stage.
    }

    @Test
    void minimumsThatDoNotFitLeaveTheSplitAtRest() throws Exception {
        Region picture = new Region();
        picture.setMinHeight(300);
        Region chart = new Region();
        chart.setMinHeight(300);
        PictureOverChart split = new PictureOverChart(picture, chart, 0.5);
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(split, 300, 400));
            stage[0].show();
        }).get(15, TimeUnit.SECONDS);
        try {
            ShellFixture.waitForLayoutPulse();
            ShellFixture.waitForLayoutPulse();
            Object[] after = WaitForAsyncUtils.asyncFx(() -> new Object[] {split.isNeedsLayout(),
                split.getDividerPositions()[0]}).get(15, TimeUnit.SECONDS);
            assertFalse((boolean) after[0], "the split needs no further layout after a layout pass, divider at "
                    + after[1]);
            ShellFixture.waitForLayoutPulse();
            assertEquals((double) after[1], WaitForAsyncUtils.asyncFx(() -> split.getDividerPositions()[0])
                    .get(15, TimeUnit.SECONDS), 1e-9, "and the divider stays where it is");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get(15, TimeUnit.SECONDS);
        }
    }
}
