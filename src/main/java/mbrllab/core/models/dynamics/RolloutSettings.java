package mbrllab.core.models.dynamics;

/**
 * Settings of a multi-step prediction.
 *
 * @param particles      particles per prediction for TS1 and TS-infinity (PETS uses 20), in [1, 100,000]; not
 *                       used by moment matching
 * @param aleatoricNoise whether each step adds the model's aleatoric noise: particles draw it (N(0, sigma^2) of
 *                       the member, or N(0, sigma_n^2) of the GP) and moment matching adds sigma_n^2 to the
 *                       state covariance; without it only the epistemic uncertainty is propagated
 */
public record RolloutSettings(int particles, boolean aleatoricNoise) {

    public RolloutSettings {
        if (particles < 1 || particles > 100_000) {
            throw new IllegalArgumentException("particles must be in [1, 100000], got " + particles);
        }
    }

    /** 50 particles, with aleatoric noise. */
    public static RolloutSettings defaults() {
        return new RolloutSettings(50, true);
    }
}
