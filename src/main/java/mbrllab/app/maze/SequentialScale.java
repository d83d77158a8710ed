package mbrllab.app.maze;

import java.awt.Color;

/**
 * A sequential colour map for non-negative values such as tau (real steps since a pair was last tried): viridis
 * reversed, light yellow for 0 through green and blue to dark purple at the limit. Viridis is perceptually uniform
 * and readable with the common colour-vision deficiencies. Values are placed on the scale by their square root,
 * t = sqrt(v / limit), since Dyna-Q+'s bonus grows as kappa sqrt(tau): equal colour steps are equal bonus steps.
 */
public final class SequentialScale {

    /** Viridis at nine evenly spaced points, from t = 0 (light) to t = 1 (dark). */
    private static final Color[] STOPS = {
        new Color(0xfde725), new Color(0xaddc30), new Color(0x5ec962), new Color(0x28ae80), new Color(0x21918c),
        new Color(0x2c728e), new Color(0x3b528b), new Color(0x472d7b), new Color(0x440154),
    };

    private SequentialScale() {
    }

    /** The colour of {@code value} on the scale [0, limit] (square-root placement, clamped). */
    public static Color color(double value, double limit) {
        return colorAt(position(value, limit));
    }

    /** Where {@code value} sits on the bar, in [0, 1]: sqrt(value / limit), clamped. */
    public static double position(double value, double limit) {
        if (!(limit > 0) || !(value > 0)) {
            return 0;
        }
        return Math.min(1, Math.sqrt(value / limit));
    }

    /** The value at bar position {@code t} in [0, 1]: limit t^2. */
    public static double valueAt(double t, double limit) {
        return limit * t * t;
    }

    /** The colour at bar position {@code t} in [0, 1]. */
    public static Color colorAt(double t) {
        double pos = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = (int) Math.floor(pos);
        if (i >= STOPS.length - 1) {
            return STOPS[STOPS.length - 1];
        }
        double f = pos - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
