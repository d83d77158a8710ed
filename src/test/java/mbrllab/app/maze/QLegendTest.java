package mbrllab.app.maze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Q legend's tick numbers read as decimals down to 0.0001. */
class QLegendTest {

    @Test
    void ticksAreDecimalsDownToATenThousandth() {
        assertEquals("0", QLegend.format(0));
        assertEquals("1.00", QLegend.format(1));
        assertEquals("-0.50", QLegend.format(-0.5));
        assertEquals("0.025", QLegend.format(0.025));
        assertEquals("0.001", QLegend.format(0.001));
        assertEquals("-0.0005", QLegend.format(-0.0005)); // was "-5e-04" on a maze with every Q at 0
        assertEquals("5e-05", QLegend.format(0.00005));
    }
}
