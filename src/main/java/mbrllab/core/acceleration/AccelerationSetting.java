package mbrllab.core.acceleration;

import java.util.Locale;

/**
 * One learner to compare: real-only DQN, or DQN with model data (the lecture's Dyna-style recipe): after each real
 * step, {@code n} model rollouts of {@code k} steps from states drawn out of the real buffer, their transitions
 * written into a model buffer; each Q update's minibatch then takes the fraction {@code realRatio} from the real
 * buffer and the rest from the model buffer.
 *
 * @param model     where the model data comes from; {@link ModelChoice#NONE} for real-only
 * @param n         rollouts per real step, in [1, 1000] (0 for real-only)
 * @param k         steps per rollout, in [1, 500] (0 for real-only)
 * @param realRatio fraction of each minibatch drawn from the real buffer, in [0, 1] (1 for real-only)
 * @param noise     the true physics only: Gaussian noise added to every model step, its standard deviation this
 *                  fraction of each component's scale (2.4 m, 2 m/s, 0.21 rad, 2 rad/s; the scales of the model
 *                  error), in [0, {@value #MAX_NOISE}]; a model with a known one-step error, to ask how good a model
 *                  must be. 0 for every other setting
 */
public record AccelerationSetting(ModelChoice model, int n, int k, double realRatio, double noise) {

    /** Largest n. */
    public static final int MAX_N = 1000;
    /** Largest k. */
    public static final int MAX_K = 500;
    /** Largest noise. */
    public static final double MAX_NOISE = 1.0;

    public AccelerationSetting {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        if (model == ModelChoice.NONE) {
            if (n != 0 || k != 0 || realRatio != 1 || noise != 0) {
                throw new IllegalArgumentException("a real-only setting has n = 0, k = 0, realRatio = 1 and noise = 0, "
                        + "got n = " + n + ", k = " + k + ", realRatio = " + realRatio + ", noise = " + noise);
            }
        } else {
            if (n < 1 || n > MAX_N) {
                throw new IllegalArgumentException("n must be in [1, " + MAX_N + "], got " + n);
            }
            if (k < 1 || k > MAX_K) {
                throw new IllegalArgumentException("k must be in [1, " + MAX_K + "], got " + k);
            }
            if (!(realRatio >= 0 && realRatio <= 1)) {
                throw new IllegalArgumentException("realRatio must be in [0, 1], got " + realRatio);
            }
            if (!(noise >= 0 && noise <= MAX_NOISE)) {
                throw new IllegalArgumentException("noise must be in [0, " + MAX_NOISE + "], got " + noise);
            }
            if (noise != 0 && model != ModelChoice.TRUE) {
                throw new IllegalArgumentException("noise is for the true physics only, got it with " + model.key());
            }
        }
    }

    /** Real-only DQN. */
    public static AccelerationSetting realOnly() {
        return new AccelerationSetting(ModelChoice.NONE, 0, 0, 1, 0);
    }

    /** DQN with model data. */
    public static AccelerationSetting withModel(ModelChoice model, int n, int k, double realRatio) {
        return new AccelerationSetting(model, n, k, realRatio, 0);
    }

    /** DQN with data from the true physics plus Gaussian noise of {@code noise} times each component's scale. */
    public static AccelerationSetting noisyTrue(int n, int k, double realRatio, double noise) {
        return new AccelerationSetting(ModelChoice.TRUE, n, k, realRatio, noise);
    }

    /** Whether this setting uses model data. */
    public boolean usesModel() {
        return model != ModelChoice.NONE;
    }

    /**
     * The name for files and columns: the setting's text with ':' and '=' dropped, parts joined by '_':
     * {@code real}, {@code model_n10_k1}, {@code true_n10_k1}, {@code _ratio0.25} when the ratio differs from
     * {@code defaultRatio} and {@code _noise0.1} with noise.
     */
    public String name(double defaultRatio) {
        return text(defaultRatio).replace("=", "").replace(':', '_');
    }

    /** The setting's text in the command's syntax, e.g. {@code model:n=10:k=1}. */
    public String text(double defaultRatio) {
        if (!usesModel()) {
            return "real";
        }
        String text = model.key() + ":n=" + n + ":k=" + k;
        if (realRatio != defaultRatio) {
            text += ":ratio=" + number(realRatio);
        }
        return noise == 0 ? text : text + ":noise=" + number(noise);
    }

    /** A legend label, e.g. "learned ensemble, n = 10, k = 1" or "true physics + noise 0.1, n = 10, k = 1". */
    public String label() {
        if (!usesModel()) {
            return model.label();
        }
        String source = noise == 0 ? model.label() : model.label() + " + noise " + number(noise);
        return String.format(Locale.ROOT, "%s, n = %d, k = %d", source, n, k);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
