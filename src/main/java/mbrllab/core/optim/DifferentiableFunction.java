package mbrllab.core.optim;

/**
 * A function f: R^n -> R with its gradient, for {@link Lbfgs}.
 */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Evaluates f and its gradient at {@code x}.
     *
     * @param x        the point, length n; not modified
     * @param gradient receives df/dx, length n; modified (its old contents are ignored)
     * @return f(x); {@code +Infinity} or NaN where f is undefined (the line search then steps back), in which
     *         case the gradient is ignored
     */
    double evaluate(double[] x, double[] gradient);
}
