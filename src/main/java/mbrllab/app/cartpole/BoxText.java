package mbrllab.app.cartpole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import mbrllab.core.cartpole.BoxModel;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.Boxes;

/** Short texts about BOXES for the Dyna-Q panes: a box's intervals and the model's entry of a (box, push). */
final class BoxText {

    /** Outcomes listed per push; the rest are counted. */
    static final int SHOWN = 3;

    private static final String[] X = {"x < -0.8", "-0.8 ≤ x < 0.8", "x ≥ 0.8"};
    private static final String[] X_DOT = {"x' < -0.5", "-0.5 ≤ x' < 0.5", "x' ≥ 0.5"};
    private static final String[] THETA = {"θ < -6°", "-6 ≤ θ < -1°", "-1 ≤ θ < 0°", "0 ≤ θ < 1°", "1 ≤ θ < 6°",
        "θ ≥ 6°"};
    private static final String[] THETA_DOT = {"θ' < -50°/s", "-50 ≤ θ' < 50°/s", "θ' ≥ 50°/s"};

    private BoxText() {
    }

    /** "box 85: -0.8 ≤ x < 0.8, x' < -0.5, 0 ≤ θ < 1°, θ' ≥ 50°/s" (x in m, x' in m/s). */
    static String describe(int box) {
        if (box == Boxes.FAILED) {
            return "failed";
        }
        return "box " + box + ": " + X[Boxes.xIndex(box)] + ", " + X_DOT[Boxes.xDotIndex(box)] + ", "
                + THETA[Boxes.thetaIndex(box)] + ", " + THETA_DOT[Boxes.thetaDotIndex(box)];
    }

    /** Three short lines: the box with Q of both pushes, and the model's entry of each push. */
    static String entry(Cart.BoxView v) {
        return String.format(Locale.ROOT, "box %d · Q left %.3f, right %.3f", v.box(), v.qLeft(), v.qRight()) + "\n"
                + push("left", v.visitsLeft(), v.left(), v.model()) + "\n"
                + push("right", v.visitsRight(), v.right(), v.model());
    }

    /**
     * The entry in forms from the longest to the shortest, three lines each, for a {@code HeaderLabel} that shows the
     * longest that fits its width: Q with three decimals and three outcomes per push, then two outcomes, then Q with
     * two decimals and one outcome, then the tries without the word ("left (814) → 94 ×12, +2").
     */
    static String[] entryForms(Cart.BoxView v) {
        return new String[] {
            entry(v),
            headline(v, 3, false) + "\n" + push("left", v.visitsLeft(), v.left(), v.model(), 2, false) + "\n"
                    + push("right", v.visitsRight(), v.right(), v.model(), 2, false),
            headline(v, 3, true) + "\n" + push("left", v.visitsLeft(), v.left(), v.model(), 1, false) + "\n"
                    + push("right", v.visitsRight(), v.right(), v.model(), 1, false),
            headline(v, 2, true) + "\n" + push("left", v.visitsLeft(), v.left(), v.model(), 1, true) + "\n"
                    + push("right", v.visitsRight(), v.right(), v.model(), 1, true)};
    }

    /**
     * The entry's first line alone, longest first ("box 67 · Q left -0.012, right -0.034", "box 67 · Q ← -0.012,
     * → -0.034", "box 67 · Q ← -0.01, → -0.03"): for panes short of height, where the model's entries are left to the
     * tooltip.
     */
    static String[] headlineForms(Cart.BoxView v) {
        return new String[] {headline(v, 3, false), headline(v, 3, true), headline(v, 2, true)};
    }

    /** "box 67 · Q left -0.012, right -0.034" with {@code decimals} decimals; {@code arrows}: ← and → for the words. */
    static String headline(Cart.BoxView v, int decimals, boolean arrows) {
        String q = "%." + decimals + "f";
        return String.format(Locale.ROOT, "box %d · Q " + (arrows ? "← " : "left ") + q + (arrows ? ", → " : ", right ")
                + q, v.box(), v.qLeft(), v.qRight());
    }

    /** The box's intervals, then the entry: for a tooltip. */
    static String details(Cart.BoxView v) {
        return describe(v.box()) + "\n" + entry(v);
    }

    /**
     * One push's entry: "left (20 tries) → 94 ×12, 85 ×6, failed ×2" for the sample model (most frequent first), or
     * "left (20 tries) → 94, the latest" for the last-outcome model; "left: never tried here".
     */
    static String push(String name, int visits, List<BoxModel.Outcome> outcomes, BoxModelKind kind) {
        return push(name, visits, outcomes, kind, SHOWN, false);
    }

    /**
     * One push's entry with at most {@code shown} outcomes; {@code terse}: the tries as a bare count, the rest as
     * "+2", the last outcome without "the" ("left (20) → 94, latest").
     */
    static String push(String name, int visits, List<BoxModel.Outcome> outcomes, BoxModelKind kind, int shown,
                       boolean terse) {
        if (visits == 0 || outcomes.isEmpty()) {
            return name + (terse ? ": never tried" : ": never tried here");
        }
        StringBuilder sb = new StringBuilder(name).append(" (").append(count(visits))
                .append(terse ? ") → " : visits == 1 ? " try) → " : " tries) → ");
        if (kind == BoxModelKind.LAST_OUTCOME) {
            return sb.append(next(outcomes.get(0).nextBox())).append(terse ? ", latest" : ", the latest").toString();
        }
        List<BoxModel.Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingInt(BoxModel.Outcome::count).reversed());
        for (int j = 0; j < Math.min(shown, sorted.size()); j++) {
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(next(sorted.get(j).nextBox())).append(" ×").append(count(sorted.get(j).count()));
        }
        if (sorted.size() > shown) {
            sb.append(terse ? ", +" + (sorted.size() - shown) : ", " + (sorted.size() - shown) + " more");
        }
        return sb.toString();
    }

    /** 999 as it is, then 8.8k, 12k, 1.2M. */
    static String count(long c) {
        if (c < 1_000) {
            return Long.toString(c);
        }
        if (c < 10_000) {
            return String.format(Locale.ROOT, "%.1fk", c / 1e3);
        }
        if (c < 1_000_000) {
            return (c / 1000) + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", c / 1e6);
    }

    private static String next(int box) {
        return box == Boxes.FAILED ? "failed" : Integer.toString(box);
    }
}
