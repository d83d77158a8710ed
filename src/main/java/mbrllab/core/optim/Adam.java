package mbrllab.core.optim;

/**
 * The Adam update (Kingma and Ba, 2015) on a flat parameter array:
 * <pre>
 * t &lt;- t + 1
 * m &lt;- beta1 m + (1 - beta1) g
 * v &lt;- beta2 v + (1 - beta2) g^2
 * theta &lt;- theta - learningRate * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon)
 * </pre>
 * elementwise. Holds the moment estimates m and v of one parameter vector; not thread-safe.
 */
public final class Adam {

    /**
     * @param learningRate step size, in (0, 1]
     * @param beta1        decay of the first moment, in [0, 1)
     * @param beta2        decay of the second moment, in [0, 1)
     * @param epsilon      added to the root of the second moment, > 0
     */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon) {
        public Settings {
            if (!(learningRate > 0 && learningRate <= 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1], got " + learningRate);
            }
            if (!(beta1 >= 0 && beta1 < 1)) {
                throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
            }
            if (!(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
            }
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
            }
        }

        /** The paper's defaults with the given learning rate: beta1 0.9, beta2 0.999, epsilon 1e-8. */
        public static Settings withLearningRate(double learningRate) {
            return new Settings(learningRate, 0.9, 0.999, 1e-8);
        }
    }

    private final Settings settings;
    private final double[] m;
    private final double[] v;
    private long t;
    private double beta1Power = 1;
    private double beta2Power = 1;

    /** Moments for a parameter vector of {@code size} entries, all zero. */
    public Adam(int size, Settings settings) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        this.settings = settings;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Steps taken so far. */
    public long steps() {
        return t;
    }

    /**
     * One Adam step.
     *
     * @param theta    parameters, length size; modified
     * @param gradient the gradient of the loss at theta, length size; not modified
     */
    public void step(double[] theta, double[] gradient) {
        if (theta.length != m.length || gradient.length != m.length) {
            throw new IllegalArgumentException("theta and gradient must have length " + m.length);
        }
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        t++;
        beta1Power *= b1;
        beta2Power *= b2;
        double stepSize = settings.learningRate() / (1 - beta1Power);
        double vScale = 1.0 / (1 - beta2Power);
        double eps = settings.epsilon();
        double[] mm = m;
        double[] vv = v;
        for (int i = 0; i < mm.length; i++) {
            double g = gradient[i];
            double mi = b1 * mm[i] + (1 - b1) * g;
            double vi = b2 * vv[i] + (1 - b2) * g * g;
            mm[i] = mi;
            vv[i] = vi;
            theta[i] -= stepSize * mi / (Math.sqrt(vi * vScale) + eps);
        }
    }
}
