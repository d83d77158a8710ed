package mbrllab.app.cartpole;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.Background;
import mbrllab.app.FxDispatcher;
import mbrllab.app.MbrlLabApp;
import mbrllab.app.shell.Shell;
import mbrllab.core.cartpole.BoxModelKind;

/**
 * Pictures of every mode of the cart-pole lab at 1280x800 for a person to look at, not a check: runs only with
 * {@code -Dmbrllab.gallery=DIR} (e.g. {@code mvn -q test -Dtest=CartPoleGalleryTest -Dmbrllab.gallery=/tmp/g}).
 */
@ExtendWith(ApplicationExtension.class)
class CartPoleGalleryTest {

    private Shell shell;
    private Background background;
    private Scene scene;

    @Start
    void start(Stage stage) {
        FxDispatcher dispatcher = new FxDispatcher();
        dispatcher.start();
        background = new Background();
        shell = MbrlLabApp.createShell(stage, dispatcher, background);
        scene = new Scene(shell.view(), 1280, 800);
        scene.getStylesheets().add(MbrlLabApp.stylesheet());
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shell.dispose()).get(5, TimeUnit.SECONDS);
        background.shutdown();
    }

    private void shot(Path dir, String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(dir.toFile(), name + ".png"));
    }

    private CartPoleViewModel model() {
        return ((CartPoleLab) shell.view().getCenter().getProperties().get(CartPoleLab.class)).model();
    }

    @Test
    void gallery(FxRobot robot) throws Exception {
        String dirName = System.getProperty("mbrllab.gallery");
        Assumptions.assumeTrue(dirName != null, "set -Dmbrllab.gallery=DIR to write the pictures");
        Path dir = Files.createDirectories(Path.of(dirName));
        robot.interact(() -> shell.select("cart-pole"));
        CartPoleViewModel m = model();

        robot.interact(() -> m.setAgent(AgentKind.KEYBOARD));
        robot.interact(() -> m.keyPressed(1));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        robot.interact(() -> m.keyReleased(1));
        robot.interact(() -> m.keyPressed(-1));
        WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        shot(dir, "1-keyboard-balance");
        robot.interact(() -> m.keyReleased(-1));
        WaitForAsyncUtils.sleep(3000, TimeUnit.MILLISECONDS);
        shot(dir, "2-keyboard-balance-later");

        robot.interact(() -> m.setSystem(CartSystem.SWING_UP));
        for (int k = 0; k < 4; k++) {
            int push = k % 2 == 0 ? 1 : -1;
            robot.interact(() -> m.keyPressed(push));
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
            robot.interact(() -> m.keyReleased(push));
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        }
        robot.interact(() -> m.keyPressed(1));
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        shot(dir, "3-keyboard-swingup");
        robot.interact(() -> m.keyReleased(1));
        WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
        shot(dir, "3b-keyboard-swingup-later");

        robot.interact(() -> {
            m.setSystem(CartSystem.BALANCE);
            m.setAgent(AgentKind.RANDOM);
            m.speedProperty().set(2.5);
            m.setPlaying(true);
        });
        WaitForAsyncUtils.sleep(3000, TimeUnit.MILLISECONDS);
        shot(dir, "4-random-balance");
        robot.interact(() -> {
            m.openReplay(0, 3);
            m.scrubTo(5);
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        shot(dir, "5-replay");

        robot.interact(() -> {
            m.setAgent(AgentKind.DYNA_Q);
            m.setModel(BoxModelKind.LAST_OUTCOME);
            m.speedProperty().set(CartPoleViewModel.SPEED_MAX_POSITION);
            m.setPlaying(true);
        });
        WaitForAsyncUtils.sleep(5000, TimeUnit.MILLISECONDS);
        robot.interact(() -> m.setPlaying(false));
        shot(dir, "6-dyna-last-outcome");
        robot.interact(() -> {
            shell.fontScaleProperty().set(1.5);
            shell.view().getStyleClass().add("high-contrast");
            shell.currentLab().highContrast().accept(true);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        shot(dir, "7-dyna-high-contrast-1.5");
        robot.interact(() -> {
            m.setAgent(AgentKind.KEYBOARD);
            m.keyPressed(1);
        });
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        shot(dir, "8-keyboard-high-contrast-1.5");
        robot.interact(() -> m.keyReleased(1));
    }
}
