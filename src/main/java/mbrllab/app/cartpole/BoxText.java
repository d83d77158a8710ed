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

    /** The box's intervals, then the entry: for a tooltip. */
    static String details(Cart.BoxView v) {
        return describe(v.box()) + "\n" + entry(v);
    }

    /**
     * One push's entry: "left (20 tries) → 94 ×12, 85 ×6, failed ×2" for the sample model (most frequent first), or
     * "left (20 tries) → 94, the latest" for the last-outcome model; "left: never tried here".
     */
    static String push(String name, int visits, List<BoxModel.Outcome> outcomes, BoxModelKind kind) {
        if (visits == 0 || outcomes.isEmpty()) {
            return name + ": never tried here";
        }
        StringBuilder sb = new StringBuilder(name).append(" (").append(count(visits))
                .append(visits == 1 ? " try) → " : " tries) → ");
        if (kind == BoxModelKind.LAST_OUTCOME) {
            return sb.append(next(outcomes.get(0).nextBox())).append(", the latest").toString();
        }
        List<BoxModel.Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparingInt(BoxModel.Outcome::count).reversed());
        for (int j = 0; j < Math.min(SHOWN, sorted.size()); j++) {
            if (j > 0) {
                sb.append(", ");
            }
            sb.append(next(sorted.get(j).nextBox())).append(" ×").append(count(sorted.get(j).count()));
        }
        if (sorted.size() > SHOWN) {
            sb.append(", ").append(sorted.size() - SHOWN).append(" more");
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
