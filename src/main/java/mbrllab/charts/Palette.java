package mbrllab.charts;

import java.awt.Color;

/**
 * Colours shared by charts and views. Categorical colours are the Okabe-Ito palette (safe for the common
 * forms of colour blindness, Okabe and Ito 2008); values use a diverging blue-white-orange map.
 */
public final class Palette {

    /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    private static final Color[] CATEGORICAL = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9),
        new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00),
    };

    private Palette() {
    }

    /** The i-th categorical colour (cycling after eight). */
    public static Color categorical(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }

    /** The i-th categorical colour as a CSS hex string, e.g. "#0072B2". */
    public static String categoricalHex(int i) {
        Color c = categorical(i);
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
