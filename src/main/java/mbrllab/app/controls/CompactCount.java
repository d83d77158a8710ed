package mbrllab.app.controls;

import java.util.Locale;

/**
 * Counts in a few characters for the narrowest form of a pane's header: "99,999" as it is, then three significant
 * digits with k, M or B ("414k", "6.59M", "4.56B"). After minutes at full speed the Dyna-maze's n = 50 pane counts
 * billions of updates, and "4,564,093,632 upd." wrapped where its neighbours did not.
 */
public final class CompactCount {

    private CompactCount() {
    }

    /** {@code n} grouped in thousands below 100,000, else in three significant digits with k, M or B. */
    public static String of(long n) {
        if (Math.abs(n) < 100_000) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        String[] units = {"k", "M", "B", "T"};
        double value = n / 1_000.0;
        int unit = 0;
        // the unit after rounding to three significant digits: 999,999 is "1.00M", not "1000k"
        while (unit < units.length - 1 && Math.abs(roundToThreeDigits(value)) >= 1_000) {
            value /= 1_000;
            unit++;
        }
        double v = roundToThreeDigits(value);
        double a = Math.abs(v);
        String digits = a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : a >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + units[unit];
    }

    private static double roundToThreeDigits(double v) {
        double a = Math.abs(v);
        double scale = a >= 100 ? 1 : a >= 10 ? 10 : 100;
        return Math.round(v * scale) / scale;
    }
}
