package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.shell.ClassroomSettings;
import mbrllab.app.shell.ClassroomSettings.WindowBounds;

/** The window goes back where it was, if that is still on a screen, and is saved where the user left it. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D PROJECTOR = new Rectangle2D(1920, 0, 1024, 768);

    @Start
    void start(Stage stage) {
        // the toolkit only; the test makes its own stage
    }

    @Test
    void aSavedPlaceStillOnAScreenComesBackAndOneOffEveryScreenDoesNot() {
        WindowBounds onLaptop = new WindowBounds(200, 100, 1280, 800, false);
        assertEquals(Optional.of(onLaptop), WindowMemory.restorable(onLaptop, List.of(LAPTOP, PROJECTOR)));
        WindowBounds onProjector = new WindowBounds(1940, 20, 1000, 700, true);
        assertEquals(Optional.of(onProjector), WindowMemory.restorable(onProjector, List.of(LAPTOP, PROJECTOR)));
        // the projector unplugged since: the window opens as on a first start
        assertEquals(Optional.empty(), WindowMemory.restorable(onProjector, List.of(LAPTOP)));
        // larger than the screen it is on: made to fit and moved onto it
        WindowBounds large = new WindowBounds(1930, 10, 1280, 800, false);
        assertEquals(Optional.of(new WindowBounds(1920, 0, 1024, 768, false)),
                WindowMemory.restorable(large, List.of(LAPTOP, PROJECTOR)));
        // its top edge grabbable on the laptop but its right part off it: moved left
        WindowBounds overhanging = new WindowBounds(1700, 300, 1280, 800, false);
        assertEquals(Optional.of(new WindowBounds(640, 250, 1280, 800, false)),
                WindowMemory.restorable(overhanging, List.of(LAPTOP)));
        // its top edge above the screen: not grabbable, not put back
        assertEquals(Optional.empty(), WindowMemory.restorable(new WindowBounds(100, -200, 1280, 800, false),
                List.of(LAPTOP)));
    }

    @Test
    void theSettingsKeepAWindowAndRefuseWhatIsNotOne() {
        ClassroomSettings settings = ClassroomSettings.inMemory();
        assertEquals(Optional.empty(), settings.window(), "nothing saved yet");
        settings.setWindow(new WindowBounds(12.5, 30, 1100, 700, true));
        assertEquals(Optional.of(new WindowBounds(12.5, 30, 1100, 700, true)), settings.window());
        settings.node().putDouble("windowWidth", 10);
        assertEquals(Optional.empty(), settings.window(), "a width under the window's minimum");
        settings.node().put("windowWidth", "wide");
        assertEquals(Optional.empty(), settings.window(), "a width that is no number");
        assertThrows(IllegalArgumentException.class, () -> new WindowBounds(Double.NaN, 0, 800, 600, false));
    }

    @Test
    void closingSavesThePlaceAndSizeTheWindowHadAndWhetherItWasMaximised() throws Exception {
        ClassroomSettings settings = ClassroomSettings.inMemory();
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 800, 600));
            s.setX(40);
            s.setY(50);
            s.show();
            WindowMemory.remember(s, settings);
            s.setX(70);
            s.setY(80);
            s.setWidth(900);
            s.setHeight(650);
            return s;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
        WindowBounds saved = settings.window().orElseThrow();
        assertEquals(new WindowBounds(70, 80, 900, 650, false), saved);

        // maximised: the flag, and the place it returns to (the one before)
        Stage again = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(), 800, 600));
            WindowMemory.apply(s, saved);
            s.show();
            WindowMemory.remember(s, settings);
            s.setMaximized(true);
            return s;
        }).get(10, TimeUnit.SECONDS);
        assertTrue(again.isMaximized());
        WaitForAsyncUtils.asyncFx(again::close).get(10, TimeUnit.SECONDS);
        assertEquals(new WindowBounds(70, 80, 900, 650, true), settings.window().orElseThrow());
    }
}
