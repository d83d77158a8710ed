package mbrllab.core.planning;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.TransitionModel;

/**
 * Random shooting: {@code population} sequences with every force uniform in [-maxForce, maxForce] (drawn sequence
 * by sequence, step by step), scored by {@link SequenceScorer}; the best (ties: the lower index) is the plan. One
 * round, no warm start.
 */
final class RandomShooting implements Planner {

    private final CartPoleTask task;
    private final TransitionModel model;
    private final PlannerSettings settings;
    private final Executor executor;
    private final SequenceScorer scorer;
    private final double maxForce;
    private final double[] sequences;
    private final double[] returns;

    RandomShooting(CartPoleTask task, TransitionModel model, PlannerSettings settings, Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("executor must not be null");
        }
        this.task = task;
        this.model = model;
        this.settings = settings;
        this.executor = executor;
        this.scorer = SequenceScorer.forSettings(task, model, settings);
        this.maxForce = task.maxForce();
        this.sequences = new double[settings.population() * settings.horizon()];
        this.returns = new double[settings.population()];
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
        // no warm start
    }

    @Override
    public Search begin(double[] observation, RandomGenerator rng, boolean record) {
        double[] start = java.util.Arrays.copyOf(observation, 4);
        return new Search() {
            private Iteration round;
            private boolean finished;

            @Override
            public int iterations() {
                return 1;
            }

            @Override
            public int completed() {
                return round == null ? 0 : 1;
            }

            @Override
            public Iteration iterate() {
                if (round != null) {
                    throw new IllegalStateException("random shooting makes one round");
                }
                int h = settings.horizon();
                int p = settings.population();
                for (int i = 0; i < p * h; i++) {
                    sequences[i] = maxForce * (2 * rng.nextDouble() - 1);
                }
                double[] states = record ? new double[p * settings.particles() * (h + 1) * 4] : null;
                scorer.score(start, sequences, p, returns, states, rng, executor);
                int[] best = new int[1];
                Elites.top(returns, p, best);
                double[] mean = new double[h];
                double[] std = new double[h];
                java.util.Arrays.fill(std, maxForce / Math.sqrt(3));
                double[] chosen = java.util.Arrays.copyOfRange(sequences, best[0] * h, best[0] * h + h);
                round = new Iteration(0, mean, std, java.util.Arrays.copyOf(sequences, p * h),
                        java.util.Arrays.copyOf(returns, p), best, chosen, new double[h], states);
                return round;
            }

            @Override
            public Plan finish() {
                if (finished) {
                    throw new IllegalStateException("the search is already finished");
                }
                if (round == null) {
                    iterate();
                }
                finished = true;
                int h = settings.horizon();
                double[] actions = round.nextMean().clone();
                double[] j = new double[1];
                double[] states = new double[settings.particles() * (h + 1) * 4];
                scorer.score(start, actions, 1, j, states, rng, executor);
                return new Plan(actions, j[0], states, List.of(round));
            }
        };
    }
}
