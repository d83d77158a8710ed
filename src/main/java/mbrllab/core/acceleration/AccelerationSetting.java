package mbrllab.core.acceleration;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import mbrllab.core.Keyed;

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
 * @param push      the push of each rollout's first step: by the rollout epsilon, the one the real transition took, or
 *                  the other one ({@link FirstPush}); {@link FirstPush#EPSILON} for real-only
 */
public record AccelerationSetting(ModelChoice model, int n, int k, double realRatio, double noise, FirstPush push) {

    /** Largest n. */
    public static final int MAX_N = 1000;
    /** Largest k. */
    public static final int MAX_K = 500;
    /** Largest noise. */
    public static final double MAX_NOISE = 1.0;

    public AccelerationSetting {
        // -0.0 is 0.0 here: a record's equals tells them apart ("noise=-0" made a pane 3 that ran as pane 2)
        realRatio += 0.0;
        noise += 0.0;
        if (model == null || push == null) {
            throw new IllegalArgumentException("model and push must not be null");
        }
        if (model == ModelChoice.NONE) {
            if (n != 0 || k != 0 || realRatio != 1 || noise != 0 || push != FirstPush.EPSILON) {
                throw new IllegalArgumentException("a real-only setting has n = 0, k = 0, realRatio = 1, noise = 0 "
                        + "and push epsilon, got n = " + n + ", k = " + k + ", realRatio = " + realRatio
                        + ", noise = " + noise + ", push " + push.key());
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
        return new AccelerationSetting(ModelChoice.NONE, 0, 0, 1, 0, FirstPush.EPSILON);
    }

    /** DQN with model data. */
    public static AccelerationSetting withModel(ModelChoice model, int n, int k, double realRatio) {
        return new AccelerationSetting(model, n, k, realRatio, 0, FirstPush.EPSILON);
    }

    /** DQN with data from the true physics plus Gaussian noise of {@code noise} times each component's scale. */
    public static AccelerationSetting noisyTrue(int n, int k, double realRatio, double noise) {
        return new AccelerationSetting(ModelChoice.TRUE, n, k, realRatio, noise, FirstPush.EPSILON);
    }

    /** This setting with the push of each rollout's first step changed; a setting with a model. */
    public AccelerationSetting withPush(FirstPush newPush) {
        return new AccelerationSetting(model, n, k, realRatio, noise, newPush);
    }

    /**
     * Parses one setting of the {@code accelerate --settings} syntax: {@code real}, or {@code KIND[:n=N][:k=K]
     * [:ratio=R][:push=P]} with KIND model (the learned ensemble), single or true, P epsilon, dataset or other
     * ({@link FirstPush}), and for true also {@code [:noise=S]}; the
     * options in any order, each at most once; n 10, k 1 and the ratio {@code defaultRatio} when not given. The
     * command line and the lab's third pane both read settings with it.
     *
     * @param item         the setting's text; surrounding white space is ignored
     * @param defaultRatio the real-data ratio of a setting that gives none, in [0, 1]
     * @throws IllegalArgumentException a one-line message that quotes the setting and says what is wrong, e.g.
     *                                  {@code 'model:n=0': n must be in 1..1000, got 0}
     */
    public static AccelerationSetting parse(String item, double defaultRatio) {
        return parse(item, defaultRatio, MAX_N, MAX_K);
    }

    /**
     * {@link #parse(String, double)} with n and k limited to narrower ranges (a front end's own, such as the lab's
     * sliders'); the message names those ranges.
     *
     * @param maxN largest n, in [1, {@value #MAX_N}]
     * @param maxK largest k, in [1, {@value #MAX_K}]
     */
    public static AccelerationSetting parse(String item, double defaultRatio, int maxN, int maxK) {
        if (maxN < 1 || maxN > MAX_N || maxK < 1 || maxK > MAX_K) {
            throw new IllegalArgumentException("maxN must be in [1, " + MAX_N + "] and maxK in [1, " + MAX_K
                    + "], got " + maxN + " and " + maxK);
        }
        String t = item.strip();
        String[] parts = t.split(":", -1);
        ModelChoice kind = ModelChoice.ofKey(parts[0]);
        if (kind == null) {
            throw new IllegalArgumentException("'" + t + "': unknown setting '" + parts[0]
                    + "'; expected real, model, single or true");
        }
        if (kind == ModelChoice.NONE) {
            if (parts.length > 1) {
                throw new IllegalArgumentException("'" + t + "': real takes no options (n, k, ratio, push and noise "
                        + "are for settings with a model)");
            }
            return realOnly();
        }
        int n = 10;
        int k = 1;
        double ratio = defaultRatio;
        double noise = 0;
        FirstPush push = FirstPush.EPSILON;
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + t + "': write " + part + "=VALUE");
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            if (!keys.add(key)) {
                throw new IllegalArgumentException("'" + t + "' gives " + key + " twice");
            }
            try {
                switch (key) {
                    case "n" -> n = Integer.parseInt(value);
                    case "k" -> k = Integer.parseInt(value);
                    case "ratio" -> ratio = Double.parseDouble(value);
                    case "noise" -> noise = Double.parseDouble(value);
                    case "push" -> push = pushOf(t, value);
                    default -> throw new IllegalArgumentException("'" + t + "': unknown option '" + part
                            + "'; expected n=N, k=K, ratio=R, push=P or (true only) noise=S");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + t + "': " + key + " needs a number, got '" + value + "'");
            }
        }
        if (n < 1 || n > maxN) {
            throw new IllegalArgumentException("'" + t + "': n must be in 1.." + maxN + ", got " + n);
        }
        if (k < 1 || k > maxK) {
            throw new IllegalArgumentException("'" + t + "': k must be in 1.." + maxK + ", got " + k);
        }
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("'" + t + "': ratio must be in 0..1, got " + ratio);
        }
        if (keys.contains("noise") && kind != ModelChoice.TRUE) {
            throw new IllegalArgumentException("'" + t + "': noise is for the true physics only (true:...:noise=S)");
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("'" + t + "': noise must be in 0..1, got " + noise);
        }
        return new AccelerationSetting(kind, n, k, ratio, noise, push);
    }

    private static FirstPush pushOf(String setting, String value) {
        try {
            return Keyed.fromKey(FirstPush.class, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + setting + "': push must be "
                    + Keyed.alternatives(FirstPush.class, "") + ", got '" + value + "'");
        }
    }

    /**
     * The column name of a setting as typed: its text with ':' and '=' dropped and the parts joined by '_'
     * ({@code model:n=10:k=1} gives {@code model_n10_k1}, {@code single:k=5} gives {@code single_k5}).
     */
    public static String nameOf(String item) {
        return item.strip().replace("=", "").replace(':', '_');
    }

    /** Whether this setting uses model data. */
    public boolean usesModel() {
        return model != ModelChoice.NONE;
    }

    /**
     * The name for files and columns: the setting's text with ':' and '=' dropped, parts joined by '_':
     * {@code real}, {@code model_n10_k1}, {@code true_n10_k1}, {@code _ratio0.25} when the ratio differs from
     * {@code defaultRatio}, {@code _noise0.1} with noise and {@code _pushdataset} or {@code _pushother} with such a
     * first push.
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
        if (noise != 0) {
            text += ":noise=" + number(noise);
        }
        return push == FirstPush.EPSILON ? text : text + ":push=" + push.key();
    }

    /**
     * A legend label, e.g. "learned ensemble, n = 10, k = 1", "true physics + noise 0.1, n = 10, k = 1" or, with a
     * ratio other than {@link AccelerationParams#DEFAULT_REAL_RATIO}, "learned ensemble, n = 10, k = 1, ratio 0.25";
     * then ", first push as in the data" or ", first push the other one" with such a first push.
     */
    public String label() {
        if (!usesModel()) {
            return model.label();
        }
        String source = noise == 0 ? model.label() : model.label() + " + noise " + number(noise);
        String label = String.format(Locale.ROOT, "%s, n = %d, k = %d", source, n, k);
        if (realRatio != AccelerationParams.DEFAULT_REAL_RATIO) {
            label += ", ratio " + number(realRatio);
        }
        return push == FirstPush.EPSILON ? label : label + ", " + push.label();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
