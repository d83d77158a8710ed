package mbrllab.app.render;

import java.awt.Color;

import mbrllab.charts.Palette;

/**
 * The colours the app draws with outside the style sheet (charts, legends on canvases), for the normal and the
 * high-contrast theme. High contrast is black with white ink: text at least 7:1 against its background, lines, bands
 * and marks at least 3:1 (WCAG 2's ratios for enhanced text contrast and non-text contrast; ThemeContrastTest
 * computes them).
 *
 * @param highContrast the high-contrast theme
 * @param background   chart and picture background
 * @param ink          text, axis labels and tick labels
 * @param axis         axis lines, tick marks and the plot's outline
 * @param grid         grid lines
 * @param reference    reference lines and markers (the shortest path, the change of the maze)
 * @param bandAlpha    opacity of confidence bands over the background
 * @param note         background of notes drawn in a chart (annotations)
 */
public record Theme(boolean highContrast, Color background, Color ink, Color axis, Color grid, Color reference,
                    float bandAlpha, Color note) {

    /** The normal theme: white with dark ink. */
    public static final Theme NORMAL = new Theme(false, Color.WHITE, new Color(0x33, 0x33, 0x33),
            Color.GRAY, new Color(0xDD, 0xDD, 0xDD), new Color(0x44, 0x44, 0x44), 0.22f, new Color(0xEE, 0xEE, 0xEE));

    /** The high-contrast theme: black with white ink, light lines and opaque bands. */
    public static final Theme HIGH_CONTRAST = new Theme(true, Color.BLACK, Color.WHITE, new Color(0xDD, 0xDD, 0xDD),
            new Color(0x76, 0x76, 0x76), Color.WHITE, 0.6f, Color.BLACK);

    /** The theme on or off. */
    public static Theme of(boolean highContrast) {
        return highContrast ? HIGH_CONTRAST : NORMAL;
    }

    /** The i-th categorical colour (Okabe-Ito; lightened on black). */
    public Color categorical(int i) {
        return Palette.categorical(i, highContrast);
    }

    /** The i-th categorical colour as CSS hex. */
    public String categoricalHex(int i) {
        return Palette.categoricalHex(i, highContrast);
    }

    /** {@code c} at the opacity of a band, composited over the background (what the eye sees of a band). */
    public Color bandOver(Color c) {
        return over(c, bandAlpha, background);
    }

    /** {@code c} with opacity {@code alpha} composited over {@code under} in sRGB, as the renderers do. */
    public static Color over(Color c, double alpha, Color under) {
        return new Color(mix(c.getRed(), under.getRed(), alpha), mix(c.getGreen(), under.getGreen(), alpha),
                mix(c.getBlue(), under.getBlue(), alpha));
    }

    private static int mix(int top, int bottom, double alpha) {
        return (int) Math.round(alpha * top + (1 - alpha) * bottom);
    }

    /**
     * WCAG 2's contrast ratio of two opaque colours, (L1 + 0.05) / (L2 + 0.05) with L the relative luminance of the
     * lighter and the darker: 1 (same) to 21 (black on white).
     */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2's relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
