package mbrllab.core.models;

import mbrllab.core.Keyed;

/** How the playground's target noise depends on x. */
public enum NoiseKind implements Keyed {
    /** The same standard deviation everywhere: sigma(x) = level. */
    HOMOSCEDASTIC("homoscedastic"),
    /**
     * Growing from left to right: sigma(x) = level (0.1 + 1.9 u), u = (x - X_MIN) / (X_MAX - X_MIN), from 0.1
     * level at the left end to 2 level at the right.
     */
    HETEROSCEDASTIC("heteroscedastic");

    private final String key;

    NoiseKind(String key) {
        this.key = key;
    }

    /** The stable key of sessions: "homoscedastic" or "heteroscedastic". */
    @Override
    public String key() {
        return key;
    }

    /**
     * The noise kind with this key (case ignored).
     *
     * @throws IllegalArgumentException listing the keys when there is none
     */
    public static NoiseKind fromKey(String key) {
        return Keyed.fromKey(NoiseKind.class, key);
    }
}
