package mbrllab.app.maze;

import java.awt.Color;

import mbrllab.charts.Palette;

/**
 * A diverging colour map for values: purple for negative, near-white for 0, orange for positive
 * (ColorBrewer's PuOr, designed to stay readable with the common colour-vision deficiencies; lightness
 * changes monotonically from the centre out). Values are scaled by a symmetric limit m: -m and +m get
 * the end colours.
 */
public final class DivergingScale {

    /** PuOr, 11 classes, from most negative to most positive. */
    private static final Color[] STOPS = {
        new Color(0x2d004b), new Color(0x542788), new Color(0x8073ac), new Color(0xb2abd2), new Color(0xd8daeb),
        new Color(0xf7f7f7),
        new Color(0xfee0b6), new Color(0xfdb863), new Color(0xe08214), new Color(0xb35806), new Color(0x7f3b08),
    };

    private DivergingScale() {
    }

    /** The colour of {@code value} on the scale [-limit, limit] (clamped). */
    public static Color color(double value, double limit) {
        double t = limit > 0 ? value / limit : 0;
        if (Double.isNaN(t)) {
            t = 0;
        }
        t = Math.max(-1, Math.min(1, t));
        return Palette.along(STOPS, (t + 1) / 2);
    }

    /**
     * A round limit at or above {@code maxAbs} (1, 2 or 5 times a power of ten), so that the legend reads
     * well and does not jitter as values grow; at least 1e-3.
     */
    public static double niceLimit(double maxAbs) {
        if (!(maxAbs > 1e-3)) {
            return 1e-3;
        }
        double power = Math.pow(10, Math.floor(Math.log10(maxAbs)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= maxAbs * (1 - 1e-12)) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
