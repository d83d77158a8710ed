package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;

/**
 * The panes' columns: titles of one, two and three lines at the columns' width still put the three carts and the
 * three returns strips at one height, the carts take what is left, and laying out changes no node's own sizes (the
 * row of VBoxes before it set its labels' minimum heights during the layout pass, and in a window the lab opened
 * with empty panes).
 */
@ExtendWith(ApplicationExtension.class)
class PaneColumnsTest {

    @Start
    void start(Stage stage) {
        // The toolkit only: the test shows its own stage.
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    @Test
    void rowsLineUpAcrossColumnsWhateverTheTitlesWrap() throws Exception {
        PaneColumns columns = new PaneColumns(1, 8, 2, 60, 150);
        List<Label> titles = List.of(wrapping("one"), wrapping("two words two words"),
                wrapping("three lines of words three lines of words"));
        List<PenCanvas> carts = new ArrayList<>();
        List<PenCanvas> strips = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PenCanvas cart = new PenCanvas(150, 120, 60, 40);
            PenCanvas strip = new PenCanvas(150, 46, 60, 30);
            carts.add(cart);
            strips.add(strip);
            columns.addColumn(titles.get(i), cart, strip);
        }
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new Scene(columns, 300, 400));
            stage[0].show();
        }).get(15, TimeUnit.SECONDS);
        try {
            ShellFixture.waitForLayoutPulse();
            double[] got = WaitForAsyncUtils.asyncFx(() -> {
                double w = (300 - 2 * 8) / 3.0;
                double[] titleHeights = new double[3];
                for (int i = 0; i < 3; i++) {
                    titleHeights[i] = titles.get(i).prefHeight(w);
                }
                return new double[] {titleHeights[0], titleHeights[1], titleHeights[2],
                    carts.get(0).getBoundsInParent().getMinY(), carts.get(1).getBoundsInParent().getMinY(),
                    carts.get(2).getBoundsInParent().getMinY(), strips.get(0).getBoundsInParent().getMinY(),
                    strips.get(2).getBoundsInParent().getMinY(), carts.get(1).getWidth(), carts.get(1).getHeight(),
                    strips.get(1).getHeight(), titles.get(2).getMinHeight(), columns.minHeight(300),
                    columns.isNeedsLayout() ? 1 : 0};
            }).get(15, TimeUnit.SECONDS);
            assertTrue(got[0] < got[1] && got[1] < got[2], "titles of one, two and three lines at the width: "
                    + got[0] + ", " + got[1] + ", " + got[2]);
            assertEquals(got[2] + 2, got[3], 1e-9, "the carts start under the highest title");
            assertEquals(got[3], got[4], 1e-9);
            assertEquals(got[3], got[5], 1e-9);
            assertEquals(got[6], got[7], 1e-9, "and so do the returns strips");
            assertEquals((300 - 16) / 3.0, got[8], 0.5, "three equal columns (to the pixel)");
            assertEquals(46, got[10], 1e-9, "room enough: the strips at their preferred height");
            assertEquals(400 - got[2] - 46 - 4, got[9], 1e-9, "the carts take the rest");
            assertEquals(Region.USE_PREF_SIZE, got[11], "no node's own sizes changed");
            assertEquals(got[2] + 40 + 30 + 4, got[12], 1e-9, "the least height: the highest title, the least "
                    + "cart and strip");
            assertEquals(0, got[13], "nothing left to lay out");

            WaitForAsyncUtils.asyncFx(() -> stage[0].setHeight(stage[0].getHeight() - 400 + got[2] + 40 + 36 + 4))
                    .get(15, TimeUnit.SECONDS);
            ShellFixture.waitForLayoutPulse();
            double[] tight = WaitForAsyncUtils.asyncFx(() -> new double[] {columns.getHeight(),
                carts.get(0).getHeight(), strips.get(0).getHeight()}).get(15, TimeUnit.SECONDS);
            assertEquals(got[2] + 40 + 36 + 4, tight[0], 1e-9);
            assertEquals(30, tight[2], 1e-9, "short of room: the strips give up what they have above their least");
            assertEquals(46, tight[1], 1e-9, "to the carts, under their preferred height");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get(15, TimeUnit.SECONDS);
        }
    }
}
