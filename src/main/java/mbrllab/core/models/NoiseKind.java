package mbrllab.core.models;

/** How the playground's target noise depends on x. */
public enum NoiseKind {
    /** The same standard deviation everywhere: sigma(x) = level. */
    HOMOSCEDASTIC,
    /**
     * Growing from left to right: sigma(x) = level (0.1 + 1.9 u), u = (x - X_MIN) / (X_MAX - X_MIN), from 0.1
     * level at the left end to 2 level at the right.
     */
    HETEROSCEDASTIC
}
