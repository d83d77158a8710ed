package mbrllab.core.planning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.Controller;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.transition.TransitionModel;
import mbrllab.core.random.SplitMix64;

/**
 * The PETS loop ({@link PetsSpec}), episode by episode. The data are the learner's observations (noisy on the
 * swing-up); the planner plans from the observed state; the episodes keep the true states too.
 *
 * <p><b>Randomness.</b> Every episode k draws from its own streams of the spec's seed
 * ({@link SplitMix64#streamSeed}): the start state and the observation noise (stream k), the random forces of
 * episode 1, the model's fit and the planner's candidates and particles, so the start state of episode k is the
 * same whatever the planner and model (common random numbers), and a seed gives the same run bit for bit whatever
 * the executor.
 */
public final class PetsLoop {

    /** Stream offsets of the per-episode generators. */
    static final long FORCES_STREAM = 1_000_000;
    static final long FIT_STREAM = 2_000_000;
    static final long PLAN_STREAM = 3_000_000;

    private final PetsSpec spec;
    private final Executor executor;
    private final PetsObserver observer;
    private final List<Trajectory> data = new ArrayList<>();
    private final List<PetsEpisode> episodes = new ArrayList<>();
    private int transitions;
    private TransitionModel model;

    /**
     * @param executor runs the model's fit and the planner's pieces
     * @param observer follows the run (may be {@link PetsObserver#NONE})
     */
    public PetsLoop(PetsSpec spec, Executor executor, PetsObserver observer) {
        if (spec == null || executor == null || observer == null) {
            throw new IllegalArgumentException("spec, executor and observer must not be null");
        }
        this.spec = spec;
        this.executor = executor;
        this.observer = observer;
    }

    /**
     * Runs every episode of the spec.
     *
     * @return the episodes, in order; fewer if the observer cancelled
     */
    public static List<PetsEpisode> run(PetsSpec spec, Executor executor, PetsObserver observer) {
        PetsLoop loop = new PetsLoop(spec, executor, observer);
        try {
            while (loop.hasNext()) {
                loop.next();
            }
        } catch (CancellationException e) {
            // the observer cancelled: keep the finished episodes
        }
        return loop.episodes();
    }

    /** The spec. */
    public PetsSpec spec() {
        return spec;
    }

    /** Whether episodes remain. */
    public boolean hasNext() {
        return episodes.size() < spec.episodes();
    }

    /** The finished episodes, in order (read only). */
    public List<PetsEpisode> episodes() {
        return Collections.unmodifiableList(episodes);
    }

    /** The observed trajectories collected so far (read only). */
    public List<Trajectory> data() {
        return Collections.unmodifiableList(data);
    }

    /** The model of the latest planned episode, or null before the first. */
    public TransitionModel model() {
        return model;
    }

    /**
     * Runs the next episode: the random one first, then fit and MPC.
     *
     * @throws CancellationException if the observer cancelled during the episode (nothing is added)
     * @throws IllegalStateException if no episodes remain
     */
    public PetsEpisode next() {
        if (!hasNext()) {
            throw new IllegalStateException("all " + spec.episodes() + " episodes are done");
        }
        int number = episodes.size() + 1;
        CartPoleTask task = spec.task();
        SplitMix64 world = new SplitMix64(SplitMix64.streamSeed(spec.seed(), number));
        PetsEpisode result;
        if (number == 1) {
            SplitMix64 forces = new SplitMix64(SplitMix64.streamSeed(spec.seed(), FORCES_STREAM));
            double max = task.maxForce();
            TaskEpisode e = TaskEpisode.run(task, (o, t) -> {
                checkCancelled();
                return max * (2 * forces.nextDouble() - 1);
            }, world);
            result = new PetsEpisode(number, true, e, transitions + e.length(), 0, 0, Double.NaN, Double.NaN,
                    success(task, e));
        } else {
            long fitStart = System.nanoTime();
            model = spec.model().fit(task, data, new SplitMix64(SplitMix64.streamSeed(spec.seed(),
                    FIT_STREAM + number)), executor);
            double fitMillis = (System.nanoTime() - fitStart) / 1e6;
            observer.modelFitted(number, model);
            Planner planner = Planner.create(task, model, spec.planner(), executor);
            SplitMix64 planRng = new SplitMix64(SplitMix64.streamSeed(spec.seed(), PLAN_STREAM + number));
            boolean record = observer.recordRollouts();
            List<double[]> plans = new ArrayList<>();
            double[] predicted = new double[task.steps()];
            long[] planNanos = new long[1];
            Controller mpc = (o, t) -> {
                checkCancelled();
                long t0 = System.nanoTime();
                Plan plan = planner.begin(o, planRng, record).finish();
                planNanos[0] += System.nanoTime() - t0;
                plans.add(plan.actions());
                predicted[t] = plan.predictedReturn();
                observer.planned(number, t, o, plan);
                return plan.firstAction();
            };
            TaskEpisode e = TaskEpisode.run(task, mpc, world);
            int steps = e.length();
            double predictedSum = 0;
            double replayedSum = 0;
            Trajectory truth = e.truth();
            for (int t = 0; t < steps; t++) {
                predictedSum += predicted[t];
                replayedSum += OpenLoop.trueReturn(task, truth.state(t), plans.get(t));
            }
            result = new PetsEpisode(number, false, e, transitions + steps, fitMillis, planNanos[0] / 1e6 / steps,
                    predictedSum / steps, replayedSum / steps, success(task, e));
        }
        data.add(result.episode().observed());
        transitions = result.transitions();
        episodes.add(result);
        observer.episodeFinished(result);
        return result;
    }

    private void checkCancelled() {
        if (observer.isCancelled()) {
            throw new CancellationException("PETS run cancelled");
        }
    }

    /** Swing-up: {@link SwingUpTask#isSuccess}; balance: all steps without termination. */
    static boolean success(CartPoleTask task, TaskEpisode e) {
        if (task instanceof SwingUpTask s) {
            return s.isSuccess(e.truth().states());
        }
        return !e.terminated() && e.length() == task.steps();
    }
}
