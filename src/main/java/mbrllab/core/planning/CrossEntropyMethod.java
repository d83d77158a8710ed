package mbrllab.core.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.TransitionModel;

/**
 * The cross-entropy method over action sequences, as PETS uses it (see {@link PlannerSettings} for the
 * algorithm): per round, {@code population} sequences u = clip(mu + sigma z), z ~ N(0, I) drawn sequence by
 * sequence and step by step, scored by {@link SequenceScorer}; the {@code elites} best (ties: the lower index)
 * give mu_e and sigma_e (mean and population standard deviation per step), then mu &lt;- alpha mu + (1 - alpha)
 * mu_e and sigma &lt;- alpha sigma + (1 - alpha) sigma_e. The plan is mu after the last round. Each control step
 * starts from mu_0 = the previous plan shifted one step forward with 0 appended (0 after {@link #reset}) and
 * sigma_0 = maxForce / 2 (PETS: variance (upper - lower)^2 / 16).
 */
final class CrossEntropyMethod implements Planner {

    private final CartPoleTask task;
    private final TransitionModel model;
    private final PlannerSettings settings;
    private final Executor executor;
    private final SequenceScorer scorer;
    private final double maxForce;
    private final double initialStd;
    private final double[] warm;
    private final double[] sequences;
    private final double[] returns;
    private final int[] elites;

    CrossEntropyMethod(CartPoleTask task, TransitionModel model, PlannerSettings settings, Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("executor must not be null");
        }
        this.task = task;
        this.model = model;
        this.settings = settings;
        this.executor = executor;
        this.scorer = SequenceScorer.forSettings(task, model, settings);
        this.maxForce = task.maxForce();
        this.initialStd = maxForce / 2;
        int h = settings.horizon();
        this.warm = new double[h];
        this.sequences = new double[settings.population() * h];
        this.returns = new double[settings.population()];
        this.elites = new int[settings.elites()];
    }

    @Override
    public PlannerSettings settings() {
        return settings;
    }

    @Override
    public TransitionModel model() {
        return model;
    }

    @Override
    public void reset() {
        java.util.Arrays.fill(warm, 0);
    }

    @Override
    public Search begin(double[] observation, RandomGenerator rng, boolean record) {
        return new CemSearch(observation, rng, record);
    }

    private final class CemSearch implements Search {

        private final double[] start;
        private final RandomGenerator rng;
        private final boolean record;
        private final double[] mu;
        private final double[] sigma;
        private final List<Iteration> rounds = new ArrayList<>();
        private boolean finished;

        CemSearch(double[] observation, RandomGenerator rng, boolean record) {
            this.start = java.util.Arrays.copyOf(observation, 4);
            this.rng = rng;
            this.record = record;
            this.mu = warm.clone();
            this.sigma = new double[settings.horizon()];
            java.util.Arrays.fill(sigma, initialStd);
        }

        @Override
        public int iterations() {
            return settings.iterations();
        }

        @Override
        public int completed() {
            return rounds.size();
        }

        @Override
        public Iteration iterate() {
            if (finished || isComplete()) {
                throw new IllegalStateException("the search has made all its " + iterations() + " rounds");
            }
            int h = settings.horizon();
            int p = settings.population();
            int k = settings.elites();
            double alpha = settings.alpha();
            for (int c = 0; c < p; c++) {
                for (int t = 0; t < h; t++) {
                    sequences[c * h + t] = task.clip(mu[t] + sigma[t] * rng.nextGaussian());
                }
            }
            double[] states = record ? new double[p * settings.particles() * (h + 1) * 4] : null;
            scorer.score(start, sequences, p, returns, states, rng, executor);
            Elites.top(returns, p, elites);
            double[] oldMu = mu.clone();
            double[] oldSigma = sigma.clone();
            for (int t = 0; t < h; t++) {
                double m = 0;
                for (int e = 0; e < k; e++) {
                    m += sequences[elites[e] * h + t];
                }
                m /= k;
                double v = 0;
                for (int e = 0; e < k; e++) {
                    double d = sequences[elites[e] * h + t] - m;
                    v += d * d;
                }
                double sd = Math.sqrt(v / k);
                mu[t] = alpha * mu[t] + (1 - alpha) * m;
                sigma[t] = alpha * sigma[t] + (1 - alpha) * sd;
            }
            Iteration it = new Iteration(rounds.size(), oldMu, oldSigma, java.util.Arrays.copyOf(sequences, p * h),
                    java.util.Arrays.copyOf(returns, p), elites.clone(), mu.clone(), sigma.clone(), states);
            rounds.add(it);
            return it;
        }

        @Override
        public Plan finish() {
            if (finished) {
                throw new IllegalStateException("the search is already finished");
            }
            while (!isComplete()) {
                iterate();
            }
            finished = true;
            int h = settings.horizon();
            double[] actions = new double[h];
            for (int t = 0; t < h; t++) {
                actions[t] = task.clip(mu[t]);
            }
            double[] j = new double[1];
            double[] states = new double[settings.particles() * (h + 1) * 4];
            scorer.score(start, actions, 1, j, states, rng, executor);
            System.arraycopy(actions, 1, warm, 0, h - 1);
            warm[h - 1] = 0;
            return new Plan(actions, j[0], states, rounds);
        }
    }
}
