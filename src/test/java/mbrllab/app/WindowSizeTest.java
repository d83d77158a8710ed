package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The window's first size: 1280 x 800 where the screen has room, the screen's usable area where it has not. */
class WindowSizeTest {

    @Test
    void aProjectorOf1024x768GetsAWindowThatFitsAndFillsIt() {
        // 1024 x 768 less a 30 px task bar
        assertArrayEquals(new double[] {1024, 738}, MbrlLabApp.windowSize(1024, 738));
        assertTrue(MbrlLabApp.fillsScreen(1024, 738));
        // a wide screen that is too short (1366 x 768 laptops)
        assertArrayEquals(new double[] {1280, 738}, MbrlLabApp.windowSize(1366, 738));
        assertTrue(MbrlLabApp.fillsScreen(1366, 738));
    }

    @Test
    void aLargeScreenGetsTheDefaultSize() {
        assertArrayEquals(new double[] {1280, 800}, MbrlLabApp.windowSize(1920, 1050));
        assertFalse(MbrlLabApp.fillsScreen(1920, 1050));
        assertArrayEquals(new double[] {1280, 800}, MbrlLabApp.windowSize(1280, 800));
        assertFalse(MbrlLabApp.fillsScreen(1280, 800));
    }
}
