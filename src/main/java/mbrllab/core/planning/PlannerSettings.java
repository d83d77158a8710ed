package mbrllab.core.planning;

import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.SwingUpTask;

/**
 * The settings of a model-predictive planner over action sequences u_1..u_H.
 *
 * <p>The cross-entropy method samples {@code population} sequences from N(mu, diag sigma^2) (clipped to the force
 * range; at the start of every control step mu is the previous plan shifted one step forward, with 0 appended,
 * and sigma = maxForce / 2), keeps the {@code elites} best by J, refits mu and sigma to them (mean and population
 * standard deviation per step) and smooths: mu &lt;- alpha mu + (1 - alpha) mu_elites, likewise sigma; after
 * {@code iterations} such rounds the plan is mu. Random shooting scores {@code population} sequences drawn
 * uniformly from the force range once and takes the best ({@code elites}, {@code iterations} and {@code alpha}
 * unused). Either way, J averages over {@code particles} particles propagated as {@code propagation} says.
 *
 * @param planner     CEM or random shooting
 * @param horizon     H, steps per sequence, in [1, 1000]
 * @param population  sequences scored per iteration, in [1, 100,000]
 * @param elites      CEM's elites K, in [1, population]
 * @param iterations  CEM's rounds, in [1, 1000]
 * @param alpha       CEM's smoothing, the weight of the old distribution, in [0, 1)
 * @param particles   N, in [1, 10,000]; exactly 1 with the deterministic mean propagation
 * @param propagation TS1, TS-infinity or the deterministic mean
 */
public record PlannerSettings(PlannerKind planner, int horizon, int population, int elites, int iterations,
                              double alpha, int particles, Propagation propagation) {

    /** CEM's smoothing alpha of PETS (Chua et al. 2018). */
    public static final double PETS_ALPHA = 0.1;

    public PlannerSettings {
        if (planner == null) {
            throw new IllegalArgumentException("planner must not be null");
        }
        if (propagation == null) {
            throw new IllegalArgumentException("propagation must not be null");
        }
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("horizon must be in [1, 1000], got " + horizon);
        }
        if (population < 1 || population > 100_000) {
            throw new IllegalArgumentException("population must be in [1, 100000], got " + population);
        }
        if (elites < 1 || elites > population) {
            throw new IllegalArgumentException("elites must be in [1, population = " + population + "], got " + elites);
        }
        if (iterations < 1 || iterations > 1000) {
            throw new IllegalArgumentException("iterations must be in [1, 1000], got " + iterations);
        }
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1), got " + alpha);
        }
        if (particles < 1 || particles > 10_000) {
            throw new IllegalArgumentException("particles must be in [1, 10000], got " + particles);
        }
        if (propagation == Propagation.MEAN && particles != 1) {
            throw new IllegalArgumentException("particles must be 1 with the deterministic mean propagation, got "
                    + particles);
        }
    }

    /** Swing-up: CEM, H 15, population 200, 20 elites, 5 iterations, alpha 0.1, 5 particles, TS-infinity. */
    public static PlannerSettings swingUp() {
        return new PlannerSettings(PlannerKind.CEM, 15, 200, 20, 5, PETS_ALPHA, 5, Propagation.TS_INF);
    }

    /**
     * Balance: CEM, H 50 (the +1 reward is myopic: a short horizon does not see the track's end coming),
     * population 100, 10 elites, 4 iterations, alpha 0.1, 5 particles, TS-infinity.
     */
    public static PlannerSettings balance() {
        return new PlannerSettings(PlannerKind.CEM, 50, 100, 10, 4, PETS_ALPHA, 5, Propagation.TS_INF);
    }

    /** The defaults of a task: {@link #swingUp()} or {@link #balance()}. */
    public static PlannerSettings defaults(CartPoleTask task) {
        if (task instanceof BalanceTask) {
            return balance();
        }
        if (task instanceof SwingUpTask) {
            return swingUp();
        }
        throw new IllegalArgumentException("no default planner settings for " + task);
    }

    /** Number of sequences scored per control step: population x iterations for CEM, population for RS. */
    public int sequencesPerStep() {
        return planner == PlannerKind.CEM ? population * iterations : population;
    }

    public PlannerSettings withPlanner(PlannerKind p) {
        return new PlannerSettings(p, horizon, population, elites, iterations, alpha, particles, propagation);
    }

    public PlannerSettings withHorizon(int h) {
        return new PlannerSettings(planner, h, population, elites, iterations, alpha, particles, propagation);
    }

    public PlannerSettings withPopulation(int p) {
        return new PlannerSettings(planner, horizon, p, elites, iterations, alpha, particles, propagation);
    }

    public PlannerSettings withElites(int k) {
        return new PlannerSettings(planner, horizon, population, k, iterations, alpha, particles, propagation);
    }

    public PlannerSettings withIterations(int i) {
        return new PlannerSettings(planner, horizon, population, elites, i, alpha, particles, propagation);
    }

    public PlannerSettings withAlpha(double a) {
        return new PlannerSettings(planner, horizon, population, elites, iterations, a, particles, propagation);
    }

    /** The same with other particles and propagation (set together: the mean needs exactly one particle). */
    public PlannerSettings withPropagation(Propagation p, int n) {
        return new PlannerSettings(planner, horizon, population, elites, iterations, alpha, n, p);
    }
}
