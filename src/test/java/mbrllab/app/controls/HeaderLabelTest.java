package mbrllab.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;

/**
 * Headers of one group keep the pictures under them level: where one header's shortest form still does not fit and
 * wraps, its neighbours take the same height (a count grown to "4,564,093,632 upd." put one maze a line lower).
 */
@ExtendWith(ApplicationExtension.class)
class HeaderLabelTest {

    private final HeaderLabel[] headers = new HeaderLabel[3];
    private final Region[] pictures = new Region[3];

    @Start
    void start(Stage stage) {
        HeaderLabel.Group group = new HeaderLabel.Group();
        HBox row = new HBox(4);
        String[] updates = {"89,492", "536,952", "4,564,093,632"};
        for (int i = 0; i < 3; i++) {
            headers[i] = new HeaderLabel("episode 5, step 6 · " + updates[i] + " Q updates",
                    "ep. 5 · 6\n" + updates[i] + " upd.");
            headers[i].setMaxWidth(Double.MAX_VALUE);
            group.add(headers[i]);
            pictures[i] = new Region();
            pictures[i].setPrefSize(90, 90);
            VBox pane = new VBox(headers[i], pictures[i]);
            pane.setMinWidth(100);
            pane.setPrefWidth(100);
            pane.setMaxWidth(100);
            row.getChildren().add(pane);
        }
        stage.setScene(new Scene(row, 320, 300));
        stage.show();
    }

    @Test
    void oneWrappedHeaderKeepsThePicturesLevel() throws Exception {
        ShellFixture.waitForLayoutPulse();
        ShellFixture.waitForLayoutPulse();
        double[][] r = WaitForAsyncUtils.asyncFx(() -> new double[][] {
            {headers[0].getHeight(), headers[1].getHeight(), headers[2].getHeight()},
            {pictures[0].getLayoutY(), pictures[1].getLayoutY(), pictures[2].getLayoutY()},
            {headers[2].isWrapText() ? 1 : 0, headers[0].isWrapText() ? 1 : 0},
            {headers[0].getWidth(), headers[1].getWidth(), headers[2].getWidth()}}).get(10, TimeUnit.SECONDS);
        assertEquals(1.0, r[2][0], "the long count wraps");
        assertEquals(0.0, r[2][1], "the short one does not");
        assertTrue(r[0][2] > 44, "three lines (two are 32 px): " + r[0][2]);
        assertEquals(r[0][2], r[0][0], 0.5, "the short headers as high as the wrapped one");
        assertEquals(r[0][2], r[0][1], 0.5, "the short headers as high as the wrapped one");
        assertEquals(r[1][2], r[1][0], 0.5, "the pictures level");
        assertEquals(r[1][2], r[1][1], 0.5, "the pictures level");
    }
}
