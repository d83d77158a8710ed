package mbrllab.core.models;

/** Target functions of the 1-D playground, on the input range of {@link PlaygroundData}. */
public enum TargetFunction {
    /** f(x) = sin(2x): smooth, the GP's home ground. */
    SINE("sin(2x)"),
    /** f(x) = -1 for x &lt; 0, +1 from 0 on: a jump no stationary smooth kernel likes. */
    STEP("step: -1 below 0, +1 from 0"),
    /** f(x) = 0.1 x^3 - 0.5 x: grows without bound, so extrapolation shows. */
    CUBIC("0.1 x^3 - 0.5 x");

    private final String formula;

    TargetFunction(String formula) {
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
}
