package mbrllab.charts;

import java.awt.Color;

/**
 * Colours shared by charts and views. Categorical colours are the Okabe-Ito palette (safe for the common
 * forms of colour blindness, Okabe and Ito 2008); values use a diverging blue-white-orange map, or viridis.
 */
public final class Palette {

    /** Okabe-Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. */
    private static final Color[] CATEGORICAL = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9),
        new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x00, 0x00),
    };

    /**
     * The same colours lightened for a black background (the high-contrast theme): each at least 7:1 against black,
     * so that they serve as text colours there too.
     */
    private static final Color[] ON_BLACK = {
        new Color(0x56, 0xB4, 0xE9), new Color(0xFF, 0x8C, 0x42), new Color(0x2E, 0xD6, 0xA0),
        new Color(0xE6, 0x9F, 0x00), new Color(0xE6, 0xA8, 0xCC), new Color(0x9A, 0xD3, 0xF5),
        new Color(0xF0, 0xE4, 0x42), Color.WHITE,
    };

    /** Viridis at nine evenly spaced points, from t = 0 (light) to t = 1 (dark). */
    private static final Color[] VIRIDIS = {
        new Color(0xfde725), new Color(0xaddc30), new Color(0x5ec962), new Color(0x28ae80), new Color(0x21918c),
        new Color(0x2c728e), new Color(0x3b528b), new Color(0x472d7b), new Color(0x440154),
    };

    /** How many categorical colours there are before they repeat. */
    public static final int CATEGORICAL_COUNT = CATEGORICAL.length;

    private Palette() {
    }

    /**
     * Viridis reversed at {@code t} in [0, 1] (clamped), light yellow at 0 through green and blue to dark purple at 1:
     * perceptually uniform and readable with the common colour-vision deficiencies.
     */
    public static Color viridis(double t) {
        return along(VIRIDIS, t);
    }

    /**
     * The colour at {@code t} in [0, 1] (clamped) of a map given by evenly spaced stops, linear in RGB between
     * neighbouring stops.
     */
    public static Color along(Color[] stops, double t) {
        double pos = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= stops.length - 1) {
            return stops[stops.length - 1];
        }
        double f = pos - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** The i-th categorical colour of a theme: {@link #categorical(int)}, or its variant for a black background. */
    public static Color categorical(int i, boolean onBlack) {
        return onBlack ? ON_BLACK[Math.floorMod(i, ON_BLACK.length)] : categorical(i);
    }

    /**
     * The index of a categorical colour of either theme with the same red, green and blue (alpha ignored), or -1.
     */
    public static int categoricalIndex(Color c) {
        for (int i = 0; i < CATEGORICAL.length; i++) {
            if (sameRgb(c, CATEGORICAL[i]) || sameRgb(c, ON_BLACK[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameRgb(Color a, Color b) {
        return (a.getRGB() & 0xFFFFFF) == (b.getRGB() & 0xFFFFFF);
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

    /** The i-th categorical colour of a theme as a CSS hex string. */
    public static String categoricalHex(int i, boolean onBlack) {
        Color c = categorical(i, onBlack);
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
