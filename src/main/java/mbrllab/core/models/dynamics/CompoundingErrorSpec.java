package mbrllab.core.models.dynamics;

import java.util.List;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ModelKind;
import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.random.SplitMix64;

/**
 * The data and the seeds of the compounding-error study on PILCO's swing-up cart-pole, the one recipe that the
 * models lab and {@code models rollout} both follow, so that the same seed gives the same numbers in both:
 * <ul>
 *   <li>training data: {@code episodes} random-action episodes of {@link #EPISODE_STEPS} steps
 *       ({@link RandomEpisodes#collect}, start std {@link RandomEpisodes#PILCO_START_STD}), drawn from stream 1 of
 *       the seed;</li>
 *   <li>held-out episodes: {@code testEpisodes} more, from stream 2, and one window of {@code horizon} steps in
 *       each, its start drawn from stream 3 ({@link HeldOut#offsets});</li>
 *   <li>the model fit: a generator of stream 4 ({@link #fitRng()}), a fresh one for each model;</li>
 *   <li>the predictions: window w from {@code streamSeed(predictionSeed(), w)} ({@link #windowRng},
 *       {@link CompoundingError#evaluate}).</li>
 * </ul>
 * Stream i of the seed is {@code new SplitMix64(SplitMix64.streamSeed(seed, i))}.
 *
 * @param episodes     training episodes, in [1, 10,000]
 * @param testEpisodes held-out episodes (one window each), in [1, 10,000]
 * @param horizon      steps of a window (predicted ahead), in [1, {@link #EPISODE_STEPS}]
 * @param seed         the seed of everything
 */
public record CompoundingErrorSpec(int episodes, int testEpisodes, int horizon, long seed) {

    /** The system: PILCO's swing-up. */
    public static final SwingUpSystem SYSTEM = SwingUpSystem.pilco();
    /** Steps of one episode: the swing-up's 4 s horizon, 40 control periods of 0.1 s. */
    public static final int EPISODE_STEPS = SYSTEM.horizonSteps();
    /** Most training episodes for an ensemble. */
    public static final int MAX_ENSEMBLE_EPISODES = 1000;

    public CompoundingErrorSpec {
        if (episodes < 1 || episodes > 10_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000], got " + episodes);
        }
        if (testEpisodes < 1 || testEpisodes > 10_000) {
            throw new IllegalArgumentException("testEpisodes must be in [1, 10000], got " + testEpisodes);
        }
        if (horizon < 1 || horizon > EPISODE_STEPS) {
            throw new IllegalArgumentException("horizon must be in [1, " + EPISODE_STEPS + "], got " + horizon);
        }
    }

    /**
     * Most training episodes a model takes: a GP's {@link GpSpec#MAX_POINTS} transitions (75 episodes; its cost
     * grows with n^3), {@link #MAX_ENSEMBLE_EPISODES} for an ensemble.
     */
    public static int maxEpisodes(ModelKind model) {
        return model == ModelKind.GP ? GpSpec.MAX_POINTS / EPISODE_STEPS : MAX_ENSEMBLE_EPISODES;
    }

    /**
     * The training and held-out data, drawn from streams 1 to 3.
     *
     * @param train       the training episodes, {@code episodes} of {@link #EPISODE_STEPS} steps
     * @param test        the held-out episodes, {@code testEpisodes} of them
     * @param offsets     the step each window starts at in its held-out episode
     * @param windows     the held-out windows of {@code horizon} steps (start, true forces, true states)
     * @param transitions the training transitions: inputs (s, u), targets s' - s ({@link Transitions#of})
     */
    public record Data(List<Trajectory> train, List<Trajectory> test, int[] offsets, List<Trajectory> windows,
                       Dataset transitions) {
    }

    /** Collects the data (deterministic in the seed). */
    public Data collect() {
        List<Trajectory> train = RandomEpisodes.collect(SYSTEM, episodes, EPISODE_STEPS,
                RandomEpisodes.PILCO_START_STD, stream(1));
        List<Trajectory> test = RandomEpisodes.collect(SYSTEM, testEpisodes, EPISODE_STEPS,
                RandomEpisodes.PILCO_START_STD, stream(2));
        int[] offsets = HeldOut.offsets(test, horizon, stream(3));
        List<Trajectory> windows = HeldOut.windows(test, horizon, offsets);
        return new Data(train, test, offsets, windows, Transitions.of(train));
    }

    /**
     * What the study costs on {@code workers} threads with {@code model} fitted to the training transitions and
     * {@code method} predicting every window (one piece per window): the fit's {@link ModelSpec#fitCost}, then per
     * window and step a moment-matching step through the GPs ({@link Rates#MOMENT_MATCHING_NS_PER_N2}), or per
     * particle a prediction of all GP outputs, or of one ensemble member.
     */
    public Cost cost(ModelSpec model, PredictionMethod method, RolloutSettings settings, int workers) {
        int n = episodes * EPISODE_STEPS;
        int d = Transitions.INPUT_DIM;
        int p = Transitions.OUTPUT_DIM;
        Cost fit = model.fitCost(n, d, p, workers);
        double perStep;
        if (method == PredictionMethod.MOMENT_MATCHING) {
            perStep = (Rates.MOMENT_MATCHING_NS_PER_N2 * n * n + Rates.MOMENT_MATCHING_NS_PER_N * n) / 1e9;
        } else {
            perStep = model.predictCost(n, d, p, settings.particles()).seconds();
            if (model instanceof EnsembleSpec ensemble) {
                perStep /= ensemble.members();
            }
        }
        double particles = method == PredictionMethod.MOMENT_MATCHING ? 1 : settings.particles();
        double bytes = fit.bytes() + Math.min(workers, testEpisodes) * (horizon + 2.0) * particles * p * 4
                * Rates.DOUBLE;
        Cost predict = Cost.of(testEpisodes * horizon * perStep, testEpisodes, workers, bytes, testEpisodes
                + " windows x " + horizon + " steps" + (particles > 1 ? " x " + settings.particles() + " particles"
                : ""));
        return fit.then(predict);
    }

    /** A new generator for fitting a model: stream 4 (each model fitted from a fresh one). */
    public SplitMix64 fitRng() {
        return stream(4);
    }

    /** The seed of the predictions: window w is predicted with {@code streamSeed(predictionSeed(), w)}. */
    public long predictionSeed() {
        return SplitMix64.streamSeed(seed, 5);
    }

    /** The generator of the prediction from window w ({@link CompoundingError#evaluate} draws the same). */
    public SplitMix64 windowRng(int w) {
        return new SplitMix64(SplitMix64.streamSeed(predictionSeed(), w));
    }

    private SplitMix64 stream(int i) {
        return new SplitMix64(SplitMix64.streamSeed(seed, i));
    }
}
