package mbrllab.app.render;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * With the pin installed, JavaFX never hands a text layout back out once it has been given back, so no two threads
 * share one (a layout handed back while another thread took it crashed the JVM in Pango). Without the pin, the shared
 * layout taken and given back is handed out again at once: this test fails on a JavaFX without the pin.
 */
@ExtendWith(ApplicationExtension.class)
class GlyphLayoutPinTest {

    @Start
    void start(Stage stage) {
        // The toolkit only.
    }

    @Test
    void aLayoutGivenBackIsNotHandedOutAgain() throws Exception {
        assertTrue(GlyphLayoutPin.install(), "JavaFX's shared text layout is held (JavaFX on the class path)");
        Class<?> c = Class.forName("com.sun.javafx.text.GlyphLayout");
        Method get = c.getMethod("getInstance");
        Method dispose = c.getMethod("dispose");
        for (int i = 0; i < 3; i++) {
            Object first = get.invoke(null);
            dispose.invoke(first);
            Object second = get.invoke(null);
            dispose.invoke(second);
            assertNotSame(first, second, "a layout given back came out again");
        }
    }
}
