package mbrllab.app.cartpole;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.charts.Palette;

/**
 * Fixed pictures of the cart canvas (balance, swing-up, replay, key caps, focus frame, compact panes, high contrast,
 * font scale, a cart far from x = 0, panes too small for labels) for a pixel comparison before and after a change to
 * the drawing: not a check, runs only with {@code -Dmbrllab.look=DIR} (e.g. {@code mvn -q test
 * -Dtest=CartCanvasLookTest -Dmbrllab.look=/tmp/look}).
 */
@ExtendWith(ApplicationExtension.class)
class CartCanvasLookTest {

    private Pane root;

    @Start
    void start(Stage stage) {
        root = new Pane();
        stage.setScene(new Scene(root, 1000, 600));
        stage.show();
    }

    private void shot(Path dir, String name, double w, double h, double base, boolean compact, int accent,
                      double fontScale, boolean hc, boolean focus, CartRenderer.Picture p) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> {
            CartCanvas c = new CartCanvas(w, h);
            c.setBaseFont(base);
            c.setCompact(compact);
            c.setAccent(Palette.categorical(accent));
            c.setFontScale(fontScale);
            c.setHighContrast(hc);
            c.setFocusTraversable(true);
            root.getChildren().setAll(c);
            c.resize(w, h);
            if (focus) {
                c.requestFocus();
            }
            c.show(p);
            return c.snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }

    @Test
    void pictures() throws Exception {
        String dirName = System.getProperty("mbrllab.look");
        Assumptions.assumeTrue(dirName != null, "set -Dmbrllab.look=DIR to write the pictures");
        Path dir = Files.createDirectories(Path.of(dirName));
        CartSystem b = CartSystem.BALANCE;
        CartSystem s = CartSystem.SWING_UP;
        shot(dir, "1-balance-keys", 860, 360, 14, false, 0, 1, false, true, new CartRenderer.Picture(b,
                new double[] {0.31, 0.2, 0.08, -0.1}, new double[] {0.3, 0.2, 0.07, -0.1}, 10,
                "episode 3 · step 42 · return 42", null, false, "hold ← or → to push", -1));
        shot(dir, "2-balance-replay-fell", 860, 360, 14, false, 0, 1, false, false, new CartRenderer.Picture(b,
                new double[] {-1.7, -0.4, -0.22, -1.1}, new double[] {-1.7, -0.4, -0.22, -1.1}, -10,
                "REPLAY of episode 7 · step 35 / 35 · return 35", CartSystem.Ending.POLE_FELL, true, null,
                Integer.MIN_VALUE));
        shot(dir, "3-swingup", 860, 360, 14, false, 0, 1, false, false, new CartRenderer.Picture(s,
                new double[] {0.3, 1.0, 2.5, 3.0}, new double[] {0.3, 1.0, 2.5, 3.0}, 10,
                "episode 1 · step 12 · cost 9.3", null, false, "press ← or → to start", 1));
        shot(dir, "4-swingup-far", 860, 360, 14, false, 0, 1, false, false, new CartRenderer.Picture(s,
                new double[] {6.2, 1.0, 3.3, 3.0}, new double[] {6.2, 1.0, 3.3, 3.0}, -10,
                "episode 1 · step 40 · cost 33.0", CartSystem.Ending.HORIZON, false, null, 0));
        shot(dir, "5-pane-compact", 300, 170, 11, true, 1, 1, false, false, new CartRenderer.Picture(b,
                new double[] {0.05, 0.2, -0.05, 0.3}, new double[] {0.05, 0.2, -0.05, 0.3}, -10,
                "episode 14 · step 27 · return 27", null, false, null, Integer.MIN_VALUE));
        shot(dir, "6-pane-hc-1.5", 300, 240, 11, true, 2, 1.5, true, false, new CartRenderer.Picture(b,
                new double[] {2.45, 0.2, 0.1, 0.3}, new double[] {2.45, 0.2, 0.1, 0.3}, 10,
                "episode 14 · step 27 · return 27", CartSystem.Ending.LEFT_TRACK, false, null, Integer.MIN_VALUE));
        shot(dir, "7-single-hc-focus", 860, 360, 14, false, 0, 1.3, true, true, new CartRenderer.Picture(s,
                new double[] {-0.5, 1.0, 0.5, 3.0}, new double[] {-0.5, 1.0, 0.5, 3.0}, 0,
                "episode 2 · step 3 · cost 2.9", null, false, "hold ← or → to push", 1));
        shot(dir, "8-tiny", 110, 80, 11, true, 0, 1, false, false, new CartRenderer.Picture(b,
                new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0}, 10, "episode 1 · step 0 · return 0", null,
                false, null, Integer.MIN_VALUE));
        shot(dir, "9-narrow", 200, 150, 11, true, 1, 1, false, false, new CartRenderer.Picture(b,
                new double[] {-2.0, 0, 0.15, 0}, new double[] {-2.0, 0, 0.15, 0}, 10, "episode 1 · step 9 · return 9",
                null, false, null, Integer.MIN_VALUE));
        shot(dir, "10-swing-hc-far-left", 500, 300, 12, false, 2, 1, true, false, new CartRenderer.Picture(s,
                new double[] {-4.0, -1.0, 1.0, 3.0}, new double[] {-4.0, -1.0, 1.0, 3.0}, -10,
                "episode 1 · step 30 · cost 20.0", null, false, null, Integer.MIN_VALUE));
    }
}
