package mbrllab.app.maze;

import java.awt.Color;

import mbrllab.charts.Palette;

/**
 * A sequential colour map for non-negative values such as tau (real steps since a pair was last tried): viridis
 * reversed, light yellow for 0 through green and blue to dark purple at the limit. Viridis is perceptually uniform
 * and readable with the common colour-vision deficiencies. Values are placed on the scale by their square root,
 * t = sqrt(v / limit), since Dyna-Q+'s bonus grows as kappa sqrt(tau): equal colour steps are equal bonus steps.
 */
public final class SequentialScale {

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

    /** The colour at bar position {@code t} in [0, 1] ({@link Palette#viridis}). */
    public static Color colorAt(double t) {
        return Palette.viridis(t);
    }
}
