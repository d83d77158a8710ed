package mbrllab.core.models;

import mbrllab.core.Keyed;

/** Target functions of the 1-D playground, on the input range of {@link PlaygroundData}. */
public enum TargetFunction implements Keyed {
    /** f(x) = sin(2x): smooth, the GP's home ground. */
    SINE("sine", "sin(2x)"),
    /** f(x) = -1 for x &lt; 0, +1 from 0 on: a jump no stationary smooth kernel likes. */
    STEP("step", "step: -1 below 0, +1 from 0"),
    /** f(x) = 0.1 x^3 - 0.5 x: grows without bound, so extrapolation shows. */
    CUBIC("cubic", "0.1 x^3 - 0.5 x");

    private final String key;
    private final String formula;

    TargetFunction(String key, String formula) {
        this.key = key;
        this.formula = formula;
    }

    /** f(x). */
    public double value(double x) {
        return switch (this) {
            case SINE -> Math.sin(2 * x);
            case STEP -> x < 0 ? -1 : 1;
            case CUBIC -> 0.1 * x * x * x - 0.5 * x;
        };
    }

    /** The formula, for labels. */
    public String formula() {
        return formula;
    }

    /** The stable key of sessions: "sine", "step" or "cubic". */
    @Override
    public String key() {
        return key;
    }

    /**
     * The function with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static TargetFunction fromKey(String key) {
        return Keyed.fromKey(TargetFunction.class, key);
    }
}
